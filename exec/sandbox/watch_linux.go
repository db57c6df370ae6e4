package sandbox

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"
)

// memoryPoll is how often the parent reads the resident memory of a child
// no cgroup caps. A program allocating as fast as it can passes its limit by
// what it allocates in that time at most, and RLIMIT_AS bounds that too.
const memoryPoll = 5 * time.Millisecond

// watchMemory enforces the memory limit of a child no cgroup caps. RLIMIT_AS,
// set by the child, caps its address space, which the Go runtime reserves
// in 64 MiB arenas well ahead of use: the limit plus headroom, so a program
// could use twice a small limit. Until the child has ended, the watcher
// reads the child's resident anonymous memory at once and then every
// memoryPoll, and kills it once that passes the limit, which finish then
// reports as the limit hit. A child that ends between two looks is judged
// by the caller, on the child's own report of its peak: the peak wait4
// gives counts the memory of the process it was forked from, before exec.
// A script's child counts the memory of the commands below it too, as a
// cgroup would; one that ends between two looks is held only by its own
// RLIMIT_AS.
// The limit is read at every look, so SetLimits may change it.
func (g *Guard) watchMemory(pid int) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return
	}
	g.unwatch = make(chan struct{})
	g.watched = make(chan struct{})
	tree := g.limits.Exec // a script's: its commands' memory counts too
	go func() {
		defer close(g.watched)
		defer f.Close()
		tick := time.NewTicker(memoryPoll)
		defer tick.Stop()
		buf := make([]byte, 128)
		for {
			n, err := syscall.Pread(int(f.Fd()), buf, 0)
			if n <= 0 || err != nil {
				return // the child has ended
			}
			anon, ok := anonPages(buf[:n])
			if ok && tree {
				anon += descendantsAnon(pid)
			}
			if lim := g.memLimit.Load(); ok && lim > 0 && anon*pageSize > lim {
				g.overMemory.Store(true)
				g.kill()
				return
			}
			select {
			case <-g.unwatch:
				return
			case <-tick.C:
			}
		}
	}()
}

var pageSize = int64(os.Getpagesize())

// descendantsAnon sums the resident anonymous pages of the processes below
// pid, found through each thread's children (/proc/PID/task/TID/children).
func descendantsAnon(pid int) int64 {
	var total int64
	seen := map[int]bool{pid: true}
	queue := childrenOf(pid)
	for len(queue) > 0 && len(seen) < 4096 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		if b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/statm"); err == nil {
			if anon, ok := anonPages(b); ok {
				total += anon
			}
		}
		queue = append(queue, childrenOf(p)...)
	}
	return total
}

// childrenOf lists the children of every thread of process pid.
func childrenOf(pid int) []int {
	dir := "/proc/" + strconv.Itoa(pid) + "/task/"
	tasks, _ := os.ReadDir(dir)
	var kids []int
	for _, t := range tasks {
		b, _ := os.ReadFile(dir + t.Name() + "/children")
		for _, f := range bytes.Fields(b) {
			if k, err := strconv.Atoi(string(f)); err == nil {
				kids = append(kids, k)
			}
		}
	}
	return kids
}

// anonPages reads the resident anonymous pages from /proc/PID/statm:
// resident pages less those backed by files or shared memory.
func anonPages(statm []byte) (int64, bool) {
	f := bytes.Fields(statm)
	if len(f) < 3 {
		return 0, false
	}
	resident, err1 := strconv.ParseInt(string(f[1]), 10, 64)
	shared, err2 := strconv.ParseInt(string(f[2]), 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return resident - shared, true
}

// stopWatching ends the memory watcher, if any, once the child has ended,
// and waits for it.
func (g *Guard) stopWatching() {
	g.unwatchOnce.Do(func() {
		if g.unwatch != nil {
			close(g.unwatch)
			<-g.watched
		}
	})
}
