package shims

import (
	"cmp"
	"reflect"
	"slices"
)

// sortKeys returns the order fmt prints map keys in: numbers by value,
// strings lexically, false before true, NaN first among floats, pointers and
// channels by address, structs and arrays element by element, interfaces
// by their dynamic type and then by value.
func sortKeys(keys []view) []int {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareKeys(keys[a].v, keys[b].v) })
	return order
}

func compareKeys(a, b reflect.Value) int {
	if a.Kind() == reflect.Interface || b.Kind() == reflect.Interface || isIndirect(a) || isIndirect(b) {
		da, db := resolve(a), resolve(b)
		if !da.v.IsValid() || !db.v.IsValid() {
			switch {
			case !da.v.IsValid() && !db.v.IsValid():
				return 0
			case !da.v.IsValid():
				return -1
			}
			return 1
		}
		if ta, tb := typeIdentity(da), typeIdentity(db); ta != tb {
			return cmp.Compare(ta, tb)
		}
		a, b = da.v, db.v
	}
	if a.Kind() != b.Kind() {
		return cmp.Compare(a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		ca, cb := a.Complex(), b.Complex()
		if c := cmp.Compare(real(ca), real(cb)); c != 0 {
			return c
		}
		return cmp.Compare(imag(ca), imag(cb))
	case reflect.Bool:
		switch {
		case a.Bool() == b.Bool():
			return 0
		case a.Bool():
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := range a.NumField() {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := range a.Len() {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	}
	return 0
}

// isIndirect reports a value the interpreter stores for an interface.
func isIndirect(v reflect.Value) bool {
	if v.Kind() != reflect.Struct {
		return false
	}
	return v.Type().String() == valueInterfaceName || isWrapper(v.Type())
}

// typeIdentity orders the dynamic types of interface keys. Go orders them
// by where the types are in memory, which no program can rely on; a stable
// order by name keeps equal types together.
func typeIdentity(d dynamic) string {
	if d.prog != nil {
		return d.prog.Name
	}
	return d.v.Type().String()
}
