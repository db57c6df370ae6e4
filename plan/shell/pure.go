package shell

// pure are the builtins whose only effect is on the shell's own state or
// its output streams.
var pure = map[string]bool{
	":": true, "true": true, "false": true, "test": true, "[": true, "echo": true, "printf": true,
	"shift": true, "break": true, "continue": true, "return": true, "exit": true, "local": true,
	"declare": true, "typeset": true, "export": true, "readonly": true, "unset": true, "set": true,
	"let": true, "read": true, "getopts": true, "pwd": true,
}

// Pure reports whether the command name is a builtin with no effect outside
// the shell (echo, test, read, export, ...): calling it is not a tool use.
func Pure(name string) bool {
	return pure[name]
}
