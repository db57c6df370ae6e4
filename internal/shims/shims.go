// Package shims runs the generic standard packages slices, maps and cmp
// inside the interpreter, which cannot: yaegi extract skips generic
// functions, and the interpreter's own generic sources for them do not
// compile.
//
// Each function here takes and returns any and works on the dynamic types
// through reflect, with the semantics of its standard counterpart (same
// sort algorithm, same panics, same results). The planner's compatibility
// rewrite adapts each call site: it types untyped constant arguments,
// passes variadic arguments as one slice, and asserts a result whose type
// involves a type parameter back to the instantiated type, for example
// slices.Max(xs) becomes slices.Max(xs).(int).
//
// Iterators (iter.Seq, iter.Seq2) are real functions at run time, exactly
// as in Go: maps.Keys returns a func(yield func(K) bool).
//
// The package RuntimePath holds the shims the rewrites themselves call
// (recover, panics with program errors, conversions to type parameters);
// every run loads it.
package shims

import "reflect"

// Symbols holds the shims in the format of yaegi's Use: "path/name" to the
// package's exported symbols. "iter" has no run-time symbols (its types are
// rewritten to function types) but must exist to be imported. RuntimePath
// holds the shims of the rewrites themselves, which every run must load.
var Symbols = map[string]map[string]reflect.Value{
	"slices/slices": {
		"All":              reflect.ValueOf(All),
		"AppendSeq":        reflect.ValueOf(AppendSeq),
		"Backward":         reflect.ValueOf(Backward),
		"BinarySearch":     reflect.ValueOf(BinarySearch),
		"BinarySearchFunc": reflect.ValueOf(BinarySearchFunc),
		"Chunk":            reflect.ValueOf(Chunk),
		"Clip":             reflect.ValueOf(Clip),
		"Clone":            reflect.ValueOf(Clone),
		"Collect":          reflect.ValueOf(Collect),
		"Compact":          reflect.ValueOf(Compact),
		"CompactFunc":      reflect.ValueOf(CompactFunc),
		"Compare":          reflect.ValueOf(CompareSlices),
		"CompareFunc":      reflect.ValueOf(CompareFunc),
		"Concat":           reflect.ValueOf(Concat),
		"Contains":         reflect.ValueOf(Contains),
		"ContainsFunc":     reflect.ValueOf(ContainsFunc),
		"Delete":           reflect.ValueOf(Delete),
		"DeleteFunc":       reflect.ValueOf(DeleteFunc),
		"Equal":            reflect.ValueOf(Equal),
		"EqualFunc":        reflect.ValueOf(EqualFunc),
		"Grow":             reflect.ValueOf(Grow),
		"Index":            reflect.ValueOf(Index),
		"IndexFunc":        reflect.ValueOf(IndexFunc),
		"Insert":           reflect.ValueOf(Insert),
		"IsSorted":         reflect.ValueOf(IsSorted),
		"IsSortedFunc":     reflect.ValueOf(IsSortedFunc),
		"Max":              reflect.ValueOf(Max),
		"MaxFunc":          reflect.ValueOf(MaxFunc),
		"Min":              reflect.ValueOf(Min),
		"MinFunc":          reflect.ValueOf(MinFunc),
		"Repeat":           reflect.ValueOf(Repeat),
		"Replace":          reflect.ValueOf(Replace),
		"Reverse":          reflect.ValueOf(Reverse),
		"Sort":             reflect.ValueOf(Sort),
		"SortFunc":         reflect.ValueOf(SortFunc),
		"SortStableFunc":   reflect.ValueOf(SortStableFunc),
		"Sorted":           reflect.ValueOf(Sorted),
		"SortedFunc":       reflect.ValueOf(SortedFunc),
		"SortedStableFunc": reflect.ValueOf(SortedStableFunc),
		"Values":           reflect.ValueOf(Values),
	},
	"maps/maps": {
		"All":        reflect.ValueOf(MapAll),
		"Clone":      reflect.ValueOf(MapClone),
		"Collect":    reflect.ValueOf(MapCollect),
		"Copy":       reflect.ValueOf(MapCopy),
		"DeleteFunc": reflect.ValueOf(MapDeleteFunc),
		"Equal":      reflect.ValueOf(MapEqual),
		"EqualFunc":  reflect.ValueOf(MapEqualFunc),
		"Insert":     reflect.ValueOf(MapInsert),
		"Keys":       reflect.ValueOf(Keys),
		"Values":     reflect.ValueOf(MapValues),
	},
	"cmp/cmp": {
		"Compare": reflect.ValueOf(Compare),
		"Less":    reflect.ValueOf(Less),
		"Or":      reflect.ValueOf(Or),
	},
	"iter/iter": {},
	RuntimePath + "/" + RuntimePath: {
		"Convert":        reflect.ValueOf(Convert),
		"ClearMap":       reflect.ValueOf(ClearMap),
		"StringRune":     reflect.ValueOf(StringRune),
		"MakeLen":        reflect.ValueOf(MakeLen),
		"BoundPanic":     reflect.ValueOf(BoundPanic),
		"TemplateError":  reflect.ValueOf(TemplateError),
		"TypedNil":       reflect.ValueOf(TypedNil),
		"RangeContinued": reflect.ValueOf(RangeContinued),
		"RangeExhausted": reflect.ValueOf(RangeExhausted),
		"DividePanic":    reflect.ValueOf(DividePanic),
		"MakeLen1":       reflect.ValueOf(MakeLen1),
		"Select":         reflect.ValueOf(Select),
		"Recv":           reflect.ValueOf(Recv),
		"Send":           reflect.ValueOf(Send),
		"SelectCase":     reflect.ValueOf((*SelectCase)(nil)),
		"ErrorPanic":     reflect.ValueOf((*ErrorPanic)(nil)),
		"NewErrorPanic":  reflect.ValueOf(NewErrorPanic),
		"BuiltinPrint":   reflect.ValueOf(BuiltinPrint),
		"BuiltinPrintln": reflect.ValueOf(BuiltinPrintln),
		"Raise":          reflect.ValueOf(Raise),
		"Recovered":      reflect.ValueOf(Recovered),
		"Bound":          reflect.ValueOf(Bound),
		"SliceBound":     reflect.ValueOf(SliceBound),
		"NonZero":        reflect.ValueOf(NonZero),
		"MapWrite":       reflect.ValueOf(MapWrite),
		"PanicText":      reflect.ValueOf(PanicText),
		"GoPanic":        reflect.ValueOf(GoPanic),

		// Program types as native code must see them (types.go).
		"Types":                    reflect.ValueOf(Types),
		"Instance":                 reflect.ValueOf(Instance),
		"MethodString":             reflect.ValueOf(MethodString),
		"MethodBytes":              reflect.ValueOf(MethodBytes),
		"MethodFromBytes":          reflect.ValueOf(MethodFromBytes),
		"MethodBool":               reflect.ValueOf(MethodBool),
		"MethodFormat":             reflect.ValueOf(MethodFormat),
		"TypeName":                 reflect.ValueOf(TypeName),
		"Is":                       reflect.ValueOf(Is),
		"IsLike":                   reflect.ValueOf(IsLike),
		"SameValue":                reflect.ValueOf(SameValue),
		"Take":                     reflect.ValueOf(Take),
		"AssertionFailed":          reflect.ValueOf(AssertionFailed),
		"InterfaceAssertionFailed": reflect.ValueOf(InterfaceAssertionFailed),
		"IsProgramValue":           reflect.ValueOf(IsProgramValue),

		// fmt (format.go).
		"ValueFmt":  reflect.ValueOf(ValueFmt),
		"ValuesFmt": reflect.ValueOf(ValuesFmt),
		"Sprintf":   reflect.ValueOf(Sprintf),
		"Printf":    reflect.ValueOf(Printf),
		"Fprintf":   reflect.ValueOf(Fprintf),
		"Appendf":   reflect.ValueOf(Appendf),
		"Errorf":    reflect.ValueOf(Errorf),
		"Sprint":    reflect.ValueOf(Sprint),
		"Print":     reflect.ValueOf(Print),
		"Fprint":    reflect.ValueOf(Fprint),
		"Append":    reflect.ValueOf(Append),

		// encoding/json (json.go, jsondecode.go).
		"ValueJSON":     reflect.ValueOf(ValueJSON),
		"TargetJSON":    reflect.ValueOf(TargetJSON),
		"Marshal":       reflect.ValueOf(Marshal),
		"MarshalIndent": reflect.ValueOf(MarshalIndent),
		"Encode":        reflect.ValueOf(Encode),
		"Decode":        reflect.ValueOf(Decode),
	},
}
