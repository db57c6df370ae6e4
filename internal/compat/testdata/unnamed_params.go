// Methods and functions with unnamed parameters.
package main

import "fmt"

type Expr interface {
	Eval(env map[string]float64) (float64, error)
}

type Num float64

func (n Num) Eval(map[string]float64) (float64, error) { return float64(n), nil }

type Var string

func (v Var) Eval(env map[string]float64) (float64, error) {
	x, ok := env[string(v)]
	if !ok {
		return 0, fmt.Errorf("unknown %s", v)
	}
	return x, nil
}

func main() {
	env := map[string]float64{"x": 3}
	for _, e := range []Expr{Num(2), Var("x"), Var("z")} {
		v, err := e.Eval(env)
		fmt.Println(v, err)
	}
}
