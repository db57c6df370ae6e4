package curated

import (
	"fmt"
	"go/constant"
	"go/token"
	"log"
	"reflect"
)

// The log a program sees: the standard logger writes to the program's
// standard error, and Fatal, Fatalf and Fatalln end the program with
// status 1 after writing, as in Go. A Logger's own Fatal methods exit the
// process directly, which the parent reports as exit status 1 too.

// Fatal is log.Print followed by Exit(1).
func Fatal(v ...any) {
	log.Output(2, fmt.Sprint(v...))
	Hooks.Exit(1)
}

// Fatalf is log.Printf followed by Exit(1).
func Fatalf(format string, v ...any) {
	log.Output(2, fmt.Sprintf(format, v...))
	Hooks.Exit(1)
}

// Fatalln is log.Println followed by Exit(1).
func Fatalln(v ...any) {
	log.Output(2, fmt.Sprintln(v...))
	Hooks.Exit(1)
}

func init() {
	Symbols["log/log"] = map[string]reflect.Value{
		"Default":   reflect.ValueOf(log.Default),
		"Fatal":     reflect.ValueOf(Fatal),
		"Fatalf":    reflect.ValueOf(Fatalf),
		"Fatalln":   reflect.ValueOf(Fatalln),
		"Flags":     reflect.ValueOf(log.Flags),
		"New":       reflect.ValueOf(log.New),
		"Output":    reflect.ValueOf(log.Output),
		"Panic":     reflect.ValueOf(log.Panic),
		"Panicf":    reflect.ValueOf(log.Panicf),
		"Panicln":   reflect.ValueOf(log.Panicln),
		"Prefix":    reflect.ValueOf(log.Prefix),
		"Print":     reflect.ValueOf(log.Print),
		"Printf":    reflect.ValueOf(log.Printf),
		"Println":   reflect.ValueOf(log.Println),
		"SetFlags":  reflect.ValueOf(log.SetFlags),
		"SetOutput": reflect.ValueOf(log.SetOutput),
		"SetPrefix": reflect.ValueOf(log.SetPrefix),
		"Writer":    reflect.ValueOf(log.Writer),
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
