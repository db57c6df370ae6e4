package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type TokKind int

const (
	NUM TokKind = iota
	IDENT
	OP
	LPAREN
	RPAREN
	COMMA
	EOF
)

func (k TokKind) String() string {
	return [...]string{"NUM", "IDENT", "OP", "LPAREN", "RPAREN", "COMMA", "EOF"}[k]
}

type Token struct {
	Kind TokKind
	Text string
	Pos  int
}

type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("syntax error at %d: %s", e.Pos, e.Msg) }

func tokenize(src string) ([]Token, error) {
	var toks []Token
	rs := []rune(src)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case unicode.IsDigit(r) || r == '.':
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			toks = append(toks, Token{NUM, string(rs[i:j]), i})
			i = j
		case unicode.IsLetter(r) || r == '_':
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
				j++
			}
			toks = append(toks, Token{IDENT, string(rs[i:j]), i})
			i = j
		case strings.ContainsRune("+-*/%^", r):
			toks = append(toks, Token{OP, string(r), i})
			i++
		case r == '(':
			toks = append(toks, Token{LPAREN, "(", i})
			i++
		case r == ')':
			toks = append(toks, Token{RPAREN, ")", i})
			i++
		case r == ',':
			toks = append(toks, Token{COMMA, ",", i})
			i++
		default:
			return nil, &SyntaxError{i, fmt.Sprintf("unexpected character %q", r)}
		}
	}
	toks = append(toks, Token{EOF, "", len(rs)})
	return toks, nil
}

type Parser struct {
	toks []Token
	pos  int
	vars map[string]float64
}

var ErrDivZero = errors.New("division by zero")

func (p *Parser) peek() Token { return p.toks[p.pos] }
func (p *Parser) next() Token { t := p.toks[p.pos]; p.pos++; return t }

// expr := term (('+'|'-') term)*
func (p *Parser) expr() (float64, error) {
	v, err := p.term()
	if err != nil {
		return 0, err
	}
	for p.peek().Kind == OP && (p.peek().Text == "+" || p.peek().Text == "-") {
		op := p.next().Text
		r, err := p.term()
		if err != nil {
			return 0, err
		}
		if op == "+" {
			v += r
		} else {
			v -= r
		}
	}
	return v, nil
}

// term := unary (('*'|'/'|'%') unary)*
func (p *Parser) term() (float64, error) {
	v, err := p.unary()
	if err != nil {
		return 0, err
	}
	for p.peek().Kind == OP && strings.Contains("*/%", p.peek().Text) {
		t := p.next()
		r, err := p.unary()
		if err != nil {
			return 0, err
		}
		switch t.Text {
		case "*":
			v *= r
		case "/":
			if r == 0 {
				return 0, fmt.Errorf("at %d: %w", t.Pos, ErrDivZero)
			}
			v /= r
		case "%":
			v = math.Mod(v, r)
		}
	}
	return v, nil
}

// unary := '-' unary | power
func (p *Parser) unary() (float64, error) {
	if t := p.peek(); t.Kind == OP && t.Text == "-" {
		p.next()
		v, err := p.unary()
		return -v, err
	}
	return p.power()
}

// power := primary ('^' unary)?   (right associative)
func (p *Parser) power() (float64, error) {
	b, err := p.primary()
	if err != nil {
		return 0, err
	}
	if t := p.peek(); t.Kind == OP && t.Text == "^" {
		p.next()
		e, err := p.unary()
		if err != nil {
			return 0, err
		}
		return math.Pow(b, e), nil
	}
	return b, nil
}

var funcs = map[string]func(args []float64) (float64, error){
	"max": func(a []float64) (float64, error) {
		if len(a) == 0 {
			return 0, errors.New("max needs arguments")
		}
		m := a[0]
		for _, x := range a[1:] {
			m = math.Max(m, x)
		}
		return m, nil
	},
	"sqrt": func(a []float64) (float64, error) {
		if len(a) != 1 {
			return 0, fmt.Errorf("sqrt takes 1 argument, got %d", len(a))
		}
		return math.Sqrt(a[0]), nil
	},
	"avg": func(a []float64) (float64, error) {
		s := 0.0
		for _, x := range a {
			s += x
		}
		return s / float64(len(a)), nil
	},
}

func (p *Parser) primary() (float64, error) {
	t := p.next()
	switch t.Kind {
	case NUM:
		v, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			return 0, &SyntaxError{t.Pos, fmt.Sprintf("bad number %q", t.Text)}
		}
		return v, nil
	case IDENT:
		if p.peek().Kind == LPAREN {
			p.next()
			var args []float64
			for p.peek().Kind != RPAREN {
				a, err := p.expr()
				if err != nil {
					return 0, err
				}
				args = append(args, a)
				if p.peek().Kind == COMMA {
					p.next()
				} else if p.peek().Kind != RPAREN {
					return 0, &SyntaxError{p.peek().Pos, "expected , or )"}
				}
			}
			p.next()
			f, ok := funcs[t.Text]
			if !ok {
				return 0, fmt.Errorf("unknown function %q", t.Text)
			}
			return f(args)
		}
		v, ok := p.vars[t.Text]
		if !ok {
			return 0, fmt.Errorf("undefined variable %q at %d", t.Text, t.Pos)
		}
		return v, nil
	case LPAREN:
		v, err := p.expr()
		if err != nil {
			return 0, err
		}
		if p.peek().Kind != RPAREN {
			return 0, &SyntaxError{p.peek().Pos, "expected )"}
		}
		p.next()
		return v, nil
	}
	return 0, &SyntaxError{t.Pos, fmt.Sprintf("unexpected %v %q", t.Kind, t.Text)}
}

func Eval(src string, vars map[string]float64) (float64, error) {
	toks, err := tokenize(src)
	if err != nil {
		return 0, err
	}
	p := &Parser{toks: toks, vars: vars}
	v, err := p.expr()
	if err != nil {
		return 0, err
	}
	if p.peek().Kind != EOF {
		return 0, &SyntaxError{p.peek().Pos, "trailing input " + strconv.Quote(p.peek().Text)}
	}
	return v, nil
}

func main() {
	vars := map[string]float64{"x": 3, "y": 4, "rate": 0.075, "π": math.Pi}
	exprs := []string{
		"1 + 2 * 3",
		"(1 + 2) * 3",
		"-2 ^ 2",
		"2 ^ 3 ^ 2",
		"sqrt(x*x + y*y)",
		"max(1, x, y * 2, 7) - avg(2, 4, 9)",
		"1000 * (1 + rate) ^ 10",
		"10 % 4 + 7 / 2",
		"2 * π",
		"1 / (x - 3)",
		"3 + * 4",
		"foo(1)",
		"z + 1",
		"(1 + 2",
		"4 $ 2",
		"1.2.3 + 1",
		"sqrt(1, 2)",
		"2 3",
	}
	for _, e := range exprs {
		v, err := Eval(e, vars)
		var se *SyntaxError
		switch {
		case err == nil:
			fmt.Printf("%-36s = %s\n", e, strconv.FormatFloat(v, 'g', 10, 64))
		case errors.As(err, &se):
			fmt.Printf("%-36s ! %v\n%s^\n", e, err, strings.Repeat(" ", se.Pos))
		case errors.Is(err, ErrDivZero):
			fmt.Printf("%-36s ! div0: %v\n", e, err)
		default:
			fmt.Printf("%-36s ! %v\n", e, err)
		}
	}
	toks, _ := tokenize("max(a_1, 2.5)")
	for _, t := range toks {
		fmt.Printf("%v:%q@%d ", t.Kind, t.Text, t.Pos)
	}
	fmt.Println()
	names := make([]string, 0, len(funcs))
	for n := range funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println("functions:", names)
}
