package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Check struct {
	Service string
	Latency []int // ms
	Errors  int
	Total   int
}

func percentile(xs []int, p float64) int {
	s := append([]int(nil), xs...)
	sort.Ints(s)
	idx := int(float64(len(s)-1) * p)
	return s[idx]
}

type Verdict int

const (
	OK Verdict = iota
	Warn
	Crit
)

func (v Verdict) String() string {
	switch v {
	case OK:
		return "OK"
	case Warn:
		return "WARN"
	}
	return "CRIT"
}

func main() {
	checks := []Check{
		{"auth", []int{12, 15, 11, 90, 14, 13, 12}, 0, 700},
		{"search", []int{120, 340, 95, 410, 220, 180, 260}, 12, 900},
		{"payments", []int{45, 50, 48, 2100, 47, 52, 49}, 31, 400},
		{"static", []int{2, 3, 2, 2, 4}, 0, 5000},
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SERVICE\tP50\tP90\tMAX\tERR%\tSTATUS")
	worst := OK
	var failing []string
	for _, c := range checks {
		p50 := percentile(c.Latency, 0.5)
		p90 := percentile(c.Latency, 0.9)
		mx := percentile(c.Latency, 1.0)
		errRate := 100 * float64(c.Errors) / float64(c.Total)
		v := OK
		if p90 > 300 || errRate > 1 {
			v = Warn
		}
		if mx > 1000 || errRate > 5 {
			v = Crit
		}
		if v > worst {
			worst = v
		}
		if v != OK {
			failing = append(failing, c.Service)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%v\n", c.Service, p50, p90, mx, errRate, v)
	}
	tw.Flush()
	fmt.Printf("overall: %v (%d failing: %s)\n", worst, len(failing), strings.Join(failing, ","))
	defer fmt.Println("deferred: should not appear")
	switch worst {
	case Crit:
		fmt.Println("exiting with code 3")
		os.Exit(3)
	case Warn:
		os.Exit(1)
	}
	fmt.Println("all good")
}
