// time: dates, formatting, arithmetic, durations.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.March, 5, 14, 30, 0, 0, time.UTC)
	fmt.Println(t.Format(time.RFC3339), t.Format("2006-01-02 15:04"), t.Weekday(), t.YearDay())
	later := t.Add(36 * time.Hour)
	fmt.Println(later.Format("Jan 2, 2006 at 3:04pm"), later.Sub(t), later.After(t))
	d := 90*time.Minute + 30*time.Second
	fmt.Println(d, d.Hours(), d.Round(time.Hour), time.Duration(1500)*time.Millisecond)
	p, err := time.Parse("2006-01-02", "2023-12-25")
	fmt.Println(p.Year(), p.Month(), p.Day(), err)
	fmt.Println(t.AddDate(0, 1, 0).Format(time.DateOnly), t.Truncate(24*time.Hour).Format(time.Kitchen))
	days := int(t.Sub(p).Hours() / 24)
	fmt.Println(days)
}
