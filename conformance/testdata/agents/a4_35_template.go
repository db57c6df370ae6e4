package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type LineItem struct {
	Desc  string
	Qty   int
	Price float64
	Tags  []string
}

type Invoice struct {
	Number   string
	Customer struct {
		Name    string
		Email   string
		VIP     bool
		Address []string
	}
	Items    []LineItem
	Notes    map[string]string
	Discount float64
}

const tpl = `{{define "money"}}{{printf "%8.2f" .}}{{end -}}
INVOICE {{.Number | upper}}
Bill to: {{.Customer.Name}}{{if .Customer.VIP}} ★ VIP{{end}}
{{- with .Customer.Email}}
Email:   {{.}}{{end}}
{{range $i, $line := .Customer.Address}}  {{$i | inc}}. {{$line}}
{{end -}}
{{"-" | repeat 44}}
{{range $i, $it := .Items -}}
{{printf "%-20s" $it.Desc}} {{printf "%3d" $it.Qty}} x{{template "money" $it.Price}} ={{template "money" (mul $it.Qty $it.Price)}}
{{- if $it.Tags}} [{{join $it.Tags ","}}]{{end}}
{{else -}}
(no items)
{{end -}}
{{"-" | repeat 44}}
{{$sub := subtotal .Items -}}
Subtotal:{{template "money" $sub}}
{{if gt .Discount 0.0 -}}
Discount:{{template "money" (mul -1 (pct $sub .Discount))}} ({{.Discount}}%)
{{end -}}
Total:   {{template "money" (sub $sub (pct $sub .Discount))}}
{{- if .Notes}}
Notes:{{range $k, $v := .Notes}}
  {{$k}} = {{printf "%q" $v}}{{end}}
{{- end}}
Items: {{len .Items}}, first: {{(index .Items 0).Desc}}, eq-check: {{if eq (len .Items) 3 4}}3or4{{else}}other{{end}}
{{/* comment is dropped */ -}}
{{if and .Customer.VIP (not .Notes.urgent)}}vip-no-urgent{{else if .Notes.urgent}}urgent: {{.Notes.urgent}}{{end}}
`

func main() {
	funcs := template.FuncMap{
		"upper":  strings.ToUpper,
		"repeat": func(n int, s string) string { return strings.Repeat(s, n) },
		"inc":    func(i int) int { return i + 1 },
		"join":   strings.Join,
		"mul":    func(q int, p float64) float64 { return float64(q) * p },
		"pct":    func(v, p float64) float64 { return v * p / 100 },
		"sub":    func(a, b float64) float64 { return a - b },
		"subtotal": func(items []LineItem) float64 {
			t := 0.0
			for _, it := range items {
				t += float64(it.Qty) * it.Price
			}
			return t
		},
	}
	t := template.Must(template.New("inv").Funcs(funcs).Parse(tpl))
	inv := Invoice{Number: "inv-2024-0042", Discount: 12.5}
	inv.Customer.Name = "Ingrid Bergström"
	inv.Customer.Email = "ingrid@example.se"
	inv.Customer.VIP = true
	inv.Customer.Address = []string{"Storgatan 1", "111 22 Stockholm"}
	inv.Items = []LineItem{
		{"Consulting hours", 12, 95.0, []string{"billable", "remote"}},
		{"Travel", 1, 412.35, nil},
		{"Licence <pro>", 3, 49.99, []string{"annual"}},
	}
	inv.Notes = map[string]string{"terms": "net 30", "po": "PO-77\"A\""}
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("exec error:", err)
	}
	fmt.Println("=====")
	inv2 := Invoice{Number: "inv-0"}
	inv2.Customer.Name = "Nobody"
	inv2.Notes = map[string]string{"urgent": "call first"}
	err := t.Execute(os.Stdout, inv2)
	fmt.Println()
	fmt.Println("exec error:", err)
	_, perr := template.New("bad").Parse("{{.Name")
	fmt.Println("parse error:", perr)
	_, ferr := template.New("bad2").Parse("{{nosuchfunc 1}}")
	fmt.Println("func error:", ferr)
	small := template.Must(template.New("s").Option("missingkey=error").Parse("{{.a}}-{{.b}}\n"))
	err = small.Execute(os.Stdout, map[string]int{"a": 1})
	fmt.Println("\nmissingkey:", err)
}
