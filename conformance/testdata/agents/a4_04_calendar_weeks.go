package main

import (
	"fmt"
	"strings"
	"time"
)

func printMonth(year int, month time.Month) {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	fmt.Printf("%s %d\n", month, year)
	fmt.Println(" Wk Mo Tu We Th Fr Sa Su")
	// Monday-based offset
	offset := (int(first.Weekday()) + 6) % 7
	d := first.AddDate(0, 0, -offset)
	for !d.After(last) {
		_, wk := d.AddDate(0, 0, 3).ISOWeek()
		var sb strings.Builder
		fmt.Fprintf(&sb, "%3d", wk)
		for i := 0; i < 7; i++ {
			if d.Month() == month {
				fmt.Fprintf(&sb, " %2d", d.Day())
			} else {
				sb.WriteString("   ")
			}
			d = d.AddDate(0, 0, 1)
		}
		fmt.Println(strings.TrimRight(sb.String(), " "))
	}
}

func nthWeekday(year int, month time.Month, wd time.Weekday, n int) time.Time {
	if n > 0 {
		d := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
		for d.Weekday() != wd {
			d = d.AddDate(0, 0, 1)
		}
		return d.AddDate(0, 0, 7*(n-1))
	}
	d := time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC) // last day of month
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

func businessDays(from, to time.Time, holidays map[string]bool) int {
	n := 0
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			continue
		}
		if holidays[d.Format("2006-01-02")] {
			continue
		}
		n++
	}
	return n
}

func main() {
	printMonth(2024, time.February)
	fmt.Println()
	y := 2025
	fmt.Println("Thanksgiving:", nthWeekday(y, time.November, time.Thursday, 4).Format("Mon Jan 2, 2006"))
	fmt.Println("Memorial Day:", nthWeekday(y, time.May, time.Monday, -1).Format("Mon Jan 2, 2006"))
	fmt.Println("Labor Day:   ", nthWeekday(y, time.September, time.Monday, 1).Format("Monday 02/01/2006"))

	for _, s := range []string{"2020-12-31", "2021-01-03", "2021-01-04", "2024-12-30", "2027-01-01"} {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		iy, iw := t.ISOWeek()
		fmt.Printf("%s is %-9s ISO %d-W%02d day-of-year %3d\n", s, t.Weekday(), iy, iw, t.YearDay())
	}
	// month-end arithmetic normalisation
	jan31 := time.Date(2023, time.January, 31, 9, 30, 0, 0, time.UTC)
	fmt.Println("Jan31 +1 month:", jan31.AddDate(0, 1, 0).Format(time.RFC3339))
	fmt.Println("Date(2023,2,30):", time.Date(2023, 2, 30, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
	fmt.Println("Date(2024,13,1):", time.Date(2024, 13, 1, 0, 0, 0, 0, time.UTC).Format("Jan 2 2006"))
	fmt.Println("Hour 25:", time.Date(2024, 3, 9, 25, 61, 0, 0, time.UTC).Format(time.Kitchen))

	holidays := map[string]bool{"2024-12-25": true, "2024-12-26": true, "2025-01-01": true}
	from := time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	fmt.Printf("business days %s..%s: %d (calendar %v)\n", from.Format("Jan 2"), to.Format("Jan 2"),
		businessDays(from, to, holidays), to.Sub(from))
	dur := 90*time.Minute + 45*time.Second + 250*time.Millisecond
	fmt.Println("duration:", dur, "rounded:", dur.Round(time.Minute), "truncated:", dur.Truncate(time.Hour), "hours:", dur.Hours())

	leap := 0
	for yy := 1896; yy <= 2024; yy += 4 {
		if time.Date(yy, 2, 29, 0, 0, 0, 0, time.UTC).Month() == time.February {
			leap++
		}
	}
	fmt.Println("leap years 1896..2024 step 4:", leap)
	t := time.Date(2024, 7, 4, 18, 5, 9, 123456789, time.UTC)
	fmt.Println(t.Format("2006-01-02T15:04:05.000Z07:00"), t.Format("3:04PM"), t.Format(time.RFC1123), t.Unix())
	fmt.Println(t.Truncate(24 * time.Hour).Format(time.DateTime))
}
