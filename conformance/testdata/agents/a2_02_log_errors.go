package main

import (
	"bufio"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

const logs = `2024-03-01T10:00:01Z INFO  [auth] user=alice login ok latency=12ms
2024-03-01T10:00:02Z ERROR [db] query failed code=500 latency=340ms
2024-03-01T10:00:03Z WARN  [auth] user=bob password retry latency=8ms
2024-03-01T10:00:04Z ERROR [auth] user=bob locked code=403 latency=5ms
malformed line without structure
2024-03-01T10:00:06Z INFO  [api] GET /orders 200 latency=45ms
2024-03-01T10:00:07Z ERROR [db] connection reset code=503 latency=1200ms

2024-03-01T10:00:09Z DEBUG [api] cache hit key=orders:7 latency=1ms
2024-03-01T10:00:10Z ERROR [api] upstream timeout code=504 latency=3000ms
2024-03-01T10:00:11Z INFO  [db] vacuum done latency=900ms`

var lineRe = regexp.MustCompile(`^(\S+)\s+(INFO|WARN|ERROR|DEBUG)\s+\[(\w+)\]\s+(.*)$`)
var latRe = regexp.MustCompile(`latency=(\d+)ms`)
var codeRe = regexp.MustCompile(`code=(\d{3})`)

type stat struct {
	count   int
	latency int
	max     int
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(logs))
	levels := map[string]int{}
	comps := map[string]*stat{}
	codes := map[string][]string{}
	lineNo := 0
	bad := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		m := lineRe.FindStringSubmatch(line)
		if m == nil {
			bad++
			fmt.Printf("line %d: unparseable: %q\n", lineNo, line)
			continue
		}
		level, comp, rest := m[2], m[3], m[4]
		levels[level]++
		st := comps[comp]
		if st == nil {
			st = &stat{}
			comps[comp] = st
		}
		st.count++
		if lm := latRe.FindStringSubmatch(rest); lm != nil {
			var v int
			fmt.Sscanf(lm[1], "%d", &v)
			st.latency += v
			if v > st.max {
				st.max = v
			}
		}
		if level == "ERROR" {
			if cm := codeRe.FindStringSubmatch(rest); cm != nil {
				codes[cm[1]] = append(codes[cm[1]], comp)
			}
		}
	}
	fmt.Printf("lines=%d bad=%d\n", lineNo, bad)
	lv := []string{"DEBUG", "INFO", "WARN", "ERROR"}
	for _, l := range lv {
		fmt.Printf("%-5s %s (%d)\n", l, strings.Repeat("#", levels[l]), levels[l])
	}
	names := make([]string, 0)
	for k := range comps {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := comps[names[i]], comps[names[j]]
		if a.latency != b.latency {
			return a.latency > b.latency
		}
		return names[i] < names[j]
	})
	for _, n := range names {
		s := comps[n]
		fmt.Printf("component %-5s count=%d total=%5dms max=%4dms avg=%.1fms\n", n, s.count, s.latency, s.max, float64(s.latency)/float64(s.count))
	}
	ck := make([]string, 0, len(codes))
	for c := range codes {
		ck = append(ck, c)
	}
	sort.Strings(ck)
	for _, c := range ck {
		fmt.Printf("code %s -> %v\n", c, codes[c])
	}
	all := latRe.FindAllStringSubmatchIndex(logs, 3)
	for _, idx := range all {
		fmt.Println("match at", idx[0], "value", logs[idx[2]:idx[3]])
	}
	fmt.Println(latRe.ReplaceAllString("a latency=5ms b latency=77ms", "lat<$1>"))
}
