package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

type Align int

const (
	Left Align = iota
	Center
	Right
)

type Table struct {
	Headers []string
	Aligns  []Align
	Rows    [][]string
}

func escape(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}

func pad(s string, w int, a Align) string {
	n := w - utf8.RuneCountInString(s)
	if n <= 0 {
		return s
	}
	switch a {
	case Right:
		return strings.Repeat(" ", n) + s
	case Center:
		l := n / 2
		return strings.Repeat(" ", l) + s + strings.Repeat(" ", n-l)
	}
	return s + strings.Repeat(" ", n)
}

func (t Table) Render() string {
	cols := len(t.Headers)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	cell := func(row []string, i int) string {
		if i < len(row) {
			return escape(row[i])
		}
		return ""
	}
	for i := range cols {
		widths[i] = max(3, utf8.RuneCountInString(cell(t.Headers, i)))
		for _, r := range t.Rows {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell(r, i)))
		}
	}
	align := func(i int) Align {
		if i < len(t.Aligns) {
			return t.Aligns[i]
		}
		return Left
	}
	var b strings.Builder
	line := func(row []string) {
		b.WriteString("|")
		for i := range cols {
			b.WriteString(" " + pad(cell(row, i), widths[i], align(i)) + " |")
		}
		b.WriteString("\n")
	}
	line(t.Headers)
	b.WriteString("|")
	for i, w := range widths {
		dash := strings.Repeat("-", w)
		switch align(i) {
		case Left:
			dash = ":" + dash[1:]
		case Center:
			dash = ":" + dash[1:w-1] + ":"
		case Right:
			dash = dash[1:] + ":"
		}
		b.WriteString(" " + dash + " |")
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		line(r)
	}
	return b.String()
}

func main() {
	t := Table{
		Headers: []string{"City", "Country", "Pop (M)", "Note"},
		Aligns:  []Align{Left, Center, Right},
		Rows: [][]string{
			{"Zürich", "CH", "0.42", "banks | chocolate"},
			{"São Paulo", "BR", "12.33"},
			{"Kraków", "PL", "0.80", "old\ntown"},
			{"Reykjavík", "IS", "0.14", "", "extra col"},
			{"Ōsaka", "JP", "2.75", "café"},
		},
	}
	fmt.Print(t.Render())
	fmt.Println()
	small := Table{Headers: []string{"k", "v"}, Aligns: []Align{Right, Center}}
	for i := 1; i <= 4; i++ {
		small.Rows = append(small.Rows, []string{fmt.Sprint(i * i * i), strings.Repeat("*", i)})
	}
	fmt.Print(small.Render())
	fmt.Printf("%q\n", pad("ñ", 5, Center))
	fmt.Println(len("Zürich"), utf8.RuneCountInString("Zürich"), []rune("Ōsaka")[0], string([]rune("Ōsaka")[:2]))
}
