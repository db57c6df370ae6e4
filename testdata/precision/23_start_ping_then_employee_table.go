package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"airlock/fs"
	"airlock/http"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

type bySalary []Employee

func (s bySalary) Len() int           { return len(s) }
func (s bySalary) Less(i, j int) bool { return s[i].Salary > s[j].Salary }
func (s bySalary) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func (e Employee) String() string {
	return fmt.Sprintf("%s (%s)", e.Name, e.Dept)
}

func main() {
	if _, err := http.Post("https://monitor.example.com/ping/payroll-report/start", "text/plain", ""); err != nil {
		fmt.Fprintln(os.Stderr, "start ping failed:", err)
	}

	raw, err := fs.ReadFile("data/employees.csv")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r := csv.NewReader(strings.NewReader(raw))
	rows, err := r.ReadAll()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var emps []Employee
	for _, row := range rows[1:] {
		sal, err := strconv.Atoi(row[2])
		if err != nil {
			continue
		}
		emps = append(emps, Employee{Name: row[0], Dept: row[1], Salary: sal})
	}
	sort.Sort(bySalary(emps))

	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "EMPLOYEE\tSALARY")
	for _, e := range emps {
		fmt.Fprintf(w, "%v\t%d\n", e, e.Salary)
	}
	w.Flush()
}
