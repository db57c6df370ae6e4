package plan

import (
	"go/scanner"
	"go/token"
	"strings"
)

// SyntaxError is the error Build returns for a program that does not parse,
// a missing package clause included.
type SyntaxError struct {
	File   string
	Errors []PosError // in source order
}

// PosError is one error at a position in the program.
type PosError struct {
	Pos Pos
	Msg string
}

// Error prints one "file:line:col: message" line per error, like go vet.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	for i, pe := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(token.Position{Filename: e.File, Line: pe.Pos.Line, Column: pe.Pos.Col}.String())
		b.WriteString(": ")
		b.WriteString(pe.Msg)
	}
	return b.String()
}

// syntaxError converts the parser's error. Its positions honour //line
// directives, which a program could use to point elsewhere, so they are
// recomputed from byte offsets.
func syntaxError(fset *token.FileSet, filename string, err error) *SyntaxError {
	se := &SyntaxError{File: filename}
	list, ok := err.(scanner.ErrorList)
	if !ok {
		se.Errors = []PosError{{Pos: Pos{Line: 1, Col: 1}, Msg: err.Error()}}
		return se
	}
	var file *token.File
	fset.Iterate(func(f *token.File) bool { file = f; return false })
	for _, e := range list {
		pos := Pos{Line: e.Pos.Line, Col: e.Pos.Column}
		if file != nil && e.Pos.IsValid() && e.Pos.Offset <= file.Size() {
			p := file.PositionFor(file.Pos(e.Pos.Offset), false)
			pos = Pos{Line: p.Line, Col: p.Column}
		}
		se.Errors = append(se.Errors, PosError{Pos: pos, Msg: e.Msg})
	}
	return se
}
