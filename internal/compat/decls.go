package compat

// Source returns Go source declaring the API of a generic standard
// package that the symbol tables cannot describe: "slices", "maps", "cmp"
// and "iter". Programs are type-checked against these declarations, with
// their real generic signatures; at run time the calls reach the shims of
// internal/shims through the rewrites of Rewrite. Only what the shims
// implement is declared, so a program using anything else fails its check
// before it runs.
func Source(path string) (src string, ok bool) {
	src, ok = Sources[path]
	return src, ok
}

var Sources = map[string]string{
	"cmp": `// Package cmp compares ordered values.
package cmp

// Ordered is a constraint that permits any ordered type: any type that
// supports the operators < <= >= >.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Compare returns -1 if x is less than y, 0 if x equals y, +1 if x is
// greater than y. A NaN is less than any non-NaN, and equal to a NaN.
func Compare[T Ordered](x, y T) int { panic("") }

// Less reports whether x is less than y.
func Less[T Ordered](x, y T) bool { panic("") }

// Or returns the first of its arguments that is not the zero value, or the
// zero value.
func Or[T comparable](vals ...T) T { panic("") }
`,

	"iter": `// Package iter defines the iterator function types of range-over-func.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style iterator.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) { panic("") }

// Pull2 converts the push-style iterator seq into a pull-style iterator.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) { panic("") }
`,

	"maps": `// Package maps defines functions useful with maps of any type.
package maps

import "iter"

// All returns an iterator over key-value pairs from m.
func All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V] { panic("") }

// Keys returns an iterator over the keys of m, in no set order.
func Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K] { panic("") }

// Values returns an iterator over the values of m.
func Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V] { panic("") }

// Clone returns a shallow copy of m; the clone of nil is nil.
func Clone[M ~map[K]V, K comparable, V any](m M) M { panic("") }

// Collect collects the key-value pairs of seq into a new map.
func Collect[K comparable, V any](seq iter.Seq2[K, V]) map[K]V { panic("") }

// Copy sets every key-value pair of src in dst.
func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {}

// DeleteFunc deletes the pairs of m for which del returns true.
func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {}

// Equal reports whether two maps hold the same keys with equal values.
func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool { panic("") }

// EqualFunc is like Equal, comparing values with eq.
func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	panic("")
}

// Insert adds the key-value pairs of seq to m.
func Insert[Map ~map[K]V, K comparable, V any](m Map, seq iter.Seq2[K, V]) {}
`,

	"slices": `// Package slices defines functions useful with slices of any type.
package slices

import (
	"cmp"
	"iter"
)

// All returns an iterator over index-value pairs of s.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] { panic("") }

// AppendSeq appends the values of seq to s and returns the extended slice.
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice { panic("") }

// Backward returns an iterator over index-value pairs of s, last first.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] { panic("") }

// BinarySearch searches the sorted x for target and returns where it is,
// or would be, and whether it is there.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) { panic("") }

// BinarySearchFunc is like BinarySearch, comparing with cmp.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) { panic("") }

// Chunk returns an iterator over consecutive sub-slices of up to n elements.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] { panic("") }

// Clip removes unused capacity from s.
func Clip[S ~[]E, E any](s S) S { panic("") }

// Clone returns a shallow copy of s; the clone of nil is nil.
func Clone[S ~[]E, E any](s S) S { panic("") }

// Collect collects the values of seq into a new slice.
func Collect[E any](seq iter.Seq[E]) []E { panic("") }

// Compact replaces runs of equal elements with a single copy.
func Compact[S ~[]E, E comparable](s S) S { panic("") }

// CompactFunc is like Compact, comparing with eq.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S { panic("") }

// Compare compares the elements of s1 and s2 in order, then their lengths.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int { panic("") }

// CompareFunc is like Compare, comparing elements with cmp.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int { panic("") }

// Concat returns a new slice concatenating the passed in slices.
func Concat[S ~[]E, E any](slices ...S) S { panic("") }

// Contains reports whether v is present in s.
func Contains[S ~[]E, E comparable](s S, v E) bool { panic("") }

// ContainsFunc reports whether at least one element e of s satisfies f(e).
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool { panic("") }

// Delete removes the elements s[i:j] from s, returning the modified slice.
func Delete[S ~[]E, E any](s S, i, j int) S { panic("") }

// DeleteFunc removes the elements for which del returns true.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S { panic("") }

// Equal reports whether two slices are equal: same length, equal elements.
func Equal[S ~[]E, E comparable](s1, s2 S) bool { panic("") }

// EqualFunc is like Equal, comparing elements with eq.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool { panic("") }

// Grow increases the slice's capacity to guarantee space for n more elements.
func Grow[S ~[]E, E any](s S, n int) S { panic("") }

// Index returns the index of the first occurrence of v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int { panic("") }

// IndexFunc returns the first index i satisfying f(s[i]), or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int { panic("") }

// Insert inserts the values v... into s at index i.
func Insert[S ~[]E, E any](s S, i int, v ...E) S { panic("") }

// IsSorted reports whether x is sorted in ascending order.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool { panic("") }

// IsSortedFunc reports whether x is sorted by cmp.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool { panic("") }

// Max returns the maximal value in x. It panics if x is empty.
func Max[S ~[]E, E cmp.Ordered](x S) E { panic("") }

// MaxFunc returns the first maximal value in x by cmp. It panics if x is empty.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E { panic("") }

// Min returns the minimal value in x. It panics if x is empty.
func Min[S ~[]E, E cmp.Ordered](x S) E { panic("") }

// MinFunc returns the first minimal value in x by cmp. It panics if x is empty.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E { panic("") }

// Repeat returns a new slice that repeats x count times.
func Repeat[S ~[]E, E any](x S, count int) S { panic("") }

// Replace replaces s[i:j] by the given v, and returns the modified slice.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S { panic("") }

// Reverse reverses the elements of s in place.
func Reverse[S ~[]E, E any](s S) {}

// Sort sorts s in ascending order.
func Sort[S ~[]E, E cmp.Ordered](x S) {}

// SortFunc sorts x in ascending order as determined by cmp. It is not stable.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {}

// SortStableFunc sorts x by cmp, keeping the order of equal elements.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {}

// Sorted collects the values of seq into a new slice, sorts it and returns it.
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E { panic("") }

// SortedFunc is like Sorted, ordering by cmp.
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E { panic("") }

// SortedStableFunc is like SortedFunc, keeping the order of equal elements.
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E { panic("") }

// Values returns an iterator over the elements of s.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] { panic("") }
`,
}
