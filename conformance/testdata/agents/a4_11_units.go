package main

import (
	"fmt"
	"math"
	"sort"
)

type Celsius float64
type Fahrenheit float64
type Kelvin float64
type Meters float64
type Feet float64
type Kilograms float64
type Pounds float64

func (c Celsius) String() string    { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }
func (k Kelvin) String() string     { return fmt.Sprintf("%.2fK", float64(k)) }
func (m Meters) String() string {
	switch {
	case m >= 1000:
		return fmt.Sprintf("%.3fkm", float64(m)/1000)
	case m < 1:
		return fmt.Sprintf("%.0fcm", float64(m)*100)
	}
	return fmt.Sprintf("%.2fm", float64(m))
}
func (f Feet) String() string {
	whole := math.Floor(float64(f))
	inches := (float64(f) - whole) * 12
	return fmt.Sprintf("%.0f'%.1f\"", whole, inches)
}
func (k Kilograms) String() string { return fmt.Sprintf("%gkg", float64(k)) }
func (p Pounds) String() string    { return fmt.Sprintf("%.2flb", float64(p)) }

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (c Celsius) ToK() Kelvin     { return Kelvin(c + 273.15) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }
func (m Meters) ToFeet() Feet     { return Feet(m / 0.3048) }
func (f Feet) ToMeters() Meters   { return Meters(f * 0.3048) }
func (k Kilograms) ToLb() Pounds  { return Pounds(k * 2.20462262) }

type Quantity interface {
	fmt.Stringer
}

func main() {
	temps := []Celsius{-40, 0, 36.6, 100, -273.15}
	for _, t := range temps {
		fmt.Printf("%8v = %8v = %9v\n", t, t.ToF(), t.ToK())
	}
	fmt.Println("slice prints via String:", temps)
	fmt.Printf("%%f ignores String: %.3f, %%v uses it: %v, %%s too: %s\n", temps[2], temps[2], temps[2])
	fmt.Printf("%%d-ish via int conversion: %d\n", int(temps[2]))
	fmt.Println("round trip 98.6F:", Fahrenheit(98.6).ToC(), Fahrenheit(98.6).ToC().ToF())

	dists := []Meters{0.35, 1, 8848.86, 42195, 1.8288}
	for _, d := range dists {
		fmt.Printf("%-10v -> %-10v -> %v\n", d, d.ToFeet(), d.ToFeet().ToMeters())
	}
	sort.Slice(dists, func(i, j int) bool { return dists[i] > dists[j] })
	fmt.Println("sorted desc:", dists)

	weights := map[string]Kilograms{"cat": 4.2, "dog": 31.5, "hamster": 0.035, "horse": 480}
	names := make([]string, 0, len(weights))
	for n := range weights {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return weights[names[i]] < weights[names[j]] })
	for _, n := range names {
		fmt.Printf("%-8s %8v %10v\n", n, weights[n], weights[n].ToLb())
	}
	var qs []Quantity = []Quantity{Celsius(21), Meters(2500), Feet(6.5), Kelvin(0), Pounds(1)}
	for _, q := range qs {
		fmt.Printf("%-12T %v\n", q, q)
	}
	var total Meters
	for _, d := range dists {
		total += d
	}
	fmt.Println("total distance:", total, "raw:", float64(total))
	fmt.Printf("%v %v\n", Celsius(math.Inf(1)), Meters(math.NaN()))
	fmt.Printf("%#v %+v\n", Celsius(12.5), []Kelvin{1, 2})
}
