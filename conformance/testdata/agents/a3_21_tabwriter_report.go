package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

type Row struct {
	Region  string
	Rep     string
	Deals   int
	Revenue float64
	Quota   float64
}

func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func justify(line string, width int) string {
	words := strings.Fields(line)
	if len(words) < 2 {
		return line
	}
	total := 0
	for _, w := range words {
		total += utf8.RuneCountInString(w)
	}
	gaps := len(words) - 1
	spaces := width - total
	var b strings.Builder
	for i, w := range words {
		b.WriteString(w)
		if i < gaps {
			n := spaces / gaps
			if i < spaces%gaps {
				n++
			}
			b.WriteString(strings.Repeat(" ", n))
		}
	}
	return b.String()
}

func center(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	left := (width - n) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", width-n-left)
}

func main() {
	rows := []Row{
		{"North", "Alice Johnson", 14, 182340.50, 150000},
		{"North", "Bo", 9, 97000, 120000},
		{"South", "Carlos Méndez", 21, 240110.75, 200000},
		{"East", "Dana", 3, 15400.25, 80000},
		{"West", "Eun-ji Park", 17, 160000, 160000},
	}
	fmt.Println("[" + center("Quarterly Sales", 50) + "]")
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "Region\tRep\tDeals\tRevenue\tAttain\t")
	fmt.Fprintln(w, "------\t---\t-----\t-------\t------\t")
	var tot, quota float64
	deals := 0
	for _, r := range rows {
		att := r.Revenue / r.Quota * 100
		flag := ""
		if att >= 100 {
			flag = " *"
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%.2f\t%.1f%%%s\t\n", r.Region, r.Rep, r.Deals, r.Revenue, att, flag)
		tot += r.Revenue
		quota += r.Quota
		deals += r.Deals
	}
	fmt.Fprintf(w, "TOTAL\t\t%d\t%.2f\t%.1f%%\t\n", deals, tot, tot/quota*100)
	w.Flush()

	fmt.Println()
	rw := tabwriter.NewWriter(os.Stdout, 6, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(rw, "item\tqty\tprice\ttotal\t")
	items := []struct {
		name  string
		qty   int
		price float64
	}{{"apple", 12, 0.5}, {"watermelon", 1, 4.99}, {"kiwi", 150, 0.25}}
	for _, it := range items {
		fmt.Fprintf(rw, "%s\t%d\t%.2f\t%.2f\t\n", it.name, it.qty, it.price, float64(it.qty)*it.price)
	}
	rw.Flush()

	fmt.Println()
	text := "Go's text/tabwriter package translates tabbed columns in input into properly aligned text, using the Elastic Tabstops algorithm. It is handy for quick command line reports where a full templating system would be overkill."
	width := 36
	lines := wrap(text, width)
	fmt.Println("+" + strings.Repeat("-", width+2) + "+")
	for i, l := range lines {
		out := l
		if i < len(lines)-1 {
			out = justify(l, width)
		}
		fmt.Printf("| %-*s |\n", width, out)
	}
	fmt.Println("+" + strings.Repeat("-", width+2) + "+")
	for _, l := range wrap("naïve café résumé über straße façade jalapeño piñata", 16) {
		fmt.Printf("|%s|\n", center(l, 18))
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 1, '.', tabwriter.TabIndent)
	fmt.Fprintln(tw, "key\tvalue")
	fmt.Fprintln(tw, "a-much-longer-key\tv2")
	fmt.Fprintln(tw, "\tindented")
	tw.Flush()
}
