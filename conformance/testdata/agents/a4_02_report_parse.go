package main

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const report = `== Weekly Ops Report: 2024-W14 ==
Host: web-01 | region=eu-west | uptime 99.95%
  cpu avg 43.2% peak 91%
  mem 6.1/16 GiB
  incidents: 2 (P2: disk full on /var, P3: cert expiry warning)
Host: web-02 | region=us-east | uptime 100%
  cpu avg 12.0% peak 30%
  mem 3.9/16 GiB
  incidents: 0
# note: db-01 was migrated mid-week
Host: db-01 | region=eu-west | uptime 98.7%
  cpu avg 71.5% peak 100%
  mem 58.2/64 GiB
  incidents: 3 (P1: replication lag, P2: slow queries, P2: disk full on /data)
Host: cache-01 | region=us-east | uptime 99.999%
  cpu avg 5.25% peak 9%
  mem 30/32 GiB
  incidents: 1 (P3: eviction storm)
`

var (
	headerRe   = regexp.MustCompile(`^== Weekly Ops Report: (\d{4})-W(\d{2}) ==$`)
	hostRe     = regexp.MustCompile(`^Host: (?P<name>[\w-]+) \| region=(?P<region>[a-z-]+) \| uptime (?P<up>[\d.]+)%$`)
	cpuRe      = regexp.MustCompile(`cpu avg ([\d.]+)% peak (\d+)%`)
	memRe      = regexp.MustCompile(`mem ([\d.]+)/(\d+) GiB`)
	incidentRe = regexp.MustCompile(`P(\d): ([^,)]+)`)
)

type Host struct {
	Name, Region   string
	Uptime         float64
	CPUAvg         float64
	CPUPeak        int
	MemUsed, MemGB float64
	Incidents      map[int][]string
}

func main() {
	var hosts []*Host
	var cur *Host
	year, week := 0, 0
	for lineNo, line := range strings.Split(report, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if m := headerRe.FindStringSubmatch(line); m != nil {
			year, _ = strconv.Atoi(m[1])
			week, _ = strconv.Atoi(m[2])
			continue
		}
		if m := hostRe.FindStringSubmatch(line); m != nil {
			fields := map[string]string{}
			for i, name := range hostRe.SubexpNames() {
				if name != "" {
					fields[name] = m[i]
				}
			}
			up, _ := strconv.ParseFloat(fields["up"], 64)
			cur = &Host{Name: fields["name"], Region: fields["region"], Uptime: up, Incidents: map[int][]string{}}
			hosts = append(hosts, cur)
			continue
		}
		if cur == nil {
			fmt.Printf("line %d: data before host: %q\n", lineNo+1, line)
			continue
		}
		switch {
		case cpuRe.MatchString(line):
			m := cpuRe.FindStringSubmatch(line)
			cur.CPUAvg, _ = strconv.ParseFloat(m[1], 64)
			cur.CPUPeak, _ = strconv.Atoi(m[2])
		case memRe.MatchString(line):
			m := memRe.FindStringSubmatch(line)
			cur.MemUsed, _ = strconv.ParseFloat(m[1], 64)
			cur.MemGB, _ = strconv.ParseFloat(m[2], 64)
		case strings.HasPrefix(trimmed, "incidents:"):
			for _, m := range incidentRe.FindAllStringSubmatch(line, -1) {
				p, _ := strconv.Atoi(m[1])
				cur.Incidents[p] = append(cur.Incidents[p], strings.TrimSpace(m[2]))
			}
		default:
			fmt.Printf("line %d: unrecognised: %q\n", lineNo+1, trimmed)
		}
	}
	fmt.Printf("report year=%d week=%d hosts=%d\n", year, week, len(hosts))
	byRegion := map[string][]string{}
	prio := map[int]int{}
	diskRe := regexp.MustCompile(`disk full on (/\w+)`)
	var disks []string
	for _, h := range hosts {
		byRegion[h.Region] = append(byRegion[h.Region], h.Name)
		memPct := 100 * h.MemUsed / h.MemGB
		flags := []string{}
		if h.CPUPeak >= 95 {
			flags = append(flags, "CPU-SAT")
		}
		if memPct > 90 {
			flags = append(flags, "MEM-HIGH")
		}
		if h.Uptime < 99.9 {
			flags = append(flags, "SLO-MISS")
		}
		n := 0
		for p, list := range h.Incidents {
			prio[p] += len(list)
			n += len(list)
			for _, d := range list {
				if mm := diskRe.FindStringSubmatch(d); mm != nil {
					disks = append(disks, h.Name+":"+mm[1])
				}
			}
		}
		fmt.Printf("%-9s %-8s up=%7.3f%% cpu=%5.2f/%3d mem=%5.1f%% inc=%d %v\n",
			h.Name, h.Region, h.Uptime, h.CPUAvg, h.CPUPeak, memPct, n, flags)
	}
	regions := make([]string, 0, len(byRegion))
	for r := range byRegion {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	for _, r := range regions {
		fmt.Printf("region %s: %s\n", r, strings.Join(byRegion[r], ", "))
	}
	for p := 1; p <= 3; p++ {
		fmt.Printf("P%d incidents: %d\n", p, prio[p])
	}
	sort.Strings(disks)
	fmt.Printf("disk-full locations: %q\n", disks)
	masked := regexp.MustCompile(`(\w+)-(\d+)`).ReplaceAllString("hosts web-01 db-01 cache-01", "${1}#$2")
	fmt.Println(masked)
	upper := regexp.MustCompile(`P\d`).ReplaceAllStringFunc("P1 then P2 then P3", func(s string) string {
		return "<" + strings.ToLower(s) + ">"
	})
	fmt.Println(upper)
}
