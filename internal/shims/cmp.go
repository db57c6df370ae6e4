package shims

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
)

// Compare is cmp.Compare: -1, 0 or +1, with a NaN less than any number and
// equal to another NaN.
func Compare(x, y any) int { return compareValues(reflect.ValueOf(x), reflect.ValueOf(y)) }

// Less is cmp.Less.
func Less(x, y any) bool { return compareValues(reflect.ValueOf(x), reflect.ValueOf(y)) < 0 }

// Or is cmp.Or: the first of vals (a []T) that is not the zero value, or
// the zero value.
func Or(vals any) any {
	v := reflect.ValueOf(vals)
	for i := range v.Len() {
		if e := v.Index(i); !e.IsZero() {
			return e.Interface()
		}
	}
	return reflect.Zero(v.Type().Elem()).Interface()
}

// compareValues orders two values of the same ordered kind as cmp.Compare.
func compareValues(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	}
	panic(fmt.Sprintf("cmp: %s is not an ordered type", a.Type()))
}

// maxValue is the builtin max of two values: NaN wins, and +0 is larger
// than -0.
func maxValue(a, b reflect.Value) reflect.Value {
	if k := a.Kind(); k == reflect.Float32 || k == reflect.Float64 {
		x, y := a.Float(), b.Float()
		switch {
		case math.IsNaN(x):
			return a
		case math.IsNaN(y):
			return b
		case x == 0 && y == 0:
			if math.Signbit(x) {
				return b
			}
			return a
		}
	}
	if compareValues(b, a) > 0 {
		return b
	}
	return a
}

// minValue is the builtin min of two values: NaN wins, and -0 is smaller
// than +0.
func minValue(a, b reflect.Value) reflect.Value {
	if k := a.Kind(); k == reflect.Float32 || k == reflect.Float64 {
		x, y := a.Float(), b.Float()
		switch {
		case math.IsNaN(x):
			return a
		case math.IsNaN(y):
			return b
		case x == 0 && y == 0:
			if math.Signbit(y) {
				return b
			}
			return a
		}
	}
	if compareValues(b, a) < 0 {
		return b
	}
	return a
}
