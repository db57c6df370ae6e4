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
	Start  string
}

type bySalary []Employee

func (b bySalary) Len() int           { return len(b) }
func (b bySalary) Less(i, j int) bool { return b[i].Salary < b[j].Salary }
func (b bySalary) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func show(title string, es []Employee) {
	fmt.Println(title)
	for _, e := range es {
		fmt.Printf("  %-8s %-5s L%d %7d %s\n", e.Name, e.Dept, e.Level, e.Salary, e.Start)
	}
}

func main() {
	staff := []Employee{
		{"Ana", "eng", 3, 125000, "2019-03-01"},
		{"Ben", "sales", 2, 70000, "2021-06-15"},
		{"Cleo", "eng", 2, 98000, "2020-01-10"},
		{"Dev", "ops", 3, 110000, "2018-11-05"},
		{"Eli", "eng", 3, 125000, "2017-07-22"},
		{"Fay", "sales", 3, 92000, "2016-02-29"},
		{"Gus", "ops", 1, 61000, "2023-09-01"},
		{"Hana", "eng", 1, 85000, "2022-04-18"},
		{"Ivan", "sales", 2, 70000, "2020-08-30"},
		{"Jo", "ops", 2, 80000, "2021-01-04"},
	}

	// 1. classic approach: successive stable sorts, least significant key first
	a := slices.Clone(staff)
	sort.SliceStable(a, func(i, j int) bool { return a[i].Name < a[j].Name })
	sort.SliceStable(a, func(i, j int) bool { return a[i].Salary > a[j].Salary })
	sort.SliceStable(a, func(i, j int) bool { return a[i].Dept < a[j].Dept })
	show("dept asc, salary desc, name asc (successive stable):", a)

	// 2. single comparator with cmp.Or
	b := slices.Clone(staff)
	slices.SortStableFunc(b, func(x, y Employee) int {
		return cmp.Or(
			cmp.Compare(x.Dept, y.Dept),
			-cmp.Compare(x.Salary, y.Salary),
			strings.Compare(x.Name, y.Name),
		)
	})
	fmt.Println("same result with cmp.Or:", slices.EqualFunc(a, b, func(x, y Employee) bool { return x.Name == y.Name }))

	// 3. stability: sort by level only, equal levels keep original order
	c := slices.Clone(staff)
	slices.SortStableFunc(c, func(x, y Employee) int { return cmp.Compare(y.Level, x.Level) })
	var names []string
	for _, e := range c {
		names = append(names, fmt.Sprintf("%s(L%d)", e.Name, e.Level))
	}
	fmt.Println("by level desc, stable:", strings.Join(names, " "))

	// 4. sort.Stable with sort.Interface and sort.Reverse
	d := slices.Clone(staff)
	sort.Stable(sort.Reverse(bySalary(d)))
	names = names[:0]
	for _, e := range d {
		names = append(names, e.Name)
	}
	fmt.Println("reverse salary stable:", names)
	fmt.Println("is sorted:", sort.IsSorted(sort.Reverse(bySalary(d))))

	// 5. seniority by start date then binary search
	e := slices.Clone(staff)
	slices.SortFunc(e, func(x, y Employee) int { return strings.Compare(x.Start, y.Start) })
	idx, found := slices.BinarySearchFunc(e, "2020-01-01", func(x Employee, t string) int { return strings.Compare(x.Start, t) })
	fmt.Printf("first start >= 2020: idx=%d found=%t name=%s\n", idx, found, e[idx].Name)
	i := sort.Search(len(e), func(i int) bool { return e[i].Start >= "2021-06-15" })
	fmt.Println("sort.Search exact:", i, e[i].Name)

	// 6. group stats per dept with rank within dept
	rank := map[string]int{}
	for _, x := range a {
		rank[x.Dept]++
		fmt.Printf("%s#%d=%s ", x.Dept, rank[x.Dept], x.Name)
	}
	fmt.Println()
	// median salary per dept
	byDept := map[string][]int{}
	for _, x := range staff {
		byDept[x.Dept] = append(byDept[x.Dept], x.Salary)
	}
	depts := make([]string, 0, len(byDept))
	for k := range byDept {
		depts = append(depts, k)
	}
	sort.Strings(depts)
	for _, k := range depts {
		s := byDept[k]
		slices.Sort(s)
		mid := len(s) / 2
		med := float64(s[mid])
		if len(s)%2 == 0 {
			med = float64(s[mid-1]+s[mid]) / 2
		}
		fmt.Printf("%s: n=%d min=%d max=%d median=%.1f\n", k, len(s), slices.Min(s), slices.Max(s), med)
	}
	words := strings.Fields("banana Apple cherry apple Banana date Cherry")
	sort.Strings(words)
	fmt.Println(words)
	slices.SortFunc(words, func(x, y string) int {
		return cmp.Or(strings.Compare(strings.ToLower(x), strings.ToLower(y)), strings.Compare(x, y))
	})
	fmt.Println(words)
}
