package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

type Expr interface {
	Eval(env map[string]float64) (float64, error)
	String() string
}

type Num float64
type Var string
type BinOp struct {
	Op   byte
	L, R Expr
}
type Neg struct{ X Expr }
type Call struct {
	Fn   string
	Args []Expr
}

var ErrDivZero = errors.New("division by zero")

type UndefinedError struct{ Name string }

func (e UndefinedError) Error() string { return "undefined variable " + strconv.Quote(e.Name) }

func (n Num) Eval(map[string]float64) (float64, error) { return float64(n), nil }
func (n Num) String() string                           { return strconv.FormatFloat(float64(n), 'g', -1, 64) }
func (v Var) Eval(env map[string]float64) (float64, error) {
	if x, ok := env[string(v)]; ok {
		return x, nil
	}
	return 0, UndefinedError{string(v)}
}
func (v Var) String() string { return string(v) }
func (b *BinOp) Eval(env map[string]float64) (float64, error) {
	l, err := b.L.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.R.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/':
		if r == 0 {
			return 0, fmt.Errorf("evaluating %v: %w", b, ErrDivZero)
		}
		return l / r, nil
	}
	return 0, fmt.Errorf("bad op %c", b.Op)
}
func (b *BinOp) String() string { return fmt.Sprintf("(%v %c %v)", b.L, b.Op, b.R) }
func (n Neg) Eval(env map[string]float64) (float64, error) {
	x, err := n.X.Eval(env)
	return -x, err
}
func (n Neg) String() string { return "-" + n.X.String() }
func (c Call) Eval(env map[string]float64) (float64, error) {
	vals := make([]float64, len(c.Args))
	for i, a := range c.Args {
		v, err := a.Eval(env)
		if err != nil {
			return 0, err
		}
		vals[i] = v
	}
	switch c.Fn {
	case "max":
		m := vals[0]
		for _, v := range vals[1:] {
			if v > m {
				m = v
			}
		}
		return m, nil
	case "sum":
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s, nil
	}
	return 0, fmt.Errorf("unknown function %s/%d", c.Fn, len(vals))
}
func (c Call) String() string {
	parts := make([]string, len(c.Args))
	for i, a := range c.Args {
		parts[i] = a.String()
	}
	return c.Fn + "(" + strings.Join(parts, ", ") + ")"
}

// recursive descent parser
type parser struct {
	toks []string
	pos  int
}

func tokenize(s string) []string {
	var toks []string
	i := 0
	for i < len(s) {
		c := rune(s[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsDigit(c) || c == '.':
			j := i
			for j < len(s) && (unicode.IsDigit(rune(s[j])) || s[j] == '.') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case unicode.IsLetter(c):
			j := i
			for j < len(s) && unicode.IsLetter(rune(s[j])) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			toks = append(toks, string(c))
			i++
		}
	}
	return toks
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}
func (p *parser) next() string { t := p.peek(); p.pos++; return t }

func (p *parser) expr() Expr {
	l := p.term()
	for p.peek() == "+" || p.peek() == "-" {
		op := p.next()[0]
		l = &BinOp{op, l, p.term()}
	}
	return l
}
func (p *parser) term() Expr {
	l := p.factor()
	for p.peek() == "*" || p.peek() == "/" {
		op := p.next()[0]
		l = &BinOp{op, l, p.factor()}
	}
	return l
}
func (p *parser) factor() Expr {
	t := p.next()
	switch {
	case t == "-":
		return Neg{p.factor()}
	case t == "(":
		e := p.expr()
		if p.next() != ")" {
			panic("expected )")
		}
		return e
	case t == "":
		panic("unexpected end of input")
	case unicode.IsDigit(rune(t[0])) || t[0] == '.':
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			panic(err)
		}
		return Num(f)
	case unicode.IsLetter(rune(t[0])):
		if p.peek() == "(" {
			p.next()
			var args []Expr
			for p.peek() != ")" {
				args = append(args, p.expr())
				if p.peek() == "," {
					p.next()
				}
			}
			p.next()
			return Call{t, args}
		}
		return Var(t)
	}
	panic(fmt.Sprintf("unexpected token %q", t))
}

func parse(s string) (e Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse %q: %v", s, r)
		}
	}()
	p := &parser{toks: tokenize(s)}
	e = p.expr()
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("parse %q: trailing tokens %v", s, p.toks[p.pos:])
	}
	return e, nil
}

func main() {
	env := map[string]float64{"x": 3, "y": 4, "rate": 0.25}
	srcs := []string{
		"1 + 2 * 3",
		"(1 + 2) * 3",
		"x * x + y * y",
		"-x + -(-y)",
		"max(x, y, 10 / 4) * rate",
		"sum(1, 2, 3, x) / 0",
		"z + 1",
		"1 + ",
		"(1 + 2",
		"2 3",
		"1.2.3 + 1",
		"foo(1)",
		"100 / (y - 4)",
		"sum()",
	}
	for _, s := range srcs {
		e, err := parse(s)
		if err != nil {
			fmt.Println("ERR ", err)
			continue
		}
		v, err := e.Eval(env)
		var ue UndefinedError
		switch {
		case errors.Is(err, ErrDivZero):
			fmt.Printf("%-26s DIV0 %v\n", e, err)
		case errors.As(err, &ue):
			fmt.Printf("%-26s UNDEF %s\n", e, ue.Name)
		case err != nil:
			fmt.Printf("%-26s error %v\n", e, err)
		default:
			fmt.Printf("%-26s = %g\n", e, v)
		}
	}
	fmt.Printf("%#v\n", Num(2))
	fmt.Printf("%v %T\n", Neg{Var("q")}, Neg{Var("q")})
}
