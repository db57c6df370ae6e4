// Package sqltext reads one SQL statement without a database: it finds the
// statement's kind, the tables it names and whether it only reads, so that a
// policy can judge a query before it runs. It imports nothing beyond the
// standard library, so the policy's helpers can use it at plan time too.
//
// The reading is lexical, not a full parse. It errs on the side of saying
// more: a word in a table position is reported even when it might be a
// table-valued function, and a statement it cannot place is not read-only.
// The database's own enforcement (a read-only connection, an authorizer) is
// what guarantees a read-only policy; this package is what lets the policy
// say which tables.
package sqltext

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Dialect selects the lexical rules of one database.
type Dialect int

// The dialects the provider serves.
const (
	// SQLite: "x", `x` and [x] quote identifiers; block comments do not nest.
	SQLite Dialect = iota
	// PostgreSQL: "x" quotes identifiers; $tag$...$tag$ and E'...' quote
	// strings; block comments nest.
	PostgreSQL
)

// Info describes one statement.
type Info struct {
	// Query is the statement's text without surrounding space and without
	// a trailing ';'.
	Query string
	// Statement is the statement's first keyword, lowercased: "select",
	// "insert", "with", "pragma", ...; "" for an empty query.
	Statement string
	// Tables lists the tables the statement names, sorted and without
	// duplicates. Unquoted names are lowercased; a schema-qualified name
	// keeps its schema ("main.orders"). Names a WITH clause defines are left
	// out; the tables their bodies read are in.
	Tables []string
	// With lists the names a WITH clause defines, sorted.
	With []string
	// ReadOnly reports that the statement is of a kind that only reads
	// (select, values, explain, show, a pragma that sets nothing) and holds
	// no keyword that writes. Functions with side effects are not detected.
	ReadOnly bool
}

// ErrMultiple reports SQL after the statement's ending ';'.
var ErrMultiple = errors.New("one statement per call: there is more SQL after ';'")

// space is what SQL treats as white space: ASCII only, as the lexer does.
const space = " \t\n\r\f\v"

// token kinds.
const (
	tWord   = iota // unquoted identifier or keyword, lowercased
	tQuoted        // quoted identifier, quotes removed
	tString        // string literal
	tNumber
	tParam // ?, ?1, :name, @name, $1, $name
	tPunct // one character: ( ) , . ; = and the rest
)

type token struct {
	kind int
	text string
	pos  int
}

// Analyze reads query as one statement of dialect d. It refuses more than
// one statement, and text it cannot lex: an unterminated string, quoted
// identifier or comment.
func Analyze(query string, d Dialect) (Info, error) {
	toks, err := lex(query, d)
	if err != nil {
		return Info{}, err
	}
	// One statement, optionally followed by ';'s.
	for i, t := range toks {
		if t.kind == tPunct && t.text == ";" {
			for _, rest := range toks[i+1:] {
				if rest.kind != tPunct || rest.text != ";" {
					return Info{}, fmt.Errorf("%w (at offset %d)", ErrMultiple, rest.pos)
				}
			}
			query, toks = query[:t.pos], toks[:i]
			break
		}
	}
	info := Info{Query: strings.Trim(query, space)}
	info.Statement = statement(toks)
	info.Tables = tables(toks)
	info.With = slices.Sorted(maps.Keys(cteNames(toks)))
	info.ReadOnly = readOnly(info.Statement, toks)
	return info, nil
}

// statement returns the first keyword, looking through opening parentheses.
func statement(toks []token) string {
	for _, t := range toks {
		if t.kind == tPunct && t.text == "(" {
			continue
		}
		if t.kind == tWord {
			return t.text
		}
		return ""
	}
	return ""
}

// readKinds are statements that only read, given no writing keyword.
var readKinds = map[string]bool{"select": true, "values": true, "with": true, "explain": true, "show": true, "table": true, "pragma": true}

// writeWords are keywords that make a statement write, wherever they
// appear. "into" covers SELECT ... INTO, which creates a table in
// PostgreSQL; "analyze" covers EXPLAIN ANALYZE, which runs the statement.
var writeWords = map[string]bool{
	"insert": true, "update": true, "delete": true, "replace": true, "merge": true, "upsert": true,
	"create": true, "drop": true, "alter": true, "truncate": true, "rename": true,
	"grant": true, "revoke": true, "into": true, "copy": true, "call": true, "do": true,
	"lock": true, "vacuum": true, "reindex": true, "analyze": true, "analyse": true,
	"attach": true, "detach": true, "set": true, "reset": true, "refresh": true, "comment": true,
	"cluster": true, "listen": true, "notify": true, "load": true, "import": true,
	"nextval": true, "setval": true, "set_config": true,
}

// pragmaReads are SQLite pragmas that take a table or index and only read.
var pragmaReads = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_list": true, "index_info": true,
	"index_xinfo": true, "foreign_key_list": true, "foreign_key_check": true, "integrity_check": true,
	"quick_check": true,
}

func readOnly(stmt string, toks []token) bool {
	if !readKinds[stmt] {
		return false
	}
	for _, t := range toks {
		if t.kind == tWord && writeWords[t.text] {
			return false
		}
	}
	if stmt == "pragma" {
		// PRAGMA [schema.]name [= value | (arg)]: reading, unless it
		// assigns or passes an argument to a pragma that is not a known
		// reader.
		name, rest := pragmaName(toks[1:])
		if len(rest) == 0 {
			return true
		}
		return rest[0].text == "(" && pragmaReads[name]
	}
	return true
}

// pragmaName splits "[schema.]name rest..." after the PRAGMA keyword.
func pragmaName(toks []token) (string, []token) {
	if len(toks) >= 3 && toks[1].text == "." && toks[1].kind == tPunct {
		toks = toks[2:]
	}
	if len(toks) == 0 {
		return "", nil
	}
	return toks[0].text, toks[1:]
}

// tableAfter are keywords followed by a table name (possibly after more
// keywords, see skipWords).
var tableAfter = map[string]bool{
	"from": true, "join": true, "into": true, "update": true, "table": true, "references": true,
	"truncate": true, "using": true, "on": false, "view": true, "trigger": false,
}

// skipWords are words that may stand between a keyword of tableAfter and
// the table name.
var skipWords = map[string]bool{
	"if": true, "not": true, "exists": true, "only": true, "lateral": true, "table": true,
	"or": true, "ignore": true, "rollback": true, "abort": true, "fail": true, "temp": true,
	"temporary": true, "unlogged": true,
}

// notNames are keywords that can follow a table keyword but are not a
// name: FROM (subquery), INSERT INTO ... DEFAULT VALUES, USING (col).
var notNames = map[string]bool{
	"select": true, "values": true, "default": true, "with": true, "set": true, "where": true,
	"natural": true, "left": true, "right": true, "inner": true, "outer": true, "cross": true,
	"full": true, "join": true, "on": true, "as": true, "group": true, "order": true, "limit": true,
	"union": true, "except": true, "intersect": true, "returning": true, "window": true, "having": true,
}

func tables(toks []token) []string {
	ctes := cteNames(toks)
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if name != "" && !ctes[name] && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tWord {
			continue
		}
		switch {
		case t.text == "index" || t.text == "trigger":
			// CREATE INDEX name ON table; CREATE TRIGGER name ... ON table.
			for j := i + 1; j < len(toks); j++ {
				if toks[j].kind == tWord && toks[j].text == "on" {
					if name, _ := qualifiedName(toks, j+1); name != "" {
						add(name)
					}
					break
				}
			}
		case t.text == "pragma":
			// PRAGMA table_info(orders) names a table.
			if _, rest := pragmaName(toks[i+1:]); len(rest) >= 2 && rest[0].text == "(" {
				if rest[1].kind == tWord || rest[1].kind == tQuoted || rest[1].kind == tString {
					add(rest[1].text)
				}
			}
		case tableAfter[t.text]:
			j := i + 1
			for j < len(toks) && toks[j].kind == tWord && skipWords[toks[j].text] {
				j++
			}
			// FROM (a JOIN b): parentheses around tables, not a subquery.
			k := j
			for k < len(toks) && toks[k].kind == tPunct && toks[k].text == "(" {
				k++
			}
			if k < len(toks) && (toks[k].kind == tQuoted || toks[k].kind == tWord && !notNames[toks[k].text]) {
				j = k
			}
			// A list of tables: FROM a, b AS x, c y.
			for {
				name, next := qualifiedName(toks, j)
				if name == "" {
					break
				}
				add(name)
				j = next
				if j < len(toks) && toks[j].kind == tWord && toks[j].text == "as" {
					j++
				}
				if j < len(toks) && (toks[j].kind == tQuoted || toks[j].kind == tWord && !isClause(toks[j].text)) {
					j++ // alias
				}
				if t.text == "from" && j < len(toks) && toks[j].kind == tPunct && toks[j].text == "," {
					j++
					continue
				}
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// isClause reports whether a word starts a clause rather than being an
// alias.
func isClause(w string) bool { return notNames[w] || writeWords[w] || w == "from" || w == "using" }

// qualifiedName reads name or schema.name at toks[i].
func qualifiedName(toks []token, i int) (string, int) {
	part := func(i int) (string, bool) {
		if i >= len(toks) {
			return "", false
		}
		switch t := toks[i]; t.kind {
		case tQuoted:
			return t.text, true
		case tWord:
			if notNames[t.text] {
				return "", false
			}
			return t.text, true
		}
		return "", false
	}
	name, ok := part(i)
	if !ok {
		return "", i
	}
	i++
	for i+1 < len(toks) && toks[i].kind == tPunct && toks[i].text == "." {
		next, ok := part(i + 1)
		if !ok {
			break
		}
		name += "." + next
		i += 2
	}
	return name, i
}

// cteNames returns the names a WITH clause defines: WITH [RECURSIVE] name
// [(cols)] AS [NOT] [MATERIALIZED] (...), name2 AS (...).
func cteNames(toks []token) map[string]bool {
	names := map[string]bool{}
	for i, t := range toks {
		if t.kind != tWord || t.text != "with" {
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].text == "recursive" {
			j++
		}
		for j < len(toks) && (toks[j].kind == tWord || toks[j].kind == tQuoted) {
			name := toks[j].text
			j++
			if j < len(toks) && toks[j].text == "(" {
				j = skipParens(toks, j)
			}
			if j >= len(toks) || toks[j].text != "as" {
				break
			}
			names[name] = true
			j++
			for j < len(toks) && (toks[j].text == "not" || toks[j].text == "materialized") {
				j++
			}
			if j >= len(toks) || toks[j].text != "(" {
				break
			}
			j = skipParens(toks, j)
			if j >= len(toks) || toks[j].text != "," {
				break
			}
			j++
		}
	}
	return names
}

// skipParens returns the index after the parenthesis that closes toks[i].
func skipParens(toks []token, i int) int {
	depth := 0
	for ; i < len(toks); i++ {
		if toks[i].kind != tPunct {
			continue
		}
		switch toks[i].text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

// lex splits s into tokens, dropping space and comments.
func lex(s string, d Dialect) ([]token, error) {
	var toks []token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				return toks, nil
			}
			i += end + 1
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			n, err := blockComment(s[i:], d == PostgreSQL)
			if err != nil {
				return nil, fmt.Errorf("%w at offset %d", err, i)
			}
			i += n
		case c == '\'':
			n, text, err := quoted(s[i:], '\'', d == PostgreSQL && i > 0 && (s[i-1] == 'e' || s[i-1] == 'E') && (i == 1 || !isWordByte(s[i-2])))
			if err != nil {
				return nil, fmt.Errorf("unterminated string at offset %d", i)
			}
			if n := len(toks); n > 0 && toks[n-1].kind == tWord && toks[n-1].pos+len(toks[n-1].text) == i && isStringPrefix(toks[n-1].text) {
				toks = toks[:n-1] // E'..', X'..', B'..', N'..', U&'..'
			}
			toks = append(toks, token{tString, text, i})
			i += n
		case c == '"' || d == SQLite && (c == '`' || c == '['):
			closer := c
			if c == '[' {
				closer = ']'
			}
			n, text, err := quoted(s[i:], closer, false)
			if err != nil {
				return nil, fmt.Errorf("unterminated quoted identifier at offset %d", i)
			}
			if d == SQLite {
				text = strings.ToLower(text)
			}
			toks = append(toks, token{tQuoted, text, i})
			i += n
		case c == '$' && d == PostgreSQL:
			if n, ok := dollarQuote(s[i:]); ok {
				if n < 0 {
					return nil, fmt.Errorf("unterminated dollar-quoted string at offset %d", i)
				}
				toks = append(toks, token{tString, s[i : i+n], i})
				i += n
				break
			}
			n := 1 + wordLen(s[i+1:])
			toks = append(toks, token{tParam, s[i : i+n], i})
			i += n
		case c == '?' || c == ':' && i+1 < len(s) && isWordStart(s[i+1]) || c == '@' || c == '$':
			n := 1 + wordLen(s[i+1:])
			toks = append(toks, token{tParam, s[i : i+n], i})
			i += n
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			n := 1
			for i+n < len(s) && (isWordByte(s[i+n]) || s[i+n] == '.' || (s[i+n] == '+' || s[i+n] == '-') && (s[i+n-1] == 'e' || s[i+n-1] == 'E')) {
				n++
			}
			toks = append(toks, token{tNumber, s[i : i+n], i})
			i += n
		case isWordStart(c):
			n := wordLen(s[i:])
			toks = append(toks, token{tWord, strings.ToLower(s[i : i+n]), i})
			i += n
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			toks = append(toks, token{tPunct, s[i : i+size], i})
			i += size
		}
	}
	return toks, nil
}

func isStringPrefix(w string) bool {
	switch w {
	case "e", "x", "b", "n", "u&", "u":
		return true
	}
	return false
}

func isWordStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

func isWordByte(c byte) bool { return isWordStart(c) || '0' <= c && c <= '9' || c == '$' }

func wordLen(s string) int {
	n := 0
	for n < len(s) && isWordByte(s[n]) {
		n++
	}
	return n
}

// quoted reads a quoted run starting at s[0], where a doubled closer stands
// for itself (and, with backslash set, a backslash escapes the next byte).
func quoted(s string, closer byte, backslash bool) (int, string, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case backslash && s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case s[i] == closer:
			if i+1 < len(s) && s[i+1] == closer && closer != ']' {
				b.WriteByte(closer)
				i++
				continue
			}
			return i + 1, b.String(), nil
		default:
			b.WriteByte(s[i])
		}
	}
	return 0, "", errors.New("unterminated")
}

// blockComment returns the length of the comment at the start of s.
func blockComment(s string, nested bool) (int, error) {
	depth := 0
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '/' && s[i+1] == '*':
			if depth == 0 || nested {
				depth++
			}
			i++
		case s[i] == '*' && s[i+1] == '/':
			depth--
			i++
			if depth == 0 {
				return i + 1, nil
			}
		}
	}
	return 0, errors.New("unterminated comment")
}

// dollarQuote reads a PostgreSQL $tag$...$tag$ string at the start of s. It
// reports false when s does not start one (a $1 parameter), and a length of
// -1 when the string does not end.
func dollarQuote(s string) (int, bool) {
	end := strings.IndexByte(s[1:], '$')
	if end < 0 {
		return 0, false
	}
	tag := s[:end+2]
	for k, c := range []byte(tag[1 : len(tag)-1]) {
		if !isWordStart(c) && !(k > 0 && '0' <= c && c <= '9') {
			return 0, false
		}
	}
	close := strings.Index(s[len(tag):], tag)
	if close < 0 {
		return -1, true
	}
	return len(tag) + close + len(tag), true
}

// AnalyzeAny reads query under every dialect and merges the readings the
// cautious way: it fails if any reading fails, names every table any
// reading names, and is read-only only if every reading is. It is for
// judging a query where the database is not known, such as a policy helper
// at plan time.
func AnalyzeAny(query string) (Info, error) {
	first, err := Analyze(query, SQLite)
	if err != nil {
		return Info{}, err
	}
	pg, err := Analyze(query, PostgreSQL)
	if err != nil {
		return Info{}, err
	}
	if pg.Statement != first.Statement || pg.Query != first.Query {
		return Info{}, errors.New("the statement reads differently in SQLite and PostgreSQL")
	}
	first.Tables = union(first.Tables, pg.Tables)
	first.With = intersect(first.With, pg.With)
	first.ReadOnly = first.ReadOnly && pg.ReadOnly
	return first, nil
}

func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
