package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"
)

type LineItem struct {
	Name  string
	Qty   int
	Price float64
	Tags  []string
}

type Customer struct {
	Name    string
	Email   string
	VIP     bool
	Address map[string]string
}

type Report struct {
	Title    string
	Customer Customer
	Items    []LineItem
	Notes    []string
	Meta     map[string]int
	Discount float64
}

const tmpl = `{{define "item"}}{{printf "%-14s" .Name}} {{printf "%3d" .Qty}} x {{money .Price}} = {{money (mul .Qty .Price)}}{{if .Tags}} [{{join .Tags ", "}}]{{end}}{{end -}}
=== {{upper .Title}} ===
Customer: {{.Customer.Name}}{{if .Customer.VIP}} (VIP){{end}} <{{.Customer.Email}}>
{{with .Customer.Address}}Ship to: {{index . "street"}}, {{index . "city"}} {{index . "zip"}}{{else}}No address on file{{end}}
Items ({{len .Items}}):
{{range $i, $it := .Items}}  {{add $i 1}}. {{template "item" $it}}
{{else}}  (no items)
{{end -}}
{{$sub := subtotal .Items -}}
Subtotal: {{money $sub}}
{{if gt .Discount 0.0}}Discount: {{printf "%.0f%%" (pct .Discount)}} -> {{money (disc $sub .Discount)}}
{{end -}}
{{if and .Customer.VIP (ge (len .Items) 3)}}Free shipping applied.
{{else if .Customer.VIP}}VIP but fewer than 3 items.
{{else}}Standard shipping.
{{end -}}
Notes:{{range .Notes}}
 - {{. | trim | title}}{{end}}
Meta:{{range $k, $v := .Meta}} {{$k}}={{$v}}{{end}}
{{/* comment is dropped */ -}}
Escapes: {{"<b>&</b>" | html}} {{"a b&c" | urlquery}} {{js "it's"}} {{print 1 2 "x" 3}} {{len "héllo"}}
Compare: {{eq .Customer.Name "Ada" "Grace"}} {{ne 1 2}} {{lt 1.5 2.0}} {{not .Customer.VIP}} {{or "" "fallback"}}
`

func main() {
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"trim":  strings.TrimSpace,
		"title": func(s string) string {
			if s == "" {
				return s
			}
			return strings.ToUpper(s[:1]) + s[1:]
		},
		"join":  strings.Join,
		"add":   func(a, b int) int { return a + b },
		"mul":   func(q int, p float64) float64 { return float64(q) * p },
		"money": func(v float64) string { return fmt.Sprintf("$%.2f", v) },
		"pct":   func(f float64) float64 { return f * 100 },
		"disc":  func(v, d float64) float64 { return v * (1 - d) },
		"subtotal": func(items []LineItem) float64 {
			s := 0.0
			for _, it := range items {
				s += float64(it.Qty) * it.Price
			}
			return s
		},
	}
	t := template.Must(template.New("report").Funcs(funcs).Parse(tmpl))

	reports := []Report{
		{
			Title:    "Order summary",
			Customer: Customer{"Grace", "grace@navy.mil", true, map[string]string{"street": "1 Cobol Way", "city": "Arlington", "zip": "22201"}},
			Items: []LineItem{
				{"Keyboard", 1, 89.5, []string{"peripheral"}},
				{"USB cable", 3, 4.99, nil},
				{"Monitor arm", 2, 45, []string{"office", "ergonomic"}},
			},
			Notes:    []string{"  leave at door ", "fragile"},
			Meta:     map[string]int{"zeta": 26, "alpha": 1, "mid": 13},
			Discount: 0.15,
		},
		{
			Title:    "Empty cart",
			Customer: Customer{Name: "Bob", Email: "bob@example.com"},
			Meta:     map[string]int{},
		},
	}
	for _, r := range reports {
		if err := t.Execute(os.Stdout, r); err != nil {
			fmt.Println("exec error:", err)
		}
		fmt.Println("----")
	}

	// error cases
	bad := template.Must(template.New("bad").Funcs(funcs).Parse(`{{index .Meta "x"}} {{.Missing}}`))
	err := bad.Execute(os.Stdout, reports[1])
	fmt.Println()
	fmt.Println("error:", err)
	_, err = template.New("p").Parse("{{if}}")
	fmt.Println("parse error:", err)
	m := map[string]any{"b": 2, "a": []int{1, 2, 3}, "c": map[string]bool{"y": true, "x": false}}
	t2 := template.Must(template.New("m").Parse(`{{range $k, $v := .}}{{$k}}:{{$v}};{{end}} {{index .a 2}} {{slice .a 1}}{{"\n"}}`))
	t2.Execute(os.Stdout, m)
	names := t.Templates()
	var ns []string
	for _, n := range names {
		ns = append(ns, n.Name())
	}
	sort.Strings(ns)
	fmt.Println("templates:", ns, "lookup item:", t.Lookup("item") != nil, "lookup nope:", t.Lookup("nope") == nil)
}
