package shims

import "reflect"

// The interpreter keeps the cases of a select statement in one slice per
// statement, which it fills in each time the statement runs: goroutines
// running the same select at once overwrite each other's channels and
// values. The planner rewrites a select into a call of Select, with cases
// of its own for each run (see plan's selectShim).

// SelectCase is one communication of a select.
type SelectCase struct {
	dir reflect.SelectDir
	ch  reflect.Value
	dst reflect.Value // receive: where the value goes; send: the value to send
	ok  *bool
}

// Recv is a case receiving from ch into *dst (dst may be nil), with ok,
// when not nil, set as by v, ok := <-ch.
func Recv(ch, dst any, ok *bool) SelectCase {
	c := SelectCase{dir: reflect.SelectRecv, ch: reflect.ValueOf(ch), ok: ok}
	if dst != nil {
		c.dst = reflect.ValueOf(dst).Elem()
	}
	return c
}

// Send is a case sending *src on ch.
func Send(ch, src any) SelectCase {
	return SelectCase{dir: reflect.SelectSend, ch: reflect.ValueOf(ch), dst: reflect.ValueOf(src).Elem()}
}

// Select runs a select statement of the cases, with a default case when
// withDefault, and returns the index of the case that ran, -1 for the
// default.
func Select(withDefault bool, cases ...SelectCase) int {
	rc := make([]reflect.SelectCase, len(cases), len(cases)+1)
	for i, c := range cases {
		rc[i] = reflect.SelectCase{Dir: c.dir, Chan: c.ch}
		if c.dir == reflect.SelectSend {
			rc[i].Send = c.dst
		}
	}
	if withDefault {
		rc = append(rc, reflect.SelectCase{Dir: reflect.SelectDefault})
	}
	chosen, v, ok := reflect.Select(rc)
	if chosen == len(cases) {
		return -1
	}
	c := cases[chosen]
	if c.dir == reflect.SelectRecv {
		if c.dst.IsValid() {
			if v.IsValid() {
				c.dst.Set(v)
			} else {
				c.dst.SetZero()
			}
		}
		if c.ok != nil {
			*c.ok = ok
		}
	}
	return chosen
}
