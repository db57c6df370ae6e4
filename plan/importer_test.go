package plan

import (
	"fmt"
	"go/build"
	"go/constant"
	goimporter "go/importer"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSymbolsMatchSource checks the packages built from the symbol tables
// against the same packages type-checked from the Go sources, where a Go
// installation is at hand: every non-generic exported object is there, of
// the same kind and shape, and every type has the same method sets.
func TestSymbolsMatchSource(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	if _, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", "fmt")); err != nil {
		t.Skip("no Go sources to compare with")
	}
	fromSource := goimporter.ForCompiler(token.NewFileSet(), "source", nil)
	stdlib.mu.Lock()
	var paths []string
	for p := range stdKeys() {
		paths = append(paths, p)
	}
	stdlib.mu.Unlock()
	sort.Strings(paths)
	for _, path := range paths {
		if strings.HasPrefix(path, "airlock/") {
			continue // airlock's own native packages have no Go sources to compare with
		}
		t.Run(path, func(t *testing.T) {
			ours, err := importStd(path)
			if err != nil {
				t.Fatal(err)
			}
			real, err := fromSource.Import(path)
			if err != nil {
				t.Fatal(err)
			}
			subset := curated[path]
			for _, name := range real.Scope().Names() {
				robj := real.Scope().Lookup(name)
				if !robj.Exported() || isGeneric(robj) || isConstraint(robj) {
					continue // reflect cannot describe these: compat source declares them
				}
				oobj := ours.Scope().Lookup(name)
				if oobj == nil {
					if !subset {
						t.Errorf("%s: missing", name)
					}
					continue
				}
				compareObjects(t, name, oobj, robj)
			}
		})
	}
}

// curated are the packages the sandbox offers in part (internal/curated,
// and the generated tables less what reads files): what they offer must
// match the real package, but not all of it is there.
var curated = map[string]bool{
	"os": true, "log": true, "path/filepath": true, "io/ioutil": true,
	"text/template": true, "html/template": true, "net": true, "runtime": true,
	"net/http": true, "net/http/httptest": true, "reflect": true,
}

func isGeneric(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().TypeParams().Len() > 0
	case *types.TypeName:
		if n, ok := obj.Type().(*types.Named); ok {
			return n.TypeParams().Len() > 0
		}
		if a, ok := obj.Type().(*types.Alias); ok {
			return a.TypeParams().Len() > 0
		}
	}
	return false
}

// isConstraint reports an interface usable only as a type constraint, such
// as cmp.Ordered.
func isConstraint(obj types.Object) bool {
	iface, ok := obj.Type().Underlying().(*types.Interface)
	return ok && !iface.IsMethodSet()
}

func compareObjects(t *testing.T, name string, ours, real types.Object) {
	t.Helper()
	if ok, rk := fmt.Sprintf("%T", ours), fmt.Sprintf("%T", real); ok != rk {
		t.Errorf("%s: %s, want %s", name, ok, rk)
		return
	}
	if os, rs := shape(ours.Type()), shape(real.Type()); os != rs {
		t.Errorf("%s: type\n got %s\nwant %s", name, os, rs)
	}
	switch real := real.(type) {
	case *types.Const:
		ov, rv := ours.(*types.Const).Val(), real.Val()
		if rv.Kind() == constant.Float || rv.Kind() == constant.Complex {
			of, _ := constant.Float64Val(constant.Real(ov))
			rf, _ := constant.Float64Val(constant.Real(rv))
			if of != rf {
				t.Errorf("%s: value %v, want %v", name, ov, rv)
			}
		} else if !constant.Compare(ov, token.EQL, rv) {
			t.Errorf("%s: value %v, want %v", name, ov, rv)
		}
	case *types.TypeName:
		if real.IsAlias() {
			return
		}
		for _, ptr := range []bool{false, true} {
			om, rm := methodSet(ours.Type(), ptr), methodSet(real.Type(), ptr)
			if om != rm {
				t.Errorf("%s: method set (pointer %v)\n got %s\nwant %s", name, ptr, om, rm)
			}
		}
	}
}

func methodSet(t types.Type, ptr bool) string {
	if ptr {
		if _, ok := t.Underlying().(*types.Interface); ok {
			return ""
		}
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	var list []string
	for i := range ms.Len() {
		m := ms.At(i).Obj()
		if m.Exported() {
			list = append(list, m.Name()+shape(m.Type()))
		}
	}
	return strings.Join(list, "; ")
}

// shape prints a type without parameter names and with instances of generic
// types by their structure, which is what reflect can tell.
func shape(t types.Type) string {
	switch t := t.(type) {
	case *types.Alias:
		return shape(types.Unalias(t))
	case *types.Named:
		if t.TypeArgs().Len() > 0 {
			return shape(t.Underlying())
		}
		if t.Obj().Pkg() == nil {
			return t.Obj().Name()
		}
		return t.Obj().Pkg().Path() + "." + t.Obj().Name()
	case *types.Basic:
		switch t.Kind() {
		case types.Byte:
			return "uint8"
		case types.Rune:
			return "int32"
		}
		return t.Name()
	case *types.Pointer:
		return "*" + shape(t.Elem())
	case *types.Slice:
		return "[]" + shape(t.Elem())
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), shape(t.Elem()))
	case *types.Map:
		return "map[" + shape(t.Key()) + "]" + shape(t.Elem())
	case *types.Chan:
		return [...]string{"chan ", "chan<- ", "<-chan "}[t.Dir()] + shape(t.Elem())
	case *types.Signature:
		return "func(" + tupleShape(t.Params()) + variadicMark(t) + ") (" + tupleShape(t.Results()) + ")"
	case *types.Struct:
		var fields []string
		for i := range t.NumFields() {
			f := t.Field(i)
			switch {
			case f.Embedded():
				fields = append(fields, "embedded "+shape(f.Type()))
			case f.Exported():
				fields = append(fields, f.Name()+" "+shape(f.Type()))
			default:
				fields = append(fields, f.Name())
			}
		}
		return "struct{" + strings.Join(fields, "; ") + "}"
	case *types.Interface:
		var methods []string
		for i := range t.NumMethods() {
			m := t.Method(i)
			methods = append(methods, m.Name()+shape(m.Type()))
		}
		return "interface{" + strings.Join(methods, "; ") + "}"
	case *types.TypeParam:
		return t.Obj().Name()
	}
	return fmt.Sprintf("?%T", t)
}

func tupleShape(t *types.Tuple) string {
	var list []string
	for i := range t.Len() {
		list = append(list, shape(t.At(i).Type()))
	}
	return strings.Join(list, ", ")
}

func variadicMark(s *types.Signature) string {
	if s.Variadic() {
		return " ..."
	}
	return ""
}
