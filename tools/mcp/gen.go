package mcp

import (
	"encoding/json"
	"fmt"
	"go/format"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/google/jsonschema-go/jsonschema"
)

// A tool function as generated: the Go names for one MCP tool.
type function struct {
	Name   string // Go name, "CreateEntities"
	Tool   string // MCP tool name, "create_entities"
	Typed  bool   // the result is a struct generated from the output schema
	schema *jsonschema.Resolved
}

// declaration is a generated package: its Go source and the functions it
// declares, by Go name.
type declaration struct {
	Source string
	Funcs  map[string]*function
}

// toolInfo is what the generator needs from one tools/list entry.
type toolInfo struct {
	Name         string
	Title        string
	Description  string
	InputSchema  map[string]any
	OutputSchema map[string]any
}

// maxDepth bounds how deep the generator follows nested schemas and
// references; deeper parts become any.
const maxDepth = 8

// generate writes the Go declaration of package name for tools, sorted by
// tool name so the source is stable.
func generate(name, server string, tools []toolInfo) (declaration, error) {
	g := &generator{typeNames: map[string]bool{"Result": true, "Content": true}, structs: map[string]bool{}, bySchema: map[string]string{}}
	tools = slices.Clone(tools)
	slices.SortFunc(tools, func(a, b toolInfo) int { return strings.Compare(a.Name, b.Name) })

	d := declaration{Funcs: map[string]*function{}}
	// Name every function first, so that no type takes a function's name.
	names := make([]string, len(tools))
	for i, t := range tools {
		names[i] = uniqueName(goName(t.Name, "Tool"), func(s string) bool { return g.typeNames[s] })
		g.typeNames[names[i]] = true
	}
	var funcs strings.Builder
	usesResult := false
	for i, t := range tools {
		fn := names[i]
		f := &function{Name: fn, Tool: t.Name}
		d.Funcs[fn] = f

		argsType := g.newType(fn + "Args")
		g.structType(argsType, "holds the arguments of "+fn+".", t.InputSchema, t.InputSchema, 0)

		result := "Result"
		if isObjectSchema(t.OutputSchema) {
			result = g.newType(fn + "Result")
			g.structType(result, "is the structured result of "+fn+".", t.OutputSchema, t.OutputSchema, 0)
			f.Typed = true
		} else {
			usesResult = true
		}

		funcs.WriteString("\n")
		title := t.Title
		if t.Description != "" {
			title = "" // the description says more
		}
		writeDoc(&funcs, "", fn+" calls the MCP tool "+quote(t.Name)+".", title, t.Description)
		if !f.Typed {
			funcs.WriteString("//\n// The tool declares no output schema: its content arrives as a Result.\n")
		}
		fmt.Fprintf(&funcs, "func %s(args %s) (%s, error)\n", fn, argsType, result)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s calls the tools of the MCP server %s.\n", name, quote(server))
	b.WriteString("// Every function sends its arguments to the server through airlock, which\n")
	b.WriteString("// checks them against the policy first; a tool that reports an error returns\n")
	b.WriteString("// it as a Go error. Optional fields (omitempty) are not sent when they hold\n")
	b.WriteString("// their zero value.\n")
	fmt.Fprintf(&b, "package %s\n", name)
	if usesResult {
		b.WriteString(resultSource)
	}
	for _, t := range g.types {
		b.WriteString("\n" + t)
	}
	b.WriteString(funcs.String())

	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return declaration{}, fmt.Errorf("generated declaration does not parse: %w", err)
	}
	d.Source = string(src)
	return d, nil
}

// resultSource declares the generic result of a tool without an output
// schema. Provider.Call returns the matching Go types.
const resultSource = `
// Result is what a tool without an output schema returns.
type Result struct {
	Text       string    // the text of every text content block, joined by newlines
	Structured any       // the structured content, when the server sends one
	Content    []Content // every content block, in order
}

// Content is one content block of a Result.
type Content struct {
	Type     string // "text", "image", "audio", "resource_link" or "resource"
	Text     string // the text of a text block or of an embedded text resource
	MIMEType string // the media type of image, audio and resource blocks
	URI      string // the URI of a resource or resource link
	Data     string // image, audio or blob data, base64-encoded
}
`

// Result is the generic result of a tool without an output schema, as
// declared in resultSource.
type Result struct {
	Text       string
	Structured any
	Content    []Content
}

// Content is one content block of a Result.
type Content struct {
	Type     string
	Text     string
	MIMEType string
	URI      string
	Data     string
}

type generator struct {
	typeNames map[string]bool
	structs   map[string]bool   // generated struct types
	bySchema  map[string]string // nested struct types by their schema's JSON, to reuse them
	types     []string
}

// newType reserves a type name, adding a number when it is taken.
func (g *generator) newType(want string) string {
	name := uniqueName(want, func(s string) bool { return g.typeNames[s] })
	g.typeNames[name] = true
	return name
}

// tagSafe reports whether a property name can be written in a json struct
// tag: a tag cannot hold a comma, a quote or a backquote, and "-" means
// "skip".
func tagSafe(prop string) bool {
	return prop != "" && prop != "-" && !strings.ContainsAny(prop, ",\"`") &&
		strings.IndexFunc(prop, unicode.IsControl) < 0
}

// structType declares type name as a struct with one field per property of
// schema. root is the document local references resolve against.
func (g *generator) structType(name, doc string, schema, root map[string]any, depth int) {
	schema = resolve(schema, root)
	props, _ := schema["properties"].(map[string]any)
	var left []string
	for _, prop := range slices.Sorted(maps.Keys(props)) {
		if !tagSafe(prop) {
			left = append(left, quote(prop))
		}
	}
	desc := str(schema["description"])
	if len(left) > 0 {
		desc += "\n\nLeft out, as Go cannot name them in a json tag: " + strings.Join(left, ", ") + "."
	}
	var b strings.Builder
	writeDoc(&b, "", name+" "+doc, "", desc)
	fmt.Fprintf(&b, "type %s struct {\n", name)
	required := map[string]bool{}
	if req, ok := schema["required"].([]any); ok {
		for _, r := range req {
			if s, ok := r.(string); ok {
				required[s] = true
			}
		}
	}
	g.structs[name] = true
	fields := map[string]bool{}
	// Lower case first, so "query" is Query and "Query" the one renamed.
	order := slices.SortedFunc(maps.Keys(props), func(a, b string) int {
		if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
			return c
		}
		return -strings.Compare(a, b)
	})
	for _, prop := range order {
		if !tagSafe(prop) {
			continue
		}
		ps, _ := props[prop].(map[string]any)
		field := uniqueName(goName(prop, "Field"), func(s string) bool { return fields[s] })
		fields[field] = true
		typ := g.goType(name, field, name+"."+field, ps, root, depth+1)
		if !required[prop] && g.structs[typ] {
			typ = "*" + typ
		}
		ps = resolve(ps, root)
		var notes []string
		if enum, ok := ps["enum"].([]any); ok && len(enum) > 0 {
			notes = append(notes, "one of "+jsonList(enum))
		}
		if def, ok := ps["default"]; ok {
			notes = append(notes, "default "+jsonText(def))
		}
		desc := str(ps["description"])
		switch {
		case len(notes) > 0 && desc == "":
			desc = strings.ToUpper(notes[0][:1]) + notes[0][1:] + strings.Join(append([]string{""}, notes[1:]...), "; ") + "."
		case len(notes) > 0:
			desc = strings.TrimSpace(desc) + " (" + strings.Join(notes, "; ") + ")"
		}
		if desc != "" {
			writeDoc(&b, "\t", desc, "", "")
		}
		tag := prop
		if !required[prop] {
			tag += ",omitempty"
		}
		fmt.Fprintf(&b, "\t%s %s `json:%s`\n", field, typ, quote(tag))
	}
	b.WriteString("}\n")
	g.types = append(g.types, b.String())
}

// goType maps a property's schema to a Go type, declaring struct types for
// objects with properties. owner and field name the struct types it makes.
func (g *generator) goType(owner, field, where string, schema, root map[string]any, depth int) string {
	// A named definition names its type: "#/$defs/user" gives User.
	if ref, ok := schema["$ref"].(string); ok {
		for _, prefix := range []string{"#/$defs/", "#/definitions/"} {
			if def, ok := strings.CutPrefix(ref, prefix); ok && !strings.Contains(def, "/") {
				field = goName(def, field)
			}
		}
	}
	schema = resolve(schema, root)
	if schema == nil || depth > maxDepth {
		return "any"
	}
	switch typ := schemaType(schema, root); typ {
	case "string":
		return "string"
	case "integer":
		return "int64"
	case "number":
		return "float64"
	case "boolean":
		return "bool"
	case "array":
		items, _ := schema["items"].(map[string]any)
		if items == nil {
			return "[]any"
		}
		return "[]" + g.goType(owner, singular(field), where, items, root, depth+1)
	case "object":
		if props, ok := schema["properties"].(map[string]any); ok && len(props) > 0 {
			key := jsonText(shape(schema))
			if name, ok := g.bySchema[key]; ok {
				return name
			}
			// The field's own name reads best (Entity); a prefix tells
			// apart different types of the same name.
			name := field
			if g.typeNames[name] {
				name = g.newType(strings.TrimSuffix(owner, "Args") + field)
			} else {
				g.typeNames[name] = true
			}
			g.bySchema[key] = name
			g.structType(name, "is used in "+where+".", schema, root, depth)
			return name
		}
		if extra, ok := schema["additionalProperties"].(map[string]any); ok {
			return "map[string]" + g.goType(owner, field, where, extra, root, depth+1)
		}
		return "map[string]any"
	}
	return "any"
}

// shape strips a schema of what does not change the Go type it maps to, so
// that equal types are declared once.
func shape(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			switch k {
			case "$schema", "$id", "title", "additionalProperties":
				if _, isBool := e.(bool); k == "additionalProperties" && !isBool {
					out[k] = shape(e)
				}
				continue
			}
			out[k] = shape(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = shape(e)
		}
		return out
	}
	return v
}

// schemaType returns the single JSON type a schema describes, or "" when it
// allows several. A nullable type ("string" or null) counts as its non-null
// type, and anyOf/oneOf count when every alternative has the same type.
func schemaType(schema, root map[string]any) string {
	switch t := schema["type"].(type) {
	case string:
		return t
	case []any:
		var types []string
		for _, x := range t {
			if s, ok := x.(string); ok && s != "null" {
				types = append(types, s)
			}
		}
		if len(types) == 1 {
			return types[0]
		}
		return ""
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		alts, ok := schema[key].([]any)
		if !ok {
			continue
		}
		common := ""
		for _, a := range alts {
			as, _ := a.(map[string]any)
			at := schemaType(resolve(as, root), root)
			if at == "null" {
				continue
			}
			if at == "" || common != "" && at != common {
				return ""
			}
			common = at
		}
		return common
	}
	if c, ok := schema["const"]; ok {
		switch c.(type) {
		case string:
			return "string"
		case bool:
			return "boolean"
		case float64, json.Number:
			return "number"
		}
	}
	if _, ok := schema["properties"]; ok {
		return "object"
	}
	return ""
}

// resolve follows local references ("#/$defs/Entity", "#/properties/x")
// within root, a few levels deep; an unresolvable reference gives nil.
func resolve(schema, root map[string]any) map[string]any {
	for range maxDepth {
		ref, ok := schema["$ref"].(string)
		if !ok {
			return schema
		}
		target, ok := pointer(root, ref)
		if !ok {
			return nil
		}
		schema = target
	}
	return nil
}

// pointer looks up a JSON pointer fragment ("#/a/b") in root.
func pointer(root map[string]any, ref string) (map[string]any, bool) {
	if ref == "#" {
		return root, true
	}
	path, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil, false
	}
	var cur any = root
	for _, part := range strings.Split(path, "/") {
		part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[part]; !ok {
			return nil, false
		}
	}
	m, ok := cur.(map[string]any)
	return m, ok
}

func isObjectSchema(s map[string]any) bool {
	if s == nil {
		return false
	}
	props, ok := s["properties"].(map[string]any)
	return schemaType(s, s) == "object" && ok && len(props) > 0
}

// goName turns a tool or property name into an exported Go identifier:
// "create_entities" and "create-entities" give CreateEntities,
// "readFile" gives ReadFile. A name with no letters or digits gives
// fallback; one starting with a digit is prefixed with it.
func goName(name, fallback string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || r > unicode.MaxASCII {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	s := b.String()
	if s == "" {
		return fallback
	}
	if unicode.IsDigit(rune(s[0])) {
		return fallback + s
	}
	return fixInitialisms(s)
}

// fixInitialisms writes common initialisms the Go way (Id -> ID, Url -> URL)
// when they end a name or precede another capitalised word.
func fixInitialisms(s string) string {
	for _, w := range []string{"Id", "Url", "Uri", "Json", "Html", "Http", "Api", "Sql"} {
		var out strings.Builder
		for {
			i := strings.Index(s, w)
			if i < 0 {
				out.WriteString(s)
				break
			}
			end := i + len(w)
			out.WriteString(s[:i])
			if end == len(s) || unicode.IsUpper(rune(s[end])) || unicode.IsDigit(rune(s[end])) {
				out.WriteString(strings.ToUpper(w))
			} else {
				out.WriteString(w)
			}
			s = s[end:]
		}
		s = out.String()
	}
	return s
}

// uniqueName returns want, or want followed by the smallest number from 2
// that taken does not report.
func uniqueName(want string, taken func(string) bool) string {
	if !taken(want) {
		return want
	}
	for i := 2; ; i++ {
		if s := fmt.Sprintf("%s%d", want, i); !taken(s) {
			return s
		}
	}
}

// singular names the element type of an array field: Entities -> Entity,
// Paths -> Path; other names get an Item suffix.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "ss"):
		return s + "Item"
	case strings.HasSuffix(s, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s + "Item"
}

// writeDoc writes a doc comment: the first line, then title and
// description as a further paragraph, wrapped near 76 columns.
func writeDoc(b *strings.Builder, indent, first, title, desc string) {
	var rest []string
	if title != "" && !strings.EqualFold(title, desc) {
		rest = append(rest, "Title: "+title+".")
	}
	rest = append(rest, strings.Split(strings.TrimSpace(desc), "\n")...)
	for _, line := range wrap(first, 76-len(indent)) {
		b.WriteString(indent + "// " + line + "\n")
	}
	sep := true // a blank comment line before the next text
	for _, p := range rest {
		if strings.TrimSpace(p) == "" {
			sep = true
			continue
		}
		if sep {
			b.WriteString(indent + "//\n")
			sep = false
		}
		for _, line := range wrap(p, 76-len(indent)) {
			b.WriteString(indent + "// " + line + "\n")
		}
	}
}

// wrap breaks text into lines of at most width runes at spaces, keeping
// words longer than width whole. Control characters become spaces so a
// description cannot end the comment.
func wrap(text string, width int) []string {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, text)
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func jsonList(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = jsonText(v)
	}
	return strings.Join(parts, ", ")
}
