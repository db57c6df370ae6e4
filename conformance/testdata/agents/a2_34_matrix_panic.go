package main

import (
	"fmt"
	"strings"
)

type Matrix struct {
	R, C int
	Data []float64
}

func New(r, c int, vals ...float64) *Matrix {
	m := &Matrix{R: r, C: c, Data: make([]float64, r*c)}
	copy(m.Data, vals)
	return m
}

func (m *Matrix) At(i, j int) float64     { return m.Data[i*m.C+j] }
func (m *Matrix) Set(i, j int, v float64) { m.Data[i*m.C+j] = v }

func (m *Matrix) Mul(o *Matrix) *Matrix {
	out := New(m.R, o.C)
	for i := 0; i < m.R; i++ {
		for j := 0; j < o.C; j++ {
			var s float64
			for k := 0; k < m.C; k++ {
				s += m.At(i, k) * o.At(k, j)
			}
			out.Set(i, j, s)
		}
	}
	return out
}

func (m *Matrix) T() *Matrix {
	out := New(m.C, m.R)
	for i := 0; i < m.R; i++ {
		for j := 0; j < m.C; j++ {
			out.Set(j, i, m.At(i, j))
		}
	}
	return out
}

func (m *Matrix) String() string {
	var sb strings.Builder
	for i := 0; i < m.R; i++ {
		row := make([]string, m.C)
		for j := range row {
			row[j] = fmt.Sprintf("%6.1f", m.At(i, j))
		}
		sb.WriteString("[" + strings.Join(row, " ") + "]\n")
	}
	return sb.String()
}

func main() {
	a := New(2, 3, 1, 2, 3, 4, 5, 6)
	b := New(3, 2, 7, 8, 9, 10, 11, 12)
	fmt.Print("A=\n", a)
	fmt.Print("B=\n", b)
	fmt.Print("A*B=\n", a.Mul(b))
	fmt.Print("B*A=\n", b.Mul(a))
	fmt.Print("A^T=\n", a.T())
	id := New(3, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1)
	fmt.Print("A*I=\n", a.Mul(id))
	fmt.Println("now multiplying incompatible shapes without a check...")
	c := a.Mul(a) // 2x3 * 2x3: reads past the end of a's data
	fmt.Print(c)
}
