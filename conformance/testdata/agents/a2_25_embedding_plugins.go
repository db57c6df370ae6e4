package main

import (
	"fmt"
	"sort"
	"strings"
)

type Logger interface {
	Log(msg string)
}

type Namer interface {
	Name() string
}

type Plugin interface {
	Namer
	Logger
	Run(input string) (string, error)
}

type BaseLogger struct {
	prefix string
	lines  []string
}

func (b *BaseLogger) Log(msg string) { b.lines = append(b.lines, b.prefix+msg) }
func (b *BaseLogger) Count() int     { return len(b.lines) }

type Meta struct {
	ID      string
	Version int
}

func (m Meta) Name() string     { return fmt.Sprintf("%s@v%d", m.ID, m.Version) }
func (m Meta) Describe() string { return "meta:" + m.ID }

type Upper struct {
	Meta
	*BaseLogger
}

func (u Upper) Run(in string) (string, error) {
	u.Log("upper " + in)
	return strings.ToUpper(in), nil
}

type Reverse struct {
	Meta
	*BaseLogger
	calls int
}

func (r *Reverse) Run(in string) (string, error) {
	r.calls++
	r.Log(fmt.Sprintf("reverse call %d", r.calls))
	if in == "" {
		return "", fmt.Errorf("%s: empty input", r.Name())
	}
	rs := []rune(in)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs), nil
}

// Describe shadows Meta.Describe
func (r *Reverse) Describe() string { return "reverse plugin (" + r.Meta.Describe() + ")" }

// embedding an interface in a struct to override one method
type LoudLogger struct {
	Logger
}

func (l LoudLogger) Log(msg string) { l.Logger.Log("!!" + strings.ToUpper(msg)) }

type Counter interface{ Count() int }

type ReadWriter interface {
	Reader
	Writer
}
type Reader interface{ Read() string }
type Writer interface{ Write(s string) }

type Buffer struct{ data []string }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *Buffer) Write(s string) { b.data = append(b.data, s) }

func main() {
	shared := &BaseLogger{prefix: "[shared] "}
	plugins := []Plugin{
		Upper{Meta{"upper", 1}, shared},
		&Reverse{Meta: Meta{"rev", 3}, BaseLogger: &BaseLogger{prefix: "[rev] "}},
	}
	inputs := []string{"hello", "", "Go!"}
	for _, p := range plugins {
		for _, in := range inputs {
			out, err := p.Run(in)
			if err != nil {
				fmt.Printf("%-8s error: %v\n", p.Name(), err)
				continue
			}
			fmt.Printf("%-8s %q -> %q\n", p.Name(), in, out)
		}
		if c, ok := p.(Counter); ok {
			fmt.Println("  logged:", c.Count())
		}
		if d, ok := p.(interface{ Describe() string }); ok {
			fmt.Println("  describe:", d.Describe())
		}
	}
	fmt.Println(strings.Join(shared.lines, "\n"))
	rv := plugins[1].(*Reverse)
	fmt.Println(rv.calls, rv.ID, rv.Meta.Version, rv.prefix, rv.BaseLogger.lines)

	loud := LoudLogger{shared}
	var lg Logger = loud
	lg.Log("promoted")
	fmt.Println(shared.lines[len(shared.lines)-1])

	var rw ReadWriter = &Buffer{}
	rw.Write("one")
	rw.Write("two")
	var r Reader = rw
	fmt.Println(r.Read(), rw.Read(), rw.Read() == "")

	// anonymous structs
	cfg := struct {
		Host string
		Port int
		TLS  struct {
			Enabled bool
			Cert    string
		}
	}{Host: "localhost", Port: 8080}
	cfg.TLS.Enabled = true
	fmt.Printf("%+v\n", cfg)
	points := []struct{ X, Y int }{{1, 2}, {3, 4}, {0, 9}}
	sort.Slice(points, func(i, j int) bool { return points[i].Y > points[j].Y })
	fmt.Println(points)
	type pt = struct{ X, Y int }
	var p pt = points[0]
	fmt.Println(p == struct{ X, Y int }{0, 9})
	counts := map[struct{ a, b string }]int{}
	counts[struct{ a, b string }{"x", "y"}] += 2
	counts[struct{ a, b string }{"x", "y"}]++
	fmt.Println(counts)
	fmt.Printf("%T\n", cfg.TLS)
}
