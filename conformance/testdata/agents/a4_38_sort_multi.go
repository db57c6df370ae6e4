package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Employee struct {
	Name   string
	Dept   string
	Level  int
	Salary int
	Start  string // YYYY-MM-DD
}

func (e Employee) String() string {
	return fmt.Sprintf("%-7s %-5s L%d %6d %s", e.Name, e.Dept, e.Level, e.Salary, e.Start)
}

func show(title string, es []Employee) {
	fmt.Println("--", title)
	for _, e := range es {
		fmt.Println("  ", e)
	}
}

type byDeptThenName []Employee

func (b byDeptThenName) Len() int      { return len(b) }
func (b byDeptThenName) Swap(i, j int) { b[i], b[j] = b[j], b[i] }
func (b byDeptThenName) Less(i, j int) bool {
	if b[i].Dept != b[j].Dept {
		return b[i].Dept < b[j].Dept
	}
	return b[i].Name < b[j].Name
}

func main() {
	staff := []Employee{
		{"omar", "eng", 3, 125000, "2019-04-01"},
		{"bea", "sales", 2, 70000, "2021-09-15"},
		{"chidi", "eng", 2, 98000, "2022-01-10"},
		{"dana", "ops", 3, 91000, "2018-06-30"},
		{"eun", "eng", 3, 125000, "2017-11-20"},
		{"farah", "sales", 3, 88000, "2016-02-01"},
		{"gil", "ops", 1, 55000, "2023-07-07"},
		{"hiro", "eng", 1, 80000, "2023-03-03"},
		{"ines", "sales", 2, 70000, "2020-05-05"},
	}
	a := slices.Clone(staff)
	sort.SliceStable(a, func(i, j int) bool {
		if a[i].Dept != a[j].Dept {
			return a[i].Dept < a[j].Dept
		}
		if a[i].Level != a[j].Level {
			return a[i].Level > a[j].Level
		}
		return a[i].Salary > a[j].Salary
	})
	show("dept asc, level desc, salary desc (stable: input order on ties)", a)

	b := slices.Clone(staff)
	slices.SortStableFunc(b, func(x, y Employee) int {
		return cmp.Or(
			-cmp.Compare(x.Salary, y.Salary),
			strings.Compare(x.Start, y.Start),
		)
	})
	show("salary desc, seniority", b)

	c := slices.Clone(staff)
	sort.Sort(sort.Reverse(byDeptThenName(c)))
	show("reverse(dept, name)", c[:4])
	fmt.Println("sorted?", sort.IsSorted(byDeptThenName(c)), sort.IsSorted(sort.Reverse(byDeptThenName(c))))

	// top earner per dept via sorted order + first occurrence
	d := slices.Clone(staff)
	slices.SortFunc(d, func(x, y Employee) int {
		return cmp.Or(cmp.Compare(x.Dept, y.Dept), cmp.Compare(y.Salary, x.Salary), cmp.Compare(x.Name, y.Name))
	})
	var tops []string
	for i, e := range d {
		if i == 0 || d[i-1].Dept != e.Dept {
			tops = append(tops, e.Dept+":"+e.Name)
		}
	}
	fmt.Println("top per dept:", tops)

	// binary searches
	salaries := make([]int, len(staff))
	for i, e := range staff {
		salaries[i] = e.Salary
	}
	sort.Ints(salaries)
	fmt.Println("salaries:", salaries)
	for _, q := range []int{70000, 90000, 200000, 10} {
		i := sort.SearchInts(salaries, q)
		j, found := slices.BinarySearch(salaries, q)
		fmt.Printf("  search %6d -> idx %d (found %t, same %t)\n", q, i, found, i == j)
	}
	firstAbove := sort.Search(len(salaries), func(i int) bool { return salaries[i] > 90000 })
	fmt.Println("count > 90000:", len(salaries)-firstAbove)
	byName := slices.Clone(staff)
	slices.SortFunc(byName, func(x, y Employee) int { return strings.Compare(x.Name, y.Name) })
	pos, ok := slices.BinarySearchFunc(byName, "farah", func(e Employee, n string) int { return strings.Compare(e.Name, n) })
	fmt.Println("farah at", pos, ok, byName[pos].Dept)
	strs := []string{"banana", "Apple", "cherry", "apple", "Banana", "10", "9", "_x"}
	s1 := slices.Clone(strs)
	sort.Strings(s1)
	s2 := slices.Clone(strs)
	slices.SortFunc(s2, func(x, y string) int {
		return cmp.Or(strings.Compare(strings.ToLower(x), strings.ToLower(y)), strings.Compare(x, y))
	})
	fmt.Println(s1)
	fmt.Println(s2)
	fl := []float64{2.5, -1, 0, 3.25, -7.5}
	sort.Sort(sort.Reverse(sort.Float64Slice(fl)))
	fmt.Println(fl, slices.Min(fl), slices.Max(fl))
	idx := slices.IndexFunc(staff, func(e Employee) bool { return e.Level == 1 })
	fmt.Println("first L1:", staff[idx].Name, "reversed names:", func() []string {
		ns := make([]string, 0, len(staff))
		for _, e := range staff {
			ns = append(ns, e.Name)
		}
		slices.Reverse(ns)
		return ns[:3]
	}())
}
