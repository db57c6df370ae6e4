package table

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxShown is how many rows String shows; maxWidth how many characters of
// a cell.
const (
	maxShown = 20
	maxWidth = 40
)

// controls keeps each row of String on one line.
var controls = strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", " ")

// String returns the Table as aligned text for printing: a header line,
// at most 20 rows, then "... N more rows" when there are more. Numbers
// are right-aligned, empty cells are blank and long text is cut to 40
// characters. A Table carrying an error returns "table error: " and the
// error.
func (t Table) String() string {
	if t.err != nil {
		return "table error: " + t.err.Error()
	}
	if len(t.cols) == 0 {
		return "(no columns, " + plural(t.n, "row") + ")"
	}
	shown := min(t.n, maxShown)
	cells := make([][]string, len(t.cols))
	widths := make([]int, len(t.cols))
	for j, c := range t.cols {
		cells[j] = make([]string, shown)
		widths[j] = utf8.RuneCountInString(t.names[j])
		for i := 0; i < shown; i++ {
			s := clip(controls.Replace(formatCell(c.cell(i))), maxWidth)
			cells[j][i] = s
			widths[j] = max(widths[j], utf8.RuneCountInString(s))
		}
	}
	var b strings.Builder
	line := func(get func(j int) string, right func(j int) bool) {
		var l strings.Builder
		for j := range t.cols {
			s := get(j)
			pad := strings.Repeat(" ", widths[j]-utf8.RuneCountInString(s))
			if j > 0 {
				l.WriteString("  ")
			}
			if right(j) {
				l.WriteString(pad + s)
			} else {
				l.WriteString(s + pad)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	numeric := func(j int) bool { return t.cols[j].isNumeric() }
	line(func(j int) string { return t.names[j] }, numeric)
	line(func(j int) string { return strings.Repeat("-", widths[j]) }, numeric)
	for i := 0; i < shown; i++ {
		line(func(j int) string { return cells[j][i] }, numeric)
	}
	if t.n > shown {
		b.WriteString("... " + plural(t.n-shown, "more row") + "\n")
	} else if t.n == 0 {
		b.WriteString("(no rows)\n")
	}
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// formatCell writes a cell as text: nil as "", numbers in plain decimal
// where that stays short.
func formatCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return formatFloat(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

func formatFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e15) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
