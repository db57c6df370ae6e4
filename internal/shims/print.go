package shims

import (
	"io"
	"os"
	"reflect"
	"strconv"
	"sync"
)

// Output is the program's standard output, where the builtins print and
// println and the shims' Printf and Print write.
var Output io.Writer = os.Stdout

var printMu sync.Mutex

// BuiltinPrint is the builtin print, and BuiltinPrintln the builtin println: the rewrite
// passes, for each argument, the kind of its static type, since the
// builtins print by static type (an interface as its two words, a pointer
// as an address) and the arguments reach here as interface values. The
// kinds are b (bool), i (signed integer), u (unsigned, uintptr), f
// (float64), g (float32), c (complex128), C (complex64), s (string), P
// (pointer, channel, map or function), S (slice) and I (interface). Values are written as the Go runtime writes
// them, to Output, in one write.
func BuiltinPrint(kinds string, args ...any) { builtinPrint(kinds, args, false) }

// BuiltinPrintln is the builtin println; see BuiltinPrint.
func BuiltinPrintln(kinds string, args ...any) { builtinPrint(kinds, args, true) }

func builtinPrint(kinds string, args []any, newline bool) {
	var buf []byte
	for i, a := range args {
		if newline && i > 0 {
			buf = append(buf, ' ')
		}
		kind := byte('I')
		if i < len(kinds) {
			kind = kinds[i]
		}
		buf = appendBuiltin(buf, kind, a)
	}
	if newline {
		buf = append(buf, '\n')
	}
	printMu.Lock()
	Output.Write(buf)
	printMu.Unlock()
}

func appendBuiltin(buf []byte, kind byte, a any) []byte {
	v := reflect.ValueOf(a)
	if kind == 'I' {
		if a == nil {
			return append(buf, "(0x0,0x0)"...)
		}
		// The words of a non-nil interface are addresses, which differ from
		// run to run in Go too.
		return append(buf, "(0x1,0x1)"...)
	}
	if !v.IsValid() {
		switch kind {
		case 'S':
			return append(buf, "[0/0]0x0"...)
		default:
			return append(buf, "0x0"...)
		}
	}
	switch kind {
	case 'b':
		return strconv.AppendBool(buf, v.Bool())
	case 'i':
		return strconv.AppendInt(buf, v.Int(), 10)
	case 'u':
		return strconv.AppendUint(buf, v.Uint(), 10)
	case 'f':
		return strconv.AppendFloat(buf, v.Float(), 'g', -1, 64)
	case 'g':
		return strconv.AppendFloat(buf, v.Float(), 'g', -1, 32)
	case 'c':
		return append(buf, strconv.FormatComplex(v.Complex(), 'g', -1, 128)...)
	case 'C':
		return append(buf, strconv.FormatComplex(v.Complex(), 'g', -1, 64)...)
	case 's':
		return append(buf, v.String()...)
	case 'S':
		buf = append(buf, '[')
		buf = strconv.AppendInt(buf, int64(v.Len()), 10)
		buf = append(buf, '/')
		buf = strconv.AppendInt(buf, int64(v.Cap()), 10)
		buf = append(buf, ']')
		if v.IsNil() {
			return append(buf, "0x0"...)
		}
		return appendHex(buf, uint64(v.Pointer()))
	default: // 'P'
		switch v.Kind() {
		case reflect.Pointer, reflect.Chan, reflect.Map, reflect.Func, reflect.UnsafePointer:
			if v.IsNil() {
				return append(buf, "0x0"...)
			}
			return appendHex(buf, uint64(v.Pointer()))
		}
		return append(buf, "0x1"...)
	}
}

func appendHex(buf []byte, x uint64) []byte {
	buf = append(buf, "0x"...)
	return strconv.AppendUint(buf, x, 16)
}
