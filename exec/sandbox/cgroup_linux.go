package sandbox

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// cgroup is one child's memory cgroup.
type cgroup struct {
	version int // 1 or 2
	dir     string
}

// memoryParent is a cgroup directory under which this process may create
// sub-cgroups with the memory controller.
type memoryParent struct {
	version int
	dir     string
}

// cgroupDetail names the memory layer enforced by a cgroup of version v.
func cgroupDetail(v int) string {
	if v == 2 {
		return MemoryCgroupV2
	}
	return MemoryCgroupV1
}

var (
	cgroupSeq   atomic.Int64
	sweepStale  sync.Once
	staleCgroup = regexp.MustCompile(`^airlock-(\d+)-\d+$`)
)

// newCgroup creates a cgroup that caps memory, swap included, at limit bytes
// and kills the child when it is exceeded.
func newCgroup(limit int64) (*cgroup, error) {
	p, err := findMemoryParent()
	if err != nil {
		return nil, err
	}
	sweepStale.Do(func() { removeStale(p.dir) })
	cg := &cgroup{version: p.version}
	for range 100 {
		cg.dir = filepath.Join(p.dir, fmt.Sprintf("airlock-%d-%d", os.Getpid(), cgroupSeq.Add(1)))
		// A name taken is left by an airlock process that had this pid
		// and died before it could remove it (the sweep above takes it
		// for ours), or is another one's with this pid in another pid
		// namespace: either way, not this run's, and not to be touched.
		if err = os.Mkdir(cg.dir, 0o755); !errors.Is(err, os.ErrExist) {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("creating cgroup: %w", err)
	}
	if err := cg.setLimit(limit); err != nil {
		cg.remove()
		return nil, err
	}
	return cg, nil
}

func (cg *cgroup) setLimit(limit int64) error {
	n := strconv.FormatInt(limit, 10)
	if cg.version == 2 {
		if err := cg.write("memory.max", n); err != nil {
			return err
		}
		// memory.swap.max is absent without swap accounting; then there is
		// no swap to escape to either.
		if err := cg.write("memory.swap.max", "0"); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return cg.write("memory.oom.group", "1")
	}
	if err := cg.setLimitV1(n, false); err != nil {
		return err
	}
	return cg.write("memory.oom_control", "0") // the OOM killer stays on
}

// resize changes the limit set by setLimit from old to limit bytes.
func (cg *cgroup) resize(old, limit int64) error {
	n := strconv.FormatInt(limit, 10)
	if cg.version == 2 {
		return cg.write("memory.max", n)
	}
	return cg.setLimitV1(n, limit > old)
}

// setLimitV1 sets a cgroup v1 memory limit of n bytes, swap included.
// memory.memsw.limit_in_bytes must stay at or above limit_in_bytes, so the
// memory limit goes first, unless the limit grows.
func (cg *cgroup) setLimitV1(n string, grow bool) error {
	memsw := func() error {
		err := cg.write("memory.memsw.limit_in_bytes", n)
		if errors.Is(err, os.ErrNotExist) {
			// No swap accounting: keep the child out of swap instead.
			return cg.write("memory.swappiness", "0")
		}
		return err
	}
	if grow {
		if err := memsw(); err != nil {
			return err
		}
		return cg.write("memory.limit_in_bytes", n)
	}
	if err := cg.write("memory.limit_in_bytes", n); err != nil {
		return err
	}
	return memsw()
}

func (cg *cgroup) write(file, value string) error {
	if err := os.WriteFile(filepath.Join(cg.dir, file), []byte(value), 0); err != nil {
		return fmt.Errorf("setting cgroup %s: %w", file, err)
	}
	return nil
}

// add moves the process pid, with all its threads, into the cgroup.
func (cg *cgroup) add(pid int) error {
	return cg.write("cgroup.procs", strconv.Itoa(pid))
}

// kill sends SIGKILL to every process in the cgroup.
func (cg *cgroup) kill() {
	if cg.version == 2 && cg.write("cgroup.kill", "1") == nil {
		return
	}
	for _, pid := range cg.procs() {
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

func (cg *cgroup) procs() []int {
	return readProcs(cg.dir)
}

func readProcs(dir string) []int {
	b, err := os.ReadFile(filepath.Join(dir, "cgroup.procs"))
	if err != nil {
		return nil
	}
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// memoryStats is what the cgroup recorded about its processes.
type memoryStats struct {
	peak    int64
	oomKill bool // the OOM killer ended a process
	atLimit bool // usage reached the limit at least once
}

func (cg *cgroup) stats() memoryStats {
	var s memoryStats
	if cg.version == 2 {
		s.peak = cg.readInt("memory.peak")
		events := cg.readKeyed("memory.events")
		s.oomKill = events["oom_kill"] > 0 || events["oom_group_kill"] > 0
		s.atLimit = events["max"] > 0
		return s
	}
	s.peak = max(cg.readInt("memory.max_usage_in_bytes"), cg.readInt("memory.memsw.max_usage_in_bytes"))
	s.oomKill = cg.readKeyed("memory.oom_control")["oom_kill"] > 0
	s.atLimit = cg.readInt("memory.failcnt") > 0 || cg.readInt("memory.memsw.failcnt") > 0
	return s
}

func (cg *cgroup) readInt(file string) int64 {
	b, err := os.ReadFile(filepath.Join(cg.dir, file))
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// readKeyed reads a file of "key value" lines.
func (cg *cgroup) readKeyed(file string) map[string]int64 {
	m := map[string]int64{}
	b, err := os.ReadFile(filepath.Join(cg.dir, file))
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			m[k] = n
		}
	}
	return m
}

// remove deletes the cgroup once its last process is gone. The kernel may
// refuse for a while it finishes tearing down a killed process, longer on
// a loaded machine: remove tries for about a second, soon at first.
func (cg *cgroup) remove() error {
	var err error
	wait := time.Millisecond
	for deadline := time.Now().Add(time.Second); ; {
		if err = unix.Rmdir(cg.dir); err == nil || errors.Is(err, unix.ENOENT) {
			return nil
		}
		if !errors.Is(err, unix.EBUSY) || time.Now().After(deadline) {
			break
		}
		cg.kill()
		time.Sleep(wait)
		wait = min(2*wait, 50*time.Millisecond)
	}
	return fmt.Errorf("removing cgroup %s: %w", cg.dir, err)
}

// removeStale deletes cgroups left behind by airlock processes that died
// before they could clean up.
// RemoveStaleCgroups removes the cgroups airlock processes that have ended
// left behind (a spawner killed with its children running), killing what
// is left in them.
func RemoveStaleCgroups() {
	if p, err := findMemoryParent(); err == nil {
		removeStale(p.dir)
	}
}

func removeStale(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := staleCgroup.FindStringSubmatch(e.Name())
		if !e.IsDir() || m == nil {
			continue
		}
		owner, _ := strconv.Atoi(m[1])
		if owner == os.Getpid() || unix.Kill(owner, 0) != unix.ESRCH {
			continue
		}
		cg := &cgroup{dir: filepath.Join(parent, e.Name())}
		if _, err := os.Stat(filepath.Join(cg.dir, "cgroup.kill")); err == nil {
			cg.version = 2
		}
		cg.kill()
		cg.remove()
	}
}

// findMemoryParent finds where this process may create memory cgroups:
// below its own cgroup in the v1 memory hierarchy, or in cgroup2 below its
// own cgroup when the memory controller is delegated there, or (as root)
// below an "airlock" cgroup at the top of the cgroup2 hierarchy.
func findMemoryParent() (memoryParent, error) {
	own, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return memoryParent{}, fmt.Errorf("reading own cgroup: %w", err)
	}
	mounts, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return memoryParent{}, fmt.Errorf("reading mounts: %w", err)
	}
	v1, v2 := cgroupDirs(string(own), string(mounts))
	var why []string
	if v1 != "" {
		if err := checkV1(v1); err != nil {
			why = append(why, "cgroup v1: "+err.Error())
		} else {
			return memoryParent{version: 1, dir: v1}, nil
		}
	}
	if v2.dir != "" {
		dir, err := delegateV2(v2)
		if err == nil {
			return memoryParent{version: 2, dir: dir}, nil
		}
		why = append(why, "cgroup v2: "+err.Error())
	}
	if len(why) == 0 {
		return memoryParent{}, errors.New("no cgroup hierarchy with a memory controller is mounted")
	}
	return memoryParent{}, errors.New(strings.Join(why, "; "))
}

// checkV1 reports whether dir is a v1 memory cgroup this process may
// create sub-cgroups in.
func checkV1(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "memory.limit_in_bytes")); err != nil {
		return fmt.Errorf("%s is not a memory cgroup", dir)
	}
	if err := unix.Access(dir, unix.W_OK); err != nil {
		return fmt.Errorf("%s is not writable: %w", dir, err)
	}
	return nil
}

// v2Place is this process's place in the cgroup2 hierarchy.
type v2Place struct {
	mount string // where cgroup2 is mounted
	dir   string // this process's cgroup
}

// delegateV2 returns a cgroup2 directory whose children get the memory
// controller, enabling it where that is possible without moving other
// processes.
func delegateV2(p v2Place) (string, error) {
	if err := enableMemory(p.dir); err == nil {
		return p.dir, nil
	} else if os.Geteuid() != 0 {
		return "", err
	}
	// Root may keep its own cgroup apart: a top-level "airlock" cgroup
	// holds no process, so the controller can be enabled below it.
	top := filepath.Join(p.mount, "airlock")
	if err := os.Mkdir(top, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("creating %s: %w", top, err)
	}
	if err := enableMemory(top); err != nil {
		return "", err
	}
	return top, nil
}

// enableMemory makes sure children of the cgroup2 directory dir get the
// memory controller.
func enableMemory(dir string) error {
	if hasWord(filepath.Join(dir, "cgroup.subtree_control"), "memory") {
		if err := unix.Access(dir, unix.W_OK); err != nil {
			return fmt.Errorf("%s is not writable: %w", dir, err)
		}
		return nil
	}
	if !hasWord(filepath.Join(dir, "cgroup.controllers"), "memory") {
		return fmt.Errorf("the memory controller is not available in %s", dir)
	}
	// The kernel refuses while dir itself holds processes (EBUSY): cgroup2
	// keeps processes in leaves only.
	if err := os.WriteFile(filepath.Join(dir, "cgroup.subtree_control"), []byte("+memory"), 0); err != nil {
		return fmt.Errorf("enabling the memory controller in %s: %w", dir, err)
	}
	return nil
}

func hasWord(file, word string) bool {
	b, err := os.ReadFile(file)
	return err == nil && slices.Contains(strings.Fields(string(b)), word)
}

// cgroupDirs returns this process's v1 memory cgroup directory and its
// cgroup2 place, given /proc/self/cgroup and /proc/self/mountinfo. Either is
// empty when that hierarchy is not mounted.
func cgroupDirs(own, mountinfo string) (v1 string, v2 v2Place) {
	type mount struct{ root, point string }
	var v1Mount, v2Mount *mount
	sc := bufio.NewScanner(strings.NewReader(mountinfo))
	for sc.Scan() {
		// id parent major:minor root mountpoint options [optional...] - fstype source superoptions
		pre, post, ok := strings.Cut(sc.Text(), " - ")
		if !ok {
			continue
		}
		f, g := strings.Fields(pre), strings.Fields(post)
		if len(f) < 5 || len(g) < 3 {
			continue
		}
		m := &mount{root: unescapeMount(f[3]), point: unescapeMount(f[4])}
		switch {
		case g[0] == "cgroup" && slices.Contains(strings.Split(g[2], ","), "memory") && v1Mount == nil:
			v1Mount = m
		case g[0] == "cgroup2" && v2Mount == nil:
			v2Mount = m
		}
	}
	for _, line := range strings.Split(own, "\n") {
		// hierarchy-id:controllers:path
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		controllers, path := parts[1], parts[2]
		switch {
		case v1Mount != nil && slices.Contains(strings.Split(controllers, ","), "memory"):
			v1 = joinCgroup(v1Mount.point, v1Mount.root, path)
		case v2Mount != nil && parts[0] == "0" && controllers == "":
			v2 = v2Place{mount: v2Mount.point, dir: joinCgroup(v2Mount.point, v2Mount.root, path)}
		}
	}
	return v1, v2
}

// joinCgroup maps a cgroup path to a directory under a mount of the
// hierarchy whose root is root.
func joinCgroup(point, root, path string) string {
	if root != "/" {
		path = strings.TrimPrefix(path, root)
	}
	return filepath.Join(point, path)
}

// unescapeMount undoes mountinfo's octal escapes (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// StartNote says what starting a child costs on this machine beyond the
// process itself: on cgroup v1 the child is moved into its memory cgroup
// once it runs, and the kernel first waits for an RCU grace period (5-20 ms
// on a quiet machine, on the path of every run that starts a child) unless
// cgroups favour dynamic changes. It is "" when the child starts inside its
// cgroup (cgroup v2) or there is no cgroup.
func StartNote() string {
	p, err := findMemoryParent()
	if err != nil || p.version == 2 {
		return ""
	}
	mounts, _ := os.ReadFile("/proc/self/mounts")
	return startNote(string(mounts))
}

// startNote is StartNote on cgroup v1 for the mount table mounts.
func startNote(mounts string) string {
	for line := range strings.Lines(mounts) {
		f := strings.Fields(line)
		if len(f) >= 4 && strings.HasPrefix(f[2], "cgroup") && slices.Contains(strings.Split(f[3], ","), "favordynmods") {
			return "cgroup v1: each child is moved into its memory cgroup once started; a cgroup hierarchy is mounted with favordynmods, so the move does not wait"
		}
	}
	return "cgroup v1: each child is moved into its memory cgroup once started, and the kernel first waits for an RCU grace period, " +
		"5-20 ms of every cold run; mounting any cgroup hierarchy once with favordynmods (mount -t cgroup -o none,name=airlock,favordynmods cgroup DIR; " +
		"the kernel may keep the setting until reboot) removes the wait, at some cost to every fork and exit on the machine"
}
