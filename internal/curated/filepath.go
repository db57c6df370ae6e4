package curated

import (
	"go/constant"
	"go/token"
	"path/filepath"
	"reflect"
)

// The path/filepath a program sees: the functions that work on the text of
// a path alone. Abs, EvalSymlinks, Glob, Walk and WalkDir read the file
// system and are left out.

func init() {
	Symbols["path/filepath/filepath"] = map[string]reflect.Value{
		"Base":          reflect.ValueOf(filepath.Base),
		"Clean":         reflect.ValueOf(filepath.Clean),
		"Dir":           reflect.ValueOf(filepath.Dir),
		"Ext":           reflect.ValueOf(filepath.Ext),
		"FromSlash":     reflect.ValueOf(filepath.FromSlash),
		"IsAbs":         reflect.ValueOf(filepath.IsAbs),
		"IsLocal":       reflect.ValueOf(filepath.IsLocal),
		"Join":          reflect.ValueOf(filepath.Join),
		"Localize":      reflect.ValueOf(filepath.Localize),
		"Match":         reflect.ValueOf(filepath.Match),
		"Rel":           reflect.ValueOf(filepath.Rel),
		"Split":         reflect.ValueOf(filepath.Split),
		"SplitList":     reflect.ValueOf(filepath.SplitList),
		"ToSlash":       reflect.ValueOf(filepath.ToSlash),
		"VolumeName":    reflect.ValueOf(filepath.VolumeName),
		"ErrBadPattern": reflect.ValueOf(&filepath.ErrBadPattern).Elem(),
		"SkipAll":       reflect.ValueOf(&filepath.SkipAll).Elem(),
		"SkipDir":       reflect.ValueOf(&filepath.SkipDir).Elem(),
		"Separator":     reflect.ValueOf(constant.MakeFromLiteral("'/'", token.CHAR, 0)),
		"ListSeparator": reflect.ValueOf(constant.MakeFromLiteral("':'", token.CHAR, 0)),
	}
}
