package exec_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/airlockhq/airlock/exec"
)

// The corpus must leave no trace on the machine. TestCorpus takes a trace
// before its archives run and compares it with one taken after all of them
// have finished (noTrace). A trace counts only what is attributable to this
// test process, so unrelated activity on the machine does not matter:
//
//   - processes: every descendant of this process (it is made a child
//     subreaper while the corpus runs, so an orphaned grandchild is
//     reparented here rather than to init), and any process running this
//     test binary as a sandbox child (exec.ChildArg);
//   - sockets: TCP (v4 and v6) in LISTEN or ESTABLISHED state and unix
//     sockets, held open by those processes or by this one;
//   - cgroups: the memory cgroups airlock names after this process
//     (airlock-<pid>-<n>) anywhere under /sys/fs/cgroup;
//   - files: the corpus folder in the repository; a private TMPDIR set for
//     the run, where anything this process makes through os.TempDir lands
//     and which must be empty afterwards; and the top level of /tmp, where
//     only entries owned by another user count (a sandboxed process runs
//     as one), since other programs, other airlock runs among them, use
//     /tmp all the time. Each case's own folder is compared by runArchive.

// trace is what the corpus could leave behind, one sorted line per item.
type trace struct {
	procs, sockets, cgroups, tmp, tmpdir []string
	corpus                               string
}

// noTrace takes a trace now and returns a function that fails t if a later
// trace shows anything new.
func noTrace(t *testing.T) func() {
	t.Helper()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		return func() {}
	}
	setSubreaper(true)
	oldTmp, hadTmp := os.LookupEnv("TMPDIR")
	tmpdir, err := os.MkdirTemp("", "airlock-corpus-tmp")
	if err != nil {
		t.Fatal(err)
	}
	os.Setenv("TMPDIR", tmpdir)
	before := takeTrace(t)
	return func() {
		defer setSubreaper(false)
		after := takeTrace(t)
		if hadTmp {
			os.Setenv("TMPDIR", oldTmp)
		} else {
			os.Unsetenv("TMPDIR")
		}
		os.RemoveAll(tmpdir)
		for _, c := range []struct {
			what          string
			before, after []string
		}{
			{"processes", before.procs, after.procs},
			{"sockets", before.sockets, after.sockets},
			{"cgroups", before.cgroups, after.cgroups},
			{"entries in /tmp", before.tmp, after.tmp},
			{"files in TMPDIR", before.tmpdir, after.tmpdir},
		} {
			if extra := added(c.before, c.after); len(extra) > 0 {
				t.Errorf("the corpus left %s behind:\n%s", c.what, strings.Join(extra, "\n"))
			}
		}
		if before.corpus != after.corpus {
			t.Errorf("the corpus changed testdata/corpus:\nbefore:\n%s\nafter:\n%s", before.corpus, after.corpus)
		}
	}
}

// setSubreaper makes this process adopt its orphaned descendants, so that
// none escapes the process scan by being reparented to init.
func setSubreaper(on bool) {
	v := uintptr(0)
	if on {
		v = 1
	}
	const prSetChildSubreaper = 36
	syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, v, 0)
}

func takeTrace(t *testing.T) trace {
	t.Helper()
	self := os.Getpid()
	procs := ourProcesses(self)
	var tr trace
	for _, p := range procs {
		if p.pid != self {
			tr.procs = append(tr.procs, fmt.Sprintf("pid %d ppid %d state %s: %s", p.pid, p.ppid, p.state, p.cmdline))
		}
	}
	tr.sockets = sockets(procs) // procs holds this process too
	tr.cgroups = cgroups(self)
	tr.tmp = tmpEntries()
	tr.tmpdir = dirEntries(os.TempDir())
	tr.corpus = snapshot(t, filepath.Join("..", "testdata", "corpus"))
	for _, l := range [][]string{tr.procs, tr.sockets, tr.cgroups, tr.tmp, tr.tmpdir} {
		slices.Sort(l)
	}
	return tr
}

// added lists what after has and before does not.
func added(before, after []string) []string {
	var out []string
	for _, s := range after {
		if !slices.Contains(before, s) {
			out = append(out, s)
		}
	}
	return out
}

type proc struct {
	pid, ppid int
	state     string
	cmdline   string
}

// ourProcesses lists this process's descendants and every process running
// this test binary as a sandbox child, wherever it was reparented.
func ourProcesses(self int) []proc {
	exe, _ := os.Executable()
	entries, _ := os.ReadDir("/proc")
	all := map[int]proc{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses.
		s := string(stat)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		cmd, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		all[pid] = proc{pid: pid, ppid: ppid, state: fields[0],
			cmdline: strings.TrimSpace(strings.ReplaceAll(string(cmd), "\x00", " "))}
	}
	ours := func(p proc) bool {
		if strings.Contains(p.cmdline, exec.ChildArg) {
			if target, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", p.pid)); err == nil && target == exe {
				return true
			}
		}
		for seen := 0; p.ppid > 0 && seen < 64; seen++ {
			if p.ppid == self {
				return true
			}
			p = all[p.ppid]
		}
		return false
	}
	var out []proc
	for _, p := range all {
		if p.pid == self || ours(p) {
			out = append(out, p)
		}
	}
	return out
}

// sockets lists the TCP sockets in LISTEN or ESTABLISHED state and the
// unix sockets that the processes hold open, each as the table it is in
// and its kernel entry without the fields that change while it exists.
func sockets(procs []proc) []string {
	var out []string
	for _, p := range procs {
		inodes := map[string]bool{}
		fds, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", p.pid))
		for _, fd := range fds {
			target, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", p.pid, fd.Name()))
			if ino, ok := strings.CutPrefix(target, "socket:["); ok && err == nil {
				inodes[strings.TrimSuffix(ino, "]")] = true
			}
		}
		if len(inodes) == 0 {
			continue
		}
		// The process's own network namespace: a sandbox child has its own.
		for _, table := range []string{"tcp", "tcp6", "unix"} {
			data, err := os.ReadFile(fmt.Sprintf("/proc/%d/net/%s", p.pid, table))
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(data), "\n")[1:] {
				f := strings.Fields(line)
				var inode, entry string
				switch {
				case table == "unix" && len(f) >= 7:
					inode, entry = f[6], strings.Join(append([]string{f[3], f[4], f[5]}, f[7:]...), " ")
				case table != "unix" && len(f) >= 10 && (f[3] == "0A" || f[3] == "01"): // LISTEN, ESTABLISHED
					inode, entry = f[9], f[1]+" "+f[2]+" "+f[3]
				default:
					continue
				}
				if inodes[inode] {
					out = append(out, fmt.Sprintf("%s inode %s (pid %d): %s", table, inode, p.pid, entry))
				}
			}
		}
	}
	return out
}

// cgroups lists the cgroups airlock created for this process's children.
func cgroups(self int) []string {
	name := regexp.MustCompile(fmt.Sprintf(`^airlock-%d-\d+$`, self))
	var out []string
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		entries, err := os.ReadDir(dir)
		if err != nil || depth > 8 {
			return
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if name.MatchString(e.Name()) {
				out = append(out, p)
			}
			walk(p, depth+1)
		}
	}
	walk("/sys/fs/cgroup", 0)
	return out
}

// tmpEntries lists the entries at the top of /tmp owned by a user other
// than this process's, as a sandboxed process's would be. Entries of this
// user are not attributable: other programs, other airlock runs among
// them, make and remove them all the time; what this process makes through
// os.TempDir lands in the private TMPDIR instead.
func tmpEntries() []string {
	entries, _ := os.ReadDir("/tmp")
	var out []string
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			continue
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok {
			continue
		}
		if int(st.Uid) != os.Getuid() {
			out = append(out, fmt.Sprintf("%s %v uid %d", e.Name(), info.Mode(), st.Uid))
		}
	}
	return out
}

// dirEntries lists every file and folder under dir.
func dirEntries(dir string) []string {
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && p != dir {
			out = append(out, p)
		}
		return nil
	})
	return out
}
