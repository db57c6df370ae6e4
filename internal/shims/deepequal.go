package shims

import (
	"reflect"
	"unsafe"
)

// DeepEqual is reflect.DeepEqual for program values: where a value holds an
// interface, it compares what the interface holds as the program sees it
// (its Go type and value), not the interpreter's representation of it (a
// wrapper, or a reference to where the value was stored).
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == nil && y == nil
	}
	a, b := seeDynamic(reflect.ValueOf(x)), seeDynamic(reflect.ValueOf(y))
	if typeName(a) != typeName(b) {
		return false
	}
	return deepEqual(a.v, b.v, map[visit]bool{})
}

// visit is a comparison under way, for cyclic values.
type visit struct {
	a, b unsafe.Pointer
	typ  reflect.Type
}

func deepEqual(x, y reflect.Value, visited map[visit]bool) bool {
	if !x.IsValid() || !y.IsValid() {
		return x.IsValid() == y.IsValid()
	}
	if x.Kind() == reflect.Interface || y.Kind() == reflect.Interface {
		return deepInterfaces(x, y, visited)
	}
	if x.Type() != y.Type() {
		return false
	}
	switch x.Kind() {
	case reflect.Map, reflect.Slice, reflect.Pointer:
		if x.UnsafePointer() == y.UnsafePointer() && (x.Kind() != reflect.Slice || x.Len() == y.Len()) {
			if x.Kind() != reflect.Slice || x.IsNil() == y.IsNil() {
				return true
			}
		}
		if !x.IsNil() && !y.IsNil() {
			v := visit{x.UnsafePointer(), y.UnsafePointer(), x.Type()}
			if visited[v] {
				return true
			}
			visited[v] = true
		}
	}
	switch x.Kind() {
	case reflect.Array:
		for i := range x.Len() {
			if !deepEqual(x.Index(i), y.Index(i), visited) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if x.IsNil() != y.IsNil() || x.Len() != y.Len() {
			return false
		}
		for i := range x.Len() {
			if !deepEqual(x.Index(i), y.Index(i), visited) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if x.IsNil() || y.IsNil() {
			return x.IsNil() == y.IsNil()
		}
		return deepEqual(x.Elem(), y.Elem(), visited)
	case reflect.Struct:
		for i := range x.NumField() {
			if !deepEqual(x.Field(i), y.Field(i), visited) {
				return false
			}
		}
		return true
	case reflect.Map:
		if x.IsNil() != y.IsNil() || x.Len() != y.Len() {
			return false
		}
		for _, k := range x.MapKeys() {
			v1, v2 := x.MapIndex(k), y.MapIndex(k)
			if !v1.IsValid() || !v2.IsValid() || !deepEqual(v1, v2, visited) {
				return false
			}
		}
		return true
	case reflect.Func:
		return x.IsNil() && y.IsNil()
	case reflect.Float32, reflect.Float64:
		return x.Float() == y.Float()
	case reflect.Complex64, reflect.Complex128:
		return x.Complex() == y.Complex()
	case reflect.String:
		return x.String() == y.String()
	case reflect.Bool:
		return x.Bool() == y.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return x.Int() == y.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return x.Uint() == y.Uint()
	case reflect.Chan, reflect.UnsafePointer:
		return x.Pointer() == y.Pointer()
	}
	return false
}

// deepInterfaces compares two values held in interfaces by what they hold.
func deepInterfaces(x, y reflect.Value, visited map[visit]bool) bool {
	a, b := seeDynamic(x), seeDynamic(y)
	if !a.v.IsValid() || !b.v.IsValid() {
		return a.v.IsValid() == b.v.IsValid()
	}
	if typeName(a) != typeName(b) {
		return false
	}
	return deepEqual(a.v, b.v, visited)
}
