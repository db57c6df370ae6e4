package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Line struct {
	Item  string
	Qty   int
	Price float64
}

func (l Line) Total() float64 { return float64(l.Qty) * l.Price }

type Customer struct {
	Name    string
	Email   string
	VIP     bool
	Address *Address
}

type Address struct {
	Street, City string
}

type Invoice struct {
	Number   int
	Customer Customer
	Lines    []Line
	Notes    []string
	Meta     map[string]string
	Discount float64
}

func (inv Invoice) Subtotal() float64 {
	s := 0.0
	for _, l := range inv.Lines {
		s += l.Total()
	}
	return s
}

const tmpl = `Invoice #{{printf "%05d" .Number}} for {{.Customer.Name | upper}}{{if .Customer.VIP}} ★VIP{{end}}
{{with .Customer.Address}}Ship to: {{.Street}}, {{.City}}{{else}}No address on file{{end}}
{{range $i, $l := .Lines -}}
{{inc $i}}. {{printf "%-10s" $l.Item}} {{$l.Qty}} x {{printf "%6.2f" $l.Price}} = {{$l.Total | money}}
{{end -}}
Subtotal: {{money .Subtotal}}
{{- if gt .Discount 0.0}}
Discount: {{printf "%.0f%%" (mul .Discount 100)}}
Total: {{money (applyDiscount .Subtotal .Discount)}}
{{- end}}
{{if .Notes}}Notes:{{range .Notes}} [{{.}}]{{end}}{{else}}No notes.{{end}}
{{range $k, $v := .Meta}}{{$k}}={{$v}};{{end}}
Items: {{len .Lines}} | first={{(index .Lines 0).Item}} | {{join (names .Lines) ", "}}
{{define "footer"}}-- {{.}} --{{end}}{{template "footer" "thank you"}}
`

func main() {
	funcs := template.FuncMap{
		"upper":         strings.ToUpper,
		"inc":           func(i int) int { return i + 1 },
		"money":         func(f float64) string { return fmt.Sprintf("$%.2f", f) },
		"mul":           func(a, b float64) float64 { return a * b },
		"applyDiscount": func(s, d float64) float64 { return s * (1 - d) },
		"join":          strings.Join,
		"names": func(ls []Line) []string {
			var out []string
			for _, l := range ls {
				out = append(out, l.Item)
			}
			return out
		},
	}
	t := template.Must(template.New("inv").Funcs(funcs).Parse(tmpl))
	invs := []Invoice{
		{
			Number:   42,
			Customer: Customer{"Ada Lovelace", "ada@example.com", true, &Address{"12 Engine St", "London"}},
			Lines:    []Line{{"gears", 12, 1.25}, {"punchcard", 300, 0.02}, {"crank", 1, 49.99}},
			Notes:    []string{"fragile", "gift wrap"},
			Meta:     map[string]string{"z": "last", "a": "first", "m": "mid"},
			Discount: 0.1,
		},
		{
			Number:   7,
			Customer: Customer{Name: "bob"},
			Lines:    []Line{{"pencil", 3, 0.5}},
		},
	}
	for _, inv := range invs {
		if err := t.Execute(os.Stdout, inv); err != nil {
			fmt.Println("exec error:", err)
		}
		fmt.Println("=====")
	}
	bad := template.Must(template.New("bad").Parse("{{.Missing}}\n"))
	err := bad.Execute(os.Stdout, invs[1])
	fmt.Println("\nerror:", err != nil, strings.Contains(err.Error(), "Missing"))
	_, err = template.New("x").Parse("{{if}}")
	fmt.Println("parse error:", err)
	m := map[string]any{"n": 3, "items": []string{"a", "b"}, "empty": ""}
	t2 := template.Must(template.New("m").Parse(`{{.n}} {{range .items}}<{{.}}>{{end}} {{if not .empty}}empty!{{end}} {{eq .n 3}} {{lt 1 2}} {{and 1 0}} {{or "" "def"}} {{len .items}} {{slice "abcdef" 1 3}} {{html "<b>"}} {{js "a'b"}} {{print 1 2 "x"}} {{println "end"}}`))
	t2.Execute(os.Stdout, m)
}
