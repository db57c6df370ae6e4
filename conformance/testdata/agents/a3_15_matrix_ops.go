package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

type Matrix [][]float64

var ErrSingular = errors.New("matrix is singular")

func New(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func Identity(n int) Matrix {
	m := New(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (m Matrix) Mul(o Matrix) (Matrix, error) {
	if len(m[0]) != len(o) {
		return nil, fmt.Errorf("dimension mismatch: %dx%d * %dx%d", len(m), len(m[0]), len(o), len(o[0]))
	}
	out := New(len(m), len(o[0]))
	for i := range m {
		for j := range o[0] {
			var s float64
			for k := range o {
				s += m[i][k] * o[k][j]
			}
			out[i][j] = s
		}
	}
	return out, nil
}

func (m Matrix) T() Matrix {
	out := New(len(m[0]), len(m))
	for i := range m {
		for j := range m[i] {
			out[j][i] = m[i][j]
		}
	}
	return out
}

func (m Matrix) clone() Matrix {
	out := New(len(m), len(m[0]))
	for i := range m {
		copy(out[i], m[i])
	}
	return out
}

func (m Matrix) Det() float64 {
	a := m.clone()
	n := len(a)
	det := 1.0
	for col := 0; col < n; col++ {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		if math.Abs(a[p][col]) < 1e-12 {
			return 0
		}
		if p != col {
			a[p], a[col] = a[col], a[p]
			det = -det
		}
		det *= a[col][col]
		for r := col + 1; r < n; r++ {
			f := a[r][col] / a[col][col]
			for c := col; c < n; c++ {
				a[r][c] -= f * a[col][c]
			}
		}
	}
	return det
}

func (m Matrix) Inverse() (Matrix, error) {
	n := len(m)
	a := New(n, 2*n)
	for i := range m {
		copy(a[i], m[i])
		a[i][n+i] = 1
	}
	for col := 0; col < n; col++ {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		if math.Abs(a[p][col]) < 1e-12 {
			return nil, ErrSingular
		}
		a[p], a[col] = a[col], a[p]
		pv := a[col][col]
		for c := range a[col] {
			a[col][c] /= pv
		}
		for r := 0; r < n; r++ {
			if r != col {
				f := a[r][col]
				for c := range a[r] {
					a[r][c] -= f * a[col][c]
				}
			}
		}
	}
	out := New(n, n)
	for i := range out {
		copy(out[i], a[i][n:])
	}
	return out, nil
}

func (m Matrix) String() string {
	var b strings.Builder
	for _, row := range m {
		b.WriteString("  [")
		for j, v := range row {
			if j > 0 {
				b.WriteByte(' ')
			}
			if math.Abs(v) < 5e-10 {
				v = 0
			}
			fmt.Fprintf(&b, "%9.4f", v)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func approxEqual(a, b Matrix) bool {
	for i := range a {
		for j := range a[i] {
			if math.Abs(a[i][j]-b[i][j]) > 1e-9 {
				return false
			}
		}
	}
	return true
}

func main() {
	A := Matrix{{4, -2, 1}, {3, 6, -4}, {2, 1, 8}}
	B := Matrix{{1, 2}, {0, 1}, {5, -3}}
	fmt.Print("A =\n", A)
	fmt.Print("A^T =\n", A.T())
	AB, _ := A.Mul(B)
	fmt.Print("A*B =\n", AB)
	if _, err := B.Mul(B); err != nil {
		fmt.Println("B*B error:", err)
	}
	fmt.Printf("det(A) = %.6f\n", A.Det())
	inv, err := A.Inverse()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print("inv(A) =\n", inv)
	check, _ := A.Mul(inv)
	fmt.Println("A*inv(A) == I:", approxEqual(check, Identity(3)))

	S := Matrix{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}}
	fmt.Printf("det(S) = %g\n", S.Det())
	if _, err := S.Inverse(); errors.Is(err, ErrSingular) {
		fmt.Println("S inverse:", err)
	}

	// solve Ax = b
	b := Matrix{{11}, {-5}, {30}}
	x, _ := inv.Mul(b)
	fmt.Printf("solution x = [%.6f %.6f %.6f]\n", x[0][0], x[1][0], x[2][0])

	// power via repeated squaring: Fibonacci
	F := Matrix{{1, 1}, {1, 0}}
	R := Identity(2)
	for n, base := 30, F; n > 0; n >>= 1 {
		if n&1 == 1 {
			R, _ = R.Mul(base)
		}
		base, _ = base.Mul(base)
	}
	fmt.Printf("fib(30) via matrix power = %.0f\n", R[0][1])

	// Frobenius norm and trace
	var fro, tr float64
	for i := range A {
		tr += A[i][i]
		for _, v := range A[i] {
			fro += v * v
		}
	}
	fmt.Printf("trace(A)=%v frobenius=%.5f\n", tr, math.Sqrt(fro))
	fmt.Println(Matrix{{math.Inf(1), math.NaN()}}.String() == "  [     +Inf       NaN]\n")
}
