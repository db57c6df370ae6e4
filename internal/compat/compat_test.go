package compat

import (
	"bytes"
	"fmt"
	"go/ast"
	goimporter "go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/airlockhq/airlock/internal/library"
	"github.com/airlockhq/airlock/internal/shims"
	"github.com/airlockhq/airlock/plan/model"
)

// The end-to-end tests of the rewrites, which run each rewritten program
// in the interpreter and compare its output with the Go toolchain's, are in
// internal/shims (plan never imports the interpreter). These pin the
// rewritten text, the findings, and the declarations.

var (
	srcImporterMu sync.Mutex
	srcImporter   = goimporter.ForCompiler(token.NewFileSet(), "source", nil)
)

// compat runs Compat with the standard library checked from source.
func compat(t testing.TB, src string) ([]byte, []model.Rewrite, []model.Finding) {
	t.Helper()
	srcImporterMu.Lock()
	defer srcImporterMu.Unlock()
	out, rewrites, findings, err := Apply("prog.go", []byte(src), srcImporter)
	if err != nil {
		t.Fatalf("Compat: %v", err)
	}
	if n, m := bytes.Count(out, []byte("\n")), strings.Count(src, "\n"); n != m {
		t.Fatalf("rewritten program has %d lines, want %d:\n%s", n, m, out)
	}
	return out, rewrites, findings
}

// changedLines lists the lines of out that differ from src, as "N: text".
func changedLines(src string, out []byte) []string {
	a, b := strings.Split(src, "\n"), strings.Split(string(out), "\n")
	var diff []string
	for i := range a {
		if i < len(b) && a[i] != b[i] {
			diff = append(diff, fmt.Sprintf("%d: %s", i+1, strings.TrimSpace(b[i])))
		}
	}
	return diff
}

// TestCompatRewrites pins what each rewrite writes, line by line.
func TestCompatRewrites(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // changed lines of the output
	}{{
		name: "range over int",
		src: `package main

func main() {
	n, sum := 3, 0
	for i := range 10 { sum += i }
	for i := range n { sum += i }
	for range n { sum++ }
	for i := range n { i++; sum += i }
	_ = sum
}
`,
		want: []string{
			"5: for i := 0; i < 10; i++ { sum += i }",
			"6: for i, _n1 := 0, n; i < _n1; i++ { sum += i }",
			"7: for _i2, _n3 := 0, n; _i2 < _n3; _i2++ { sum++ }",
			"8: for _i4, _n5 := 0, n; _i4 < _n5; _i4++ { i := _i4; i++; sum += i }",
		},
	}, {
		name: "range over a named integer type",
		src: `package main

type ID int64

func main() {
	var n ID = 2
	for i := range n { _ = i }
}
`,
		want: []string{
			"1: package main; import _shim3 \"airlockshim\"; var _types2 = _shim3.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.ID\\\",\\\"kind\\\":\\\"int64\\\",\\\"under\\\":\\\"-\\\"}]\")",
			"7: for i, _n1 := (ID)(0), n; i < _n1; i++ { _ = i }",
		},
	}, {
		name: "min max clear",
		src: `package main

const top = max(1, 2.5)

func main() {
	a, b, s0 := 1.5, 2.0, "ab"
	_ = min(a, b)
	_ = max(len(s0), 1, 7)
	m := map[string]int{}
	clear(m)
	s := []string{"x"}
	clear(s)
}
`,
		want: []string{
			"1: package main; import _shim1 \"airlockshim\"",
			"3: const top = 2.5",
			"7: _ = func(_a0, _a1 float64) float64 { _m := _a0; if _a1 < _m || _a1 != _a1 || _a1 == 0 && _m == 0 && 1/_a1 < 0 { _m = _a1 }; return _m }(a, b)",
			"8: _ = func(_a0, _a1, _a2 int) int { _m := _a0; if _a1 > _m { _m = _a1 }; if _a2 > _m { _m = _a2 }; return _m }(len(s0), 1, 7)",
			"10: _shim1.ClearMap(m)",
			"12: func(_s []string) { var _z string; for _i := range _s { _s[_i] = _z } }(s)",
		},
	}, {
		name: "slices maps cmp",
		src: `package main

import (
	"cmp"
	"maps"
	"slices"
)

func main() {
	xs := []float64{2, 1}
	slices.Sort(xs)
	_ = slices.Contains(xs, 2)
	_ = slices.Max(xs) + 1
	xs = slices.Insert(xs, 1, 5, 6)
	xs = slices.Insert(xs, 0, xs...)
	_ = slices.Concat[[]float64]()
	m := map[string]bool{"a": true}
	keys := slices.Sorted(maps.Keys(m))
	_ = cmp.Or(keys...)
	f := cmp.Compare[int]
	_ = f
}
`,
		want: []string{
			"12: _ = slices.Contains(xs, (float64)(2))",
			"13: _ = slices.Max(xs).(float64) + 1",
			"14: xs = slices.Insert(xs, 1, []float64{5, 6}).([]float64)",
			"15: xs = slices.Insert(xs, 0, xs).([]float64)",
			"16: _ = slices.Concat( ([][]float64)(nil)).([]float64)",
			"18: keys := slices.Sorted(maps.Keys(m).(func(func(string) bool))).([]string)",
			"19: _ = cmp.Or(keys).(string)",
			"20: f := func(_a0 int, _a1 int) int { return cmp.Compare(_a0, _a1) }",
		},
	}, {
		name: "range over iterators",
		src: `package main

import (
	"iter"
	"maps"
	"strings"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n && yield(i); i++ {
		}
	}
}

func first(m map[string]int) string {
	for k := range maps.Keys(m) {
		return k
	}
	for v := range maps.Values(m) {
		_ = v
	}
	for f := range strings.FieldsSeq("a b") {
		_ = f
	}
	for i := range count(3) {
		if i == 1 {
			continue
		}
		if i == 2 {
			return "two"
		}
	}
	return ""
}

func main() { _ = first(nil) }
`,
		want: []string{
			"7: ); import _shim5 \"airlockshim\"",
			"9: func count(n int) func(func(int) bool) {",
			"17: for k := range m {",
			"20: for _, v := range m {",
			"23: for _, f := range strings.Fields(\"a b\") {",
			"26: { var _stop1, _exit2 bool; { var _ret3 bool; var _r4 string; count(3)(func(i int) bool { if _stop1 { panic(_shim5.RangeContinued()) }; if _exit2 { panic(_shim5.RangeExhausted()) };",
			"28: return true",
			"31: { _r4 = \"two\"; _ret3 = true; _stop1 = true; return false }",
			"33: ; return true }); _exit2 = true; if _ret3 { return _r4 } } }",
		},
	}, {
		name: "loop variables captured",
		src: `package main

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }
	for _, s := range []int{1} { fs = append(fs, func() int { return s }) }
	for i := 0; i < 3; i++ { fs = append(fs, func() int { return i }); i++ }
	for i := 0; i < 3; i++ { _ = i }
}
`,
		want: []string{
			"5: for i := 0; i < 3; i++ { i := i; fs = append(fs, func() int { return i }) }",
			"6: for _, s := range []int{1} { s := s; fs = append(fs, func() int { return s }) }",
			"7: for _i1 := 0; _i1 < 3; _i1++ { i := _i1; fs = append(fs, func() int { return i }); i++ ; _i1 = i; }",
		},
	}, {
		name: "errors",
		src: `package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return e.Key }

func main() {
	err := fmt.Errorf("w: %w", &NotFound{"k"})
	var nf *NotFound
	_ = errors.As(err, &nf)
	_ = errors.Is(err, nf)
	fmt.Println(nf)
}
`,
		want: []string{
			"6: ); import _shim3 \"airlockshim\"; func _asError1(_e error) error { return _e }; func _errorChain2(_err error) []error { var _out []error; _stack := []error{_err}; for len(_stack) > 0 { _e := _stack[len(_stack)-1]; _stack = _stack[:len(_stack)-1]; if _e == nil { continue }; _out = append(_out, _e); if _w, _ok := _e.(_shim3.Unwrapper); _ok { _stack = append(_stack, _w.Unwrap()); continue }; if _w, _ok := _e.(_shim3.MultiUnwrapper); _ok { _u := _w.Unwrap(); for _i := len(_u) - 1; _i >= 0; _i-- { _stack = append(_stack, _u[_i]) }; continue }; _u := errors.AirlockUnwrap(_e); for _i := len(_u) - 1; _i >= 0; _i-- { _stack = append(_stack, _u[_i]) } }; return _out }; func _errorsIs4(_err, _target error) bool { if _err == nil || _target == nil { return _err == _target }; for _, _e := range _errorChain2(_err) { if errors.AirlockEqual(_e, _target) { return true }; if _i, _ok := _e.(_shim3.Iser); _ok && _i.Is(_target) { return true } }; return false }; var _types6 = _shim3.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.NotFound\\\",\\\"kind\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"Key\\\",\\\"exported\\\":true,\\\"type\\\":\\\"-\\\"}],\\\"ptrMethods\\\":[\\\"Error\\\"]}]\"); var _method5 = _shim3.MethodString(1, \"Error\", true, func(_v any) string { return _v.(*NotFound).Error() }); func (_v NotFound) AirlockSelf() any { return _v }; func (NotFound) AirlockName() string { return \"main.NotFound\" }",
			"8: type NotFound struct{ Key string `airlock:\"1\"` }",
			"13: err := fmt.Errorf(\"w: %w\", _asError1(&NotFound{\"k\"}))",
			"15: _ = func(_e error, _t **NotFound) bool { for _, _x := range _errorChain2(_e) { if _shim3.Is(_x, \"*main.NotFound\", *new(*NotFound)) { _shim3.Take(_x, _t); return true }; if _a, _ok := _x.(_shim3.Aser); _ok && _a.As(_t) { return true } }; return false }(err, &nf)",
			"16: _ = _errorsIs4(err, nf)",
			"17: fmt.Println(_shim3.ValueFmt(nf, \"*#1\"))",
		},
	}, {
		name: "generics, method expressions, embedded interfaces",
		src: `package main

import "cmp"

type Animal interface{ Sound() string }
type Base struct{ Name string }
type Dog struct {
	Base
	Animal
}
type Counter struct{ n int }

func (c *Counter) Add(k int) int { c.n += k; return c.n }

func Map[T, U any](xs []T, f func(T) U) []U { return nil }
func Max[T cmp.Ordered](a, b T) T { return max(a, b) }

func main() {
	_ = Map([]int{1}, func(i int) string { return "" })
	_ = (*Counter).Add
	var d Dog
	_ = d.Sound
	_ = Max(1, 2)
}
`,
		want: []string{
			"3: import \"cmp\"; import _shim2 \"airlockshim\"; var _types1 = _shim2.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.Base\\\",\\\"kind\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"Name\\\",\\\"exported\\\":true,\\\"type\\\":\\\"-\\\"}]},{\\\"id\\\":2,\\\"name\\\":\\\"main.Dog\\\",\\\"kind\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"Base\\\",\\\"exported\\\":true,\\\"embedded\\\":true,\\\"type\\\":\\\"#1\\\"},{\\\"name\\\":\\\"Animal\\\",\\\"exported\\\":true,\\\"embedded\\\":true,\\\"type\\\":\\\"?11:main.Animal\\\"}],\\\"methods\\\":[\\\"Sound\\\"],\\\"ptrMethods\\\":[\\\"Sound\\\"]},{\\\"id\\\":3,\\\"name\\\":\\\"main.Counter\\\",\\\"kind\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"n\\\",\\\"type\\\":\\\"-\\\"}],\\\"ptrMethods\\\":[\\\"Add\\\"]}]\"); func (_v Counter) AirlockSelf() any { return _v }; func (Counter) AirlockName() string { return \"main.Counter\" }",
			"6: type Base struct{ Name string `airlock:\"1\"` }",
			"8: Base `airlock:\"2\"`",
			"9: Animal `airlock:\"2\"`",
			"11: type Counter struct{ n int `airlock:\"3\"` }",
			"16: func Max[T interface{ ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string }](a, b T) T { return func(_a0, _a1 T) T { _m := _a0; if _a1 > _m || _a1 != _a1 { _m = _a1 }; return _m }(a, b) }",
			"19: _ = Map[int, string]([]int{1}, func(i int) string { return \"\" })",
			"20: _ = func(_a0 *Counter, _a1 int) (int) { return _a0.Add(_a1) }",
			"22: _ = func(_r Animal) func() string { _ = _r.Sound; return func() string { return _r.Sound() } }((d).Animal)",
			"23: _ = Max[int](1, 2)",
		},
	}, {
		name: "type switch and assertions",
		src: `package main

import "fmt"

type Shape interface{ Area() float64 }
type Sq struct{}; func (Sq) Area() float64 { return 1 }

func kind(v any) string {
	if s, ok := v.(Shape); ok {
		_ = s
	}
	switch x := v.(type) {
	case error:
		return x.Error()
	case Shape, nil:
		return "shape"
	}
	return fmt.Sprint(v)
}

func main() { _ = kind(nil) }
`,
		want: []string{
			"3: import \"fmt\"; import _shim1 \"airlockshim\"; func _take2(_v any) Sq { var _r Sq; _shim1.Take(_v, &_r); return _r }; func _take3(_v any) *Sq { var _r *Sq; _shim1.Take(_v, &_r); return _r }; var _types6 = _shim1.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.Sq\\\",\\\"kind\\\":\\\"struct\\\",\\\"methods\\\":[\\\"Area\\\"],\\\"ptrMethods\\\":[\\\"Area\\\"]}]\"); func (_v Sq) AirlockSelf() any { return _v }; func (Sq) AirlockName() string { return \"main.Sq\" }",
			"6: type Sq struct{ _ [0]int `airlock:\"1\"` }; func (Sq) Area() float64 { return 1 }",
			"9: if s, ok := func() (Shape, bool) { _v := v; if _v == nil { return nil, false }; if _shim1.Is(_v, \"main.Sq\", *new(Sq)) { var _i Shape = _take2(_v); return _i, true }; if _shim1.Is(_v, \"*main.Sq\", *new(*Sq)) { var _i Shape = _take3(_v); return _i, true }; if _shim1.IsProgramValue(_v) { return nil, false }; if _, _ok := _v.(Shape); _ok { return _v.(Shape), true }; return nil, false }(); ok {",
			"12: switch { default: _v4 := v; _k5 := -1; if _v4 == nil { _k5 = 1 } else if _, _ok := _v4.(error); _ok { _k5 = 0 } else if _, _ok := func() (Shape, bool) { _v := _v4; if _v == nil { return nil, false }; if _shim1.Is(_v, \"main.Sq\", *new(Sq)) { var _i Shape = _take2(_v); return _i, true }; if _shim1.Is(_v, \"*main.Sq\", *new(*Sq)) { var _i Shape = _take3(_v); return _i, true }; if _shim1.IsProgramValue(_v) { return nil, false }; if _, _ok := _v.(Shape); _ok { return _v.(Shape), true }; return nil, false }(); _ok { _k5 = 1 }; switch _k5 {",
			"13: case 0: x := _v4.(error); _ = x;",
			"15: case 1: x := _v4; _ = x;",
			"17: }}",
			"18: return _shim1.Sprint(_shim1.ValueFmt(v, \"?12:interface {}\"))",
		},
	}, {
		name: "assertion to a native interface",
		src: `package main

import "fmt"

type C float64; func (c C) String() string { return "c" }

func main() {
	var v any = C(1)
	if s, ok := v.(fmt.Stringer); ok { _ = s }
	_, isErr := v.(error)
	_ = isErr
}
`,
		want: []string{
			"3: import \"fmt\"; import _shim2 \"airlockshim\"; func _take3(_v any) C { var _r C; _shim2.Take(_v, &_r); return _r }; func _take4(_v any) *C { var _r *C; _shim2.Take(_v, &_r); return _r }; var _types6 = _shim2.Types(\"[{\\\"id\\\":2,\\\"name\\\":\\\"main.C\\\",\\\"kind\\\":\\\"box\\\",\\\"under\\\":\\\"#1\\\"},{\\\"id\\\":1,\\\"name\\\":\\\"main.C\\\",\\\"kind\\\":\\\"float64\\\",\\\"under\\\":\\\"-\\\",\\\"methods\\\":[\\\"String\\\"],\\\"ptrMethods\\\":[\\\"String\\\"]}]\"); var _method5 = _shim2.MethodString(1, \"String\", false, func(_v any) string { return _v.(C).String() }); func (_v C) AirlockSelf() any { return _v }; func (C) AirlockName() string { return \"main.C\" }",
			"8: var v any = (_box1{C(1)})",
			"9: if s, ok := func() (fmt.Stringer, bool) { _v := v; if _v == nil { return nil, false }; if _, _ok := _v.(fmt.Stringer); !_ok { return nil, false }; if _shim2.Is(_v, \"main.C\", *new(C)) { var _i fmt.Stringer = _take3(_v); return _i, true }; if _shim2.IsLike(_v, \"*main.C\", *new(*C)) { var _i fmt.Stringer = _take4(_v); return _i, true }; if _, _ok := _v.(fmt.Stringer); _ok { return _v.(fmt.Stringer), true }; return nil, false }(); ok { _ = s }",
			"10: _, isErr := func() (error, bool) { _v := v; if _v == nil { return nil, false }; if _, _ok := _v.(error); !_ok { return nil, false }; if _, _ok := _v.(error); _ok { return _v.(error), true }; return nil, false }()",
			"12: }; type _box1 struct{ V C `airlock:\"2\"` }; func (_v _box1) AirlockSelf() any { return _v.V }; func (_box1) AirlockName() string { return \"main.C\" }; func (_v _box1) String() string { return _v.V.String() }",
		},
	}, {
		name: "deferred calls",
		src: `package main

import (
	"fmt"
	"sync"
)

type P struct{ X int }

func (p P) Show() {}

func main() {
	var mu sync.Mutex
	x, p, q := 1, P{}, &P{}
	defer mu.Unlock()
	defer fmt.Println("x", x, x > 0)
	defer p.Show()
	defer q.Show()
	for i := 0; i < 2; i++ {
		defer fmt.Print(i)
	}
	for _, s := range []string{"a"} {
		defer func(n int) { fmt.Print(s, n) }(len(s))
	}
	x, p.X = 2, 3
}
`,
		want: []string{
			"6: ); import _shim9 \"airlockshim\"; var _types8 = _shim9.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.P\\\",\\\"kind\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"X\\\",\\\"exported\\\":true,\\\"type\\\":\\\"-\\\"}],\\\"methods\\\":[\\\"Show\\\"],\\\"ptrMethods\\\":[\\\"Show\\\"]}]\"); func (_v P) AirlockSelf() any { return _v }; func (P) AirlockName() string { return \"main.P\" }",
			"8: type P struct{ X int `airlock:\"1\"` }",
			"14: x := 1; p := P{}; q := &P{}",
			"16: { _d6, _d7 := x, bool(x > 0); defer fmt.Println(\"x\", _d6, _d7) }",
			"17: { _d5 := p; defer _d5.Show() }",
			"18: { _d4 := *(q); defer _d4.Show() }",
			"19: for i := 0; i < 2; i++ { i := i;",
			"20: { _d3 := i; defer fmt.Print(_d3) }",
			"22: for _, s := range []string{\"a\"} { s := s;",
			"23: { _d1, _d2 := s, len(s); defer func(s string, n int) { fmt.Print(s, n) }(_d1, _d2) }",
		},
	}, {
		name: "panic and recover",
		src: `package main

type E struct{}

func (E) Error() string { return "e" }

func main() {
	defer func() {
		if r := recover(); r != nil {
			_ = r.(error)
		}
		recover()
	}()
	panic(E{})
}
`,
		want: []string{
			"1: package main; import _shim1 \"airlockshim\"; var _panics2 = map[*_shim1.ErrorPanic]any{}; var _panicsLock3 = make(chan bool, 1); func _panicKeep4(_v any, _msg func() string, _type string, _l, _c int) any { _p := _shim1.NewErrorPanic(_msg, _type, _l, _c); _panicsLock3 <- true; _panics2[_p] = _v; <-_panicsLock3; _shim1.Raise(_p); return _p }; func _recovered5(_r any) any { _r = _shim1.Recovered(_r); if _p, _ok := _r.(*_shim1.ErrorPanic); _ok { _panicsLock3 <- true; _v, _found := _panics2[_p]; delete(_panics2, _p); <-_panicsLock3; if _found { return _v } }; return _r }; func _take6(_v any) E { var _r E; _shim1.Take(_v, &_r); return _r }; func _take7(_v any) *E { var _r *E; _shim1.Take(_v, &_r); return _r }; func _panic8(_v E, _l, _c int) any { return _panicKeep4(_v, func() string { return _shim1.PanicText(_v, \"#1\") }, \"main.E\", _l, _c) }; var _types10 = _shim1.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.E\\\",\\\"kind\\\":\\\"struct\\\",\\\"methods\\\":[\\\"Error\\\"],\\\"ptrMethods\\\":[\\\"Error\\\"]}]\"); var _method9 = _shim1.MethodString(1, \"Error\", false, func(_v any) string { return _v.(E).Error() }); func (_v E) AirlockSelf() any { return _v }; func (E) AirlockName() string { return \"main.E\" }",
			"3: type E struct{ _ [0]int `airlock:\"1\"` }",
			"9: if r := _recovered5(recover()); r != nil {",
			"10: _ = func() error { _v := r; if _v == nil { panic(_shim1.InterfaceAssertionFailed(_v, \"error\", \"Error\")) }; if _, _ok := _v.(error); !_ok { panic(_shim1.InterfaceAssertionFailed(_v, \"error\", \"Error\")) }; if _shim1.Is(_v, \"main.E\", *new(E)) { var _i error = _take6(_v); return _i }; if _shim1.Is(_v, \"*main.E\", *new(*E)) { var _i error = _take7(_v); return _i }; if _, _ok := _v.(error); _ok { return _v.(error) }; panic(_shim1.InterfaceAssertionFailed(_v, \"error\", \"Error\")) }()",
			"14: panic(_panic8(E{}, 14, 2))",
		},
	}, {
		name: "functions as values",
		src: `package main

import "strings"

func up(s string) string { return strings.ToUpper(s) }

func pick() func(string) string { return up }

func main() {
	fs := map[string]func(string) string{"up": up, "low": strings.ToLower}
	_, _ = fs, pick
	_ = up("x")
}
`,
		want: []string{
			"3: import \"strings\"; var _fn1 = func(_a0 string) string { return up(_a0) }; var _fn2 = func() func(string) string { return pick() }",
			"7: func pick() func(string) string { return _fn1 }",
			`10: fs := map[string]func(string) string{"up": _fn1, "low": strings.ToLower}`,
			"11: _, _ = fs, _fn2",
		},
	}, {
		name: "type parameters in expressions",
		src: `package main

type Num interface{ ~int | ~float64 }

func id[T any](x T) T { return x }

func half[T Num](xs []T) T {
	var sum T
	for _, x := range xs { sum += id[T](x) }
	return sum / T(len(xs)) * T(1) + T(sum)
}

func main() { _ = half([]float64{1}) }
`,
		want: []string{
			`1: package main; import _shim2 "airlockshim"`,
			"9: for _, x := range xs { sum += id(x) }",
			"10: return sum / func() (_r1 T) { _shim2.Convert(len(xs), &_r1); return }() * []T{1}[0] + []T{sum}[0]",
			"13: func main() { _ = half[float64]([]float64{1}) }",
		},
	}, {
		name: "closures called by deferred calls",
		src: `package main

func main() {
	done := func() {}
	log := func(s string) { _ = s }
	other := func() {}
	defer done()
	defer func() { log("x") }()
	other()
}
`,
		want: []string{
			"4: done := func() func() { return func() {} }()",
			"5: log := func() func(string) { return func(s string) { _ = s } }()",
		},
	}, {
		name: "containers formatted by fmt",
		src: `package main

import "fmt"

type L int

func (l L) String() string { return "l" }

type R struct{ A L; b L }

func main() {
	xs := []L{1}
	fmt.Println(xs, map[string]L{})
	fmt.Printf("%+v %5v %d\n", xs, xs, xs)
	fmt.Print(xs, 1)
	fmt.Println(R{})
}
`,
		want: []string{
			"3: import \"fmt\"; import _shim1 \"airlockshim\"; var _types3 = _shim1.Types(\"[{\\\"id\\\":1,\\\"name\\\":\\\"main.L\\\",\\\"kind\\\":\\\"int\\\",\\\"under\\\":\\\"-\\\",\\\"methods\\\":[\\\"String\\\"],\\\"ptrMethods\\\":[\\\"String\\\"]},{\\\"id\\\":2,\\\"name\\\":\\\"main.R\\\",\\\"kind\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":\\\"A\\\",\\\"exported\\\":true,\\\"type\\\":\\\"#1\\\"},{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"#1\\\"}]}]\"); var _method2 = _shim1.MethodString(1, \"String\", false, func(_v any) string { return _v.(L).String() }); func (_v L) AirlockSelf() any { return _v }; func (L) AirlockName() string { return \"main.L\" }",
			"9: type R struct{ A L `airlock:\"2\"`; b L `airlock:\"2\"` }",
			"13: fmt.Println(_shim1.ValueFmt(xs, \"[]#1\"), _shim1.ValueFmt(map[string]L{}, \"map[-]#1\"))",
			"14: _shim1.Printf(\"%+v %5v %d\\n\", _shim1.ValueFmt(xs, \"[]#1\"), _shim1.ValueFmt(xs, \"[]#1\"), _shim1.ValueFmt(xs, \"[]#1\"))",
			"15: _shim1.Print(_shim1.ValueFmt(xs, \"[]#1\"), 1)",
			"16: fmt.Println(_shim1.ValueFmt(R{}, \"#2\"))",
		},
	}, {
		name: "continue in a select case",
		src: `package main

func main() {
	ch := make(chan int)
	for {
		select {
		case v := <-ch:
			if v > 0 {
				continue
			}
		}
		break
	}
}
`,
		want: []string{
			"1: package main; import _shim4 \"airlockshim\"",
			"6: { _c1 := ch; var _r3 int; switch _shim4.Select(false, _shim4.Recv(_c1, &_r3, nil)) {",
			"7: case 0: v := _r3;",
			"11: } }",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, rewrites, findings := compat(t, tt.src)
			if len(findings) > 0 {
				t.Fatalf("findings: %+v", findings)
			}
			if got := changedLines(tt.src, out); !slices.Equal(got, tt.want) {
				t.Errorf("changed lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(rewrites) == 0 {
				t.Error("no rewrites recorded")
			}
		})
	}
}

// TestCompatUnsupported pins the findings for what cannot be rewritten.
func TestCompatUnsupported(t *testing.T) {
	tests := []struct {
		name string
		body string // inside func main, after `seq := func(yield func(int) bool) {}`
		want string // line:col: message
	}{{
		name: "defer in range over func",
		body: "for v := range seq { defer println(v) }",
		want: "8:22: defer inside a range-over-func loop is not supported",
	}, {
		name: "goto in range over func",
		body: "for range seq { goto end }\nend:",
		want: "8:17: goto inside a range-over-func loop is not supported",
	}, {
		name: "break out of range over func",
		body: "outer:\nfor { for range seq { break outer } }",
		want: "9:23: break out of a range-over-func loop to an enclosing statement is not supported",
	}, {
		name: "return from nested range over func",
		body: "for range seq { for range seq { return } }",
		want: "8:33: return from nested range-over-func loops is not supported",
	}, {
		name: "deferred function literal in a loop",
		body: "for i := 0; i < 3; i++ { defer func() { println(i) }(); i++ }",
		want: "8:26: defer of a function literal using i, a variable of the enclosing loop, is not supported: the interpreter would run every deferred call with the last iteration's i",
	}, {
		name: "deferred method that recovers, in a loop",
		body: "for i := 0; i < 3; i++ { e := R{i}; defer e.Rec() }\n}\ntype R struct{ n int }\nfunc (r R) Rec() { recover()",
		want: "8:37: this deferred call is not supported here: Rec calls recover, which returns nil unless the deferred call is the function itself",
	}, {
		name: "type parameter as the only type argument",
		body: "_ = zero[int]()\n}\nfunc zero[T any]() T { var z T; return z }\nfunc zeroOf[T any]() T { return zero[T]()",
		want: "11:33: zero[T] with the type parameter T as its only type argument is not supported: the interpreter cannot instantiate it when T is a type of the program",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `package main

import ("errors"; "iter")

type E struct{}; func (E) Error() string { return "" }; var _ = errors.New; var _ iter.Seq[int]

func main() { seq := func(yield func(int) bool) {}; _ = seq
` + tt.body + "\n}\n"
			_, _, findings := compat(t, src)
			if len(findings) != 1 {
				t.Fatalf("findings: %+v, want one", findings)
			}
			f := findings[0]
			if got := fmt.Sprintf("%d:%d: %s", f.Pos.Line, f.Pos.Col, f.Message); got != tt.want || f.Rule != "unsupported" || f.Hint == "" {
				t.Errorf("finding %s (%s, hint %q)\nwant      %s", got, f.Rule, f.Hint, tt.want)
			}
		})
	}
}

// TestCompatDecls checks the declarations of the generic packages against
// the shims that run them: each declared function has a shim and each
// shim a declaration.
func TestCompatDecls(t *testing.T) {
	for _, path := range []string{"cmp", "iter", "maps", "slices"} {
		src, ok := Source(path)
		if !ok {
			t.Fatalf("%s: no declarations", path)
		}
		f, err := parser.ParseFile(token.NewFileSet(), path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		declared := map[string]bool{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				declared[fd.Name.Name] = true
			}
		}
		syms := shims.Symbols[path+"/"+path]
		for name := range declared {
			if _, ok := syms[name]; !ok && path != "iter" {
				t.Errorf("%s.%s is declared but has no shim", path, name)
			}
		}
		for name := range syms {
			if !declared[name] {
				t.Errorf("%s.%s has a shim but no declaration", path, name)
			}
		}
	}
	if _, ok := Source("strings"); ok {
		t.Error("Source declares strings")
	}
	if shimPath != shims.RuntimePath {
		t.Errorf("the rewrites import %q, the shims are at %q", shimPath, shims.RuntimePath)
	}
}

// TestCompatUnchanged checks that a program without the idioms is returned
// as is, with no rewrites.
func TestCompatUnchanged(t *testing.T) {
	src := `package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int{3, 1}
	sort.Ints(xs)
	for i, x := range xs {
		fmt.Println(i, x)
	}
}
`
	out, rewrites, findings := compat(t, src)
	if string(out) != src || len(rewrites) > 0 || len(findings) > 0 {
		t.Fatalf("out %q, rewrites %+v, findings %+v", out, rewrites, findings)
	}
}

// BenchmarkRewriteCompat measures Rewrite alone on a checked program
// of about 1,000 lines full of the idioms it rewrites.
func BenchmarkRewriteCompat(b *testing.B) {
	benchmarkRewriteCompat(b, compatBenchProgram(40))
}

// BenchmarkRewriteCompatPlain is the same on a program of the same shape
// written without them: the cost every program pays.
func BenchmarkRewriteCompatPlain(b *testing.B) {
	benchmarkRewriteCompat(b, plainBenchProgram(40))
}

func benchmarkRewriteCompat(b *testing.B, src string) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "bench.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		b.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances: map[*ast.Ident]types.Instance{}, Scopes: map[ast.Node]*types.Scope{},
	}
	srcImporterMu.Lock()
	conf := types.Config{GoVersion: library.GoVersion, Importer: &compatImporter{fset: fset, base: srcImporter, pkgs: map[string]*types.Package{}}}
	_, err = conf.Check("main", fset, []*ast.File{file}, info)
	srcImporterMu.Unlock()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(strings.Count(src, "\n")), "lines")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, findings := Rewrite(fset, file, info, []byte(src), conf.Importer); len(findings) > 0 {
			b.Fatal(findings)
		}
	}
}

// compatBenchProgram returns a program of n copies of a 25-line function
// using the rewritten idioms, plus the code around them.
func compatBenchProgram(n int) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

type QueryError struct{ Err error }

func (e *QueryError) Error() string { return "query" }
func (e *QueryError) Unwrap() error { return e.Err }

func main() {}
`)
	for i := range n {
		fmt.Fprintf(&b, `
func work%d(m map[string]int, xs []int, err error) (int, error) {
	total := 0
	for i := range 10 {
		total += max(i, total%%7)
	}
	for k := range maps.Keys(m) {
		total += len(k)
	}
	keys := slices.Sorted(maps.Keys(m))
	slices.Sort(xs)
	if slices.Contains(xs, 3) {
		total += slices.Max(xs)
	}
	var funcs []func() int
	for _, k := range keys {
		funcs = append(funcs, func() int { return len(k) })
	}
	var qe *QueryError
	if errors.As(err, &qe) {
		return 0, fmt.Errorf("work: %%w", qe)
	}
	clear(m)
	return total + min(len(funcs), 3), nil
}
`, i)
	}
	return b.String()
}

// plainBenchProgram is compatBenchProgram without the idioms.
func plainBenchProgram(n int) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"fmt"
	"sort"
)

type QueryError struct{ Err error }

func (e *QueryError) Error() string { return "query" }

func main() {}
`)
	for i := range n {
		fmt.Fprintf(&b, `
func work%d(m map[string]int, xs []int, err error) (int, error) {
	total := 0
	for i := 0; i < 10; i++ {
		total += i + total%%7
	}
	for k := range m {
		total += len(k)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sort.Ints(xs)
	if len(xs) > 0 && xs[0] == 3 {
		total += xs[len(xs)-1]
	}
	var lens []int
	for _, k := range keys {
		lens = append(lens, len(k))
	}
	if qe, ok := err.(*QueryError); ok {
		return 0, fmt.Errorf("work: %%v", qe.Err)
	}
	return total + len(lens), nil
}
`, i)
	}
	return b.String()
}
