package table

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Table is a table of named columns, built by FromRecords, FromRows,
// FromMaps, ParseCSV, ParseJSONLines or ParseJSON. Every cell is a string,
// an int64, a float64, a bool or nil. Methods never change a Table: each
// returns a new one, so a Table can be reused freely. A Table built from a
// bad call carries an error: see Err.
type Table struct {
	names []string
	cols  []*column
	n     int
	err   error
}

// kind is the type of every non-nil cell of a column.
type kind uint8

const (
	kindString kind = iota // also a column whose cells are all nil
	kindInt
	kindFloat
	kindBool
	kindMixed // cells of several types, kept as any
)

// column is one column's cells. Exactly one of the typed slices is used,
// by kind; null marks nil cells (nil when there are none). A mixed
// column keeps nil in anys and has no null slice. Columns are never
// changed once built, so tables share them.
type column struct {
	kind   kind
	n      int
	strs   []string
	ints   []int64
	floats []float64
	bools  []bool
	anys   []any
	null   []bool
}

func (c *column) isNull(i int) bool {
	if c.kind == kindMixed {
		return c.anys[i] == nil
	}
	return c.null != nil && c.null[i]
}

// cell returns the value at row i as any.
func (c *column) cell(i int) any {
	if c.kind == kindMixed {
		return c.anys[i]
	}
	if c.null != nil && c.null[i] {
		return nil
	}
	switch c.kind {
	case kindInt:
		return c.ints[i]
	case kindFloat:
		return c.floats[i]
	case kindBool:
		return c.bools[i]
	default:
		return c.strs[i]
	}
}

// take returns the column's cells at rows idx, in that order; -1 is nil.
func (c *column) take(idx []int32) *column {
	out := &column{kind: c.kind, n: len(idx)}
	var hasNull bool
	for _, i := range idx {
		if i < 0 || c.isNull(int(i)) {
			hasNull = true
			break
		}
	}
	if hasNull && c.kind != kindMixed {
		out.null = make([]bool, len(idx))
		for j, i := range idx {
			out.null[j] = i < 0 || c.null != nil && c.null[i]
		}
	}
	switch c.kind {
	case kindInt:
		out.ints = make([]int64, len(idx))
		for j, i := range idx {
			if i >= 0 {
				out.ints[j] = c.ints[i]
			}
		}
	case kindFloat:
		out.floats = make([]float64, len(idx))
		for j, i := range idx {
			if i >= 0 {
				out.floats[j] = c.floats[i]
			}
		}
	case kindBool:
		out.bools = make([]bool, len(idx))
		for j, i := range idx {
			if i >= 0 {
				out.bools[j] = c.bools[i]
			}
		}
	case kindMixed:
		out.anys = make([]any, len(idx))
		for j, i := range idx {
			if i >= 0 {
				out.anys[j] = c.anys[i]
			}
		}
	default:
		out.strs = make([]string, len(idx))
		for j, i := range idx {
			if i >= 0 {
				out.strs[j] = c.strs[i]
			}
		}
	}
	return out
}

// slice returns rows [0, n) sharing the column's storage.
func (c *column) slice(n int) *column {
	out := *c
	out.n = n
	switch c.kind {
	case kindInt:
		out.ints = c.ints[:n:n]
	case kindFloat:
		out.floats = c.floats[:n:n]
	case kindBool:
		out.bools = c.bools[:n:n]
	case kindMixed:
		out.anys = c.anys[:n:n]
	default:
		out.strs = c.strs[:n:n]
	}
	if c.null != nil {
		out.null = c.null[:n:n]
	}
	return &out
}

// isNumeric reports whether the column holds numbers only.
func (c *column) isNumeric() bool { return c.kind == kindInt || c.kind == kindFloat }

// fromValues builds a column from normalized values (see normalize),
// choosing the narrowest kind that holds them all.
func fromValues(vals []any) *column {
	var ints, floats, bools, strs, nulls int
	for _, v := range vals {
		switch v.(type) {
		case nil:
			nulls++
		case int64:
			ints++
		case float64:
			floats++
		case bool:
			bools++
		default:
			strs++
		}
	}
	n := len(vals)
	c := &column{n: n}
	if nulls > 0 && nulls < n || nulls == n && n > 0 {
		c.null = make([]bool, n)
	}
	switch {
	case ints+nulls == n && ints > 0:
		c.kind = kindInt
		c.ints = make([]int64, n)
		for i, v := range vals {
			if x, ok := v.(int64); ok {
				c.ints[i] = x
			} else {
				c.null[i] = true
			}
		}
	case ints+floats+nulls == n && floats > 0:
		c.kind = kindFloat
		c.floats = make([]float64, n)
		for i, v := range vals {
			switch x := v.(type) {
			case int64:
				c.floats[i] = float64(x)
			case float64:
				c.floats[i] = x
			default:
				c.null[i] = true
			}
		}
	case bools+nulls == n && bools > 0:
		c.kind = kindBool
		c.bools = make([]bool, n)
		for i, v := range vals {
			if x, ok := v.(bool); ok {
				c.bools[i] = x
			} else {
				c.null[i] = true
			}
		}
	case strs+nulls == n:
		c.kind = kindString
		c.strs = make([]string, n)
		for i, v := range vals {
			if x, ok := v.(string); ok {
				c.strs[i] = x
			} else {
				c.null[i] = true
			}
		}
	default:
		c.kind = kindMixed
		c.null = nil
		c.anys = vals
	}
	return c
}

// normalize turns a Go value into a cell value: nil, string, int64,
// float64 or bool. Lists, maps and structs become their JSON text.
func normalize(v any) any {
	switch x := v.(type) {
	case nil, string, int64, float64, bool:
		return v
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case json.Number:
		return numberFromText(string(x), v)
	case []byte:
		return string(x)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u <= math.MaxInt64 {
			return int64(u)
		}
		return float64(u)
	case reflect.Float32, reflect.Float64:
		return rv.Float()
	case reflect.String:
		return rv.String()
	case reflect.Bool:
		return rv.Bool()
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil
		}
		return normalize(rv.Elem().Interface())
	}
	if b, err := json.Marshal(v); err == nil {
		var s string
		if json.Unmarshal(b, &s) == nil {
			return s // a time.Time, for one
		}
		return string(b)
	}
	return fmt.Sprint(v)
}

// numberFromText parses a JSON number as int64 when it is a whole number
// that fits, else as float64; fallback is returned when it is no number.
func numberFromText(s string, fallback any) any {
	if !strings.ContainsAny(s, ".eE") {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return fallback
}

// uniqueNames gives empty names "column_N" and repeated names a "_2",
// "_3", ... suffix.
func uniqueNames(names []string) []string {
	out := make([]string, len(names))
	seen := make(map[string]bool, len(names))
	for i, name := range names {
		if name == "" {
			name = "column_" + strconv.Itoa(i+1)
		}
		base := name
		for k := 2; seen[name]; k++ {
			name = base + "_" + strconv.Itoa(k)
		}
		seen[name] = true
		out[i] = name
	}
	return out
}

// FromRecords builds a Table from one map per row, column name to text,
// as fs.ReadCSV returns. Columns are sorted by name (call Select to
// reorder). Each column gets a type from its cells: int64 if every
// non-empty cell is a whole number, else float64 if every one is a
// number, else bool if every one is true or false (any case), else
// string. An empty cell, or a name missing from a row, is nil. Whole
// numbers with a leading zero, such as zip codes "02139", keep the
// column text.
func FromRecords(rows []map[string]string) Table {
	names := recordNames(rows)
	cells := make([][]string, len(names))
	for j, name := range names {
		col := make([]string, len(rows))
		for i, row := range rows {
			col[i] = row[name]
		}
		cells[j] = col
	}
	t := Table{names: names, n: len(rows), cols: make([]*column, len(names))}
	for j, col := range cells {
		t.cols[j] = inferColumn(len(col), func(k int) string { return col[k] })
	}
	return t
}

func recordNames(rows []map[string]string) []string {
	seen := map[string]bool{}
	var names []string
	for _, row := range rows {
		for k := range row {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	sort.Strings(names)
	return names
}

// FromMaps builds a Table from one map per row, as sql.Query returns.
// Columns are sorted by name (call Select to reorder); a name missing from
// a row is nil. Whole numbers become int64, other numbers float64;
// lists, maps and other values become their JSON text. A column whose
// cells have different types keeps each cell as it is.
func FromMaps(rows []map[string]any) Table {
	seen := map[string]bool{}
	var names []string
	for _, row := range rows {
		for k := range row {
			if !seen[k] {
				seen[k] = true
				names = append(names, k)
			}
		}
	}
	sort.Strings(names)
	t := Table{names: names, n: len(rows), cols: make([]*column, len(names))}
	for j, name := range names {
		vals := make([]any, len(rows))
		for i, row := range rows {
			vals[i] = normalize(row[name])
		}
		t.cols[j] = fromValues(vals)
	}
	return t
}

// FromRows builds a Table from column names and rows of values in column
// order, as sql.QueryRows returns: table.FromRows(r.Columns, r.Rows).
// Every row must have one value per column; a Table built from rows of
// another length carries an error (see Err). Values are converted as in
// FromMaps; repeated column names get "_2", "_3", ... appended.
func FromRows(columns []string, rows [][]any) Table {
	for i, row := range rows {
		if len(row) != len(columns) {
			return errTable(fmt.Errorf("table.FromRows: row %d has %d values but there are %d columns; give every row one value per column",
				i, len(row), len(columns)))
		}
	}
	t := Table{names: uniqueNames(columns), n: len(rows), cols: make([]*column, len(columns))}
	for j := range columns {
		vals := make([]any, len(rows))
		for i, row := range rows {
			vals[i] = normalize(row[j])
		}
		t.cols[j] = fromValues(vals)
	}
	return t
}

func errTable(err error) Table { return Table{err: err} }

// Err returns the error the Table carries, or nil. A method given a bad
// column name, operator or value returns a Table carrying an error, and
// every later method keeps that first error, so checking once at the end
// of a chain is enough.
func (t Table) Err() error { return t.err }

// must panics with the Table's error, for accessors that cannot carry it.
func (t Table) must() {
	if t.err != nil {
		panic(t.err)
	}
}

// Len returns the number of rows.
func (t Table) Len() int {
	t.must()
	return t.n
}

// Columns returns the column names, in order.
func (t Table) Columns() []string {
	t.must()
	return append([]string(nil), t.names...)
}

// index returns the position of the named column, or an error naming the
// method and the columns there are.
func (t Table) index(method, name string) (int, error) {
	for j, n := range t.names {
		if n == name {
			return j, nil
		}
	}
	return -1, t.noColumn(method, name)
}

func (t Table) noColumn(method, name string) error {
	if len(t.names) == 0 {
		return fmt.Errorf("table.%s: no column %q; the table has no columns", method, name)
	}
	return fmt.Errorf("table.%s: no column %q; the columns are %s", method, name, strings.Join(quoteAll(t.names), ", "))
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strconv.Quote(n)
	}
	return out
}

// mustColumn returns the named column or panics with a clear error.
func (t Table) mustColumn(method, name string) *column {
	t.must()
	j, err := t.index(method, name)
	if err != nil {
		panic(err)
	}
	return t.cols[j]
}

// Column returns the cells of the named column, one per row: string,
// int64, float64, bool or nil. It panics if there is no such column.
func (t Table) Column(name string) []any {
	c := t.mustColumn("Column", name)
	out := make([]any, c.n)
	for i := range out {
		out[i] = c.cell(i)
	}
	return out
}

// Floats returns the named column as numbers, one per row so that index i
// is row i. A nil cell is 0 (drop such rows first with
// Where(name, "!=", nil) when that matters); text that reads as a number
// is that number. It panics if there is no such column or a cell is text
// that is not a number or a bool.
func (t Table) Floats(name string) []float64 {
	c := t.mustColumn("Floats", name)
	out := make([]float64, c.n)
	switch c.kind {
	case kindFloat:
		copy(out, c.floats)
	case kindInt:
		for i, v := range c.ints {
			out[i] = float64(v)
		}
	default:
		for i := range out {
			f, _, err := numericCell(c, i)
			if err != nil {
				panic(fmt.Errorf("table.Floats: column %q %w", name, err))
			}
			out[i] = f
		}
	}
	if c.null != nil {
		for i, null := range c.null {
			if null {
				out[i] = 0
			}
		}
	}
	return out
}

// numericCell returns cell i as a number; ok is false for nil.
func numericCell(c *column, i int) (f float64, ok bool, err error) {
	switch v := c.cell(i).(type) {
	case nil:
		return 0, false, nil
	case int64:
		return float64(v), true, nil
	case float64:
		return v, true, nil
	case string:
		if x, ok := parseNumber(v); ok {
			return x, true, nil
		}
		return 0, false, fmt.Errorf("has the text %q in row %d, not a number", clip(v, 40), i)
	default:
		return 0, false, fmt.Errorf("has the bool %v in row %d, not a number", v, i)
	}
}

// parseNumber reads decimal text (surrounding spaces allowed) as a number.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if !isDecimal(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// isDecimal reports whether s is [+-]digits[.digits][e[+-]digits] with at
// least one mantissa digit: no "inf", "nan", hex or underscores.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// Sum returns the sum of the named column's numbers, skipping nil cells.
// It panics if there is no such column or it holds text that is not a
// number.
func (t Table) Sum(name string) float64 {
	c := t.mustColumn("Sum", name)
	s, _, err := sumColumn(c)
	if err != nil {
		panic(fmt.Errorf("table.Sum: column %q %w; Sum needs numbers", name, err))
	}
	return s
}

// Mean returns the average of the named column's numbers, skipping nil
// cells; with no numbers at all it is 0. It panics if there is no such
// column or it holds text that is not a number.
func (t Table) Mean(name string) float64 {
	c := t.mustColumn("Mean", name)
	s, k, err := sumColumn(c)
	if err != nil {
		panic(fmt.Errorf("table.Mean: column %q %w; Mean needs numbers", name, err))
	}
	if k == 0 {
		return 0
	}
	return s / float64(k)
}

// sumColumn sums the non-nil cells and counts them.
func sumColumn(c *column) (sum float64, count int, err error) {
	switch {
	case c.kind == kindFloat && c.null == nil:
		for _, v := range c.floats {
			sum += v
		}
		return sum, c.n, nil
	case c.kind == kindInt && c.null == nil:
		var s int64
		for _, v := range c.ints {
			s += v
		}
		return float64(s), c.n, nil
	}
	for i := 0; i < c.n; i++ {
		f, ok, err := numericCell(c, i)
		if err != nil {
			return 0, 0, err
		}
		if ok {
			sum += f
			count++
		}
	}
	return sum, count, nil
}

// Rows returns one map per row, column name to cell, ready for
// airlock.Result or json.Marshal. A Table carrying an error returns a
// single row {"error": message}.
func (t Table) Rows() []map[string]any {
	if t.err != nil {
		return []map[string]any{{"error": t.err.Error()}}
	}
	out := make([]map[string]any, t.n)
	for i := range out {
		row := make(map[string]any, len(t.names))
		for j, name := range t.names {
			row[name] = t.cols[j].cell(i)
		}
		out[i] = row
	}
	return out
}

// Records returns the rows as slices of cells in column order (see
// Columns for the names), without a header.
func (t Table) Records() [][]any {
	t.must()
	out := make([][]any, t.n)
	for i := range out {
		row := make([]any, len(t.cols))
		for j, c := range t.cols {
			row[j] = c.cell(i)
		}
		out[i] = row
	}
	return out
}

// errorf returns a Table carrying a formatted error.
func errorf(format string, args ...any) Table {
	return errTable(fmt.Errorf(format, args...))
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
