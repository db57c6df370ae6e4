// Taking the address of a loop variable, and a closure that changes it.
package main

import "fmt"

type Row struct{ N int }

func (r *Row) Bump() { r.N++ }

func main() {
	var ptrs []*int
	for _, v := range []int{10, 20, 30} {
		ptrs = append(ptrs, &v)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	var rows []*Row
	for _, r := range []Row{{1}, {2}} {
		rows = append(rows, &r)
	}
	fmt.Println(rows[0].N, rows[1].N)
	var bumps []func()
	for _, r := range []Row{{5}, {6}} {
		bumps = append(bumps, r.Bump)
	}
	for _, b := range bumps {
		b()
	}
	var incs []func() int
	for i := 0; i < 6; i++ {
		incs = append(incs, func() int { return i })
		i++ // the body may change the variable; the next iteration starts from it
	}
	for _, f := range incs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var later []func()
	for i, j := 0, 10; i < j; i, j = i+1, j-3 {
		later = append(later, func() { fmt.Print(i, j, ";") })
	}
	for _, f := range later {
		f()
	}
	fmt.Println()
}
