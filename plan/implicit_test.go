package plan

import (
	"slices"
	"strings"
	"testing"
)

// TestImplicitFlows: a branch on a tool's result decides a value through
// every construct that can carry its influence, and the flow reaches the
// sink. Each program is whole: its imports, then main reading src and
// sending through sink. want lists flows from src.Read("a") that must be
// found, as flowTexts writes them; none means no flow from it may be.
func TestImplicitFlows(t *testing.T) {
	tests := []struct {
		name, imports, body string
		want                []string
		exact               bool // want is all the flows from the data
	}{
		{"a return under a branch in a helper", `"strings"`, `
func bit(c byte) string {
	if c&1 == 1 {
		return "1"
	}
	return "0"
}

func main() {
	r, _ := src.Read("a")
	var bits []string
	for i := 0; i < len(r); i++ {
		bits = append(bits, bit(r[i]))
	}
	sink.Send("u", strings.Join(bits, ""))
}`, []string{`sink.Send("u", strings.Join(bits, "")) body data`}, false},

		{"a search loop returning the matching constant", `"strings"`, `
func find(r string) string {
	for _, c := range []string{"a", "b", "c"} {
		if strings.HasPrefix(r, c) {
			return c
		}
	}
	return ""
}

func main() {
	r, _ := src.Read("a")
	sink.Send("u", find(r))
}`, []string{`sink.Send("u", find(r)) body data`}, false},

		{"a bare return of a named result", ``, `
func sign(r string) (s string) {
	s = "+"
	if len(r) > 3 {
		return
	}
	s = "-"
	return
}

func main() {
	r, _ := src.Read("a")
	sink.Send("u", sign(r))
}`, []string{`sink.Send("u", sign(r)) body data`}, false},

		{"a library mutation under a branch", `"strings"`, `
func main() {
	r, _ := src.Read("a")
	var sb strings.Builder
	for i := 0; i < len(r); i++ {
		if r[i]&1 == 1 {
			sb.WriteByte('1')
		} else {
			sb.WriteByte('0')
		}
	}
	sink.Send("u", sb.String())
}`, []string{`sink.Send("u", sb.String()) body data`}, false},

		{"a send on one of two channels, read by select", ``, `
func main() {
	r, _ := src.Read("a")
	one, zero := make(chan bool, 1), make(chan bool, 1)
	if r == "x" {
		one <- true
	} else {
		zero <- true
	}
	s := ""
	select {
	case <-one:
		s = "1"
	case <-zero:
		s = "0"
	}
	sink.Send("u", s)
}`, []string{`sink.Send("u", s) body data`}, false},

		{"delete under a branch", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	m := map[string]bool{"x": true}
	if r == "k" {
		delete(m, "x")
	}
	_, ok := m["x"]
	sink.Send("u", strconv.FormatBool(ok))
}`, []string{`sink.Send("u", strconv.FormatBool(ok)) body data`}, false},

		{"copy under a branch", ``, `
func main() {
	r, _ := src.Read("a")
	dst := []byte("0")
	if r == "k" {
		copy(dst, "1")
	}
	sink.Send("u", string(dst))
}`, []string{`sink.Send("u", string(dst)) body data`}, false},

		{"append into a shared array under a branch", ``, `
func main() {
	r, _ := src.Read("a")
	buf := make([]byte, 1, 2)
	buf[0] = '0'
	head := buf[:0]
	if r == "k" {
		_ = append(head, '1')
	}
	sink.Send("u", string(buf))
}`, []string{`sink.Send("u", string(buf)) body data`}, false},

		{"clear under a branch", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	m := map[string]int{"x": 1}
	if r == "k" {
		clear(m)
	}
	sink.Send("u", strconv.Itoa(len(m)))
}`, []string{`sink.Send("u", strconv.Itoa(len(m))) body data`}, false},

		{"map membership", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	seen := map[byte]bool{}
	if len(r) > 0 && r[0] == 'k' {
		seen['k'] = true
	}
	sink.Send("u", strconv.FormatBool(seen['k']))
}`, []string{`sink.Send("u", strconv.FormatBool(seen['k'])) body data`}, false},

		{"a panic in a helper, recovered by its caller", ``, `
func check(c bool) {
	if c {
		panic("one")
	}
}

func probe(c bool) (res string) {
	defer func() {
		if recover() != nil {
			res = "1"
		}
	}()
	check(c)
	return "0"
}

func main() {
	r, _ := src.Read("a")
	sink.Send("u", probe(r == "k"))
}`, []string{`sink.Send("u", probe(r == "k")) body data`}, false},

		{"a panic in a helper stops the sends after it", ``, `
func check(c bool) {
	if c {
		panic("one")
	}
}

func main() {
	r, _ := src.Read("a")
	check(r == "k")
	sink.Send("u", "alive")
}`, []string{`sink.Send("u", "alive") control`}, false},

		{"a run-time error depending on the data, recovered", ``, `
func at(i int) (res string) {
	defer func() {
		if recover() != nil {
			res = "1"
		}
	}()
	a := []int{0}
	_ = a[i]
	return "0"
}

func main() {
	r, _ := src.Read("a")
	sink.Send("u", at(len(r)&1))
}`, []string{`sink.Send("u", at(len(r)&1)) body data ?`}, false},

		{"a division by data before a send", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	n, _ := strconv.Atoi(r)
	_ = 100 / n
	sink.Send("u", "alive")
}`, []string{`sink.Send("u", "alive") control ?`}, false},

		{"a library call documented to panic, on data", `"strings"`, `
func main() {
	r, _ := src.Read("a")
	_ = strings.Repeat("x", len(r)-3)
	sink.Send("u", "alive")
}`, []string{`sink.Send("u", "alive") control ?`}, false},

		{"a loop of sends stopped part-way by a panic", ``, `
func main() {
	r, _ := src.Read("a")
	for i := 0; i < 8; i++ {
		sink.Send("u", "ping")
		if len(r)>>i&1 == 1 {
			panic("stop")
		}
	}
}`, []string{`sink.Send("u", "ping") control`}, false},

		{"a loop of sends left by break", ``, `
func main() {
	r, _ := src.Read("a")
	for i := 0; i < 8; i++ {
		sink.Send("u", "ping")
		if len(r) == i {
			break
		}
	}
}`, []string{`sink.Send("u", "ping") control`}, false},

		{"a goto back", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	n := 0
again:
	n++
	if n < 8 && len(r)>>n&1 == 0 {
		goto again
	}
	sink.Send("u", strconv.Itoa(n))
}`, []string{`sink.Send("u", strconv.Itoa(n)) body data`}, false},

		{"a receive that waits for a send under a branch", ``, `
func main() {
	r, _ := src.Read("a")
	done := make(chan bool)
	go func() {
		if r == "k" {
			done <- true
		}
	}()
	<-done
	sink.Send("u", "alive")
}`, []string{`sink.Send("u", "alive") control ?`}, false},

		{"a library's variable written through a pointer", `"errors"; "io"`, `
func main() {
	r, _ := src.Read("a")
	p := &io.EOF
	*p = errors.New(r)
	sink.Send("u", io.EOF.Error())
}`, []string{`sink.Send("u", io.EOF.Error()) body data`}, false},

		{"keys added to a library's map", `"unicode"`, `
func main() {
	r, _ := src.Read("a")
	unicode.Scripts[r] = unicode.Latin
	keys := ""
	for k := range unicode.Scripts {
		keys += k
	}
	sink.Send("u", keys)
}`, []string{`sink.Send("u", keys) body data`}, false},

		{"a library's variable read by library code", `"time"`, `
func main() {
	r, _ := src.Read("a")
	time.Local = time.FixedZone(r, 0)
	sink.Send("u", time.Unix(0, 0).Format("MST"))
}`, []string{`sink.Send("u", time.Unix(0, 0).Format("MST")) body data`}, false},

		{"(*time.Time).UnmarshalText writes its receiver", `"time"`, `
func main() {
	r, _ := src.Read("a")
	var t time.Time
	t.UnmarshalText([]byte(r))
	sink.Send("u", t.String())
}`, []string{`sink.Send("u", t.String()) body data`}, false},

		{"strconv.AppendInt writes into dst", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	buf := make([]byte, 0, 32)
	_ = strconv.AppendInt(buf, int64(len(r)), 10)
	sink.Send("u", string(buf[:2]))
}`, []string{`sink.Send("u", string(buf[:2])) body data`}, false},

		{"maps.Insert writes its map", `"maps"`, `
func main() {
	r, _ := src.Read("a")
	m := map[string]int{}
	maps.Insert(m, maps.All(map[string]int{r: 1}))
	for k := range m {
		sink.Send("u", k)
	}
}`, []string{`sink.Send("u", k) body data`}, false},

		{"a library method value called under a branch", `"strings"`, `
func main() {
	r, _ := src.Read("a")
	var sb strings.Builder
	put := sb.WriteByte
	if r == "k" {
		put('1')
	} else {
		put('0')
	}
	sink.Send("u", sb.String())
}`, []string{`sink.Send("u", sb.String()) body data`}, false},

		{"a library function value that writes its argument", `"strconv"`, `
func main() {
	r, _ := src.Read("a")
	appendInt := strconv.AppendInt
	buf := make([]byte, 0, 32)
	_ = appendInt(buf, int64(len(r)), 10)
	sink.Send("u", string(buf[:2]))
}`, []string{`sink.Send("u", string(buf[:2])) body data`}, false},

		{"a library method expression", `"strings"`, `
func main() {
	r, _ := src.Read("a")
	var sb strings.Builder
	write := (*strings.Builder).WriteString
	write(&sb, r)
	sink.Send("u", sb.String())
}`, []string{`sink.Send("u", sb.String()) body data`}, false},

		// Controls: what does not depend on the data has no flow from it.
		{"control: a compiled pattern used on both", `"regexp"`, `
func main() {
	re := regexp.MustCompile("a+")
	r, _ := src.Read("a")
	_ = re.MatchString(r)
	sink.Send("u", re.ReplaceAllString("banana", "o"))
}`, nil, false},

		{"control: a loop's index into what it ranges over", `"strings"`, `
func main() {
	sink.Send("u", "first")
	r, _ := src.Read("a")
	parts := strings.Split(r, ",")
	n := 0
	for i := range parts {
		n += len(parts[i])
	}
	for i := 0; i < len(parts); i++ {
		n += len(parts[i])
	}
	_ = n
	sink.Send("u", "alive")
}`, nil, false},

		{"control: a method with a pointer receiver", ``, `
type stats struct{ n int }

func (s *stats) add(x string) { s.n += len(x) }

func main() {
	r, _ := src.Read("a")
	var st stats
	st.add(r)
	sink.Send("u", "alive")
}`, nil, false},

		// Precision: what runs after a point the data may have stopped at
		// depends on it for whether it runs, not for what it computes.
		{"control: a constant assigned after an early return", ``, `
func main() {
	r, err := src.Read("a")
	if err != nil {
		return
	}
	_ = r
	u := "https://status.example.com/ping"
	sink.Send(u, "alive")
}`, []string{`sink.Send(u, "alive") control`}, true},

		{"control: an index a length guard makes safe", `"strings"`, `
func main() {
	sink.Send("u", "first")
	r, _ := src.Read("a")
	n := 0
	for _, line := range strings.Split(r, "\n") {
		fields := strings.Split(line, ",")
		if len(fields) < 4 {
			continue
		}
		n += len(fields[3])
		if len(fields) > 5 && fields[5] == "x" {
			n++
		}
	}
	_ = n
	sink.Send("u", "alive")
}`, nil, false},

		{"control: fmt.Fprintf into a builder, log.Fatal of two errors", `"fmt"; "log"; "strings"`, `
func main() {
	if err := sink.Send("u", "first"); err != nil {
		log.Fatal(err)
	}
	r, err := src.Read("a")
	if err != nil {
		log.Println(err)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d bytes", len(r))
	_ = sb.String()
}`, nil, false},
	}
	tools := append(slices.Clone(testTools), flowTools...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imports := strings.ReplaceAll(tt.imports, "; ", "\n\t")
			src := "package main\n\nimport (\n\t" + imports + "\n\n\t\"airlock/sink\"\n\t\"airlock/src\"\n)\n" + tt.body + "\n"
			p, err := Build("prog.go", []byte(src), Options{Tools: tools})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range p.Findings {
				t.Fatalf("finding %v", f)
			}
			var got []string
			for _, s := range flowTexts(p) {
				if rest, ok := strings.CutPrefix(s, `src.Read("a") -> `); ok {
					got = append(got, rest)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("no flow %q\ngot %q", w, got)
				}
			}
			if tt.exact && !slices.Equal(got, tt.want) {
				t.Errorf("flows from the data %q, want exactly %q", got, tt.want)
			}
			if tt.want == nil && len(got) > 0 {
				t.Errorf("flows from the data where none should be: %q", got)
			}
		})
	}
}
