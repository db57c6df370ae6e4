package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

type Customer struct {
	ID      int
	Name    string
	Email   string
	Phone   string
	City    string
	Updated string // YYYY-MM-DD
	Sources []string
}

func normEmail(e string) string {
	e = strings.ToLower(strings.TrimSpace(e))
	at := strings.LastIndex(e, "@")
	if at < 0 {
		return e
	}
	local, domain := e[:at], e[at+1:]
	if i := strings.Index(local, "+"); i >= 0 {
		local = local[:i]
	}
	if domain == "gmail.com" || domain == "googlemail.com" {
		local = strings.ReplaceAll(local, ".", "")
		domain = "gmail.com"
	}
	return local + "@" + domain
}

func normPhone(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if len(s) == 11 && s[0] == '1' {
		s = s[1:]
	}
	return s
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		rs := []rune(strings.ToLower(w))
		rs[0] = unicode.ToUpper(rs[0])
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

func main() {
	input := []Customer{
		{1, "alice  smith", "Alice.Smith@gmail.com", "(555) 123-4567", "Boston", "2023-04-01", []string{"crm"}},
		{2, "Bob Jones", "bob@example.org", "555.987.6543", "Denver", "2023-02-11", []string{"web"}},
		{3, "ALICE SMITH", "alicesmith+promo@googlemail.com", "+1 555 123 4567", "", "2023-06-15", []string{"newsletter"}},
		{4, "carol white", "carol@example.com", "", "Austin", "2022-12-30", []string{"crm"}},
		{5, "Bob  Jones", " BOB@example.org ", "", "Denver, CO", "2023-05-02", []string{"pos"}},
		{6, "dave brown", "dave@example.net", "555-000-1111", "Miami", "2023-01-01", []string{"web"}},
		{7, "Carol White", "carol.w@example.com", "5552223333", "Austin", "2023-03-03", []string{"web"}},
		{8, "Zoë Ångström", "zoe@example.se", "555 444 5555", "Malmö", "2023-07-07", []string{"crm"}},
		{9, "zoë ångström", "ZOE@EXAMPLE.SE", "", "", "2023-01-09", []string{"pos"}},
	}

	merged := map[string]Customer{}
	order := []string{}
	dupCount := map[string]int{}
	for _, c := range input {
		k := normEmail(c.Email)
		c.Name = titleCase(c.Name)
		c.Phone = normPhone(c.Phone)
		existing, ok := merged[k]
		if !ok {
			merged[k] = c
			order = append(order, k)
			continue
		}
		dupCount[k]++
		// newer record wins for non-empty fields; maps hold values so update a temp and store back
		tmp := existing
		newer := c.Updated > existing.Updated
		if newer {
			if c.Name != "" {
				tmp.Name = c.Name
			}
			if c.City != "" {
				tmp.City = c.City
			}
			tmp.Updated = c.Updated
		}
		if tmp.Phone == "" || (newer && c.Phone != "") {
			if c.Phone != "" {
				tmp.Phone = c.Phone
			}
		}
		if tmp.City == "" {
			tmp.City = c.City
		}
		if c.ID < tmp.ID {
			tmp.ID = c.ID
		}
		tmp.Sources = append(append([]string{}, tmp.Sources...), c.Sources...)
		merged[k] = tmp
	}

	fmt.Printf("input=%d unique=%d duplicates=%d\n", len(input), len(merged), len(input)-len(merged))
	keys := make([]string, 0, len(merged))
	for k := range merged {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := merged[k]
		sort.Strings(c.Sources)
		fmt.Printf("%-22s id=%d name=%-14q phone=%-10s city=%-10s updated=%s sources=%v dups=%d\n",
			k, c.ID, c.Name, c.Phone, c.City, c.Updated, c.Sources, dupCount[k])
	}
	fmt.Println("first-seen order:", strings.Join(order, ", "))

	// second-pass: fuzzy phone collisions across different emails
	byPhone := map[string][]string{}
	for _, k := range keys {
		if p := merged[k].Phone; p != "" {
			byPhone[p] = append(byPhone[p], k)
		}
	}
	phones := make([]string, 0, len(byPhone))
	for p := range byPhone {
		phones = append(phones, p)
	}
	sort.Strings(phones)
	for _, p := range phones {
		if len(byPhone[p]) > 1 {
			fmt.Printf("possible duplicate via phone %s: %v\n", p, byPhone[p])
		}
	}
	// name collisions
	byName := map[string][]int{}
	for _, k := range keys {
		byName[merged[k].Name] = append(byName[merged[k].Name], merged[k].ID)
	}
	names := make([]string, 0)
	for n, ids := range byName {
		if len(ids) > 1 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("same name %q ids=%v\n", n, byName[n])
	}
}
