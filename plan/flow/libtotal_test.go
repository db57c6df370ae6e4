package flow

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// adversarial returns arguments of type t chosen to make a function
// panic: empty and nil, negative and huge numbers, invalid UTF-8.
func adversarial(t reflect.Type) []reflect.Value {
	var out []reflect.Value
	add := func(vs ...any) {
		for _, v := range vs {
			rv := reflect.ValueOf(v)
			if v == nil {
				rv = reflect.Zero(t)
			}
			if rv.Type().ConvertibleTo(t) {
				out = append(out, rv.Convert(t))
			}
		}
	}
	switch t.Kind() {
	case reflect.String:
		add("", "a", "\xff\xfe\xfd", strings.Repeat("ab,", 200), "%!v\x00", "2006-01-02", "1h2m", "https://u@h:1/p?q=1#f", "-9223372036854775809")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		add(0, -1, 1, 2, 36, 37, 64, 1<<31-1, math.MinInt64, math.MaxInt64)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		add(uint64(0), uint64(1), uint64(255), uint64(math.MaxUint64))
	case reflect.Float32, reflect.Float64:
		add(0.0, -1.0, math.NaN(), math.Inf(1), math.Inf(-1), 1e308, -1e-308)
	case reflect.Bool:
		add(true, false)
	case reflect.Slice:
		out = append(out, reflect.Zero(t), reflect.MakeSlice(t, 0, 0))
		if v, ok := argument(t); ok {
			out = append(out, v)
		}
		if t.Elem().Kind() == reflect.Uint8 {
			add([]byte("\xff\xfe"), []byte(strings.Repeat("x,", 300)))
		}
		if t.Elem().Kind() == reflect.String {
			add([]string{"", "\xff"})
		}
	case reflect.Map:
		out = append(out, reflect.Zero(t), reflect.MakeMap(t))
	case reflect.Interface:
		if t.NumMethod() == 0 || t == reflect.TypeFor[error]() {
			// Not nil for an interface with methods: that is a nil value
			// the program passes, a stop of its own (see libCall).
			out = append(out, reflect.Zero(t))
		}
		if t == reflect.TypeFor[error]() {
			add(errors.New("e"), fmt.Errorf("w: %w", errors.ErrUnsupported))
		} else if t.NumMethod() == 0 {
			add(1, "s", []int{}, map[string]int{"k": 1}, &struct{ A []int }{}, math.NaN(), []byte("\xff"))
		} else if v, ok := argument(t); ok {
			out = append(out, v)
		}
	case reflect.Func:
		// Not nil: a nil callback is a nil function value the program
		// passes, a stop of its own (see libCall).
		if v, ok := argument(t); ok {
			out = append(out, v)
		}
	default:
		if v, ok := argument(t); ok {
			out = append(out, v)
		}
		out = append(out, reflect.Zero(t))
	}
	return out
}

// Every function libTotal says never panics, called with adversarial
// arguments, does not.
func TestLibTotal(t *testing.T) {
	stdout := os.Stdout
	os.Stdout, _ = os.Open(os.DevNull)
	defer func() { os.Stdout = stdout }()
	rng := rand.New(rand.NewSource(1))
	documented := map[string]bool{}
	for _, key := range documentedPanics(t) {
		documented[key] = true
	}
	for _, key := range slices.Sorted(maps.Keys(libTotal)) {
		pkg, typ, _ := splitName(key)
		if documented[key] && libTotal[key] != "recv" {
			t.Errorf("%s: its documentation says it may panic", key)
		}
		if sourcePackages[pkg] {
			continue // TestLibTotalGeneric
		}
		fn, recvType, ok := resolve(key)
		if !ok {
			t.Errorf("%s: not among the offered symbols", key)
			continue
		}
		ft := fn.Type()
		var choices [][]reflect.Value
		for i := range ft.NumIn() {
			in := ft.In(i)
			switch {
			case i == 0 && recvType != nil:
				make, ok := receivers[pkg+"."+typ]
				if !ok {
					t.Errorf("%s: no receiver to call it with", key)
					choices = nil
				} else {
					choices = append(choices, []reflect.Value{reflect.ValueOf(make())})
				}
				continue
			case ft.IsVariadic() && i == ft.NumIn()-1:
				var vs []reflect.Value
				for _, e := range adversarial(in.Elem()) {
					s := reflect.MakeSlice(in, 0, 2)
					vs = append(vs, reflect.Append(s, e, e))
				}
				vs = append(vs, reflect.Zero(in))
				choices = append(choices, vs)
				continue
			}
			choices = append(choices, adversarial(in))
		}
		if len(choices) != ft.NumIn() {
			continue
		}
		for n := 0; n < 300; n++ {
			args := make([]reflect.Value, len(choices))
			for i, c := range choices {
				args[i] = c[rng.Intn(len(c))]
			}
			if recvType != nil {
				args[0] = reflect.ValueOf(receivers[pkg+"."+typ]())
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s panics with %v on %v: it is not total", key, r, args)
						n = 300
					}
				}()
				if ft.IsVariadic() {
					fn.CallSlice(args)
				} else {
					fn.Call(args)
				}
			}()
		}
	}
}

// The generic entries, called on nil, empty and unsorted values.
func TestLibTotalGeneric(t *testing.T) {
	cmpInt := func(a, b int) int { return a - b }
	even := func(x int) bool { return x%2 == 0 }
	calls := map[string]func(s []int, m map[string]int){
		"slices.Contains":       func(s []int, m map[string]int) { _ = slices.Contains(s, 2) },
		"slices.Index":          func(s []int, m map[string]int) { _ = slices.Index(s, 2) },
		"slices.IndexFunc":      func(s []int, m map[string]int) { _ = slices.IndexFunc(s, even) },
		"slices.ContainsFunc":   func(s []int, m map[string]int) { _ = slices.ContainsFunc(s, even) },
		"slices.Sort":           func(s []int, m map[string]int) { slices.Sort(s) },
		"slices.SortFunc":       func(s []int, m map[string]int) { slices.SortFunc(s, cmpInt) },
		"slices.SortStableFunc": func(s []int, m map[string]int) { slices.SortStableFunc(s, cmpInt) },
		"slices.Reverse":        func(s []int, m map[string]int) { slices.Reverse(s) },
		"slices.Equal":          func(s []int, m map[string]int) { _ = slices.Equal(s, nil) },
		"slices.Clone":          func(s []int, m map[string]int) { _ = slices.Clone(s) },
		"slices.Compact":        func(s []int, m map[string]int) { _ = slices.Compact(s) },
		"slices.BinarySearch":   func(s []int, m map[string]int) { _, _ = slices.BinarySearch(s, 3) },
		"slices.Sorted":         func(s []int, m map[string]int) { _ = slices.Sorted(slices.Values(s)) },
		"slices.Collect":        func(s []int, m map[string]int) { _ = slices.Collect(slices.Values(s)) },
		"slices.Values": func(s []int, m map[string]int) {
			for range slices.Values(s) {
			}
		},
		"slices.All": func(s []int, m map[string]int) {
			for range slices.All(s) {
			}
		},
		"maps.Keys": func(s []int, m map[string]int) {
			for range maps.Keys(m) {
			}
		},
		"maps.Values": func(s []int, m map[string]int) {
			for range maps.Values(m) {
			}
		},
		"maps.Clone": func(s []int, m map[string]int) { _ = maps.Clone(m) },
		"maps.Equal": func(s []int, m map[string]int) { _ = maps.Equal(m, map[string]int(nil)) },
		"maps.All": func(s []int, m map[string]int) {
			for range maps.All(m) {
			}
		},
	}
	for key := range libTotal {
		pkg, _, _ := splitName(key)
		if !sourcePackages[pkg] {
			continue
		}
		call, ok := calls[key]
		if !ok {
			t.Errorf("%s: not called here; add it", key)
			continue
		}
		for _, in := range []struct {
			s []int
			m map[string]int
		}{{nil, nil}, {[]int{}, map[string]int{}}, {[]int{5, -1, 3, 3, math.MinInt}, map[string]int{"": -1}}} {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s panics with %v on %v %v", key, r, in.s, in.m)
					}
				}()
				call(in.s, in.m)
			}()
		}
	}
}
