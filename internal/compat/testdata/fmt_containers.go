// Slices, arrays, maps and structs holding values with a String or Error
// method, printed by fmt.
package main

import (
	"errors"
	"fmt"
)

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type level int

func (l level) String() string { return [...]string{"low", "mid", "high"}[l] }

type failure struct{ code int }

func (f failure) Error() string { return fmt.Sprint("failure ", f.code) }

type reading struct {
	Where string
	Temp  celsius
	Level level
}

type hidden struct {
	temp celsius
	Name string
}

type tree struct {
	Label level
	Kids  []tree
}

func main() {
	temps := []celsius{1, 2.5}
	fmt.Println(temps, len(temps))
	fmt.Println([2]level{0, 2})
	fmt.Println(map[string]celsius{"out": -3.25, "in": 20})
	fmt.Println(map[level]int{2: 1, 0: 3})
	fmt.Println(map[int]level{3: 2, 1: 0})
	fmt.Println(map[float64]level{2.5: 1, -1: 0})
	r := reading{"roof", 9, 1}
	fmt.Printf("%v %+v %s\n", r, r, []level{1})
	fmt.Printf("%d\n", []level{1, 2})
	fmt.Println([]failure{{1}, {2}})
	fmt.Println(hidden{3, "h"})
	fmt.Println(tree{2, []tree{{0, nil}, {1, []tree{{2, nil}}}}})
	fmt.Print(temps, "\n")
	fmt.Print("levels: ", []level{0, 1}, "\n")
	s := fmt.Sprint([]level{2})
	fmt.Println(s, fmt.Sprintf("%v", [][]level{{0}, {1, 2}}))
	err := fmt.Errorf("bad readings %v", temps)
	fmt.Println(err, errors.Unwrap(err) == nil)
	var none []celsius
	fmt.Println(none, map[string]level(nil), struct{}{})
}
