package table

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Where returns the rows whose cell in column satisfies op against value.
// op is one of:
//
//	"==", "!="          equal, not equal ("!=" keeps exactly the rows "==" drops)
//	"<", "<=", ">", ">=" order: numbers by value, text alphabetically, false < true
//	"contains"          the cell's text contains value, a string (case-sensitive)
//	"prefix"            the cell's text starts with value, a string
//	"in"                the cell equals one of value, a list: []any{"a", "b"} or []int{1, 2}
//
// Numbers compare by value whatever their type, so an int64 column
// compares with 2.5 and a float64 column with 3. A text cell compared
// with a number is read as a number; text that is not a number matches
// no order and is not equal. A numeric column compared with text that is
// not a number, or a bool column with anything but true or false, is an
// error. nil matches empty cells: Where(c, "==", nil) keeps them and
// Where(c, "!=", nil) drops them; empty cells never satisfy an order,
// "contains" or "prefix".
func (t Table) Where(column, op string, value any) Table {
	if t.err != nil {
		return t
	}
	j, err := t.index("Where", column)
	if err != nil {
		return errTable(err)
	}
	idx, err := t.cols[j].match(op, value)
	if err != nil {
		return errorf("table.Where: column %q, %q: %w", column, op, err)
	}
	return t.takeRows(idx)
}

// takeRows returns the rows idx of t in that order; -1 is a row of nils.
func (t Table) takeRows(idx []int32) Table {
	if len(idx) == t.n && isIdentity(idx) {
		return t
	}
	out := Table{names: t.names, n: len(idx), cols: make([]*column, len(t.cols))}
	for j, c := range t.cols {
		out.cols[j] = c.take(idx)
	}
	return out
}

func isIdentity(idx []int32) bool {
	for i, v := range idx {
		if int(v) != i {
			return false
		}
	}
	return true
}

// match returns the rows whose cell satisfies op against value.
func (c *column) match(op string, value any) ([]int32, error) {
	switch op {
	case "in":
		return c.matchIn(value)
	case "contains", "prefix":
		s, ok := value.(string)
		if rv := reflect.ValueOf(value); !ok && rv.Kind() == reflect.String {
			s, ok = rv.String(), true
		}
		if !ok {
			return nil, fmt.Errorf("%s needs a string value, not %s", op, describeValue(value))
		}
		test := strings.Contains
		if op == "prefix" {
			test = strings.HasPrefix
		}
		if c.kind == kindString {
			return c.selectRows(func(i int) bool { return test(c.strs[i], s) }), nil
		}
		return c.selectRows(func(i int) bool { return test(formatCell(c.cell(i)), s) }), nil
	case "==", "!=", "<", "<=", ">", ">=":
	default:
		return nil, fmt.Errorf("unknown operator; use one of ==, !=, <, <=, >, >=, contains, prefix, in")
	}
	v := normalize(value)
	if v == nil {
		switch op {
		case "==":
			return c.selectAll(func(i int) bool { return c.isNull(i) }), nil
		case "!=":
			return c.selectAll(func(i int) bool { return !c.isNull(i) }), nil
		}
		return nil, fmt.Errorf("%s needs a value to compare with, not nil", op)
	}
	v, err := c.coerce(v)
	if err != nil {
		return nil, err
	}
	want := orderTest(op)
	if op == "!=" {
		// The complement of "==", empty cells included.
		eq := orderTest("==")
		switch x := v.(type) {
		case int64:
			if c.kind == kindInt {
				return c.selectAll(func(i int) bool { return c.isNull(i) || c.ints[i] != x }), nil
			}
		case string:
			if c.kind == kindString {
				return c.selectAll(func(i int) bool { return c.isNull(i) || c.strs[i] != x }), nil
			}
		}
		return c.selectAll(func(i int) bool {
			r, ok := compareCells(c.cell(i), v)
			return !ok || !eq(r)
		}), nil
	}
	switch x := v.(type) {
	case int64:
		switch c.kind {
		case kindInt:
			return c.selectRows(func(i int) bool { return want(cmp.Compare(c.ints[i], x)) }), nil
		case kindFloat:
			f := float64(x)
			return c.selectRows(func(i int) bool { return compareFloat(c.floats[i], f, want) }), nil
		}
	case float64:
		switch c.kind {
		case kindInt:
			return c.selectRows(func(i int) bool { return compareFloat(float64(c.ints[i]), x, want) }), nil
		case kindFloat:
			return c.selectRows(func(i int) bool { return compareFloat(c.floats[i], x, want) }), nil
		}
	case string:
		if c.kind == kindString {
			if op == "==" {
				return c.selectRows(func(i int) bool { return c.strs[i] == x }), nil
			}
			return c.selectRows(func(i int) bool { return want(strings.Compare(c.strs[i], x)) }), nil
		}
	}
	return c.selectRows(func(i int) bool {
		r, ok := compareCells(c.cell(i), v)
		return ok && want(r)
	}), nil
}

func compareFloat(a, b float64, want func(int) bool) bool {
	if a != a || b != b { // NaN has no order
		return false
	}
	return want(cmp.Compare(a, b))
}

// orderTest turns a comparison operator into a test of a cmp result.
func orderTest(op string) func(int) bool {
	switch op {
	case "==":
		return func(r int) bool { return r == 0 }
	case "!=":
		return func(r int) bool { return r != 0 }
	case "<":
		return func(r int) bool { return r < 0 }
	case "<=":
		return func(r int) bool { return r <= 0 }
	case ">":
		return func(r int) bool { return r > 0 }
	default:
		return func(r int) bool { return r >= 0 }
	}
}

// selectRows returns the non-nil rows for which keep is true.
func (c *column) selectRows(keep func(i int) bool) []int32 {
	idx := make([]int32, 0, c.n/4+1)
	for i := 0; i < c.n; i++ {
		if !c.isNull(i) && keep(i) {
			idx = append(idx, int32(i))
		}
	}
	return idx
}

// selectAll returns the rows, nil or not, for which keep is true.
func (c *column) selectAll(keep func(i int) bool) []int32 {
	idx := make([]int32, 0, c.n/4+1)
	for i := 0; i < c.n; i++ {
		if keep(i) {
			idx = append(idx, int32(i))
		}
	}
	return idx
}

// coerce converts a comparison value to the column's type where the column
// has one, and rejects values it can never equal.
func (c *column) coerce(v any) (any, error) {
	switch c.kind {
	case kindInt, kindFloat:
		switch x := v.(type) {
		case int64, float64:
			return v, nil
		case string:
			if n := parseNumberCell(x); n != nil {
				return n, nil
			}
			return nil, fmt.Errorf("the column holds numbers but the value %q is not a number", clip(x, 40))
		default:
			return nil, fmt.Errorf("the column holds numbers but the value is %s", describeValue(v))
		}
	case kindBool:
		switch x := v.(type) {
		case bool:
			return v, nil
		case string:
			if b, ok := parseBool(x); ok {
				return b, nil
			}
		}
		return nil, fmt.Errorf("the column holds true/false but the value is %s; compare it with true or false", describeValue(v))
	}
	return v, nil
}

// parseNumberCell reads text as int64 or float64, or returns nil.
func parseNumberCell(s string) any {
	t := strings.TrimSpace(s)
	if !isDecimal(t) {
		return nil
	}
	return numberFromText(t, nil)
}

func parseBool(s string) (bool, bool) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// compareCells orders two non-nil cells; ok is false when they have no
// order: a number and text that is not a number, a number and a bool, NaN.
func compareCells(a, b any) (r int, ok bool) {
	switch x := a.(type) {
	case int64:
		switch y := b.(type) {
		case int64:
			return cmp.Compare(x, y), true
		case float64:
			return compareNumbers(float64(x), y)
		case string:
			if f, ok := parseNumber(y); ok {
				return compareNumbers(float64(x), f)
			}
		}
	case float64:
		switch y := b.(type) {
		case int64:
			return compareNumbers(x, float64(y))
		case float64:
			return compareNumbers(x, y)
		case string:
			if f, ok := parseNumber(y); ok {
				return compareNumbers(x, f)
			}
		}
	case string:
		switch y := b.(type) {
		case string:
			return strings.Compare(x, y), true
		case bool:
			if v, ok := parseBool(x); ok {
				return compareBools(v, y), true
			}
		case int64, float64:
			r, ok := compareCells(b, a)
			return -r, ok
		}
	case bool:
		switch y := b.(type) {
		case bool:
			return compareBools(x, y), true
		case string:
			if v, ok := parseBool(y); ok {
				return compareBools(x, v), true
			}
		}
	}
	return 0, false
}

func compareNumbers(a, b float64) (int, bool) {
	if a != a || b != b {
		return 0, false
	}
	return cmp.Compare(a, b), true
}

func compareBools(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// matchIn returns the rows whose cell equals an element of list.
func (c *column) matchIn(list any) ([]int32, error) {
	rv := reflect.ValueOf(list)
	if list == nil || rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("in needs a list value such as []any{\"a\", \"b\"}, not %s", describeValue(list))
	}
	var s inSet
	for k := 0; k < rv.Len(); k++ {
		v := normalize(rv.Index(k).Interface())
		if v != nil {
			var err error
			if v, err = c.coerce(v); err != nil {
				return nil, fmt.Errorf("element %d: %w", k, err)
			}
		}
		s.add(v)
	}
	return c.selectAll(func(i int) bool { return s.has(c.cell(i)) }), nil
}

// inSet holds the elements of an "in" list so that a cell matches exactly
// when it is "==" one of them.
type inSet struct {
	hasNil            bool
	nums, strNums     map[cellKey]bool // numbers, and text elements read as numbers
	strs              map[string]bool
	bools, strBools   map[bool]bool
	anyNums, anyBools bool
}

func (s *inSet) add(v any) {
	if s.strs == nil {
		s.nums, s.strNums = map[cellKey]bool{}, map[cellKey]bool{}
		s.strs = map[string]bool{}
		s.bools, s.strBools = map[bool]bool{}, map[bool]bool{}
	}
	switch x := v.(type) {
	case nil:
		s.hasNil = true
	case int64, float64:
		if k, ok := numberKey(x); ok {
			s.nums[k] = true
			s.anyNums = true
		}
	case bool:
		s.bools[x] = true
		s.anyBools = true
	case string:
		s.strs[x] = true
		if f, ok := parseNumber(x); ok {
			if k, ok := numberKey(f); ok {
				s.strNums[k] = true
			}
		}
		if b, ok := parseBool(x); ok {
			s.strBools[b] = true
		}
	}
}

func (s *inSet) has(cell any) bool {
	switch x := cell.(type) {
	case nil:
		return s.hasNil
	case int64, float64:
		k, ok := numberKey(x)
		return ok && (s.nums[k] || s.strNums[k])
	case bool:
		return s.bools[x] || s.strBools[x]
	case string:
		if s.strs[x] {
			return true
		}
		if s.anyNums {
			if f, ok := parseNumber(x); ok {
				if k, ok := numberKey(f); ok && s.nums[k] {
					return true
				}
			}
		}
		if s.anyBools {
			if b, ok := parseBool(x); ok && s.bools[b] {
				return true
			}
		}
	}
	return false
}

// cellKey identifies a cell value for hashing: whole numbers as int64
// whatever their type, so that 3 and 3.0 meet.
type cellKey struct {
	kind kind
	i    int64
	f    float64
	s    string
}

// numberKey returns the key of an int64 or float64; NaN has none.
func numberKey(v any) (cellKey, bool) {
	switch x := v.(type) {
	case int64:
		return cellKey{kind: kindInt, i: x}, true
	case float64:
		if x != x {
			return cellKey{}, false
		}
		if x == math.Trunc(x) && x >= -(1<<63) && x < 1<<63 {
			return cellKey{kind: kindInt, i: int64(x)}, true
		}
		return cellKey{kind: kindFloat, f: x}, true
	}
	return cellKey{}, false
}

// key returns the hash key of row i; ok is false for nil and NaN. With
// asNumber, text is read as a number and text that is not one has no key.
func (c *column) key(i int, asNumber bool) (cellKey, bool) {
	if c.isNull(i) {
		return cellKey{}, false
	}
	switch c.kind {
	case kindInt:
		return cellKey{kind: kindInt, i: c.ints[i]}, true
	case kindFloat:
		return numberKey(c.floats[i])
	case kindBool:
		if c.bools[i] {
			return cellKey{kind: kindBool, i: 1}, true
		}
		return cellKey{kind: kindBool}, true
	case kindString:
		if asNumber {
			if f, ok := parseNumber(c.strs[i]); ok {
				return numberKey(f)
			}
			return cellKey{}, false
		}
		return cellKey{kind: kindString, s: c.strs[i]}, true
	}
	switch x := c.anys[i].(type) {
	case int64, float64:
		return numberKey(x)
	case bool:
		if x {
			return cellKey{kind: kindBool, i: 1}, true
		}
		return cellKey{kind: kindBool}, true
	case string:
		return cellKey{kind: kindString, s: x}, true
	}
	return cellKey{}, false
}

// Select returns a Table with only the named columns, in the order given.
func (t Table) Select(columns ...string) Table {
	if t.err != nil {
		return t
	}
	if len(columns) == 0 {
		return errorf("table.Select: name at least one column; the columns are %s", strings.Join(quoteAll(t.names), ", "))
	}
	out := Table{n: t.n, names: make([]string, len(columns)), cols: make([]*column, len(columns))}
	seen := map[string]bool{}
	for k, name := range columns {
		if seen[name] {
			return errorf("table.Select: column %q is named twice", name)
		}
		seen[name] = true
		j, err := t.index("Select", name)
		if err != nil {
			return errTable(err)
		}
		out.names[k], out.cols[k] = name, t.cols[j]
	}
	return out
}

// Sort returns the rows ordered by column: ascending, or descending when
// desc is true. Numbers sort by value and text alphabetically (a column
// of mixed types puts numbers before text before bools). Empty cells come
// last either way. Rows with equal cells keep their order, so sorting by
// a second column and then by the first orders by both.
func (t Table) Sort(column string, desc bool) Table {
	if t.err != nil {
		return t
	}
	j, err := t.index("Sort", column)
	if err != nil {
		return errTable(err)
	}
	return t.takeRows(t.cols[j].order(desc))
}

// order returns the row indexes sorted by the column, nils last, stable.
func (c *column) order(desc bool) []int32 {
	perm := make([]int32, c.n)
	for i := range perm {
		perm[i] = int32(i)
	}
	sign := 1
	if desc {
		sign = -1
	}
	byValue := c.compareFunc()
	slices.SortStableFunc(perm, func(a, b int32) int {
		an, bn := c.isNull(int(a)), c.isNull(int(b))
		switch {
		case an && bn:
			return 0
		case an:
			return 1
		case bn:
			return -1
		}
		return sign * byValue(a, b)
	})
	return perm
}

// compareFunc returns a function ordering two non-nil rows of the column.
func (c *column) compareFunc() func(a, b int32) int {
	switch c.kind {
	case kindInt:
		return func(a, b int32) int { return cmp.Compare(c.ints[a], c.ints[b]) }
	case kindFloat:
		return func(a, b int32) int { return cmp.Compare(c.floats[a], c.floats[b]) }
	case kindString:
		return func(a, b int32) int { return strings.Compare(c.strs[a], c.strs[b]) }
	case kindBool:
		return func(a, b int32) int { return compareBools(c.bools[a], c.bools[b]) }
	}
	return func(a, b int32) int { return compareMixed(c.anys[a], c.anys[b]) }
}

// compareMixed orders cells of any type: numbers, then text, then bools.
func compareMixed(a, b any) int {
	ra, rb := typeRank(a), typeRank(b)
	if ra != rb {
		return cmp.Compare(ra, rb)
	}
	if ra == 0 {
		fa, fb := toFloat(a), toFloat(b)
		if x, ok := a.(int64); ok {
			if y, ok := b.(int64); ok {
				return cmp.Compare(x, y)
			}
		}
		return cmp.Compare(fa, fb)
	}
	r, _ := compareCells(a, b)
	return r
}

func typeRank(v any) int {
	switch v.(type) {
	case int64, float64:
		return 0
	case string:
		return 1
	}
	return 2
}

func toFloat(v any) float64 {
	if x, ok := v.(int64); ok {
		return float64(x)
	}
	return v.(float64)
}

// Top returns the n rows with the largest values in column, largest
// first; empty cells come last. It is Sort(column, true).Head(n).
func (t Table) Top(column string, n int) Table {
	if t.err != nil {
		return t
	}
	if n < 0 {
		return errorf("table.Top: n is %d; want 0 or more", n)
	}
	if _, err := t.index("Top", column); err != nil {
		return errTable(err)
	}
	return t.Sort(column, true).Head(n)
}

// Head returns the first n rows, or every row when there are fewer.
func (t Table) Head(n int) Table {
	if t.err != nil {
		return t
	}
	if n < 0 {
		return errorf("table.Head: n is %d; want 0 or more", n)
	}
	if n >= t.n {
		return t
	}
	out := Table{names: t.names, n: n, cols: make([]*column, len(t.cols))}
	for j, c := range t.cols {
		out.cols[j] = c.slice(n)
	}
	return out
}

// Join returns the inner join of t and other: one row for every pair of a
// row of t and a row of other whose leftColumn and rightColumn cells are
// equal, in t's row order. Numbers match by value (3 meets 3.0), and text
// meets numbers when the other column holds numbers and the text reads as
// one; empty cells match nothing. The result has t's columns, then
// other's columns except rightColumn; a name of other's that t already
// uses gets the prefix "right_".
func (t Table) Join(other Table, leftColumn, rightColumn string) Table {
	if t.err != nil {
		return t
	}
	if other.err != nil {
		return errorf("table.Join: the other table carries an error: %w", other.err)
	}
	lj, err := t.index("Join", leftColumn)
	if err != nil {
		return errTable(err)
	}
	rj, err := other.index("Join", rightColumn)
	if err != nil {
		return errorf("table.Join: the other table has no column %q; its columns are %s", rightColumn, strings.Join(quoteAll(other.names), ", "))
	}
	lc, rc := t.cols[lj], other.cols[rj]
	lNum := lc.kind == kindString && rc.isNumeric()
	rNum := rc.kind == kindString && lc.isNumeric()

	// Chain the rows of other by key, in row order: first[key] is the first
	// row, next[row] the following one with the same key.
	first := make(map[cellKey]int32, other.n)
	next := make([]int32, other.n)
	for i := other.n - 1; i >= 0; i-- {
		k, ok := rc.key(i, rNum)
		if !ok {
			continue
		}
		if f, ok := first[k]; ok {
			next[i] = f
		} else {
			next[i] = -1
		}
		first[k] = int32(i)
	}
	var li, ri []int32
	for i := 0; i < t.n; i++ {
		k, ok := lc.key(i, lNum)
		if !ok {
			continue
		}
		f, ok := first[k]
		if !ok {
			continue
		}
		for r := f; r >= 0; r = next[r] {
			li = append(li, int32(i))
			ri = append(ri, r)
		}
	}

	out := Table{n: len(li)}
	used := map[string]bool{}
	for j, c := range t.cols {
		out.names = append(out.names, t.names[j])
		out.cols = append(out.cols, c.take(li))
		used[t.names[j]] = true
	}
	for j, c := range other.cols {
		if j == rj {
			continue
		}
		name := other.names[j]
		for used[name] {
			name = "right_" + name
		}
		used[name] = true
		out.names = append(out.names, name)
		out.cols = append(out.cols, c.take(ri))
	}
	return out
}

// describeValue names a value's type for error messages.
func describeValue(v any) string {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Slice, reflect.Array:
		if _, ok := v.([]byte); !ok {
			return fmt.Sprintf("a list (%T)", v)
		}
	case reflect.Map:
		return fmt.Sprintf("a map (%T)", v)
	case reflect.Struct:
		return fmt.Sprintf("a %T", v)
	}
	switch x := normalize(v).(type) {
	case nil:
		return "nil"
	case string:
		return strconv.Quote(clip(x, 40)) + " (text)"
	case bool:
		return fmt.Sprintf("%v (a bool)", x)
	case int64, float64:
		return formatCell(x) + " (a number)"
	}
	return fmt.Sprintf("%T", v)
}
