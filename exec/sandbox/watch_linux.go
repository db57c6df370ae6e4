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
// by its peak resident memory less the file pages last seen (overMemory).
// The limit is read at every look, so SetLimits may change it.
func (g *Guard) watchMemory(pid int) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return
	}
	g.unwatch = make(chan struct{})
	g.watched = make(chan struct{})
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
			anon, shared, ok := statmPages(buf[:n])
			if ok && anon+shared > 0 {
				g.fileBytes.Store(shared * pageSize)
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

// overLimit reports whether the watched child passed its limit: the
// watcher killed it, or its peak resident memory, less the file pages the
// watcher last saw, is over the limit.
func (g *Guard) overLimit(peak int64) bool {
	if g.overMemory.Load() {
		return true
	}
	lim := g.memLimit.Load()
	return g.unwatch != nil && lim > 0 && peak-g.fileBytes.Load() > lim
}

// statmPages reads /proc/PID/statm: the resident pages that are anonymous,
// and those backed by files or shared memory.
func statmPages(statm []byte) (anon, shared int64, ok bool) {
	f := bytes.Fields(statm)
	if len(f) < 3 {
		return 0, 0, false
	}
	resident, err1 := strconv.ParseInt(string(f[1]), 10, 64)
	shared, err2 := strconv.ParseInt(string(f[2]), 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return resident - shared, shared, true
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
