package main

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

const emails = `From: "Alice Smith" <alice.smith@example.com>
To: bob@corp.example.org, carol+news@mail.co.uk
Cc: invalid@, dave@localhost
Subject: Invoice INV-2024-0042 due 2024-04-15 (amount: $1,234.50)
Body: Please pay INV-2024-0043 by 2024-05-01 for $99.99 and INV-2023-1200 ($12).
Call +1 (555) 123-4567 or 555.987.6543.`

var (
	emailRe   = regexp.MustCompile(`[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}`)
	invoiceRe = regexp.MustCompile(`INV-(?P<year>\d{4})-(?P<num>\d{4})`)
	dateRe    = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)
	moneyRe   = regexp.MustCompile(`\$([\d,]+(?:\.\d{2})?)`)
	phoneRe   = regexp.MustCompile(`(?:\+1\s*)?\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-](\d{4})`)
	headerRe  = regexp.MustCompile(`(?m)^(\w+):`)
)

func main() {
	found := emailRe.FindAllString(emails, -1)
	fmt.Println("emails:", found)
	domains := map[string]int{}
	for _, e := range found {
		domains[e[strings.LastIndex(e, "@")+1:]]++
	}
	ds := make([]string, 0)
	for d := range domains {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	fmt.Println("domains:", ds)

	yi := invoiceRe.SubexpIndex("year")
	ni := invoiceRe.SubexpIndex("num")
	fmt.Println("subexp names:", invoiceRe.SubexpNames(), invoiceRe.NumSubexp())
	for _, m := range invoiceRe.FindAllStringSubmatch(emails, -1) {
		fmt.Printf("invoice %s year=%s num=%s\n", m[0], m[yi], m[ni])
	}
	for _, m := range dateRe.FindAllStringSubmatchIndex(emails, -1) {
		fmt.Printf("date at [%d:%d] month=%s\n", m[0], m[1], emails[m[4]:m[5]])
	}
	total := 0.0
	for _, m := range moneyRe.FindAllStringSubmatch(emails, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			fmt.Println("bad money", m[1], err)
			continue
		}
		total += v
	}
	fmt.Printf("money total: %.2f\n", total)
	for _, m := range phoneRe.FindAllStringSubmatch(emails, -1) {
		fmt.Printf("phone %q -> %s-%s-%s\n", m[0], m[1], m[2], m[3])
	}
	fmt.Println("headers:", headerRe.FindAllStringSubmatch(emails, -1))
	fmt.Println(dateRe.ReplaceAllString("due 2024-04-15 and 2025-01-02", "$3/$2/$1"))
	fmt.Println(dateRe.ReplaceAllString("x 2024-04-15", "${1}y"), dateRe.ReplaceAllLiteralString("2024-04-15", "$1"))
	masked := emailRe.ReplaceAllStringFunc(emails[:60], func(s string) string {
		at := strings.Index(s, "@")
		return s[:1] + strings.Repeat("*", at-1) + s[at:]
	})
	fmt.Println(masked)
	fmt.Println(regexp.MustCompile(`\s+`).Split("a  b \t c\nd", -1))
	fmt.Println(regexp.MustCompile(`a*`).FindAllStringIndex("baaab", -1))
	re := regexp.MustCompile(`(?i)hello\b`)
	fmt.Println(re.MatchString("HeLLo world"), re.MatchString("helloworld"), re.String())
	_, err := regexp.Compile(`(unclosed`)
	fmt.Println("compile error:", err)
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes]"))
	greedy := regexp.MustCompile(`<.+>`)
	lazy := regexp.MustCompile(`<.+?>`)
	fmt.Println(greedy.FindString("<a><b>"), lazy.FindAllString("<a><b>", -1))
	kv := regexp.MustCompile(`(\w+)=("[^"]*"|\S+)`)
	for _, m := range kv.FindAllStringSubmatch(`level=info msg="user logged in" user=42 empty=""`, -1) {
		fmt.Printf("%s => %s\n", m[1], strings.Trim(m[2], `"`))
	}
	fmt.Println(string(dateRe.Expand(nil, []byte("$2.$3.$1"), []byte("2024-06-30"), dateRe.FindSubmatchIndex([]byte("2024-06-30")))))
	fmt.Println(regexp.MustCompile(`^[\p{L}]+$`).MatchString("naïveСлово"), regexp.MustCompile(`[[:upper:]]{2}`).FindString("abCDe"))
}
