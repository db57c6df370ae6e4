package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

const data = `date,region,rep,units,unit_price,returned
2024-01-03,North,"Smith, J",10,2.50,false
2024-01-04,South,Lee,5,10.00,true
2024-01-04,North,Patel,7,2.50,no
2024-01-05,East,"O'Brien",,4.00,false
2024-01-06,South,Lee,3,abc,false
2024-01-06,West,"Multi
Line",1,99.99,false
2024-01-07,East,Kim,12,4.00,FALSE
2024-01-08,North,"Smith, J",4,2.75,1
`

type Sale struct {
	Date     string
	Region   string
	Rep      string
	Units    int
	Price    float64
	Returned bool
}

func main() {
	r := csv.NewReader(strings.NewReader(data))
	header, err := r.Read()
	if err != nil {
		fmt.Println("header:", err)
		return
	}
	fmt.Printf("columns (%d): %q\n", len(header), header)
	var sales []Sale
	line := 1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			fmt.Println("read error:", err)
			continue
		}
		s := Sale{Date: rec[0], Region: rec[1], Rep: rec[2]}
		var perr error
		if s.Units, perr = strconv.Atoi(rec[3]); perr != nil {
			fmt.Printf("record %d: bad units: %v\n", line, perr)
			continue
		}
		if s.Price, perr = strconv.ParseFloat(rec[4], 64); perr != nil {
			fmt.Printf("record %d: bad price: %v\n", line, perr)
			continue
		}
		if s.Returned, perr = strconv.ParseBool(rec[5]); perr != nil {
			fmt.Printf("record %d: bad bool %q: %v\n", line, rec[5], perr)
			continue
		}
		sales = append(sales, s)
	}
	fmt.Println("parsed", len(sales), "sales")
	type tot struct {
		units   int
		revenue float64
	}
	byRegion := map[string]tot{}
	byRep := map[string]float64{}
	for _, s := range sales {
		if s.Returned {
			continue
		}
		t := byRegion[s.Region]
		t.units += s.Units
		t.revenue += float64(s.Units) * s.Price
		byRegion[s.Region] = t
		byRep[s.Rep] += float64(s.Units) * s.Price
	}
	regions := make([]string, 0)
	for k := range byRegion {
		regions = append(regions, k)
	}
	sort.Strings(regions)
	for _, k := range regions {
		fmt.Printf("%-6s units=%3d revenue=%7.2f\n", k, byRegion[k].units, byRegion[k].revenue)
	}
	reps := make([]string, 0)
	for k := range byRep {
		reps = append(reps, k)
	}
	sort.Slice(reps, func(i, j int) bool { return byRep[reps[i]] > byRep[reps[j]] })
	for _, k := range reps {
		fmt.Printf("%q -> %s\n", k, strconv.FormatFloat(byRep[k], 'f', 2, 64))
	}

	var buf strings.Builder
	w := csv.NewWriter(&buf)
	w.Write([]string{"region", "units", "revenue"})
	for _, k := range regions {
		w.Write([]string{k, strconv.Itoa(byRegion[k].units), strconv.FormatFloat(byRegion[k].revenue, 'f', -1, 64)})
	}
	w.Write([]string{"note", "has,comma", `has "quote"`})
	w.Flush()
	fmt.Print(buf.String())

	r2 := csv.NewReader(strings.NewReader("a;b;c\n1;2\n"))
	r2.Comma = ';'
	recs, err := r2.ReadAll()
	fmt.Println(recs, err)
	r3 := csv.NewReader(strings.NewReader("x,\"bad\"quote\n"))
	_, err = r3.Read()
	fmt.Println("err:", err)
	r4 := csv.NewReader(strings.NewReader("# comment\n a , b \n"))
	r4.Comment = '#'
	r4.TrimLeadingSpace = true
	r4.FieldsPerRecord = -1
	rec, err := r4.Read()
	fmt.Printf("%q %v\n", rec, err)

	for _, s := range []string{"42", "-0x1F", "0b101", "1_000", "9223372036854775808", "3.0", " 7"} {
		v, err := strconv.ParseInt(s, 0, 64)
		fmt.Printf("ParseInt(%q) = %d, %v\n", s, v, err)
	}
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	fmt.Println(strconv.Quote("tab\there\n"), strconv.QuoteToASCII("héllo"), strconv.Itoa(-45), strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16))
	uq, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", uq, err)
	f, err := strconv.ParseFloat("1e400", 64)
	fmt.Println(f, err)
	fmt.Println(strconv.AppendInt([]byte("n="), 12, 10), string(strconv.AppendQuote(nil, "q")))
}
