package table

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// ParseCSV parses comma-separated text whose first row is the header, such
// as a file's contents. Column types are inferred as in FromRecords and an
// empty field is nil; columns keep the header's order. Fields may be
// quoted ("a, b"), with a quote inside written twice (""); a leading
// UTF-8 byte order mark and blank lines are ignored; lines may end in \n
// or \r\n. Every row must have as many fields as the header. Empty text is
// an empty Table with no columns. On error the returned Table carries the
// error as well.
func ParseCSV(text string) (Table, error) {
	t, err := parseCSV(strings.TrimPrefix(text, "\ufeff"))
	if err != nil {
		err = fmt.Errorf("table.ParseCSV: %w", err)
		return errTable(err), err
	}
	return t, nil
}

// escaped marks a span's start as an offset into the unescaped text of
// quoted fields rather than into the input.
const escaped = 1 << 31

func parseCSV(text string) (Table, error) {
	if len(text) >= escaped {
		return Table{}, fmt.Errorf("the text is %d bytes; split it into parts under 2 GB", len(text))
	}
	p := csvParser{s: text, line: 1}
	var header []string
	for header == nil && p.pos < len(p.s) {
		rec, blank, err := p.record(nil)
		if err != nil {
			return Table{}, err
		}
		if !blank {
			header = rec
		}
	}
	if header == nil {
		return Table{}, nil
	}
	names := uniqueNames(header)
	ncol := len(names)

	// Each cell is a span start<<32|end of the text: no pointers, so the
	// garbage collector never scans the millions of cells.
	est := strings.Count(text[p.pos:], "\n") + 1
	spans := make([][]uint64, ncol)
	for j := range spans {
		spans[j] = make([]uint64, 0, est)
	}
	var unescaped []byte
	s, i := text, p.pos
	for i < len(s) {
		if s[i] == '\n' {
			i++
			p.line++
			continue
		}
		if s[i] == '\r' && (i+1 == len(s) || s[i+1] == '\n') {
			i = min(i+2, len(s))
			p.line++
			continue
		}
		line := p.line
		j := 0
		for {
			var start, end int
			if s[i] == '"' {
				q, err := p.quoted(i)
				if err != nil {
					return Table{}, err
				}
				if q.unescaped != "" {
					start = len(unescaped) | escaped
					unescaped = append(unescaped, q.unescaped...)
					end = len(unescaped)
				} else {
					start, end = q.start, q.end
				}
				i = q.next
			} else {
				k := i
				for k < len(s) {
					if c := s[k]; c == ',' || c == '\n' {
						break
					}
					k++
				}
				start, end = i, k
				if end > start && s[end-1] == '\r' && (k == len(s) || s[k] == '\n') {
					end--
				}
				i = k
			}
			if j < ncol {
				spans[j] = append(spans[j], uint64(start)<<32|uint64(end))
			}
			j++
			if i < len(s) && s[i] == ',' {
				i++
				if i == len(s) { // a last, empty field
					if j < ncol {
						spans[j] = append(spans[j], uint64(i)<<32|uint64(i))
					}
					j++
				}
				if i < len(s) {
					continue
				}
			} else if i < len(s) {
				i++ // the newline
				p.line++
			}
			break
		}
		if j != ncol {
			return Table{}, fmt.Errorf("line %d has %d fields but the header has %d; every row needs one field per column (quote fields that contain commas)",
				line, j, ncol)
		}
	}
	cells := cellText{text: text, unescaped: string(unescaped)}
	t := Table{names: names, cols: make([]*column, ncol), n: len(spans[0])}
	// Columns are independent: infer them in parallel.
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for j := range spans {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			t.cols[j] = inferColumn(len(spans[j]), cells.reader(spans[j]))
			<-sem
		}()
	}
	wg.Wait()
	return t, nil
}

// cellText resolves spans to text.
type cellText struct {
	text, unescaped string
}

func (c cellText) reader(spans []uint64) func(k int) string {
	return func(k int) string {
		v := spans[k]
		start, end := uint32(v>>32), uint32(v)
		if start&escaped != 0 {
			return c.unescaped[start&^escaped : end]
		}
		return c.text[start:end]
	}
}

// csvParser reads records from s.
type csvParser struct {
	s    string
	pos  int
	line int
}

// record appends the fields of the next record to dst. blank reports an
// empty line, which has no fields.
func (p *csvParser) record(dst []string) (rec []string, blank bool, err error) {
	s, i := p.s, p.pos
	if s[i:] == "\r" {
		p.pos = len(s)
		return dst, true, nil
	}
	if s[i] == '\n' || s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
		p.pos = strings.IndexByte(s[i:], '\n') + i + 1
		p.line++
		return dst, true, nil
	}
	for {
		if i < len(s) && s[i] == '"' {
			q, err := p.quoted(i)
			if err != nil {
				return nil, false, err
			}
			if q.unescaped != "" {
				dst = append(dst, q.unescaped)
			} else {
				dst = append(dst, s[q.start:q.end])
			}
			i = q.next
		} else {
			j := i
			for j < len(s) && s[j] != ',' && s[j] != '\n' {
				j++
			}
			end := j
			if end > i && s[end-1] == '\r' && (j == len(s) || s[j] == '\n') {
				end--
			}
			dst = append(dst, s[i:end])
			i = j
		}
		// i is at a comma, a newline or the end.
		if i < len(s) && s[i] == ',' {
			i++
			continue
		}
		if i < len(s) {
			i++ // the newline
			p.line++
		}
		p.pos = i
		return dst, false, nil
	}
}

// quotedField is a quoted field: s[start:end] of the input, or unescaped
// when it contained a doubled quote. next is the position after it, at a
// comma, a newline or the end.
type quotedField struct {
	start, end int
	unescaped  string
	next       int
}

// quoted reads the quoted field starting at s[i] == '"'.
func (p *csvParser) quoted(i int) (quotedField, error) {
	s := p.s
	startLine := p.line
	i++
	var b strings.Builder
	from := i
	for {
		j := strings.IndexByte(s[i:], '"')
		if j < 0 {
			return quotedField{}, fmt.Errorf("line %d: a quoted field is never closed; end it with a quote, and write a quote inside it as \"\"", startLine)
		}
		p.line += strings.Count(s[i:i+j], "\n")
		q := i + j
		if q+1 < len(s) && s[q+1] == '"' {
			b.WriteString(s[i : q+1])
			i = q + 2
			continue
		}
		f := quotedField{start: from, end: q}
		if b.Len() > 0 {
			b.WriteString(s[i:q])
			f.unescaped = b.String()
		}
		k := q + 1
		if k < len(s) && s[k] == '\r' && (k+1 == len(s) || s[k+1] == '\n') {
			k++
		}
		if k < len(s) && s[k] != ',' && s[k] != '\n' {
			return quotedField{}, fmt.Errorf("line %d: text follows the closing quote of a field; write a quote inside a quoted field as \"\"", p.line)
		}
		f.next = k
		return f, nil
	}
}

// inferColumn builds a column from n text cells: int64 if every non-empty
// cell is a whole number, else float64 if every one is a number, else
// bool, else string. Empty cells are nil.
func inferColumn(n int, at func(k int) string) *column {
	c := &column{n: n}
	empty := 0
	for i := 0; i < n; i++ {
		if at(i) == "" {
			if c.null == nil {
				c.null = make([]bool, n)
			}
			c.null[i] = true
			empty++
		}
	}
	if empty < n {
		// Try each type on the first cell before allocating for all.
		first := ""
		for i := 0; first == ""; i++ {
			first = at(i)
		}
		if _, ok := parseInt(first); ok {
			if ints, ok := inferInts(n, at); ok {
				c.kind, c.ints = kindInt, ints
				return c
			}
		}
		if _, ok := parseFloat(first); ok {
			if floats, ok := inferFloats(n, at); ok {
				c.kind, c.floats = kindFloat, floats
				return c
			}
		}
		if _, ok := parseBool(first); ok {
			if bools, ok := inferBools(n, at); ok {
				c.kind, c.bools = kindBool, bools
				return c
			}
		}
	}
	c.strs = make([]string, n)
	for i := range c.strs {
		c.strs[i] = at(i)
	}
	return c
}

func inferInts(n int, at func(k int) string) ([]int64, bool) {
	out := make([]int64, n)
	for i := range out {
		s := at(i)
		if s == "" {
			continue
		}
		v, ok := parseInt(s)
		if !ok {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

func inferFloats(n int, at func(k int) string) ([]float64, bool) {
	out := make([]float64, n)
	for i := range out {
		s := at(i)
		if s == "" {
			continue
		}
		f, ok := parseFloat(s)
		if !ok {
			return nil, false
		}
		out[i] = f
	}
	return out, true
}

func inferBools(n int, at func(k int) string) ([]bool, bool) {
	out := make([]bool, n)
	for i := range out {
		switch s := at(i); {
		case s == "" || s == "false":
		case s == "true" || strings.EqualFold(s, "true"):
			out[i] = true
		case strings.EqualFold(s, "false"):
		default:
			return nil, false
		}
	}
	return out, true
}

// parseInt reads a whole number in canonical form: an optional sign, then
// digits without a leading zero (so "02139" stays text).
func parseInt(s string) (int64, bool) {
	i := 0
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		i = 1
	}
	if i == len(s) || s[i] == '0' && len(s)-i > 1 {
		return 0, false
	}
	if len(s)-i > 18 {
		v, err := strconv.ParseInt(s, 10, 64)
		return v, err == nil
	}
	var v int64
	for ; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		v = v*10 + int64(d)
	}
	if neg {
		v = -v
	}
	return v, true
}

// parseFloat reads a decimal number whose integer part has no leading
// zero (so "007.5" stays text).
func parseFloat(s string) (float64, bool) {
	if !isDecimal(s) || leadingZero(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// leadingZero reports whether the integer part of a decimal has a leading
// zero, as in "007.5".
func leadingZero(s string) bool {
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	return len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9'
}

// ParseJSONLines parses text with one JSON object per line (JSON Lines, as
// in .jsonl files). Columns appear in the order their keys are first seen;
// a key missing from a line is nil. Whole numbers become int64, other
// numbers float64; nested objects and lists are kept as their JSON text.
// JSON strings stay strings even when they read as numbers. Blank lines
// are ignored. On error the returned Table carries the error as well.
func ParseJSONLines(text string) (Table, error) {
	var b objectBuilder
	line := 0
	for len(text) > 0 {
		line++
		var l string
		if k := strings.IndexByte(text, '\n'); k >= 0 {
			l, text = text[:k], text[k+1:]
		} else {
			l, text = text, ""
		}
		if line == 1 {
			l = strings.TrimPrefix(l, "\ufeff")
		}
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(l))
		dec.UseNumber()
		if err := b.object(dec); err != nil {
			err = fmt.Errorf("table.ParseJSONLines: line %d: %w; want one JSON object per line", line, err)
			return errTable(err), err
		}
		if _, err := dec.Token(); err != io.EOF {
			err = fmt.Errorf("table.ParseJSONLines: line %d: more than one JSON value; want one JSON object per line", line)
			return errTable(err), err
		}
	}
	return b.table(), nil
}

// ParseJSON parses a JSON array of objects, such as [{"id": 1}, {"id": 2}].
// Values are converted as in ParseJSONLines. On error the returned Table
// carries the error as well.
func ParseJSON(text string) (Table, error) {
	t, err := parseJSON(strings.TrimPrefix(text, "\ufeff"))
	if err != nil {
		err = fmt.Errorf("table.ParseJSON: %w", err)
		return errTable(err), err
	}
	return t, nil
}

func parseJSON(text string) (Table, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	tok, err := dec.Token()
	if err == io.EOF {
		return Table{}, errors.New("the text is empty; want a JSON array of objects")
	}
	if err != nil {
		return Table{}, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return Table{}, errors.New("want a JSON array of objects, [{...}, {...}]; for one object per line use ParseJSONLines")
	}
	var b objectBuilder
	for i := 0; dec.More(); i++ {
		if err := b.object(dec); err != nil {
			return Table{}, fmt.Errorf("element %d: %w", i, err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return Table{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return Table{}, errors.New("text follows the array; want a single JSON array of objects")
	}
	return b.table(), nil
}

// objectBuilder collects JSON objects into columns.
type objectBuilder struct {
	names []string
	index map[string]int
	vals  [][]any
	n     int
}

// object reads one object from dec and adds it as a row.
func (b *objectBuilder) object(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("found %s, not an object", describeToken(tok))
	}
	if b.index == nil {
		b.index = map[string]int{}
	}
	for j := range b.vals {
		b.vals[j] = append(b.vals[j], nil)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		j, ok := b.index[key]
		if !ok {
			j = len(b.names)
			b.index[key] = j
			b.names = append(b.names, key)
			b.vals = append(b.vals, make([]any, b.n+1))
		}
		b.vals[j][b.n] = jsonValue(raw)
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	b.n++
	return nil
}

func (b *objectBuilder) table() Table {
	t := Table{names: uniqueNames(b.names), n: b.n, cols: make([]*column, len(b.names))}
	for j, vals := range b.vals {
		t.cols[j] = fromValues(vals)
	}
	return t
}

// jsonValue converts one JSON value to a cell.
func jsonValue(raw json.RawMessage) any {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	switch raw[0] {
	case '{', '[':
		var buf bytes.Buffer
		if json.Compact(&buf, raw) == nil {
			return buf.String()
		}
		return string(raw)
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		return string(raw)
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	}
	return numberFromText(string(raw), string(raw))
}

func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			return "a list"
		}
		return strconv.Quote(v.String())
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a bool"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}
