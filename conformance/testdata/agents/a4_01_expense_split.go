package main

import (
	"fmt"
	"sort"
	"strings"
)

type Cents int64

func (c Cents) String() string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

type Expense struct {
	Payer  string
	Amount Cents
	Among  []string // empty means everyone
	Memo   string
}

type Transfer struct {
	From, To string
	Amount   Cents
}

type party struct {
	name string
	amt  Cents
}

func settle(balance map[string]Cents) []Transfer {
	var creditors, debtors []party
	for name, b := range balance {
		switch {
		case b > 0:
			creditors = append(creditors, party{name, b})
		case b < 0:
			debtors = append(debtors, party{name, -b})
		}
	}
	order := func(ps []party) {
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].amt != ps[j].amt {
				return ps[i].amt > ps[j].amt
			}
			return ps[i].name < ps[j].name
		})
	}
	order(creditors)
	order(debtors)
	var out []Transfer
	i, j := 0, 0
	for i < len(debtors) && j < len(creditors) {
		pay := min(debtors[i].amt, creditors[j].amt)
		out = append(out, Transfer{debtors[i].name, creditors[j].name, pay})
		debtors[i].amt -= pay
		creditors[j].amt -= pay
		if debtors[i].amt == 0 {
			i++
		}
		if creditors[j].amt == 0 {
			j++
		}
	}
	return out
}

func main() {
	people := []string{"alice", "bob", "carol", "dave"}
	expenses := []Expense{
		{"alice", 12000, nil, "cabin deposit"},
		{"bob", 4537, []string{"bob", "carol"}, "groceries"},
		{"carol", 9999, nil, "fuel"},
		{"dave", 2500, []string{"alice", "dave"}, "kayak rental"},
		{"alice", 1001, []string{"bob", "carol", "dave"}, "snacks"},
		{"bob", 733, []string{"dave"}, "ice"},
	}
	balance := map[string]Cents{}
	paid := map[string]Cents{}
	var total Cents
	for _, e := range expenses {
		among := e.Among
		if len(among) == 0 {
			among = people
		}
		n := Cents(len(among))
		share, rem := e.Amount/n, e.Amount%n
		sorted := append([]string(nil), among...)
		sort.Strings(sorted)
		for i, p := range sorted {
			s := share
			if Cents(i) < rem {
				s++
			}
			balance[p] -= s
		}
		balance[e.Payer] += e.Amount
		paid[e.Payer] += e.Amount
		total += e.Amount
		fmt.Printf("%-14s %-6s paid %9v  split %d ways: %v each (+%d odd cent)\n",
			e.Memo, e.Payer, e.Amount, n, share, rem)
	}
	fmt.Println(strings.Repeat("-", 60))
	fmt.Printf("total spent: %v\n", total)
	names := make([]string, 0, len(balance))
	for n := range balance {
		names = append(names, n)
	}
	sort.Strings(names)
	var check Cents
	for _, n := range names {
		b := balance[n]
		check += b
		status := "settled"
		if b > 0 {
			status = "is owed"
		} else if b < 0 {
			status = "owes"
		}
		fmt.Printf("  %-6s paid %9v  net %9v  %s\n", n, paid[n], b, status)
	}
	fmt.Printf("balance checksum: %d\n", check)
	fmt.Println("settlement plan:")
	for k, t := range settle(balance) {
		fmt.Printf("  %d. %s -> %s: %v\n", k+1, t.From, t.To, t.Amount)
	}
}
