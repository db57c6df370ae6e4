package plan

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/airlockhq/airlock/plan/pass"
)

// converter turns the reflect values of the sandbox's symbol tables into
// go/types objects, so programs type-check against exactly what the
// interpreter offers, with no Go toolchain on the machine.
//
// Every reflect.Type maps to one types.Type, so identity carries over: the
// io.Writer fmt.Fprintf expects is the io.Writer a program imports.
type converter struct {
	types map[reflect.Type]types.Type
	pkgs  map[string]*types.Package // by path, importable or not
	names map[string]string         // package names known from the symbol tables, by path
	busy  map[reflect.Type]bool     // instantiated generic types being converted
}

func newConverter(names map[string]string) *converter {
	return &converter{
		types: map[reflect.Type]types.Type{},
		pkgs:  map[string]*types.Package{},
		names: names,
		busy:  map[reflect.Type]bool{},
	}
}

var constantValue = reflect.TypeFor[constant.Value]()

// pkg returns the one package object for path, creating it on first sight:
// types of packages a program cannot import (reflect.Type seen through
// encoding/json) still need a home.
func (c *converter) pkg(path string) *types.Package {
	if p, ok := c.pkgs[path]; ok {
		return p
	}
	name, ok := c.names[path]
	if !ok {
		name = guessName(path)
	}
	p := types.NewPackage(path, name)
	c.pkgs[path] = p
	return p
}

// guessName is the package name for an import path outside the symbol
// tables: its last element, skipping a major version suffix.
func guessName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	return name
}

// fill declares the symbols of one package in its scope.
func (c *converter) fill(pkg *types.Package, syms map[string]reflect.Value) {
	scope := pkg.Scope()
	for name, v := range syms {
		if strings.HasPrefix(name, "_") || scope.Lookup(name) != nil {
			continue // interface wrappers for the interpreter; or declared by compat source
		}
		if obj := c.object(pkg, name, v); obj != nil {
			scope.Insert(obj)
		}
	}
}

// object converts one symbol. yaegi extract writes types as nil pointers to
// them, variables as addressable values, untyped constants as
// constant.Values and typed constants as plain values.
func (c *converter) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	switch {
	case !v.IsValid():
		return nil
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, c.typ(v.Type()))
	case v.Kind() == reflect.Pointer && v.IsNil():
		t := c.typ(v.Type().Elem())
		if n, ok := t.(*types.Named); ok && n.Obj().Name() == name && n.Obj().Pkg() == pkg {
			return n.Obj()
		}
		// An alias, such as one naming a type of another package.
		return types.NewAlias(types.NewTypeName(token.NoPos, pkg, name, nil), t).Obj()
	case v.Kind() == reflect.Func:
		return types.NewFunc(token.NoPos, pkg, name, c.signature(v.Type()))
	case v.Type().Implements(constantValue):
		val := v.Interface().(constant.Value)
		return types.NewConst(token.NoPos, pkg, name, untypedType(pkg.Path(), name, val), val)
	default:
		val := constantOf(v)
		if val == nil {
			return nil
		}
		return types.NewConst(token.NoPos, pkg, name, c.typ(v.Type()), val)
	}
}

// runeConstants are the untyped rune constants of the symbol tables, which
// yaegi extract writes as plain integers. The test against the Go sources
// keeps the list complete.
var runeConstants = map[string]bool{
	"math/big.MaxBase": true, "text/tabwriter.Escape": true,
	"unicode.MaxASCII": true, "unicode.MaxLatin1": true, "unicode.MaxRune": true,
	"unicode.ReplacementChar": true, "unicode.UpperLower": true,
	"unicode/utf8.MaxRune": true, "unicode/utf8.RuneError": true,
	"os.PathSeparator": true, "os.PathListSeparator": true,
	"path/filepath.Separator": true, "path/filepath.ListSeparator": true,
}

func untypedType(path, name string, val constant.Value) types.Type {
	switch val.Kind() {
	case constant.Bool:
		return types.Typ[types.UntypedBool]
	case constant.String:
		return types.Typ[types.UntypedString]
	case constant.Float:
		return types.Typ[types.UntypedFloat]
	case constant.Complex:
		return types.Typ[types.UntypedComplex]
	}
	if runeConstants[path+"."+name] {
		return types.Typ[types.UntypedRune]
	}
	return types.Typ[types.UntypedInt]
}

// constantOf is the constant value of a typed constant.
func constantOf(v reflect.Value) constant.Value {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float())
	case reflect.Complex64, reflect.Complex128:
		z := v.Complex()
		return constant.BinaryOp(constant.MakeFloat64(real(z)), token.ADD, constant.MakeImag(constant.MakeFloat64(imag(z))))
	case reflect.String:
		return constant.MakeString(v.String())
	}
	return nil
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.String: types.String,
	reflect.Int: types.Int, reflect.Int8: types.Int8, reflect.Int16: types.Int16,
	reflect.Int32: types.Int32, reflect.Int64: types.Int64,
	reflect.Uint: types.Uint, reflect.Uint8: types.Uint8, reflect.Uint16: types.Uint16,
	reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64, reflect.Uintptr: types.Uintptr,
	reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128,
	reflect.UnsafePointer: types.UnsafePointer,
}

// typ converts a type, reusing the conversion of any type seen before.
func (c *converter) typ(t reflect.Type) types.Type {
	if r, ok := c.types[t]; ok {
		return r
	}
	var r types.Type
	switch {
	case t.Kind() == reflect.UnsafePointer || t.Name() != "" && t.PkgPath() == "":
		// Predeclared: basic types and error.
		if t.Kind() == reflect.Interface {
			r = types.Universe.Lookup("error").Type()
		} else {
			r = types.Typ[basicKinds[t.Kind()]]
		}
	case t.Name() != "" && !strings.Contains(t.Name(), "["):
		return c.named(t)
	case t.Name() != "":
		// An instance of a generic type, such as iter.Seq[string]: reflect
		// cannot say which, so use its structure, which programs can
		// assign to and from the instance they name. A recursive instance
		// would never end; none is in the symbol tables, and an invalid
		// type only silences errors about it.
		if c.busy[t] {
			return types.Typ[types.Invalid]
		}
		c.busy[t] = true
		r = c.structure(t, c.pkg(t.PkgPath()))
		delete(c.busy, t)
	case t.Kind() == reflect.Interface && t.NumMethod() == 0:
		r = types.Universe.Lookup("any").Type()
	default:
		r = c.structure(t, nil)
	}
	c.types[t] = r
	return r
}

// named converts a defined type with its method set. The type is recorded
// before its structure, which may refer back to it.
func (c *converter) named(t reflect.Type) *types.Named {
	pkg := c.pkg(t.PkgPath())
	obj := types.NewTypeName(token.NoPos, pkg, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	c.types[t] = n
	if t.Kind() == reflect.Interface {
		n.SetUnderlying(c.iface(t, n))
		return n
	}
	n.SetUnderlying(c.structure(t, pkg))
	recv := types.NewVar(token.NoPos, pkg, "", n)
	for i := range t.NumMethod() {
		m := t.Method(i)
		n.AddMethod(types.NewFunc(token.NoPos, pkg, m.Name, c.method(m.Type, recv)))
	}
	if t.Kind() == reflect.Pointer {
		return n // a defined pointer type has no methods of its own
	}
	pt := reflect.PointerTo(t)
	precv := types.NewVar(token.NoPos, pkg, "", types.NewPointer(n))
	for i := range pt.NumMethod() {
		m := pt.Method(i)
		if _, ok := t.MethodByName(m.Name); !ok {
			n.AddMethod(types.NewFunc(token.NoPos, pkg, m.Name, c.method(m.Type, precv)))
		}
	}
	return n
}

// structure converts the structure of t, ignoring its name. pkg owns the
// struct fields when t is a defined type.
func (c *converter) structure(t reflect.Type, pkg *types.Package) types.Type {
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(c.typ(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(c.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(c.typ(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(c.typ(t.Key()), c.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.RecvDir:
			dir = types.RecvOnly
		case reflect.SendDir:
			dir = types.SendOnly
		}
		return types.NewChan(dir, c.typ(t.Elem()))
	case reflect.Func:
		return c.signature(t)
	case reflect.Struct:
		return c.strct(t, pkg)
	case reflect.Interface:
		return c.iface(t, nil)
	}
	return types.Typ[basicKinds[t.Kind()]]
}

// signature converts a function type.
func (c *converter) signature(t reflect.Type) *types.Signature {
	return c.funcType(t, 0, nil)
}

// method converts the function type of a concrete type's method, which
// reflect gives with the receiver as its first parameter.
func (c *converter) method(t reflect.Type, recv *types.Var) *types.Signature {
	return c.funcType(t, 1, recv)
}

// funcType converts a function type from its parameter first on.
func (c *converter) funcType(t reflect.Type, first int, recv *types.Var) *types.Signature {
	params := make([]*types.Var, 0, t.NumIn()-first)
	for i := first; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", c.typ(t.In(i))))
	}
	results := make([]*types.Var, t.NumOut())
	for i := range results {
		results[i] = types.NewParam(token.NoPos, nil, "", c.typ(t.Out(i)))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}

func (c *converter) strct(t reflect.Type, pkg *types.Package) *types.Struct {
	fields := make([]*types.Var, t.NumField())
	tags := make([]string, t.NumField())
	for i := range fields {
		f := t.Field(i)
		fpkg := pkg
		var ft types.Type
		switch {
		case f.PkgPath == "":
			ft = c.typ(f.Type)
		case f.Anonymous:
			// Unexported but embedded: it may promote exported fields.
			fpkg = c.pkg(f.PkgPath)
			ft = c.typ(f.Type)
		default:
			// A program can never reach an unexported field, only compare
			// or copy the struct holding it: a stand-in of the same
			// comparability saves converting the package's internals.
			fpkg = c.pkg(f.PkgPath)
			ft = types.Typ[types.Int]
			if !f.Type.Comparable() {
				ft = types.NewSlice(types.Typ[types.Byte])
			}
		}
		embedded := f.Anonymous
		switch types.Unalias(pass.Deref(ft)).(type) {
		case *types.Named, *types.Basic:
		default:
			embedded = false // an instance of a generic type, converted to its structure
		}
		fields[i] = types.NewField(token.NoPos, fpkg, f.Name, ft, embedded)
		tags[i] = string(f.Tag)
	}
	return types.NewStruct(fields, tags)
}

// iface converts an interface type. reflect lists its methods flattened,
// embedded interfaces included, and the unexported ones too.
func (c *converter) iface(t reflect.Type, named *types.Named) *types.Interface {
	methods := make([]*types.Func, t.NumMethod())
	var pkg *types.Package
	var recv *types.Var
	if named != nil {
		pkg = named.Obj().Pkg()
		recv = types.NewVar(token.NoPos, pkg, "", named)
	}
	for i := range methods {
		m := t.Method(i)
		mpkg := pkg
		if m.PkgPath != "" {
			mpkg = c.pkg(m.PkgPath)
		}
		methods[i] = types.NewFunc(token.NoPos, mpkg, m.Name, c.funcType(m.Type, 0, recv))
	}
	return types.NewInterfaceType(methods, nil).Complete()
}
