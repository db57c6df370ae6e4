package compat

import (
	"go/types"
	"strconv"
	"strings"
)

// typeString writes t as Go source valid in the program: packages by the
// names the file imports them under, iterator types as the function types
// they stand for, untyped constants as their default type. ok is false
// when t cannot be written there (a package the file does not import, an
// unexported type of another package).
func (r *compatRewriter) typeString(t types.Type) (s string, ok bool) {
	w := typeWriter{r: r, ok: true}
	w.write(t)
	return w.b.String(), w.ok
}

type typeWriter struct {
	r  *compatRewriter
	b  strings.Builder
	ok bool
}

func (w *typeWriter) write(t types.Type) {
	switch t := t.(type) {
	case *types.Basic:
		w.basic(t)
	case *types.Alias:
		if t.Obj().Pkg() == nil && t.Obj().Name() == "any" {
			w.b.WriteString("any")
			return
		}
		w.write(types.Unalias(t))
	case *types.Named:
		w.named(t)
	case *types.TypeParam:
		w.b.WriteString(t.Obj().Name())
	case *types.Pointer:
		w.b.WriteByte('*')
		w.write(t.Elem())
	case *types.Slice:
		w.b.WriteString("[]")
		w.write(t.Elem())
	case *types.Array:
		w.b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		w.write(t.Elem())
	case *types.Map:
		w.b.WriteString("map[")
		w.write(t.Key())
		w.b.WriteByte(']')
		w.write(t.Elem())
	case *types.Chan:
		w.chan_(t)
	case *types.Signature:
		w.b.WriteString("func")
		w.signature(t)
	case *types.Struct:
		w.struct_(t)
	case *types.Interface:
		w.interface_(t)
	case *types.Union:
		for i := range t.Len() {
			if i > 0 {
				w.b.WriteString(" | ")
			}
			if t.Term(i).Tilde() {
				w.b.WriteByte('~')
			}
			w.write(t.Term(i).Type())
		}
	default:
		w.ok = false
	}
}

func (w *typeWriter) basic(t *types.Basic) {
	switch t.Kind() {
	case types.UntypedBool:
		w.b.WriteString("bool")
	case types.UntypedInt:
		w.b.WriteString("int")
	case types.UntypedRune:
		w.b.WriteString("rune")
	case types.UntypedFloat:
		w.b.WriteString("float64")
	case types.UntypedComplex:
		w.b.WriteString("complex128")
	case types.UntypedString:
		w.b.WriteString("string")
	case types.UntypedNil, types.UnsafePointer, types.Invalid:
		w.ok = false
	default:
		w.b.WriteString(t.Name())
	}
}

func (w *typeWriter) named(t *types.Named) {
	obj := t.Obj()
	if obj.Pkg() != nil && obj.Pkg().Path() == "iter" {
		// iter.Seq and iter.Seq2 are run as the function types they name.
		w.write(t.Underlying())
		return
	}
	if obj.Pkg() != nil && obj.Pkg() != w.r.pkg {
		name, imported := w.r.imports[obj.Pkg().Path()]
		switch {
		case !imported || name == "_" || !obj.Exported():
			w.ok = false
			return
		case name != ".":
			w.b.WriteString(name + ".")
		}
	}
	w.b.WriteString(obj.Name())
	if args := t.TypeArgs(); args.Len() > 0 {
		w.b.WriteByte('[')
		for i := range args.Len() {
			if i > 0 {
				w.b.WriteString(", ")
			}
			if alias, ok := w.r.instanceAlias(args.At(i)); ok {
				w.b.WriteString(alias) // nested instances as aliases (instanceArgs)
				continue
			}
			w.write(args.At(i))
		}
		w.b.WriteByte(']')
	}
}

func (w *typeWriter) chan_(t *types.Chan) {
	switch t.Dir() {
	case types.SendOnly:
		w.b.WriteString("chan<- ")
	case types.RecvOnly:
		w.b.WriteString("<-chan ")
	default:
		w.b.WriteString("chan ")
		if e, ok := t.Elem().(*types.Chan); ok && e.Dir() == types.RecvOnly {
			w.b.WriteByte('(')
			w.write(e)
			w.b.WriteByte(')')
			return
		}
	}
	w.write(t.Elem())
}

// signature writes the parameters and results of a function type.
func (w *typeWriter) signature(sig *types.Signature) {
	w.tuple(sig.Params(), sig.Variadic())
	switch res := sig.Results(); res.Len() {
	case 0:
	case 1:
		w.b.WriteByte(' ')
		w.write(res.At(0).Type())
	default:
		w.b.WriteByte(' ')
		w.tuple(res, false)
	}
}

func (w *typeWriter) tuple(t *types.Tuple, variadic bool) {
	w.b.WriteByte('(')
	for i := range t.Len() {
		if i > 0 {
			w.b.WriteString(", ")
		}
		typ := t.At(i).Type()
		if variadic && i == t.Len()-1 {
			w.b.WriteString("...")
			typ = typ.(*types.Slice).Elem()
		}
		w.write(typ)
	}
	w.b.WriteByte(')')
}

func (w *typeWriter) struct_(t *types.Struct) {
	mark := ""
	if w.r.literalStruct(t) {
		// As markStructs marks the program's literal of this type.
		mark = markKey + `:"` + strconv.Itoa(w.r.typeID(t)) + `"`
	}
	w.b.WriteString("struct{")
	for i := range t.NumFields() {
		if i > 0 {
			w.b.WriteString("; ")
		}
		f := t.Field(i)
		if !f.Embedded() {
			w.b.WriteString(f.Name() + " ")
		}
		w.write(f.Type())
		switch tag := t.Tag(i); {
		case mark != "":
			w.b.WriteString(" " + markedTag(tag, mark))
		case tag != "":
			w.b.WriteString(" " + strconv.Quote(tag))
		}
	}
	w.b.WriteByte('}')
}

func (w *typeWriter) interface_(t *types.Interface) {
	w.b.WriteString("interface{")
	n := 0
	for i := range t.NumEmbeddeds() {
		if n > 0 {
			w.b.WriteString("; ")
		}
		w.write(t.EmbeddedType(i))
		n++
	}
	for i := range t.NumExplicitMethods() {
		if n > 0 {
			w.b.WriteString("; ")
		}
		m := t.ExplicitMethod(i)
		w.b.WriteString(m.Name())
		w.signature(m.Signature())
		n++
	}
	w.b.WriteByte('}')
}

// isInterface reports whether values of t are interfaces, or may be (a
// type parameter).
func isInterface(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		_, ok := t.Underlying().(*types.Interface)
		return ok
	default:
		_, ok := t.Underlying().(*types.Interface)
		return ok
	}
}

// mentionsTypeParam reports whether t involves a type parameter.
func mentionsTypeParam(t types.Type) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Alias:
		return mentionsTypeParam(types.Unalias(t))
	case *types.Named:
		args := t.TypeArgs()
		for i := range args.Len() {
			if mentionsTypeParam(args.At(i)) {
				return true
			}
		}
		return false
	case *types.Pointer:
		return mentionsTypeParam(t.Elem())
	case *types.Slice:
		return mentionsTypeParam(t.Elem())
	case *types.Array:
		return mentionsTypeParam(t.Elem())
	case *types.Map:
		return mentionsTypeParam(t.Key()) || mentionsTypeParam(t.Elem())
	case *types.Chan:
		return mentionsTypeParam(t.Elem())
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tup.Len() {
				if mentionsTypeParam(tup.At(i).Type()) {
					return true
				}
			}
		}
		return false
	case *types.Struct:
		for i := range t.NumFields() {
			if mentionsTypeParam(t.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// isUntyped reports whether the expression's type is an untyped constant
// or nil.
func (r *compatRewriter) isUntyped(tv types.TypeAndValue) bool {
	b, ok := tv.Type.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}
