package table

import (
	"fmt"
	"strings"
)

// Agg is one aggregation for Grouped.Agg, made by Count, Sum, Mean, Min,
// Max or CountDistinct. Each names its output column ("count",
// "sum_total", ...); As gives it another name.
type Agg struct {
	fn     string
	column string
	name   string
}

// Count counts the rows of each group, empty cells included. Its column
// is named "count".
func Count() Agg { return Agg{fn: "Count", name: "count"} }

// Sum adds up the numbers of column in each group, skipping empty cells
// (a group with none sums to 0). The result is int64 for a column of
// whole numbers, else float64. Its column is named "sum_<column>".
func Sum(column string) Agg { return Agg{fn: "Sum", column: column, name: "sum_" + column} }

// Mean averages the numbers of column in each group, skipping empty cells
// (a group with none gets nil). Its column is named "mean_<column>".
func Mean(column string) Agg { return Agg{fn: "Mean", column: column, name: "mean_" + column} }

// Min takes the smallest cell of column in each group, skipping empty
// cells: the lowest number, or the first text alphabetically (so ISO dates
// work). Its column is named "min_<column>".
func Min(column string) Agg { return Agg{fn: "Min", column: column, name: "min_" + column} }

// Max takes the largest cell of column in each group, skipping empty
// cells. Its column is named "max_<column>".
func Max(column string) Agg { return Agg{fn: "Max", column: column, name: "max_" + column} }

// CountDistinct counts the different values of column in each group,
// not counting empty cells. Its column is named "count_distinct_<column>".
func CountDistinct(column string) Agg {
	return Agg{fn: "CountDistinct", column: column, name: "count_distinct_" + column}
}

// As returns the aggregation with its output column named name, as in
// table.Sum("total").As("revenue").
func (a Agg) As(name string) Agg {
	a.name = name
	return a
}

// Grouped is a Table split into groups of rows by key columns, made by
// Table.GroupBy. Its only use is Agg.
type Grouped struct {
	t     Table
	keys  []int
	gid   []int32 // the group of each row
	first []int32 // the first row of each group
	err   error
}

// GroupBy groups the rows that have equal cells in every key column
// (empty cells form their own group; 3 and 3.0 are equal). With no keys
// the whole table is one group. Call Agg on the result:
//
//	t.GroupBy("region", "plan").Agg(table.Count(), table.Mean("seats"))
func (t Table) GroupBy(keys ...string) Grouped {
	if t.err != nil {
		return Grouped{err: t.err}
	}
	g := Grouped{t: t, gid: make([]int32, t.n)}
	seen := map[string]bool{}
	for _, name := range keys {
		if seen[name] {
			return Grouped{err: fmt.Errorf("table.GroupBy: column %q is named twice", name)}
		}
		seen[name] = true
		j, err := t.index("GroupBy", name)
		if err != nil {
			return Grouped{err: err}
		}
		g.keys = append(g.keys, j)
	}
	if len(keys) == 0 {
		g.first = []int32{-1}
		if t.n > 0 {
			g.first[0] = 0
		}
		return g
	}
	g.first = []int32{0}
	if t.n == 0 {
		g.first = nil
	}
	type groupKey struct {
		g int32
		k cellKey
	}
	for _, j := range g.keys {
		c := t.cols[j]
		ids := make(map[groupKey]int32)
		var first []int32
		for i := 0; i < t.n; i++ {
			k, ok := c.key(i, false)
			if !ok {
				k = cellKey{kind: kindMixed} // nil, never a real key's kind
			}
			gk := groupKey{g.gid[i], k}
			id, ok := ids[gk]
			if !ok {
				id = int32(len(first))
				ids[gk] = id
				first = append(first, int32(i))
			}
			g.gid[i] = id
		}
		g.first = first
	}
	return g
}

// Agg returns one row per group, in the order the groups first appear:
// the key columns, then one column per aggregation. With no aggregations
// it returns the distinct keys. Sort the result to order it.
func (g Grouped) Agg(aggs ...Agg) Table {
	if g.err != nil {
		return errTable(g.err)
	}
	t := g.t
	out := Table{n: len(g.first)}
	used := map[string]bool{}
	for _, j := range g.keys {
		out.names = append(out.names, t.names[j])
		out.cols = append(out.cols, t.cols[j].take(g.first))
		used[t.names[j]] = true
	}
	for _, a := range aggs {
		if a.fn == "" {
			return errorf("table.Agg: empty aggregation; make one with table.Count(), table.Sum(column), table.Mean(column), table.Min(column), table.Max(column) or table.CountDistinct(column)")
		}
		if a.name == "" {
			return errorf("table.Agg: %s(%q) has an empty name; give it one with .As(\"name\")", a.fn, a.column)
		}
		if used[a.name] {
			return errorf("table.Agg: two columns would be named %q; rename one with .As(\"name\")", a.name)
		}
		used[a.name] = true
		var c *column
		if a.fn != "Count" {
			j, err := t.index("Agg", a.column)
			if err != nil {
				return errorf("table.Agg: %s(%q): %s", a.fn, a.column, strings.TrimPrefix(err.Error(), "table.Agg: "))
			}
			c = t.cols[j]
		}
		col, err := g.aggregate(a, c)
		if err != nil {
			return errorf("table.Agg: %s(%q): column %q %w", a.fn, a.column, a.column, err)
		}
		out.names = append(out.names, a.name)
		out.cols = append(out.cols, col)
	}
	return out
}

// aggregate computes one aggregation per group.
func (g Grouped) aggregate(a Agg, c *column) (*column, error) {
	n := len(g.first)
	switch a.fn {
	case "Count":
		counts := make([]int64, n)
		for _, id := range g.gid {
			counts[id]++
		}
		return &column{kind: kindInt, n: n, ints: counts}, nil
	case "Sum", "Mean":
		counts := make([]int64, n)
		if a.fn == "Sum" && c.kind == kindInt {
			sums := make([]int64, n)
			for i, id := range g.gid {
				if !c.isNull(i) {
					sums[id] += c.ints[i]
				}
			}
			return &column{kind: kindInt, n: n, ints: sums}, nil
		}
		sums := make([]float64, n)
		for i, id := range g.gid {
			f, ok, err := numericCell(c, i)
			if err != nil {
				return nil, fmt.Errorf("%w; %s needs numbers", err, a.fn)
			}
			if ok {
				sums[id] += f
				counts[id]++
			}
		}
		out := &column{kind: kindFloat, n: n, floats: sums}
		if a.fn == "Mean" {
			for id := range sums {
				if counts[id] == 0 {
					if out.null == nil {
						out.null = make([]bool, n)
					}
					out.null[id] = true
					continue
				}
				sums[id] /= float64(counts[id])
			}
		}
		return out, nil
	case "Min", "Max":
		best := make([]int32, n)
		for id := range best {
			best[id] = -1
		}
		compare := c.compareFunc()
		sign := 1
		if a.fn == "Max" {
			sign = -1
		}
		for i, id := range g.gid {
			if c.isNull(i) {
				continue
			}
			if b := best[id]; b < 0 || sign*compare(int32(i), b) < 0 {
				best[id] = int32(i)
			}
		}
		return c.take(best), nil
	case "CountDistinct":
		type seenKey struct {
			g int32
			k cellKey
		}
		seen := map[seenKey]bool{}
		counts := make([]int64, n)
		for i, id := range g.gid {
			k, ok := c.key(i, false)
			if !ok || seen[seenKey{id, k}] {
				continue
			}
			seen[seenKey{id, k}] = true
			counts[id]++
		}
		return &column{kind: kindInt, n: n, ints: counts}, nil
	}
	return nil, fmt.Errorf("is not a known aggregation")
}
