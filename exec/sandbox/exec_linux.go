package sandbox

import (
	"debug/elf"
	"io"
	"path/filepath"
	"slices"

	"github.com/landlock-lsm/go-landlock/landlock"
	ll "github.com/landlock-lsm/go-landlock/landlock/syscall"
)

// LimitExec adds a Landlock layer to the calling process that lets it, and
// everything it starts, execute only the given files: a command a shell
// runs can then start no program the shell did not check first (awk's
// system(), sed's e command, tar --to-command, a pager). Other accesses are
// left to the layers already in force.
func LimitExec(files []string) error {
	if !landlockLayer().Active {
		return nil
	}
	// The kernel also executes a dynamically linked program's loader.
	for _, f := range files {
		if interp := elfInterpreter(f); interp != "" && !slices.Contains(files, interp) {
			files = append(files, interp)
		}
	}
	cfg, err := landlock.NewConfig(landlock.AccessFSSet(ll.AccessFSExecute))
	if err != nil {
		return err
	}
	return cfg.BestEffort().RestrictPaths(landlock.PathAccess(ll.AccessFSExecute, files...).IgnoreIfMissing())
}

// elfInterpreter returns the program interpreter (the dynamic loader) an
// ELF executable names, resolved, or "".
func elfInterpreter(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type != elf.PT_INTERP {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p.Open(), 4096))
		if err != nil || len(b) == 0 {
			return ""
		}
		name := string(b[:len(b)-1]) // NUL-terminated
		if real, err := filepath.EvalSymlinks(name); err == nil {
			return real
		}
		return name
	}
	return ""
}
