package curated

import (
	"go/constant"
	"go/token"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// The os a program sees: its standard streams, an exit status, an empty
// command line and an empty environment of its own. There are no files,
// processes, users or hosts: programs read files through tool packages.
// The file-system types and error values exist so that code which names
// them type-checks, and errors.Is(err, os.ErrNotExist) works on the errors
// tools return.

// Stdin, Stdout and Stderr are the program's streams. Stdin is at its end;
// the child points Stderr at the program's output.
var (
	Stdin  = os.Stdin
	Stdout = os.Stdout
	Stderr = os.Stderr
)

// Args is the program's command line: its name, and no arguments.
var Args = []string{"main"}

// Exit ends the program with the status code: 0 is success, as when main
// returns; deferred functions do not run.
func Exit(code int) { Hooks.Exit(code) }

// env is the program's environment, empty when it starts.
var env = struct {
	sync.Mutex
	vars map[string]string
}{vars: map[string]string{}}

// Getenv returns the value of the variable key in the program's own
// environment, which starts empty.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv returns the value of the variable key and whether it is set.
func LookupEnv(key string) (string, bool) {
	env.Lock()
	defer env.Unlock()
	v, ok := env.vars[key]
	return v, ok
}

// Setenv sets a variable of the program's own environment.
func Setenv(key, value string) error {
	if key == "" || strings.ContainsAny(key, "=\x00") || strings.Contains(value, "\x00") {
		return &os.SyscallError{Syscall: "setenv", Err: fs.ErrInvalid}
	}
	env.Lock()
	env.vars[key] = value
	env.Unlock()
	return nil
}

// Unsetenv removes a variable of the program's own environment.
func Unsetenv(key string) error {
	env.Lock()
	delete(env.vars, key)
	env.Unlock()
	return nil
}

// Clearenv removes every variable.
func Clearenv() {
	env.Lock()
	env.vars = map[string]string{}
	env.Unlock()
}

// Environ returns the program's environment as "key=value" strings.
func Environ() []string {
	env.Lock()
	defer env.Unlock()
	out := make([]string, 0, len(env.vars))
	for k, v := range env.vars {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

// ExpandEnv replaces $var and ${var} in s by the program's environment.
func ExpandEnv(s string) string { return os.Expand(s, Getenv) }

func init() {
	Symbols["os/os"] = map[string]reflect.Value{
		// The streams, the command line, the exit status.
		"Stdin":  reflect.ValueOf(&Stdin).Elem(),
		"Stdout": reflect.ValueOf(&Stdout).Elem(),
		"Stderr": reflect.ValueOf(&Stderr).Elem(),
		"Args":   reflect.ValueOf(&Args).Elem(),
		"Exit":   reflect.ValueOf(Exit),

		// The program's own environment.
		"Getenv":    reflect.ValueOf(Getenv),
		"LookupEnv": reflect.ValueOf(LookupEnv),
		"Setenv":    reflect.ValueOf(Setenv),
		"Unsetenv":  reflect.ValueOf(Unsetenv),
		"Clearenv":  reflect.ValueOf(Clearenv),
		"Environ":   reflect.ValueOf(Environ),
		"ExpandEnv": reflect.ValueOf(ExpandEnv),
		"Expand":    reflect.ValueOf(os.Expand),

		// Errors, and the predicates over them.
		"ErrInvalid":          reflect.ValueOf(&os.ErrInvalid).Elem(),
		"ErrPermission":       reflect.ValueOf(&os.ErrPermission).Elem(),
		"ErrExist":            reflect.ValueOf(&os.ErrExist).Elem(),
		"ErrNotExist":         reflect.ValueOf(&os.ErrNotExist).Elem(),
		"ErrClosed":           reflect.ValueOf(&os.ErrClosed).Elem(),
		"ErrNoDeadline":       reflect.ValueOf(&os.ErrNoDeadline).Elem(),
		"ErrDeadlineExceeded": reflect.ValueOf(&os.ErrDeadlineExceeded).Elem(),
		"ErrProcessDone":      reflect.ValueOf(&os.ErrProcessDone).Elem(),
		"IsExist":             reflect.ValueOf(os.IsExist),
		"IsNotExist":          reflect.ValueOf(os.IsNotExist),
		"IsPermission":        reflect.ValueOf(os.IsPermission),
		"IsTimeout":           reflect.ValueOf(os.IsTimeout),
		"NewSyscallError":     reflect.ValueOf(os.NewSyscallError),

		// Constants of paths and file modes.
		"PathSeparator":     reflect.ValueOf(constant.MakeFromLiteral("'/'", token.CHAR, 0)),
		"PathListSeparator": reflect.ValueOf(constant.MakeFromLiteral("':'", token.CHAR, 0)),
		"DevNull":           reflect.ValueOf(constant.MakeFromLiteral(`"/dev/null"`, token.STRING, 0)),
		"ModeDir":           reflect.ValueOf(os.ModeDir),
		"ModeAppend":        reflect.ValueOf(os.ModeAppend),
		"ModeExclusive":     reflect.ValueOf(os.ModeExclusive),
		"ModeTemporary":     reflect.ValueOf(os.ModeTemporary),
		"ModeSymlink":       reflect.ValueOf(os.ModeSymlink),
		"ModeDevice":        reflect.ValueOf(os.ModeDevice),
		"ModeNamedPipe":     reflect.ValueOf(os.ModeNamedPipe),
		"ModeSocket":        reflect.ValueOf(os.ModeSocket),
		"ModeSetuid":        reflect.ValueOf(os.ModeSetuid),
		"ModeSetgid":        reflect.ValueOf(os.ModeSetgid),
		"ModeCharDevice":    reflect.ValueOf(os.ModeCharDevice),
		"ModeSticky":        reflect.ValueOf(os.ModeSticky),
		"ModeIrregular":     reflect.ValueOf(os.ModeIrregular),
		"ModeType":          reflect.ValueOf(os.ModeType),
		"ModePerm":          reflect.ValueOf(os.ModePerm),

		// Types that code names.
		"File":         reflect.ValueOf((*os.File)(nil)),
		"FileInfo":     reflect.ValueOf((*os.FileInfo)(nil)),
		"FileMode":     reflect.ValueOf((*os.FileMode)(nil)),
		"DirEntry":     reflect.ValueOf((*os.DirEntry)(nil)),
		"PathError":    reflect.ValueOf((*os.PathError)(nil)),
		"LinkError":    reflect.ValueOf((*os.LinkError)(nil)),
		"SyscallError": reflect.ValueOf((*os.SyscallError)(nil)),
		"Signal":       reflect.ValueOf((*os.Signal)(nil)),
	}
}
