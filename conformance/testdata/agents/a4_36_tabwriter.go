package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Proc struct {
	PID    int
	User   string
	CPU    float64
	MemMB  int
	State  rune
	Cmd    string
	Thread int
}

func main() {
	procs := []Proc{
		{412, "root", 0.3, 12, 'S', "/sbin/init splash", 1},
		{1880, "postgres", 23.7, 1840, 'R', "postgres: writer process", 4},
		{2201, "www-data", 7.25, 310, 'S', "nginx: worker", 2},
		{3010, "ana", 101.5, 5120, 'R', "python train.py --epochs=50", 32},
		{3011, "ana", 0, 4, 'Z', "[defunct]", 1},
		{77, "root", 1.0, 88, 'D', "kworker/u8:2", 1},
	}
	sort.Slice(procs, func(i, j int) bool {
		if procs[i].CPU != procs[j].CPU {
			return procs[i].CPU > procs[j].CPU
		}
		return procs[i].PID < procs[j].PID
	})
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "PID\tUSER\t%CPU\tMEM\tS\tTHR\tCOMMAND")
	for _, p := range procs {
		fmt.Fprintf(w, "%d\t%s\t%.1f\t%dM\t%c\t%d\t%s\n", p.PID, p.User, p.CPU, p.MemMB, p.State, p.Thread, p.Cmd)
	}
	w.Flush()
	fmt.Println()

	// right-aligned numeric summary per user
	type agg struct {
		cpu   float64
		mem   int
		count int
	}
	byUser := map[string]*agg{}
	for _, p := range procs {
		a := byUser[p.User]
		if a == nil {
			a = &agg{}
			byUser[p.User] = a
		}
		a.cpu += p.CPU
		a.mem += p.MemMB
		a.count++
	}
	users := make([]string, 0, len(byUser))
	for u := range byUser {
		users = append(users, u)
	}
	sort.Strings(users)
	rw := tabwriter.NewWriter(os.Stdout, 6, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(rw, "user\tprocs\tcpu\tmem MB\t")
	for _, u := range users {
		a := byUser[u]
		fmt.Fprintf(rw, "%s\t%d\t%.2f\t%d\t\n", u, a.count, a.cpu, a.mem)
	}
	rw.Flush()
	fmt.Println()

	// dotted leader padding
	dw := tabwriter.NewWriter(os.Stdout, 0, 0, 1, '.', 0)
	for _, kv := range [][2]string{{"hostname", "build-07"}, {"kernel", "6.8.0"}, {"uptime", "3d 4h"}, {"load average", "1.02 0.88 0.75"}} {
		fmt.Fprintf(dw, "%s\t %s\n", kv[0], kv[1])
	}
	dw.Flush()
	fmt.Println()
	// cells with multi-byte chars and an empty column, plus a terminating line
	mw := tabwriter.NewWriter(os.Stdout, 4, 4, 1, '-', tabwriter.Debug)
	fmt.Fprintln(mw, "naïve\t\tcafé\tend")
	fmt.Fprintln(mw, "x\tyy\tzzz\t")
	fmt.Fprintln(mw, "no tabs here")
	fmt.Fprintln(mw, "a\tb")
	mw.Flush()
	var sb strings.Builder
	tw := tabwriter.NewWriter(&sb, 0, 4, 1, ' ', tabwriter.DiscardEmptyColumns|tabwriter.TabIndent)
	fmt.Fprintln(tw, "k\t\tv")
	fmt.Fprintln(tw, "key\t\tvalue")
	tw.Flush()
	fmt.Printf("%q\n", sb.String())
}
