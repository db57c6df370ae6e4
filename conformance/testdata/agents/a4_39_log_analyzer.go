package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const logs = `10.0.0.1 - - [12/Mar/2024:10:00:01 +0000] "GET /api/orders HTTP/1.1" 200 512 0.023
10.0.0.2 - - [12/Mar/2024:10:00:02 +0000] "GET /api/orders/17 HTTP/1.1" 200 220 0.011
10.0.0.1 - - [12/Mar/2024:10:00:02 +0000] "POST /api/orders HTTP/1.1" 201 98 0.140
10.0.0.3 - - [12/Mar/2024:10:00:03 +0000] "GET /healthz HTTP/1.1" 200 2 0.001
10.0.0.4 - - [12/Mar/2024:10:00:05 +0000] "GET /api/orders/99 HTTP/1.1" 404 45 0.009
malformed line without structure
10.0.0.2 - - [12/Mar/2024:10:00:06 +0000] "GET /api/users/5 HTTP/1.1" 500 31 1.502
10.0.0.2 - - [12/Mar/2024:10:00:07 +0000] "GET /api/users/5 HTTP/1.1" 503 31 2.010
10.0.0.5 - - [12/Mar/2024:10:00:07 +0000] "DELETE /api/orders/17 HTTP/1.1" 204 0 0.050
10.0.0.1 - - [12/Mar/2024:10:00:08 +0000] "GET /api/orders HTTP/1.1" 200 530 0.031
10.0.0.6 - - [12/Mar/2024:10:00:09 +0000] "GET /api/users/6 HTTP/1.1" 502 31 0.300
10.0.0.3 - - [12/Mar/2024:10:00:10 +0000] "GET /healthz HTTP/1.1" 200 2 0.001
10.0.0.7 - - [12/Mar/2024:10:00:11 +0000] "PUT /api/users/7 HTTP/1.1" 200 77 0.090
10.0.0.1 - - [12/Mar/2024:10:00:12 +0000] "GET /api/orders?page=2 HTTP/1.1" 200 498 0.027
10.0.0.8 - - [12/Mar/2024:10:00:13 +0000] "GET /api/users/8 HTTP/1.1" 500 31 0.800
`

var lineRe = regexp.MustCompile(`^(\S+) \S+ \S+ \[([^\]]+)\] "(\w+) (\S+) [^"]*" (\d{3}) (\d+) ([\d.]+)$`)
var idRe = regexp.MustCompile(`/\d+`)

type stat struct {
	count     int
	errors    int
	bytes     int
	latencies []float64
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	rank := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return sorted[max(rank, 0)]
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(logs))
	stats := map[string]*stat{}
	statusClass := map[string]int{}
	ips := map[string]int{}
	total, bad, fiveXX := 0, 0, 0
	var all []float64
	for n := 1; sc.Scan(); n++ {
		m := lineRe.FindStringSubmatch(sc.Text())
		if m == nil {
			bad++
			fmt.Printf("skip line %d: %.30q\n", n, sc.Text())
			continue
		}
		total++
		path, _, _ := strings.Cut(m[4], "?")
		route := m[3] + " " + idRe.ReplaceAllString(path, "/:id")
		code, _ := strconv.Atoi(m[5])
		size, _ := strconv.Atoi(m[6])
		lat, _ := strconv.ParseFloat(m[7], 64)
		s := stats[route]
		if s == nil {
			s = &stat{}
			stats[route] = s
		}
		s.count++
		s.bytes += size
		s.latencies = append(s.latencies, lat)
		all = append(all, lat)
		if code >= 500 {
			s.errors++
			fiveXX++
		}
		statusClass[fmt.Sprintf("%dxx", code/100)]++
		ips[m[1]]++
	}
	routes := make([]string, 0, len(stats))
	for r := range stats {
		routes = append(routes, r)
	}
	sort.Slice(routes, func(i, j int) bool {
		a, b := stats[routes[i]], stats[routes[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		return routes[i] < routes[j]
	})
	fmt.Printf("%-22s %5s %4s %7s %7s %7s\n", "route", "hits", "5xx", "bytes", "p50ms", "p95ms")
	for _, r := range routes {
		s := stats[r]
		sort.Float64s(s.latencies)
		fmt.Printf("%-22s %5d %4d %7d %7.1f %7.1f\n", r, s.count, s.errors, s.bytes,
			1000*percentile(s.latencies, 50), 1000*percentile(s.latencies, 95))
	}
	sort.Float64s(all)
	fmt.Printf("overall: %d requests, %d malformed, p50=%.0fms p90=%.0fms p99=%.0fms max=%.3fs\n",
		total, bad, 1000*percentile(all, 50), 1000*percentile(all, 90), 1000*percentile(all, 99), all[len(all)-1])
	classes := make([]string, 0, len(statusClass))
	for c := range statusClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		fmt.Printf("%s:%d ", c, statusClass[c])
	}
	fmt.Println()
	type ipCount struct {
		ip string
		n  int
	}
	var top []ipCount
	for ip, n := range ips {
		top = append(top, ipCount{ip, n})
	}
	sort.Slice(top, func(i, j int) bool {
		if top[i].n != top[j].n {
			return top[i].n > top[j].n
		}
		return top[i].ip < top[j].ip
	})
	fmt.Println("top clients:", top[:3])
	rate := float64(fiveXX) / float64(total)
	fmt.Printf("5xx rate: %.1f%% (%d/%d)\n", 100*rate, fiveXX, total)
	const threshold = 0.05
	if rate > threshold {
		fmt.Printf("ALERT: error rate %.3f exceeds %.2f\n", rate, threshold)
		fmt.Fprintln(os.Stderr, "alert raised")
		os.Exit(3)
	}
	fmt.Println("all good")
}
