package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
)

type Change struct {
	Op   string // add, remove, replace, type
	Path string
	Old  any
	New  any
}

func (c Change) String() string {
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return string(b)
	}
	switch c.Op {
	case "add":
		return fmt.Sprintf("+ %s = %s", c.Path, enc(c.New))
	case "remove":
		return fmt.Sprintf("- %s (was %s)", c.Path, enc(c.Old))
	case "type":
		return fmt.Sprintf("! %s type %T -> %T", c.Path, c.Old, c.New)
	}
	return fmt.Sprintf("~ %s: %s -> %s", c.Path, enc(c.Old), enc(c.New))
}

func diff(path string, a, b any, out *[]Change) {
	if reflect.TypeOf(a) != reflect.TypeOf(b) {
		if a == nil || b == nil {
			*out = append(*out, Change{"replace", path, a, b})
		} else {
			*out = append(*out, Change{"type", path, a, b})
		}
		return
	}
	switch av := a.(type) {
	case map[string]any:
		bv := b.(map[string]any)
		keys := map[string]bool{}
		for k := range av {
			keys[k] = true
		}
		for k := range bv {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			p := path + "/" + k
			x, inA := av[k]
			y, inB := bv[k]
			switch {
			case inA && !inB:
				*out = append(*out, Change{"remove", p, x, nil})
			case !inA && inB:
				*out = append(*out, Change{"add", p, nil, y})
			default:
				diff(p, x, y, out)
			}
		}
	case []any:
		bv := b.([]any)
		n := max(len(av), len(bv))
		for i := 0; i < n; i++ {
			p := path + "/" + strconv.Itoa(i)
			switch {
			case i >= len(bv):
				*out = append(*out, Change{"remove", p, av[i], nil})
			case i >= len(av):
				*out = append(*out, Change{"add", p, nil, bv[i]})
			default:
				diff(p, av[i], bv[i], out)
			}
		}
	default:
		if a != b {
			*out = append(*out, Change{"replace", path, a, b})
		}
	}
}

const before = `{
 "version": 3,
 "name": "orders-api",
 "owners": ["ana", "ben"],
 "limits": {"rps": 100, "burst": 20, "ips": null},
 "routes": [{"path": "/orders", "auth": true}, {"path": "/health", "auth": false}],
 "debug": false,
 "ratio": 0.25
}`

const after = `{
 "version": "3.1",
 "name": "orders-api",
 "owners": ["ana", "cy", "dee"],
 "limits": {"rps": 250, "ips": ["10.0.0.0/8"]},
 "routes": [{"path": "/orders", "auth": true, "cache": "5m"}],
 "debug": false,
 "ratio": 0.250,
 "tags": {"tier": "gold"}
}`

func main() {
	var a, b any
	if err := json.Unmarshal([]byte(before), &a); err != nil {
		panic(err)
	}
	if err := json.Unmarshal([]byte(after), &b); err != nil {
		panic(err)
	}
	var changes []Change
	diff("", a, b, &changes)
	counts := map[string]int{}
	for _, c := range changes {
		fmt.Println(c)
		counts[c.Op]++
	}
	ops := make([]string, 0, len(counts))
	for op := range counts {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	for _, op := range ops {
		fmt.Printf("%s=%d ", op, counts[op])
	}
	fmt.Println()
	var none []Change
	diff("", a, a, &none)
	fmt.Println("self diff:", len(none), none == nil)
	patch, _ := json.Marshal(changes[:2])
	fmt.Println(string(patch))
}
