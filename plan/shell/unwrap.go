package shell

import (
	"path"
	"slices"
	"strings"
)

// Wrapped is what a wrapper command runs, found from its arguments alone.
type Wrapped struct {
	// Wrapper reports whether the command is one that runs other commands
	// (sudo, xargs, sh, env, find, ...), even if these arguments make it
	// run none.
	Wrapper bool
	// Commands are the argument vectors of the commands it runs. A command
	// that gets more arguments at run time (xargs, find -exec ... +) is
	// listed with the arguments known before.
	Commands [][]string
	// Scripts are the shell scripts it runs: sh -c SCRIPT, eval ARGS...
	Scripts []string
	// Unknown reports that what it runs cannot be told from its arguments:
	// a script file, standard input, an interactive shell, a command built
	// from input (xargs -I{} sh -c 'echo {}'), or options it does not know.
	Unknown bool
}

// maxWrap bounds how many wrappers deep a command is followed.
const maxWrap = 8

// Unwrap reports what the command argv runs when it is a wrapper: argv[0]
// is the command, by name or path, and the rest its arguments as the
// command receives them, after the shell's expansions.
func Unwrap(argv []string) Wrapped {
	return unwrap(argv, 0).Wrapped
}

// unwrapped is Wrapped with where in argv its parts come from, so commands
// built from run-time input (xargs, find) can be checked.
type unwrapped struct {
	Wrapped
	// spans[k] is the range of argv that Commands[k] is, or {-1, -1}.
	spans [][2]int
	// params is, for a shell running a -c script, the index in argv of the
	// first word after the script: those become the script's $0, $1, ...
	params int
}

// run records the command argv[start:], if there is one.
func (u *unwrapped) run(argv []string, start int) {
	if start < len(argv) {
		u.Commands = append(u.Commands, argv[start:])
		u.spans = append(u.spans, [2]int{start, len(argv)})
	}
}

// runOther records a command that is not a slice of argv.
func (u *unwrapped) runOther(cmd []string) {
	u.Commands = append(u.Commands, cmd)
	u.spans = append(u.spans, [2]int{-1, -1})
}

var shells = map[string]bool{"sh": true, "bash": true, "dash": true, "zsh": true, "ksh": true, "mksh": true, "ash": true}

var (
	specExec    = optSpec{short: "cla:"}
	specCommand = optSpec{short: "pvV"}
	specEnv     = optSpec{short: "0iu:C:S:v", long: longs("ignore-environment", "null", "unset=", "chdir=",
		"split-string=", "debug", "ignore-signal?", "default-signal?", "block-signal?", "list-signal-handling",
		"help", "version")}
	specXargs = optSpec{short: "0a:d:E:e::I:i::L:l::n:oprP:s:tx", long: longs("null", "arg-file=", "delimiter=",
		"eof?", "replace?", "max-lines?", "max-args=", "max-procs=", "max-chars=", "interactive",
		"no-run-if-empty", "verbose", "exit", "open-tty", "process-slot-var=", "show-limits", "help", "version")}
	specShell = optSpec{short: "abcefhiklmnprstuvxBCDEHPTo:O:", plus: true, long: longs("login", "noprofile",
		"norc", "posix", "restricted", "verbose", "version", "help", "debugger", "dump-strings",
		"dump-po-strings", "noediting", "pretty-print", "rcfile=", "init-file=")}
	specSudo = optSpec{short: "Aa:BbC:c:D:Eeg:Hh::iKklNnPp:R:r:SsT:t:U:u:Vv", long: longs("askpass",
		"background", "bell", "close-from=", "chdir=", "preserve-env?", "edit", "group=", "set-home", "help",
		"host=", "login", "remove-timestamp", "reset-timestamp", "list", "non-interactive", "preserve-groups",
		"prompt=", "chroot=", "role=", "stdin", "shell", "type=", "command-timeout=", "other-user=", "user=",
		"version", "validate", "login-class=", "auth-type=")}
	suLongs = []string{"command=", "session-command=", "fast", "group=", "supp-group=", "login",
		"preserve-environment", "pty", "shell=", "whitelist-environment=", "help", "version"}
	specSu      = optSpec{short: "c:C:fg:G:lmpPs:w:hV", permute: true, long: longs(suLongs...)}
	specRunuser = optSpec{short: "c:C:fg:G:lmpPs:u:w:hV", permute: true, long: longs(append(suLongs, "user=")...)}
	specDoas    = optSpec{short: "a:C:Lnsu:"}
	specNohup   = optSpec{long: longs("help", "version")}
	specTimeout = optSpec{short: "s:k:v", long: longs("signal=", "kill-after=", "preserve-status", "foreground",
		"verbose", "help", "version")}
	specNice   = optSpec{short: "n:", long: longs("adjustment=", "help", "version")}
	specIonice = optSpec{short: "c:n:p:P:u:thV", long: longs("class=", "classdata=", "pid=", "pgid=", "uid=",
		"ignore", "help", "version")}
	specTime = optSpec{short: "af:o:pqvV", long: longs("format=", "output=", "append", "verbose", "quiet",
		"portability", "help", "version")}
	specStdbuf  = optSpec{short: "i:o:e:", long: longs("input=", "output=", "error=", "help", "version")}
	specSetsid  = optSpec{short: "cfwhV", long: longs("ctty", "fork", "wait", "help", "version")}
	specChroot  = optSpec{long: longs("userspec=", "groups=", "skip-chdir", "help", "version")}
	specUnshare = optSpec{short: "fmuinpUCTrcR:w:S:G:l:hV", long: longs("mount?", "uts?", "ipc?", "net?", "pid?",
		"user?", "cgroup?", "time?", "fork", "kill-child?", "mount-proc?", "map-root-user", "map-current-user",
		"map-user=", "map-group=", "map-users=", "map-groups=", "map-auto", "propagation=", "setgroups=", "root=",
		"wd=", "setuid=", "setgid=", "monotonic=", "boottime=", "keep-caps", "load-interp=", "help", "version")}
	specNsenter = optSpec{short: "at:m::u::i::n::p::U::C::T::S:G:r::w::W:eFZchV", long: longs("all", "target=",
		"mount?", "uts?", "ipc?", "net?", "pid?", "user?", "cgroup?", "time?", "setuid=", "setgid=",
		"preserve-credentials", "root?", "wd?", "wdns=", "env", "no-fork", "follow-context", "join-cgroup",
		"user-parent", "keep-caps", "help", "version")}
	specStrace = optSpec{short: "a:b:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yzZ", long: longs("output=",
		"trace=", "signal=", "attach=", "summary-only", "summary", "follow-forks", "output-separately",
		"string-limit=", "absolute-timestamps?", "relative-timestamps?", "syscall-times?", "decode-fds?",
		"no-abbrev", "verbose?", "abbrev=", "raw=", "read=", "write=", "quiet?", "env=", "user=", "help",
		"version", "seccomp-bpf", "kill-on-exit", "columns=", "const-print-style=", "instruction-pointer",
		"stack-traces", "timestamps?", "summary-columns=", "summary-sort-by=", "summary-wall-clock",
		"successful-only", "failed-only", "status=", "trace-path=", "inject=", "fault=", "daemonize?",
		"interruptible=", "tips?", "debug")}
	specLtrace = optSpec{short: "a:A:bcCD:de:fF:hil:Ln:o:p:rs:StTu:Vw:x:", long: longs("align=", "demangle",
		"debug=", "library=", "output=", "help", "indent=", "version", "where=")}
	specWatch = optSpec{short: "bcCd::eghn:pq:rs:tvwx", long: longs("beep", "color", "no-color", "differences?",
		"errexit", "chgexit", "help", "interval=", "precise", "equexit=", "no-rerun", "shotsdir=", "no-title",
		"version", "no-wrap", "exec")}
	specFlock = optSpec{short: "sxenuw:E:oc:FhV", long: longs("shared", "exclusive", "nonblock", "nb", "unlock",
		"timeout=", "wait=", "conflict-exit-code=", "close", "command=", "no-fork", "verbose", "help", "version")}
	specChrt = optSpec{short: "abdfiorRT:P:D:pmvhV", long: longs("all-tasks", "batch", "deadline", "fifo", "idle",
		"other", "rr", "reset-on-fork", "sched-runtime=", "sched-period=", "sched-deadline=", "pid", "max",
		"verbose", "help", "version")}
	specTaskset = optSpec{short: "acphV", long: longs("all-tasks", "cpu-list", "pid", "help", "version")}
	specScript  = optSpec{short: "ac:eE:fI:O:B:T:t::m:o:qhV", permute: true, long: longs("append", "command=",
		"echo=", "return", "flush", "force", "log-in=", "log-out=", "log-io=", "log-timing=", "logging-format=",
		"output-limit=", "quiet", "timing?", "help", "version")}
)

// simple are the wrappers that take options and then the command to run,
// whose absence means nothing runs.
var simple = map[string]optSpec{
	"exec": specExec, "nohup": specNohup, "time": specTime, "stdbuf": specStdbuf, "setsid": specSetsid,
	"strace": specStrace, "ltrace": specLtrace,
}

func unwrap(argv []string, depth int) (u unwrapped) {
	if len(argv) == 0 {
		return u
	}
	name := path.Base(argv[0])
	args := argv[1:]
	u.Wrapper = true
	// parse parses args and returns the index in argv of the operands, which
	// follow the options; ok false means the wrapper is not understood.
	parse := func(s optSpec) (opts []option, ops []string, start int, ok bool) {
		opts, ops, ok = s.parse(args)
		if !ok {
			u.Unknown = true
		}
		return opts, ops, len(argv) - len(ops), ok
	}
	switch {
	case simple[name].short != "" || simple[name].long != nil:
		if _, _, start, ok := parse(simple[name]); ok {
			u.run(argv, start)
		}
	case shells[name]:
		opts, ops, start, ok := parse(specShell)
		if !ok {
			break
		}
		if _, c := has(opts, "-c"); c && len(ops) > 0 {
			u.Scripts = append(u.Scripts, ops[0])
			u.params = start + 1
			break
		}
		u.Unknown = true // a script file, standard input or an interactive shell
	case name == "eval":
		if len(args) > 0 && args[0] == "--" {
			args = args[1:]
		}
		if len(args) > 0 {
			u.Scripts = append(u.Scripts, strings.Join(args, " "))
		}
	case name == "command":
		opts, _, start, ok := parse(specCommand)
		if _, lookup := has(opts, "-v", "-V"); ok && !lookup {
			u.run(argv, start)
		}
	case name == "builtin":
		start := 1
		if len(args) > 0 && args[0] == "--" {
			start = 2
		}
		u.run(argv, start)
	case name == "source" || name == ".":
		u.Unknown = len(args) > 0
	case name == "env":
		u.env(argv, depth)
	case name == "xargs":
		u.xargs(argv, depth)
	case name == "find":
		u.find(argv, depth)
	case name == "busybox":
		switch {
		case len(args) == 0:
		case strings.HasPrefix(args[0], "-"):
			u.Unknown = true
		default:
			u.run(argv, 1)
		}
	case name == "sudo":
		opts, ops, start, ok := parse(specSudo)
		if !ok {
			break
		}
		if _, edit := has(opts, "-e", "--edit"); edit {
			u.Unknown = true // sudoedit runs an editor
			break
		}
		if _, info := has(opts, "-l", "--list", "-v", "--validate", "-V", "--version", "-K",
			"--remove-timestamp", "--help"); info {
			break
		}
		if h, help := has(opts, "-h"); help && h == "" {
			break
		}
		for len(ops) > 0 && strings.Contains(ops[0], "=") { // VAR=value
			ops = ops[1:]
			start++
		}
		if _, shell := has(opts, "-s", "--shell", "-i", "--login"); shell && len(ops) == 0 {
			u.Unknown = true // an interactive shell
			break
		}
		u.run(argv, start)
	case name == "su":
		u.su(specSu, args)
	case name == "runuser":
		opts, _, _, ok := parse(specRunuser)
		if _, user := has(opts, "-u", "--user"); ok && user {
			// runuser -u USER [--] COMMAND runs the command itself.
			opts, ops, start, ok := parse(optSpec{short: specRunuser.short, long: specRunuser.long})
			_, script := has(opts, "-c", "--command", "-C", "--session-command")
			if !ok || script || len(ops) == 0 {
				u.Unknown = true
				break
			}
			u.run(argv, start)
		} else if ok {
			u.su(specRunuser, args)
		}
	case name == "doas":
		opts, _, start, ok := parse(specDoas)
		if _, shell := has(opts, "-s"); shell {
			u.Unknown = true
			break
		}
		if _, check := has(opts, "-C", "-L"); ok && !check {
			u.run(argv, start)
		}
	case name == "timeout":
		if _, ops, start, ok := parse(specTimeout); ok && len(ops) > 1 {
			u.run(argv, start+1) // after the duration
		}
	case name == "nice":
		if len(args) > 0 && isAdjustment(args[0]) { // the obsolete nice -5 CMD
			args = args[1:]
		}
		if _, _, start, ok := parse(specNice); ok {
			u.run(argv, start)
		}
	case name == "ionice":
		opts, _, start, ok := parse(specIonice)
		if _, pids := has(opts, "-p", "-P", "-u", "--pid", "--pgid", "--uid"); ok && !pids {
			u.run(argv, start)
		}
	case name == "chroot":
		_, ops, start, ok := parse(specChroot)
		switch {
		case !ok || len(ops) == 0:
		case len(ops) == 1:
			u.Unknown = true // an interactive shell
		default:
			u.run(argv, start+1)
		}
	case name == "unshare" || name == "nsenter":
		spec := specUnshare
		if name == "nsenter" {
			spec = specNsenter
		}
		if _, ops, start, ok := parse(spec); ok {
			if len(ops) == 0 {
				u.Unknown = true // an interactive shell
			}
			u.run(argv, start)
		}
	case name == "watch":
		opts, ops, start, ok := parse(specWatch)
		switch _, exec := has(opts, "-x", "--exec"); {
		case !ok || len(ops) == 0:
		case exec:
			u.run(argv, start)
		default:
			u.Scripts = append(u.Scripts, strings.Join(ops, " "))
		}
	case name == "parallel":
		u.Unknown = true // its ::: and {} syntax is not followed
	case name == "flock":
		opts, ops, start, ok := parse(specFlock)
		if !ok {
			break
		}
		if c, script := has(opts, "-c", "--command"); script {
			u.Unknown = len(ops) != 1
			u.Scripts = append(u.Scripts, c)
			break
		}
		switch {
		case len(ops) < 2: // flock FD
		case ops[1] == "-c" || ops[1] == "--command":
			u.Unknown = len(ops) != 3
			if len(ops) > 2 {
				u.Scripts = append(u.Scripts, ops[2])
			}
		case strings.HasPrefix(ops[1], "-"):
			u.Unknown = true
		default:
			u.run(argv, start+1) // after the lock file
		}
	case name == "chrt":
		opts, ops, start, ok := parse(specChrt)
		if _, info := has(opts, "-p", "--pid", "-m", "--max"); !ok || info {
			break
		}
		if len(ops) > 0 && isNumber(ops[0]) { // the priority
			start++
		}
		u.run(argv, start)
	case name == "taskset":
		opts, ops, start, ok := parse(specTaskset)
		if _, pid := has(opts, "-p", "--pid"); ok && !pid && len(ops) > 1 {
			u.run(argv, start+1) // after the mask
		}
	case name == "script":
		opts, _, _, ok := parse(specScript)
		if c, script := has(opts, "-c", "--command"); ok && script {
			u.Scripts = append(u.Scripts, c)
		} else if ok {
			u.Unknown = true // an interactive shell
		}
	default:
		u.Wrapper = false
	}
	return u
}

// su handles su and runuser without -u: they run a shell for a user, and
// only -c says what it runs.
func (u *unwrapped) su(spec optSpec, args []string) {
	// Options may come anywhere; a lone "-" is --login.
	args = slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "-" })
	opts, ops, ok := spec.parse(args)
	if !ok || len(ops) > 1 { // the words after the user go to the shell
		u.Unknown = true
		return
	}
	if sh, set := has(opts, "-s", "--shell"); set && !shells[path.Base(sh)] {
		u.Unknown = true
		return
	}
	if c, script := has(opts, "-c", "--command", "-C", "--session-command"); script {
		u.Scripts = append(u.Scripts, c)
		return
	}
	u.Unknown = true // an interactive shell
}

// env handles env: options, NAME=VALUE words, then the command. -S splits
// a string into more arguments.
func (u *unwrapped) env(argv []string, depth int) {
	args := argv[1:]
	if len(args) > 0 && args[0] == "-" { // env - is env -i
		args = args[1:]
	}
	opts, ops, ok := specEnv.parse(args)
	if !ok {
		u.Unknown = true
		return
	}
	if s, split := has(opts, "-S", "--split-string"); split {
		// -S processes quotes, escapes and ${VAR}: only plain words are
		// followed.
		if strings.ContainsAny(s, "\"'\\$#") || depth >= maxWrap {
			u.Unknown = true
			return
		}
		inner := unwrap(append(append([]string{"env"}, strings.Fields(s)...), ops...), depth+1)
		u.Unknown = inner.Unknown
		for _, c := range inner.Commands {
			u.runOther(c)
		}
		return
	}
	start := len(argv) - len(ops)
	for start < len(argv) && strings.Contains(argv[start], "=") {
		start++
	}
	u.run(argv, start)
}

// probe stands for a word only known at run time while a command built
// from input is checked: no argument can contain a NUL byte.
const probe = "\x00"

// xargs handles xargs: options, then the command (echo by default), which
// gets the words read from input appended, or substituted with -I.
func (u *unwrapped) xargs(argv []string, depth int) {
	opts, ops, ok := specXargs.parse(argv[1:])
	if !ok {
		u.Unknown = true
		return
	}
	if len(ops) == 0 {
		u.runOther([]string{"echo"})
		return
	}
	start := len(argv) - len(ops)
	u.run(argv, start)
	cmd := argv[start:]
	var dyn []bool
	if repl, set := has(opts, "-I", "-i", "--replace"); set {
		if repl == "" {
			repl = "{}"
		}
		dyn = make([]bool, len(cmd))
		for i, w := range cmd {
			dyn[i] = strings.Contains(w, repl)
		}
	} else {
		cmd = append(slices.Clone(cmd), probe)
		dyn = make([]bool, len(cmd))
		dyn[len(cmd)-1] = true
	}
	if !substSafe(cmd, dyn, depth+1) {
		u.Unknown = true
	}
}

// findValues are find's expression words that take a value, by how many.
var findValues = map[string]int{
	"-name": 1, "-iname": 1, "-path": 1, "-ipath": 1, "-wholename": 1, "-iwholename": 1, "-regex": 1,
	"-iregex": 1, "-lname": 1, "-ilname": 1, "-type": 1, "-xtype": 1, "-user": 1, "-group": 1, "-uid": 1,
	"-gid": 1, "-perm": 1, "-size": 1, "-newer": 1, "-anewer": 1, "-cnewer": 1, "-mtime": 1, "-atime": 1,
	"-ctime": 1, "-mmin": 1, "-amin": 1, "-cmin": 1, "-used": 1, "-links": 1, "-inum": 1, "-samefile": 1,
	"-maxdepth": 1, "-mindepth": 1, "-fstype": 1, "-context": 1, "-printf": 1, "-fprint": 1, "-fprint0": 1,
	"-fprintf": 2, "-fls": 1, "-regextype": 1, "-files0-from": 1, "-D": 1,
}

// find handles find's -exec, -execdir, -ok and -okdir actions, which run a
// command for each file: with {} replaced by its name, or ending in {} +
// with many names appended.
func (u *unwrapped) find(argv []string, depth int) {
	for i := 1; i < len(argv); i++ {
		a := argv[i]
		if n, ok := findValues[a]; ok || strings.HasPrefix(a, "-newer") && len(a) == len("-newerXY") {
			if !ok {
				n = 1
			}
			i += n
			continue
		}
		if a != "-exec" && a != "-execdir" && a != "-ok" && a != "-okdir" {
			continue
		}
		end := -1
		for j := i + 1; j < len(argv); j++ {
			if argv[j] == ";" || argv[j] == "+" && argv[j-1] == "{}" && j > i+1 {
				end = j
				break
			}
		}
		if end < 0 || end == i+1 {
			u.Unknown = true // find refuses it
			return
		}
		u.run(argv[:end], i+1)
		cmd := argv[i+1 : end]
		dyn := make([]bool, len(cmd))
		for k, w := range cmd {
			dyn[k] = strings.Contains(w, "{}")
		}
		if !substSafe(cmd, dyn, depth+1) {
			u.Unknown = true
		}
		i = end
	}
}

// substSafe reports whether the command argv runs only commands known now
// when each word marked in dyn is replaced at run time by any text (or, for
// a last word, any number of words): a run-time word may be an argument of
// a command, never a command's name, a script, or an option of a wrapper.
func substSafe(argv []string, dyn []bool, depth int) bool {
	if len(argv) == 0 || dyn[0] || depth >= maxWrap {
		return false
	}
	probed := slices.Clone(argv)
	for i, d := range dyn {
		if d {
			probed[i] = probe
		}
	}
	u := unwrap(probed, depth+1)
	switch {
	case !u.Wrapper:
		return true
	case u.Unknown:
		return false
	}
	for _, s := range u.Scripts {
		if strings.Contains(s, probe) {
			return false
		}
	}
	inner := make([][]bool, len(u.Commands))
	for i, d := range dyn {
		if !d || u.params > 0 && i >= u.params {
			continue
		}
		found := false
		for k, sp := range u.spans {
			if sp[0] >= 0 && i > sp[0] && i < sp[1] {
				if inner[k] == nil {
					inner[k] = make([]bool, sp[1]-sp[0])
				}
				inner[k][i-sp[0]] = true
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for k, c := range u.Commands {
		switch {
		case u.spans[k][0] < 0 && slices.ContainsFunc(c, func(w string) bool { return strings.Contains(w, probe) }):
			return false
		case inner[k] != nil && !substSafe(c, inner[k], depth+1):
			return false
		}
	}
	return true
}

// isAdjustment reports whether a is nice's obsolete -N or --N.
func isAdjustment(a string) bool {
	n := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	return strings.HasPrefix(a, "-") && isNumber(n)
}

func isNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
