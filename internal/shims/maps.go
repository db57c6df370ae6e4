package shims

import "reflect"

// Keys is maps.Keys: an iterator over the keys of m, in no set order.
func Keys(m any) any {
	v := reflect.ValueOf(m)
	return newSeq([]reflect.Type{v.Type().Key()}, func(yield func(...reflect.Value) bool) {
		for it := v.MapRange(); it.Next(); {
			if !yield(it.Key()) {
				return
			}
		}
	}).Interface()
}

// MapValues is maps.Values: an iterator over the values of m.
func MapValues(m any) any {
	v := reflect.ValueOf(m)
	return newSeq([]reflect.Type{v.Type().Elem()}, func(yield func(...reflect.Value) bool) {
		for it := v.MapRange(); it.Next(); {
			if !yield(it.Value()) {
				return
			}
		}
	}).Interface()
}

// MapAll is maps.All: an iterator over the key-value pairs of m.
func MapAll(m any) any {
	v := reflect.ValueOf(m)
	return newSeq([]reflect.Type{v.Type().Key(), v.Type().Elem()}, func(yield func(...reflect.Value) bool) {
		for it := v.MapRange(); it.Next(); {
			if !yield(it.Key(), it.Value()) {
				return
			}
		}
	}).Interface()
}

// MapClone is maps.Clone: a shallow copy of m; nil stays nil.
func MapClone(m any) any {
	v := reflect.ValueOf(m)
	if v.IsNil() {
		return m
	}
	out := reflect.MakeMapWithSize(v.Type(), v.Len())
	for it := v.MapRange(); it.Next(); {
		out.SetMapIndex(it.Key(), it.Value())
	}
	return out.Interface()
}

// MapCollect is maps.Collect: the pairs of seq in a new map.
func MapCollect(seq any) any {
	m := reflect.MakeMap(reflect.MapOf(seqElem(seq, 0), seqElem(seq, 1)))
	eachSeq(seq, func(kv []reflect.Value) bool {
		m.SetMapIndex(kv[0], kv[1])
		return true
	})
	return m.Interface()
}

// MapInsert is maps.Insert: the pairs of seq added to m.
func MapInsert(m any, seq any) {
	v := reflect.ValueOf(m)
	eachSeq(seq, func(kv []reflect.Value) bool {
		v.SetMapIndex(kv[0], kv[1])
		return true
	})
}

// MapCopy is maps.Copy: every pair of src set in dst.
func MapCopy(dst, src any) {
	d := reflect.ValueOf(dst)
	for it := reflect.ValueOf(src).MapRange(); it.Next(); {
		d.SetMapIndex(it.Key(), it.Value())
	}
}

// MapDeleteFunc is maps.DeleteFunc: the pairs del reports removed from m.
func MapDeleteFunc(m any, del any) {
	v, f := reflect.ValueOf(m), reflect.ValueOf(del)
	for it := v.MapRange(); it.Next(); {
		if f.Call([]reflect.Value{it.Key(), it.Value()})[0].Bool() {
			v.SetMapIndex(it.Key(), reflect.Value{})
		}
	}
}

// MapEqual is maps.Equal: the same keys, with equal values.
func MapEqual(m1, m2 any) bool {
	return mapsEqual(reflect.ValueOf(m1), reflect.ValueOf(m2), func(a, b reflect.Value) bool {
		return a.Interface() == b.Interface()
	})
}

// MapEqualFunc is maps.EqualFunc.
func MapEqualFunc(m1, m2 any, eq any) bool {
	f := reflect.ValueOf(eq)
	return mapsEqual(reflect.ValueOf(m1), reflect.ValueOf(m2), func(a, b reflect.Value) bool {
		return call(f, a, b).Bool()
	})
}

func mapsEqual(a, b reflect.Value, eq func(a, b reflect.Value) bool) bool {
	if a.Len() != b.Len() {
		return false
	}
	for it := a.MapRange(); it.Next(); {
		w := b.MapIndex(it.Key())
		if !w.IsValid() || !eq(it.Value(), w) {
			return false
		}
	}
	return true
}
