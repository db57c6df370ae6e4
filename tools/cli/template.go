package cli

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// A part is literal text or a placeholder within one command element.
type part struct {
	lit    string // literal text, when param is ""
	param  string // the param a placeholder names
	spread bool   // {param...}: one argv element per list item
}

// An element is one entry of a command template.
type element struct {
	parts []part
	// afterDashDash is set for elements after a literal "--": most programs
	// read no options there, so a value may start with "-".
	afterDashDash bool
}

// parseElement splits one template entry into literal text and
// placeholders. "{{" is a literal "{"; a "}" outside a placeholder is
// literal.
func parseElement(s string) ([]part, error) {
	var parts []part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '{' {
			lit.WriteByte(s[i])
			i++
			continue
		}
		if strings.HasPrefix(s[i:], "{{") {
			lit.WriteByte('{')
			i += 2
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return nil, fmt.Errorf("unclosed { in %q; write {{ for a literal brace", s)
		}
		inner := s[i+1 : i+end]
		name, spread := strings.CutSuffix(inner, "...")
		if !token.IsIdentifier(name) {
			return nil, fmt.Errorf("{%s} in %q is not a placeholder such as {name} or {name...}; write {{ for a literal brace", inner, s)
		}
		flush()
		parts = append(parts, part{param: name, spread: spread})
		i += end + 1
	}
	flush()
	return parts, nil
}

// parseCommand parses and checks a command template against the params.
// used collects the params it names.
func parseCommand(label string, command []string, types map[string]string, used map[string]bool) ([]element, error) {
	if len(command) == 0 {
		return nil, fmt.Errorf("%s.command: want a list such as [git, log, \"-n{count}\"], the program first", label)
	}
	elems := make([]element, len(command))
	afterDashDash := false
	for i, s := range command {
		where := fmt.Sprintf("%s.command[%d]", label, i)
		if strings.ContainsRune(s, 0) {
			return nil, fmt.Errorf("%s: contains a NUL byte", where)
		}
		parts, err := parseElement(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if i == 0 {
			if len(parts) != 1 || parts[0].param != "" {
				return nil, fmt.Errorf("%s: the program must be a literal name such as git, without placeholders", where)
			}
		}
		for _, pt := range parts {
			if pt.param == "" {
				continue
			}
			typ, ok := types[pt.param]
			if !ok {
				return nil, fmt.Errorf("%s: {%s} names no param (params: %s)", where, pt.param, paramList(types))
			}
			used[pt.param] = true
			switch {
			case pt.spread && typ != typeStrings:
				return nil, fmt.Errorf("%s: {%s...} spreads a list, but %s is a %s; write {%s}", where, pt.param, pt.param, typ, pt.param)
			case pt.spread && len(parts) != 1:
				return nil, fmt.Errorf("%s: {%s...} must be the whole element, with no text around it", where, pt.param)
			case !pt.spread && typ == typeStrings:
				return nil, fmt.Errorf("%s: %s is a []string; spread it as a whole element {%s...}", where, pt.param, pt.param)
			}
		}
		elems[i] = element{parts: parts, afterDashDash: afterDashDash}
		if s == "--" {
			afterDashDash = true
		}
	}
	return elems, nil
}

// parseStdin parses the stdin setting, a single placeholder of a string
// param, and returns the param's name.
func parseStdin(label, s string, types map[string]string, used map[string]bool) (string, error) {
	where := label + ".stdin"
	parts, err := parseElement(s)
	if err != nil {
		return "", fmt.Errorf("%s: %w", where, err)
	}
	if len(parts) != 1 || parts[0].param == "" || parts[0].spread {
		return "", fmt.Errorf("%s: want a single placeholder such as {input} naming a string param, got %q", where, s)
	}
	name := parts[0].param
	typ, ok := types[name]
	if !ok {
		return "", fmt.Errorf("%s: {%s} names no param (params: %s)", where, name, paramList(types))
	}
	if typ != "string" {
		return "", fmt.Errorf("%s: %s is a %s; stdin takes a string param", where, name, typ)
	}
	used[name] = true
	return name, nil
}

// argv builds the argument list of a call from canonical arguments. It
// refuses NUL bytes and values that would start an element with "-".
func (t *tool) argv(args map[string]any) ([]string, error) {
	vals := make(map[string]any, len(t.params))
	for _, p := range t.params {
		v, ok := args[p.name]
		if !ok {
			return nil, fmt.Errorf("argument %s is missing", p.name)
		}
		c, err := canonical(p.typ, v)
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", p.name, err)
		}
		vals[p.name] = c
	}
	program := t.command[0]
	argv := []string{program}
	for _, e := range t.elems[1:] {
		if len(e.parts) == 1 && e.parts[0].spread {
			name := e.parts[0].param
			for i, item := range vals[name].([]any) {
				s := item.(string)
				where := fmt.Sprintf("%s[%d]", name, i)
				if err := checkValue(where, s, !e.afterDashDash, program); err != nil {
					return nil, err
				}
				argv = append(argv, s)
			}
			continue
		}
		var b strings.Builder
		for _, pt := range e.parts {
			if pt.param == "" {
				b.WriteString(pt.lit)
				continue
			}
			s := format(vals[pt.param])
			first := b.Len() == 0 && !e.afterDashDash
			if err := checkValue(pt.param, s, first, program); err != nil {
				return nil, err
			}
			b.WriteString(s)
		}
		argv = append(argv, b.String())
	}
	return argv, nil
}

// checkValue refuses a value that cannot go into an argument list: one with
// a NUL byte, or, when it starts an element (first), one starting with "-",
// which the program would read as an option.
func checkValue(name, s string, first bool, program string) error {
	if strings.ContainsRune(s, 0) {
		return fmt.Errorf("argument %s contains a NUL byte, which a command-line argument cannot hold", name)
	}
	if first && strings.HasPrefix(s, "-") {
		return fmt.Errorf("argument %s: %q would start a command-line argument with \"-\", which %s would read as an option; "+
			"options cannot be passed through arguments (for a file name, write ./%s; only values after \"--\" in the policy's command may start with \"-\")",
			name, s, program, s)
	}
	return nil
}

// format writes a canonical scalar as one argument.
func format(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	panic(fmt.Sprintf("cli: unexpected argument type %T", v))
}
