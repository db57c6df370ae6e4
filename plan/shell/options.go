package shell

import "strings"

// optSpec describes the options a command accepts, the way getopt_long does.
type optSpec struct {
	// short lists the single-letter options: a letter followed by ':'
	// takes a value (attached or the next word), by '::' an optional value
	// that must be attached.
	short string
	// long maps long option names to noValue, needsValue or mayValue.
	long map[string]byte
	// permute lets options follow operands, as GNU getopt does unless the
	// program asks it not to; most wrappers stop at their first operand.
	permute bool
	// plus accepts "+x" as well as "-x", as shells do for set options.
	plus bool
}

const (
	noValue    = 0
	needsValue = ':'
	mayValue   = '?' // only as --name=value
)

// option is one parsed option: "-x", "+x" or "--name", with its value.
type option struct {
	name  string
	value string
}

// parse splits args into options and operands. ok is false for an option
// the command does not take or a missing value: what the command would do
// then is not worth guessing.
func (s optSpec) parse(args []string) (opts []option, operands []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return opts, append(operands, args[i+1:]...), true
		case strings.HasPrefix(a, "--"):
			name, val, eq := strings.Cut(a[2:], "=")
			kind, known := s.long[name]
			switch {
			case !known:
				return nil, nil, false
			case kind == noValue && eq:
				return nil, nil, false
			case kind == needsValue && !eq:
				if i+1 >= len(args) {
					return nil, nil, false
				}
				i++
				val = args[i]
			}
			opts = append(opts, option{name: "--" + name, value: val})
		case len(a) > 1 && (a[0] == '-' || s.plus && a[0] == '+'):
		letters:
			for j := 1; j < len(a); j++ {
				c := a[j]
				k := strings.IndexByte(s.short, c)
				if c == ':' || k < 0 {
					return nil, nil, false
				}
				name := string([]byte{a[0], c})
				needs := k+1 < len(s.short) && s.short[k+1] == ':'
				optional := needs && k+2 < len(s.short) && s.short[k+2] == ':'
				switch {
				case optional || needs && j+1 < len(a):
					opts = append(opts, option{name: name, value: a[j+1:]})
					break letters
				case needs:
					if i+1 >= len(args) {
						return nil, nil, false
					}
					i++
					opts = append(opts, option{name: name, value: args[i]})
					break letters
				default:
					opts = append(opts, option{name: name})
				}
			}
		case s.permute:
			operands = append(operands, a)
		default:
			return opts, append(operands, args[i:]...), true
		}
	}
	return opts, operands, true
}

// has reports whether any of names was given, and the last one's value.
func has(opts []option, names ...string) (string, bool) {
	val, found := "", false
	for _, o := range opts {
		for _, n := range names {
			if o.name == n {
				val, found = o.value, true
			}
		}
	}
	return val, found
}

// longs builds a long-option table from "name", "name=" (needs a value)
// and "name?" (may take one).
func longs(names ...string) map[string]byte {
	m := make(map[string]byte, len(names))
	for _, n := range names {
		switch {
		case strings.HasSuffix(n, "="):
			m[strings.TrimSuffix(n, "=")] = needsValue
		case strings.HasSuffix(n, "?"):
			m[strings.TrimSuffix(n, "?")] = mayValue
		default:
			m[n] = noValue
		}
	}
	return m
}
