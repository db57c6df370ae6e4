// Generic functions instantiated with the program's own types: conversions
// to a type parameter, and generic calls with a type parameter as their
// only type argument.
package main

import "fmt"

type meters float64

type count int

type Number interface {
	~int | ~int64 | ~float64
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[T Number](xs []T) T {
	return Reduce(xs, T(0), func(a, x T) T { return a + x })
}

func Mean[T Number](xs []T) T {
	return Sum(xs) / T(len(xs))
}

func Identity[T any](x T) T { return x }

func First[T any](xs []T) T { return Identity[T](xs[0]) }

func Scale[T Number](x T, by float64) T {
	return T(float64(x) * by)
}

func Clamp[T Number](x T) T {
	if x > T(100) {
		return T(100)
	}
	return T(x)
}

func main() {
	fmt.Println(Sum([]meters{1.5, 2.25}), Sum([]count{1, 2, 3}), Sum([]float64{0.5}))
	fmt.Println(Mean([]meters{1, 2, 4}), Mean([]count{2, 4}))
	fmt.Println(First([]meters{7}), First([]string{"s"}))
	fmt.Println(Scale(meters(2), 1.5), Scale(count(3), 2))
	fmt.Println(Clamp(meters(250)), Clamp(count(5)))
}
