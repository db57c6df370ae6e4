package main

import (
	"fmt"
	"time"
)

type Shift struct {
	Worker string
	Start  time.Time
	End    time.Time
}

func (s Shift) Hours() float64 { return s.End.Sub(s.Start).Hours() }

func main() {
	base := time.Date(2024, time.February, 27, 22, 30, 0, 0, time.UTC)
	fmt.Println(base)
	fmt.Println(base.Format(time.RFC3339), base.Format("Mon Jan 2 2006"), base.Format("02/01/06 3:04PM"))
	fmt.Println(base.Weekday(), base.YearDay(), base.Unix())
	y, w := base.ISOWeek()
	fmt.Println("iso week", y, w)

	next := base.AddDate(0, 0, 3)
	fmt.Println("3 days later:", next.Format("2006-01-02 Mon"), "(leap year)")
	fmt.Println("plus 1 month:", time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0).Format("Jan 2"))

	shifts := []Shift{
		{"ann", base, base.Add(8 * time.Hour)},
		{"bob", base.Add(2 * time.Hour), base.Add(9*time.Hour + 45*time.Minute)},
		{"cy", base.Add(-90 * time.Minute), base.Add(3*time.Hour + 15*time.Minute)},
	}
	var total time.Duration
	for _, s := range shifts {
		d := s.End.Sub(s.Start)
		total += d
		fmt.Printf("%-4s %s -> %s  %v  %.2fh  overnight=%t\n", s.Worker, s.Start.Format("Jan 02 15:04"), s.End.Format("Jan 02 15:04"), d, s.Hours(), s.Start.Day() != s.End.Day())
	}
	fmt.Println("total:", total, total.Hours())
	fmt.Println("avg:", total/time.Duration(len(shifts)))

	durs := []string{"1h30m", "45s", "2h", "1.5h", "300ms", "-5m", "1d", "90"}
	for _, s := range durs {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Printf("%-6s error: %v\n", s, err)
			continue
		}
		fmt.Printf("%-6s = %-10v secs=%v\n", s, d, d.Seconds())
	}
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d, d.Truncate(time.Minute), d.Round(time.Hour), d.Round(time.Second), int64(d))
	fmt.Println(time.Duration(1500)*time.Microsecond, time.Duration(0), time.Duration(1))

	t1 := time.Date(2024, 3, 15, 14, 37, 12, 0, time.UTC)
	fmt.Println(t1.Truncate(time.Hour).Format(time.Kitchen), t1.Round(15*time.Minute).Format("15:04"))
	p, err := time.Parse("2006-01-02 15:04", "2024-12-25 08:15")
	fmt.Println(p, err, p.Weekday())
	_, err = time.Parse("2006-01-02", "2024-13-01")
	fmt.Println("bad parse:", err)
	fmt.Println(t1.Before(p), t1.After(p), t1.Equal(t1.Add(0)))

	// days until each month start
	for m := time.January; m <= time.December; m += 3 {
		first := time.Date(2025, m, 1, 0, 0, 0, 0, time.UTC)
		days := int(first.Sub(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
		fmt.Printf("%-9s starts %-9s day %3d\n", m, first.Weekday(), days)
	}
	loc := time.FixedZone("EST", -5*3600)
	fmt.Println(t1.In(loc).Format("2006-01-02T15:04:05 MST -0700"))
	fmt.Println(t1.Month(), int(t1.Month()), t1.Hour(), t1.Minute(), t1.Second())
	fmt.Println(time.Date(2023, 2, 29, 25, 61, 0, 0, time.UTC).Format(time.DateTime))
}
