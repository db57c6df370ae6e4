package curated

import (
	"fmt"
	"go/constant"
	"go/token"
	"log"
	"os"
	"reflect"
)

// The log a program sees: a standard logger of the program's own, which
// writes to the program's standard error (the process's standard logger
// stays the interpreter's, whose notes are not the program's output), and
// Fatal, Fatalf and Fatalln end the program with status 1 after writing,
// as in Go. A Logger's own Fatal methods exit the process directly, which
// the parent reports as exit status 1 too.

// Std is the program's standard logger.
var Std = log.New(os.Stderr, "", log.LstdFlags)

// Print writes as fmt.Print to the standard logger.
func Print(v ...any) { Std.Output(2, fmt.Sprint(v...)) }

// Printf writes as fmt.Printf to the standard logger.
func Printf(format string, v ...any) { Std.Output(2, fmt.Sprintf(format, v...)) }

// Println writes as fmt.Println to the standard logger.
func Println(v ...any) { Std.Output(2, fmt.Sprintln(v...)) }

// Panic is Print followed by a panic with the message.
func Panic(v ...any) {
	s := fmt.Sprint(v...)
	Std.Output(2, s)
	panic(s)
}

// Panicf is Printf followed by a panic with the message.
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	Std.Output(2, s)
	panic(s)
}

// Panicln is Println followed by a panic with the message.
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	Std.Output(2, s)
	panic(s)
}

// Fatal is Print followed by Exit(1).
func Fatal(v ...any) {
	Std.Output(2, fmt.Sprint(v...))
	Hooks.Exit(1)
}

// Fatalf is Printf followed by Exit(1).
func Fatalf(format string, v ...any) {
	Std.Output(2, fmt.Sprintf(format, v...))
	Hooks.Exit(1)
}

// Fatalln is Println followed by Exit(1).
func Fatalln(v ...any) {
	Std.Output(2, fmt.Sprintln(v...))
	Hooks.Exit(1)
}

// Output writes a log line as Logger.Output does, for the caller calldepth
// frames up.
func Output(calldepth int, s string) error { return Std.Output(calldepth+1, s) }

func init() {
	Symbols["log/log"] = map[string]reflect.Value{
		"Default":   reflect.ValueOf(func() *log.Logger { return Std }),
		"Fatal":     reflect.ValueOf(Fatal),
		"Fatalf":    reflect.ValueOf(Fatalf),
		"Fatalln":   reflect.ValueOf(Fatalln),
		"Flags":     reflect.ValueOf(Std.Flags),
		"New":       reflect.ValueOf(log.New),
		"Output":    reflect.ValueOf(Output),
		"Panic":     reflect.ValueOf(Panic),
		"Panicf":    reflect.ValueOf(Panicf),
		"Panicln":   reflect.ValueOf(Panicln),
		"Prefix":    reflect.ValueOf(Std.Prefix),
		"Print":     reflect.ValueOf(Print),
		"Printf":    reflect.ValueOf(Printf),
		"Println":   reflect.ValueOf(Println),
		"SetFlags":  reflect.ValueOf(Std.SetFlags),
		"SetOutput": reflect.ValueOf(Std.SetOutput),
		"SetPrefix": reflect.ValueOf(Std.SetPrefix),
		"Writer":    reflect.ValueOf(Std.Writer),
		"Logger":    reflect.ValueOf((*log.Logger)(nil)),

		"Ldate":         reflect.ValueOf(constant.MakeFromLiteral("1", token.INT, 0)),
		"Ltime":         reflect.ValueOf(constant.MakeFromLiteral("2", token.INT, 0)),
		"Lmicroseconds": reflect.ValueOf(constant.MakeFromLiteral("4", token.INT, 0)),
		"Llongfile":     reflect.ValueOf(constant.MakeFromLiteral("8", token.INT, 0)),
		"Lshortfile":    reflect.ValueOf(constant.MakeFromLiteral("16", token.INT, 0)),
		"LUTC":          reflect.ValueOf(constant.MakeFromLiteral("32", token.INT, 0)),
		"Lmsgprefix":    reflect.ValueOf(constant.MakeFromLiteral("64", token.INT, 0)),
		"LstdFlags":     reflect.ValueOf(constant.MakeFromLiteral("3", token.INT, 0)),
	}
}
