package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

const raw = `id, name ,email,signup,amount,country
1,  Ana Lima ,ANA@EXAMPLE.COM,2024-03-05,"1,200.50",br
2,"O'Neil, Pat",pat@example.com,05/03/2024,300,IE
3,Chen Wei,chen@example,2024/3/7,abc,cn
 4 ,Dana,dana@example.com,,0.5,US
2,"O'Neil, Pat",pat@example.com,05/03/2024,300,IE
5,"Eve ""the hacker""",eve@example.com,March 9 2024,-42,us
6,Frank,frank@example.com,2024-02-30,10
7,Gus,gus@example.com,2024-03-10,"7,5",AR
`

var layouts = []string{"2006-01-02", "02/01/2006", "2006/1/2", "January 2 2006"}

func parseDate(s string) (time.Time, error) {
	var errs []error
	for _, l := range layouts {
		t, err := time.Parse(l, s)
		if err == nil {
			return t, nil
		}
		errs = append(errs, err)
	}
	return time.Time{}, fmt.Errorf("no layout matched %q (%d tried)", s, len(errs))
}

func parseAmount(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") && len(s)-strings.Index(s, ",") != 4 {
		s = strings.Replace(s, ",", ".", 1) // decimal comma
	}
	s = strings.ReplaceAll(s, ",", "")
	return strconv.ParseFloat(s, 64)
}

func main() {
	r := csv.NewReader(strings.NewReader(raw))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		fmt.Println("header:", err)
		return
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(header[i]))
	}
	fmt.Printf("header: %q\n", header)
	w := csv.NewWriter(os.Stdout)
	_ = w.Write([]string{"id", "name", "email", "signup", "amount", "country"})
	seen := map[string]bool{}
	var problems []string
	byCountry := map[string]float64{}
	line := 1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			problems = append(problems, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		if len(rec) != len(header) {
			problems = append(problems, fmt.Sprintf("line %d: %d fields, want %d", line, len(rec), len(header)))
			continue
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		key := strings.Join(rec, "\x1f")
		if seen[key] {
			problems = append(problems, fmt.Sprintf("line %d: duplicate of id %s", line, rec[0]))
			continue
		}
		seen[key] = true
		id, err := strconv.Atoi(rec[0])
		if err != nil {
			problems = append(problems, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		email := strings.ToLower(rec[2])
		if at := strings.LastIndex(email, "@"); at < 0 || !strings.Contains(email[at:], ".") {
			problems = append(problems, fmt.Sprintf("line %d: suspicious email %q", line, email))
		}
		date := ""
		if rec[3] != "" {
			t, err := parseDate(rec[3])
			if err != nil {
				problems = append(problems, fmt.Sprintf("line %d: %v", line, err))
			} else {
				date = t.Format("2006-01-02")
			}
		}
		amt, err := parseAmount(rec[4])
		if err != nil {
			problems = append(problems, fmt.Sprintf("line %d: amount: %v", line, err))
			continue
		}
		country := strings.ToUpper(rec[5])
		byCountry[country] += amt
		_ = w.Write([]string{strconv.Itoa(id), rec[1], email, date, strconv.FormatFloat(amt, 'f', 2, 64), country})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Println("write:", err)
	}
	fmt.Println("problems:")
	for _, p := range problems {
		fmt.Println(" -", p)
	}
	cs := make([]string, 0, len(byCountry))
	for c := range byCountry {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	for _, c := range cs {
		fmt.Printf("%s %10.2f\n", c, byCountry[c])
	}
	strict := csv.NewReader(strings.NewReader("a,b\n1,\"x\"y\n"))
	_, err = strict.ReadAll()
	fmt.Println("strict:", err)
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		fmt.Println("parse error at line", pe.Line, "col", pe.Column, "is ErrQuote:", errors.Is(err, csv.ErrQuote))
	}
}
