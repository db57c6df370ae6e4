// Package procstat reads what the benchmarks and tests watch of a process:
// its threads, resident memory and children.
package procstat

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Status returns a process's thread count and resident memory in KiB.
func Status(pid int) (threads, rssKiB int, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "Threads:":
			threads, _ = strconv.Atoi(f[1])
		case "VmRSS:":
			rssKiB, _ = strconv.Atoi(f[1])
		}
	}
	return threads, rssKiB, nil
}

// Files counts a process's open file descriptors: a leak shows as a count
// that grows with the runs it serves.
func Files(pid int) int {
	entries, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	return len(entries)
}

// Descendants returns the processes below pid: its children, theirs, and
// so on. spawners counts those among them that are airlock's spawner, which
// starts sandboxed children for a server.
func Descendants(pid int) (pids []int, spawners int) {
	parent := map[int]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 1 {
			parent[p], _ = strconv.Atoi(f[1])
		}
	}
	below := func(p int) bool {
		for i := 0; i < 64 && p > 1; i++ {
			if p = parent[p]; p == pid {
				return true
			}
		}
		return false
	}
	for p := range parent {
		if below(p) {
			pids = append(pids, p)
			if b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/cmdline"); err == nil && strings.HasSuffix(string(b), "\x00spawn\x00") {
				spawners++
			}
		}
	}
	return pids, spawners
}

// Cgroups lists the cgroups airlock made for the sandboxed children of
// process pid (named airlock-PID-N) that are still there, under a cgroup v1
// hierarchy or cgroup2.
func Cgroups(pid int) []string {
	var left []string
	for _, pattern := range []string{"/sys/fs/cgroup/*/*/*/airlock-%d-*", "/sys/fs/cgroup/*/airlock-%d-*"} {
		m, _ := filepath.Glob(fmt.Sprintf(pattern, pid))
		left = append(left, m...)
	}
	return left
}
