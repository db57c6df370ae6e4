// slices.Max, Min, MaxFunc and MinFunc, and a panic on an empty slice.
package main

import (
	"cmp"
	"fmt"
	"slices"
)

type Score struct {
	Who    string
	Points int
}

type Temp float64

func main() {
	xs := []int{4, 9, 2, 7}
	fmt.Println(slices.Max(xs), slices.Min(xs))
	best := slices.Max(xs) * 2
	fmt.Println(best)
	temps := []Temp{21.5, 19, 25.25}
	hot := slices.Max(temps)
	fmt.Printf("%.2f %v\n", hot, hot*2)
	scores := []Score{{"a", 3}, {"b", 9}, {"c", 9}, {"d", 1}}
	top := slices.MaxFunc(scores, func(a, b Score) int { return cmp.Compare(a.Points, b.Points) })
	low := slices.MinFunc(scores, func(a, b Score) int { return cmp.Compare(a.Points, b.Points) })
	fmt.Println(top.Who, low.Who)
	fmt.Println(slices.Max([]string{"kiwi", "apple", "zucchini"}))
	defer func() { fmt.Println("recovered:", recover()) }()
	var none []int
	fmt.Println(slices.Min(none))
}
