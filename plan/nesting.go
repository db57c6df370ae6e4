package plan

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
)

// Parsing and type-checking cost grows steeply with nesting: within
// MaxSource, 50,000 nested parentheses take half a second to parse and
// 50,000 nested blocks a second to check. Programs nest a few levels deep;
// these limits leave them ample room and cut hostile input short.
const (
	maxBrackets = 100 // open (, [ and { at any point
	maxDepth    = 500 // syntax tree depth
)

// checkBrackets rejects source whose brackets nest deeper than maxBrackets,
// before the parser meets it. It skips comments and literals; anything it
// misreads, the parser reports anyway.
func checkBrackets(filename string, src []byte) error {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '(', '[', '{':
			if depth++; depth > maxBrackets {
				line := 1 + bytes.Count(src[:i], []byte("\n"))
				col := i - bytes.LastIndexByte(src[:i], '\n')
				return &SyntaxError{File: filename, Errors: []PosError{{
					Pos: Pos{Line: line, Col: col},
					Msg: fmt.Sprintf("brackets nested more than %d deep", maxBrackets),
				}}}
			}
		case ')', ']', '}':
			depth--
		case '/':
			switch {
			case i+1 < len(src) && src[i+1] == '/':
				i = skipTo(src, i+2, "\n")
			case i+1 < len(src) && src[i+1] == '*':
				i = skipTo(src, i+2, "*/")
			}
		case '`':
			i = skipTo(src, i+1, "`")
		case '"', '\'':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		}
	}
	return nil
}

// skipTo returns the index of the last byte of the first end at or after i,
// or len(src).
func skipTo(src []byte, i int, end string) int {
	j := bytes.Index(src[i:], []byte(end))
	if j < 0 {
		return len(src)
	}
	return i + j + len(end) - 1
}

// checkDepth rejects a syntax tree deeper than maxDepth, which long chains
// of operators build without brackets.
func checkDepth(fset *token.FileSet, filename string, file *ast.File) error {
	depth := 0
	var deep ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if deep != nil {
			return false
		}
		if n == nil {
			depth--
			return true
		}
		if depth++; depth > maxDepth {
			deep = n
			return false
		}
		return true
	})
	if deep == nil {
		return nil
	}
	p := fset.PositionFor(deep.Pos(), false)
	return &SyntaxError{File: filename, Errors: []PosError{{
		Pos: Pos{Line: p.Line, Col: p.Column},
		Msg: fmt.Sprintf("expression or statement nested more than %d deep", maxDepth),
	}}}
}
