package shims

import "reflect"

var (
	boolType = reflect.TypeFor[bool]()
)

// newSeq returns an iterator function, func(yield func(elems...) bool),
// whose calls run body with a yield that calls the consumer's.
func newSeq(elems []reflect.Type, body func(yield func(vals ...reflect.Value) bool)) reflect.Value {
	yieldType := reflect.FuncOf(elems, []reflect.Type{boolType}, false)
	seqType := reflect.FuncOf([]reflect.Type{yieldType}, nil, false)
	return reflect.MakeFunc(seqType, func(args []reflect.Value) []reflect.Value {
		consumer := args[0]
		body(func(vals ...reflect.Value) bool { return consumer.Call(vals)[0].Bool() })
		return nil
	})
}

// eachSeq calls each with every value (iter.Seq) or pair (iter.Seq2) seq
// yields, until each returns false.
func eachSeq(seq any, each func(vals []reflect.Value) bool) {
	f := reflect.ValueOf(seq)
	yieldType := f.Type().In(0)
	yield := reflect.MakeFunc(yieldType, func(vals []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(each(vals))}
	})
	f.Call([]reflect.Value{yield})
}

// seqElem is the type of the i'th value an iterator yields.
func seqElem(seq any, i int) reflect.Type {
	return reflect.TypeOf(seq).In(0).In(i)
}

// call calls the function f with args and returns its first result.
func call(f reflect.Value, args ...reflect.Value) reflect.Value {
	return f.Call(args)[0]
}
