package main

import (
	"fmt"
	"time"
)

func businessDaysBetween(a, b time.Time, holidays map[string]bool) int {
	n := 0
	for d := a; d.Before(b); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if holidays[d.Format("2006-01-02")] {
			continue
		}
		n++
	}
	return n
}

func addBusinessDays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

func main() {
	start := time.Date(2024, time.January, 31, 9, 30, 0, 0, time.UTC)
	fmt.Println("start:", start, start.Weekday(), start.YearDay())
	fmt.Println("+1 month (normalizes):", start.AddDate(0, 1, 0).Format("2006-01-02 Mon"))
	fmt.Println("+1 year:", start.AddDate(1, 0, 0).Format(time.RFC3339))
	fmt.Println("leap day:", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC).AddDate(1, 0, 0).Format("Jan 2, 2006"))
	fmt.Println("Feb 30 ->", time.Date(2023, 2, 30, 25, 61, 0, 0, time.UTC).Format(time.DateTime))

	end := time.Date(2024, time.March, 15, 17, 45, 30, 0, time.UTC)
	d := end.Sub(start)
	fmt.Printf("between: %v | hours=%.2f | minutes=%.0f | days=%d\n", d, d.Hours(), d.Minutes(), int(d.Hours()/24))
	fmt.Println("rounded:", d.Round(time.Hour), d.Truncate(24*time.Hour), d.Round(time.Minute))

	durs := []time.Duration{0, 999 * time.Nanosecond, 1500 * time.Microsecond, 90 * time.Second, 36*time.Hour + 5*time.Second, -2 * time.Minute, time.Duration(1<<63 - 1)}
	for _, x := range durs {
		fmt.Printf("%-26v %-22d %.3fs\n", x, int64(x), x.Seconds())
	}
	for _, s := range []string{"1h15m30.5s", "250ms", "-1.5h", "3d", "2h45m", "1us", ""} {
		x, err := time.ParseDuration(s)
		fmt.Printf("ParseDuration(%q) = %v err=%v\n", s, x, err)
	}

	ny := time.FixedZone("EST", -5*3600)
	tokyo := time.FixedZone("JST", 9*3600)
	meeting := time.Date(2024, time.July, 4, 14, 0, 0, 0, ny)
	fmt.Println("meeting NY:   ", meeting.Format("Mon Jan 2 15:04 MST -0700"))
	fmt.Println("meeting Tokyo:", meeting.In(tokyo).Format("Mon Jan 2 15:04 MST -0700"))
	fmt.Println("meeting UTC:  ", meeting.UTC().Format(time.RFC1123Z), meeting.Equal(meeting.In(tokyo)), meeting == meeting.In(tokyo))

	layouts := []struct{ layout, value string }{
		{"2006-01-02", "2024-02-29"},
		{"02/01/2006 15:04", "25/12/2023 08:15"},
		{time.RFC3339, "2024-05-06T07:08:09+02:00"},
		{"Jan _2 2006", "Mar  5 2021"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02", "not a date"},
	}
	for _, l := range layouts {
		t, err := time.Parse(l.layout, l.value)
		if err != nil {
			fmt.Printf("parse %q: error: %v\n", l.value, err)
			continue
		}
		_, off := t.Zone()
		fmt.Printf("parse %q -> %s (offset %d) unix=%d\n", l.value, t.Format(time.RFC3339), off, t.Unix())
	}

	holidays := map[string]bool{"2024-12-25": true, "2024-12-26": true, "2025-01-01": true}
	a := time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)
	b := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	fmt.Println("business days Dec20-Jan6:", businessDaysBetween(a, b, holidays))
	fmt.Println("invoice due (+10 bd from Fri Dec 20):", addBusinessDays(a, 10).Format("Mon 2006-01-02"))
	for _, dt := range []time.Time{a, b, time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)} {
		y, w := dt.ISOWeek()
		fmt.Printf("%s ISO week %d-W%02d Q%d\n", dt.Format("2006-01-02"), y, w, (int(dt.Month())-1)/3+1)
	}
	// month-end schedule
	t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 12; i += 3 {
		m := t.AddDate(0, i+1, -1)
		fmt.Printf("%s ", m.Format("Jan-02"))
	}
	fmt.Println()
	unix := time.Unix(1700000000, 0).UTC()
	fmt.Println(unix, unix.UnixMilli(), time.UnixMilli(1).UTC().Format(time.StampMilli))
	fmt.Println(start.Truncate(time.Hour).Format(time.Kitchen), start.Add(-36*time.Hour).Format(time.ANSIC), start.Before(end), end.Compare(start))
	var zero time.Time
	fmt.Println(zero.IsZero(), zero, time.Month(13), time.Weekday(8))
}
