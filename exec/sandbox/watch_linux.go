package sandbox

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
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
// reads the child's resident anonymous memory every memoryPoll and kills it
// once that passes the limit, which finish then reports as the limit hit.
// The limit is read at every look, so SetLimits may change it.
func (g *Guard) watchMemory(pid int) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return
	}
	g.unwatch = make(chan struct{})
	go func() {
		defer f.Close()
		tick := time.NewTicker(memoryPoll)
		defer tick.Stop()
		page := int64(os.Getpagesize())
		buf := make([]byte, 128)
		for {
			select {
			case <-g.unwatch:
				return
			case <-tick.C:
			}
			n, err := f.ReadAt(buf, 0)
			if n == 0 && err != nil {
				return // the child has ended
			}
			anon, ok := anonPages(buf[:n])
			if lim := g.memLimit.Load(); ok && lim > 0 && anon*page > lim {
				g.overMemory.Store(true)
				g.kill()
				return
			}
		}
	}()
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

// stopWatching ends the memory watcher, if any, once the child has ended.
func (g *Guard) stopWatching() {
	g.unwatchOnce.Do(func() {
		if g.unwatch != nil {
			close(g.unwatch)
		}
	})
}
