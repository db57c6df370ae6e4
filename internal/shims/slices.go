package shims

import (
	"cmp"
	"reflect"
	"slices"
)

// All is slices.All: an iterator over the index-value pairs of s.
func All(s any) any {
	v := reflect.ValueOf(s)
	return newSeq([]reflect.Type{reflect.TypeFor[int](), v.Type().Elem()}, func(yield func(...reflect.Value) bool) {
		for i := range v.Len() {
			if !yield(reflect.ValueOf(i), v.Index(i)) {
				return
			}
		}
	}).Interface()
}

// Backward is slices.Backward: All from the last element to the first.
func Backward(s any) any {
	v := reflect.ValueOf(s)
	return newSeq([]reflect.Type{reflect.TypeFor[int](), v.Type().Elem()}, func(yield func(...reflect.Value) bool) {
		for i := v.Len() - 1; i >= 0; i-- {
			if !yield(reflect.ValueOf(i), v.Index(i)) {
				return
			}
		}
	}).Interface()
}

// Values is slices.Values: an iterator over the elements of s.
func Values(s any) any {
	v := reflect.ValueOf(s)
	return newSeq([]reflect.Type{v.Type().Elem()}, func(yield func(...reflect.Value) bool) {
		for i := range v.Len() {
			if !yield(v.Index(i)) {
				return
			}
		}
	}).Interface()
}

// Chunk is slices.Chunk: an iterator over consecutive sub-slices of up to n
// elements of s.
func Chunk(s any, n int) any {
	if n < 1 {
		panic("cannot be less than 1")
	}
	v := reflect.ValueOf(s)
	return newSeq([]reflect.Type{v.Type()}, func(yield func(...reflect.Value) bool) {
		for i := 0; i < v.Len(); i += n {
			end := min(n, v.Len()-i) + i
			if !yield(v.Slice3(i, end, end)) {
				return
			}
		}
	}).Interface()
}

// AppendSeq is slices.AppendSeq: s with the values of seq appended.
func AppendSeq(s any, seq any) any {
	v := reflect.ValueOf(s)
	eachSeq(seq, func(vals []reflect.Value) bool {
		v = reflect.Append(v, vals[0])
		return true
	})
	return v.Interface()
}

// Collect is slices.Collect: the values of seq in a new slice, nil if none.
func Collect(seq any) any {
	return AppendSeq(reflect.Zero(reflect.SliceOf(seqElem(seq, 0))).Interface(), seq)
}

// Sorted is slices.Sorted: the values of seq, collected and sorted.
func Sorted(seq any) any {
	s := Collect(seq)
	Sort(s)
	return s
}

// SortedFunc is slices.SortedFunc.
func SortedFunc(seq any, cmp any) any {
	s := Collect(seq)
	SortFunc(s, cmp)
	return s
}

// SortedStableFunc is slices.SortedStableFunc.
func SortedStableFunc(seq any, cmp any) any {
	s := Collect(seq)
	SortStableFunc(s, cmp)
	return s
}

// BinarySearch is slices.BinarySearch: where target is, or would be, in the
// sorted s, and whether it is there.
func BinarySearch(s any, target any) (int, bool) {
	v, t := reflect.ValueOf(s), reflect.ValueOf(target)
	n := v.Len()
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if compareValues(v.Index(h), t) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && compareValues(v.Index(i), t) == 0
}

// BinarySearchFunc is slices.BinarySearchFunc.
func BinarySearchFunc(s any, target any, cmp any) (int, bool) {
	v, t, f := reflect.ValueOf(s), reflect.ValueOf(target), reflect.ValueOf(cmp)
	n := v.Len()
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if call(f, v.Index(h), t).Int() < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && call(f, v.Index(i), t).Int() == 0
}

// Clip is slices.Clip: s without its unused capacity.
func Clip(s any) any {
	v := reflect.ValueOf(s)
	return v.Slice3(0, v.Len(), v.Len()).Interface()
}

// Clone is slices.Clone: a shallow copy of s; nil stays nil.
func Clone(s any) any {
	v := reflect.ValueOf(s)
	if v.IsNil() {
		return s
	}
	return reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, 0), v).Interface()
}

// Compact is slices.Compact: s with runs of equal elements replaced by one.
func Compact(s any) any {
	return compact(reflect.ValueOf(s), func(a, b reflect.Value) bool { return a.Interface() == b.Interface() })
}

// CompactFunc is slices.CompactFunc.
func CompactFunc(s any, eq any) any {
	f := reflect.ValueOf(eq)
	return compact(reflect.ValueOf(s), func(a, b reflect.Value) bool { return call(f, a, b).Bool() })
}

func compact(v reflect.Value, eq func(a, b reflect.Value) bool) any {
	n := v.Len()
	if n < 2 {
		return v.Interface()
	}
	for k := 1; k < n; k++ {
		if eq(v.Index(k), v.Index(k-1)) {
			out := k
			for i := k + 1; i < n; i++ {
				if !eq(v.Index(i), v.Index(i-1)) {
					v.Index(out).Set(v.Index(i))
					out++
				}
			}
			clearRange(v, out, n)
			return v.Slice(0, out).Interface()
		}
	}
	return v.Interface()
}

// clearRange zeroes v[i:j].
func clearRange(v reflect.Value, i, j int) {
	zero := reflect.Zero(v.Type().Elem())
	for k := i; k < j; k++ {
		v.Index(k).Set(zero)
	}
}

// CompareSlices is slices.Compare: the elements compared in order, then the
// lengths.
func CompareSlices(s1, s2 any) int {
	return compareSlices(reflect.ValueOf(s1), reflect.ValueOf(s2), compareValues)
}

// CompareFunc is slices.CompareFunc.
func CompareFunc(s1, s2 any, cmp any) int {
	f := reflect.ValueOf(cmp)
	return compareSlices(reflect.ValueOf(s1), reflect.ValueOf(s2), func(a, b reflect.Value) int { return int(call(f, a, b).Int()) })
}

func compareSlices(a, b reflect.Value, c func(a, b reflect.Value) int) int {
	for i := range a.Len() {
		if i >= b.Len() {
			return +1
		}
		if r := c(a.Index(i), b.Index(i)); r != 0 {
			return r
		}
	}
	if a.Len() < b.Len() {
		return -1
	}
	return 0
}

// Concat is slices.Concat: the slices (a []S) joined in a new slice; nil
// when they hold no elements.
func Concat(slices any) any {
	v := reflect.ValueOf(slices)
	size := 0
	for i := range v.Len() {
		size += v.Index(i).Len()
		if size < 0 {
			panic("len out of range")
		}
	}
	out := reflect.Zero(v.Type().Elem())
	if size > 0 {
		out = reflect.MakeSlice(out.Type(), 0, size)
	}
	for i := range v.Len() {
		out = reflect.AppendSlice(out, v.Index(i))
	}
	return out.Interface()
}

// Contains is slices.Contains.
func Contains(s any, v any) bool { return Index(s, v) >= 0 }

// ContainsFunc is slices.ContainsFunc.
func ContainsFunc(s any, f any) bool { return IndexFunc(s, f) >= 0 }

// Index is slices.Index: the first index of v in s, or -1.
func Index(s any, v any) int {
	sv := reflect.ValueOf(s)
	for i := range sv.Len() {
		if sv.Index(i).Interface() == v {
			return i
		}
	}
	return -1
}

// IndexFunc is slices.IndexFunc: the first index i where f(s[i]), or -1.
func IndexFunc(s any, f any) int {
	sv, fv := reflect.ValueOf(s), reflect.ValueOf(f)
	for i := range sv.Len() {
		if call(fv, sv.Index(i)).Bool() {
			return i
		}
	}
	return -1
}

// Delete is slices.Delete: s without s[i:j], the vacated tail zeroed.
func Delete(s any, i, j int) any {
	v := reflect.ValueOf(s)
	_ = v.Slice3(i, j, v.Len()) // bounds check
	if i == j {
		return s
	}
	n := v.Len()
	out := reflect.AppendSlice(v.Slice(0, i), v.Slice(j, n))
	clearRange(v, out.Len(), n)
	return out.Interface()
}

// DeleteFunc is slices.DeleteFunc: s without the elements del reports.
func DeleteFunc(s any, del any) any {
	v, f := reflect.ValueOf(s), reflect.ValueOf(del)
	n := v.Len()
	i := 0
	for k := range n {
		if !call(f, v.Index(k)).Bool() {
			if i != k {
				v.Index(i).Set(v.Index(k))
			}
			i++
		}
	}
	clearRange(v, i, n)
	return v.Slice(0, i).Interface()
}

// Equal is slices.Equal: same length and equal elements (NaN is not equal
// to itself).
func Equal(s1, s2 any) bool {
	a, b := reflect.ValueOf(s1), reflect.ValueOf(s2)
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if a.Index(i).Interface() != b.Index(i).Interface() {
			return false
		}
	}
	return true
}

// EqualFunc is slices.EqualFunc.
func EqualFunc(s1, s2 any, eq any) bool {
	a, b, f := reflect.ValueOf(s1), reflect.ValueOf(s2), reflect.ValueOf(eq)
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !call(f, a.Index(i), b.Index(i)).Bool() {
			return false
		}
	}
	return true
}

// Grow is slices.Grow: s with room for n more elements.
func Grow(s any, n int) any {
	if n < 0 {
		panic("cannot be negative")
	}
	v := reflect.ValueOf(s)
	if n -= v.Cap() - v.Len(); n > 0 {
		v = reflect.AppendSlice(v.Slice(0, v.Cap()), reflect.MakeSlice(v.Type(), n, n)).Slice(0, v.Len())
	}
	return v.Interface()
}

// Insert is slices.Insert: s with vals (a slice of its elements) inserted
// at i.
func Insert(s any, i int, vals any) any {
	v, ins := reflect.ValueOf(s), reflect.ValueOf(vals)
	n, m := v.Len(), ins.Len()
	_ = v.Slice(i, n) // bounds check
	if m == 0 {
		return s
	}
	if i == n {
		return reflect.AppendSlice(v, ins).Interface()
	}
	if n+m > v.Cap() {
		out := reflect.AppendSlice(v.Slice(0, i), reflect.MakeSlice(v.Type(), n+m-i, n+m-i))
		reflect.Copy(out.Slice(i, out.Len()), ins)
		reflect.Copy(out.Slice(i+m, out.Len()), v.Slice(i, n))
		return out.Interface()
	}
	tail := reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, n-i), v.Slice(i, n))
	ins = reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, m), ins) // vals may alias s
	out := v.Slice(0, n+m)
	reflect.Copy(out.Slice(i, n+m), ins)
	reflect.Copy(out.Slice(i+m, n+m), tail)
	return out.Interface()
}

// Replace is slices.Replace: s with s[i:j] replaced by vals (a slice of
// its elements), the vacated tail zeroed.
func Replace(s any, i, j int, vals any) any {
	v, rep := reflect.ValueOf(s), reflect.ValueOf(vals)
	n := v.Len()
	_ = v.Slice(i, j) // bounds check
	if j > n {
		panic("slices: invalid index")
	}
	if i == j {
		return Insert(s, i, vals)
	}
	rep = reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, rep.Len()), rep) // vals may alias s
	tail := reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, n-j), v.Slice(j, n))
	total := i + rep.Len() + tail.Len()
	if total > v.Cap() {
		out := reflect.AppendSlice(v.Slice(0, i), reflect.MakeSlice(v.Type(), total-i, total-i))
		reflect.Copy(out.Slice(i, total), rep)
		reflect.Copy(out.Slice(i+rep.Len(), total), tail)
		return out.Interface()
	}
	out := v.Slice(0, total)
	reflect.Copy(out.Slice(i, total), rep)
	reflect.Copy(out.Slice(i+rep.Len(), total), tail)
	if total < n {
		clearRange(v, total, n)
	}
	return out.Interface()
}

// IsSorted is slices.IsSorted.
func IsSorted(s any) bool {
	v := reflect.ValueOf(s)
	for i := v.Len() - 1; i > 0; i-- {
		if compareValues(v.Index(i), v.Index(i-1)) < 0 {
			return false
		}
	}
	return true
}

// IsSortedFunc is slices.IsSortedFunc.
func IsSortedFunc(s any, cmp any) bool {
	v, f := reflect.ValueOf(s), reflect.ValueOf(cmp)
	for i := v.Len() - 1; i > 0; i-- {
		if call(f, v.Index(i), v.Index(i-1)).Int() < 0 {
			return false
		}
	}
	return true
}

// Max is slices.Max: the largest element (NaN if any is NaN); it panics on
// an empty slice.
func Max(s any) any {
	v := reflect.ValueOf(s)
	if v.Len() < 1 {
		panic("slices.Max: empty list")
	}
	m := v.Index(0)
	for i := 1; i < v.Len(); i++ {
		m = maxValue(m, v.Index(i))
	}
	return m.Interface()
}

// Min is slices.Min: the smallest element (NaN if any is NaN); it panics on
// an empty slice.
func Min(s any) any {
	v := reflect.ValueOf(s)
	if v.Len() < 1 {
		panic("slices.Min: empty list")
	}
	m := v.Index(0)
	for i := 1; i < v.Len(); i++ {
		m = minValue(m, v.Index(i))
	}
	return m.Interface()
}

// MaxFunc is slices.MaxFunc: the first maximal element by cmp.
func MaxFunc(s any, cmp any) any {
	v, f := reflect.ValueOf(s), reflect.ValueOf(cmp)
	if v.Len() < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := v.Index(0)
	for i := 1; i < v.Len(); i++ {
		if call(f, v.Index(i), m).Int() > 0 {
			m = v.Index(i)
		}
	}
	return m.Interface()
}

// MinFunc is slices.MinFunc: the first minimal element by cmp.
func MinFunc(s any, cmp any) any {
	v, f := reflect.ValueOf(s), reflect.ValueOf(cmp)
	if v.Len() < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := v.Index(0)
	for i := 1; i < v.Len(); i++ {
		if call(f, v.Index(i), m).Int() < 0 {
			m = v.Index(i)
		}
	}
	return m.Interface()
}

// Repeat is slices.Repeat: s repeated count times in a new slice.
func Repeat(s any, count int) any {
	if count < 0 {
		panic("cannot be negative")
	}
	v := reflect.ValueOf(s)
	if n := v.Len(); n > 0 && count > (1<<62)/n {
		panic("the result of (len(x) * count) overflows")
	}
	out := reflect.MakeSlice(v.Type(), 0, v.Len()*count)
	for range count {
		out = reflect.AppendSlice(out, v)
	}
	return out.Interface()
}

// Reverse is slices.Reverse, in place.
func Reverse(s any) {
	swap := reflect.Swapper(s)
	for i, j := 0, reflect.ValueOf(s).Len()-1; i < j; i, j = i+1, j-1 {
		swap(i, j)
	}
}

// Sort is slices.Sort, in place, with the standard algorithm.
func Sort(s any) {
	if sortNative[int](s) || sortNative[string](s) || sortNative[float64](s) || sortNative[int64](s) ||
		sortNative[int32](s) || sortNative[uint8](s) || sortNative[uint](s) || sortNative[uint64](s) ||
		sortNative[float32](s) || sortNative[int8](s) || sortNative[int16](s) || sortNative[uint16](s) ||
		sortNative[uint32](s) {
		return
	}
	sortBy(reflect.ValueOf(s), compareValues, false)
}

// sortNative sorts s with slices.Sort when s is a []E.
func sortNative[E cmp.Ordered](s any) bool {
	x, ok := s.([]E)
	if ok {
		slices.Sort(x)
	}
	return ok
}

// SortFunc is slices.SortFunc, in place, with the standard (unstable)
// algorithm, so equal elements end in the same order as in Go.
func SortFunc(s any, cmp any) {
	f := reflect.ValueOf(cmp)
	sortBy(reflect.ValueOf(s), func(a, b reflect.Value) int { return int(call(f, a, b).Int()) }, false)
}

// SortStableFunc is slices.SortStableFunc.
func SortStableFunc(s any, cmp any) {
	f := reflect.ValueOf(cmp)
	sortBy(reflect.ValueOf(s), func(a, b reflect.Value) int { return int(call(f, a, b).Int()) }, true)
}

// sortBy sorts v by sorting a permutation of its indexes with the standard
// algorithm, then applying it: the comparisons, and so the result, are
// those of sorting v itself.
func sortBy(v reflect.Value, c func(a, b reflect.Value) int, stable bool) {
	n := v.Len()
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	byIndex := func(i, j int) int { return c(v.Index(i), v.Index(j)) }
	if stable {
		slices.SortStableFunc(perm, byIndex)
	} else {
		slices.SortFunc(perm, byIndex)
	}
	sorted := reflect.MakeSlice(v.Type(), n, n)
	for i, p := range perm {
		sorted.Index(i).Set(v.Index(p))
	}
	reflect.Copy(v, sorted)
}
