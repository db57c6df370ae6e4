package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const data = `id,name,price,in_stock,tags,notes
1,"Coffee Mug",12.5,true,"kitchen;gift","Holds 350ml"
2,Tea Kettle,34,false,kitchen,"Says ""whistle"" loudly"
3,"Desk Lamp, LED",27.99,TRUE,"office;lighting",
4,Notebook,3,yes,office,"multi
line note"
5,Pen,1.2e0,0,,""
6,Broken Row,5
7,Stapler,-8.50,false,office,negative price
`

func infer(s string) any {
	if s == "" {
		return nil
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	if b, err := strconv.ParseBool(s); err == nil {
		return b
	}
	return s
}

func main() {
	r := csv.NewReader(strings.NewReader(data))
	header, err := r.Read()
	if err != nil {
		fmt.Println("header:", err)
		return
	}
	var rows []map[string]any
	var problems []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, fmt.Sprintf("line %d: %v", pe.Line, pe.Err))
			} else {
				problems = append(problems, err.Error())
			}
			continue
		}
		row := map[string]any{}
		for i, h := range header {
			v := infer(rec[i])
			if h == "tags" {
				if rec[i] == "" {
					row[h] = []string{}
				} else {
					row[h] = strings.Split(rec[i], ";")
				}
				continue
			}
			row[h] = v
		}
		rows = append(rows, row)
	}
	out, err := json.MarshalIndent(rows[0], "", "  ")
	if err != nil {
		fmt.Println("marshal:", err)
		return
	}
	fmt.Println(string(out))
	for _, row := range rows[1:] {
		line, err := json.Marshal(row)
		if err != nil {
			fmt.Println("marshal:", err)
			continue
		}
		fmt.Println(string(line))
	}
	for _, p := range problems {
		fmt.Println("problem:", p)
	}
	typeCounts := map[string]map[string]int{}
	for _, row := range rows {
		for k, v := range row {
			if typeCounts[k] == nil {
				typeCounts[k] = map[string]int{}
			}
			typeCounts[k][fmt.Sprintf("%T", v)]++
		}
	}
	fmt.Println("column types:", typeCounts)

	// write back as CSV with a different delimiter
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	w.Comma = '|'
	w.Write([]string{"id", "name", "notes"})
	for _, row := range rows {
		notes, _ := row["notes"].(string)
		w.Write([]string{fmt.Sprint(row["id"]), fmt.Sprint(row["name"]), notes})
	}
	w.Flush()
	fmt.Print(sb.String())
	fmt.Println("writer error:", w.Error())
}
