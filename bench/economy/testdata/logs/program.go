// What went wrong in yesterday's log? Pull every WARN and ERROR line of the
// application log with grep, group the errors by service and by signature
// (the message with ids and numbers masked), and find the ten minutes with
// the most errors. Only the ranking reaches the model.
package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"airlock"
	"airlock/shell"
)

type signature struct {
	Text        string `json:"signature"`
	Count       int    `json:"count"`
	First, Last string
	services    map[string]bool
}

func main() {
	total, err := shell.Run("wc -l app.log")
	if err != nil {
		panic(err)
	}
	out, err := shell.Run(`grep -E '^[^ ]+ (WARN|ERROR) ' app.log`)
	if err != nil {
		panic(err)
	}
	ids := regexp.MustCompile(`\b(ord|usr|cli|SKU)[_-][0-9]+|\b[0-9]+(\.[0-9]+)?(ms|%)?\b`)
	levels := map[string]int{}
	errorsBy := map[string]int{}
	sigs := map[string]*signature{}
	windows := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.SplitN(line, " ", 5) // time level service req message
		if len(f) < 5 {
			continue
		}
		ts, level, svc, msg := f[0], f[1], f[2], f[4]
		levels[level]++
		if level != "ERROR" {
			continue
		}
		errorsBy[svc]++
		key := ids.ReplaceAllStringFunc(msg, func(s string) string {
			if i := strings.IndexAny(s, "_-"); i > 0 && s[0] > '9' {
				return s[:i+1] + "*"
			}
			return "#"
		})
		s := sigs[key]
		if s == nil {
			s = &signature{Text: key, First: ts, services: map[string]bool{}}
			sigs[key] = s
		}
		s.Count++
		s.Last = ts
		s.services[svc] = true
		if t, err := time.Parse(time.RFC3339, ts); err == nil {
			windows[t.Truncate(10*time.Minute).Format("15:04")]++
		}
	}
	list := make([]*signature, 0, len(sigs))
	for _, s := range sigs {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		return list[i].Text < list[j].Text
	})
	peak, peakN := "", 0
	for w, n := range windows {
		if n > peakN || n == peakN && w < peak {
			peak, peakN = w, n
		}
	}
	fmt.Printf("%s lines; %d WARN, %d ERROR; peak: %d errors in the 10 minutes from %s\n",
		strings.Fields(total)[0], levels["WARN"], levels["ERROR"], peakN, peak)
	for _, s := range list[:min(5, len(list))] {
		var svcs []string
		for k := range s.services {
			svcs = append(svcs, k)
		}
		sort.Strings(svcs)
		where := strings.Join(svcs, ",")
		if len(svcs) > 3 {
			where = fmt.Sprintf("%d services", len(svcs))
		}
		fmt.Printf("  %4d  %-52s %-16s %s..%s\n", s.Count, s.Text, where, s.First[11:16], s.Last[11:16])
	}
	airlock.Result(map[string]any{"errors_by_service": errorsBy, "signatures": len(list)})
}
