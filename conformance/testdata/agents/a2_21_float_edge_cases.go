package main

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
)

type Reading struct {
	Sensor string
	Value  float64
}

func main() {
	nan := math.NaN()
	posInf := math.Inf(1)
	negInf := math.Inf(-1)
	negZero := math.Copysign(0, -1)
	fmt.Println(nan, posInf, negInf, negZero, 0.0)
	fmt.Printf("%v %f %.2f %e %g %08.3f %+v\n", nan, posInf, negInf, negZero, negZero, negInf, posInf)
	fmt.Println(nan == nan, nan != nan, nan < 1, nan > 1, math.IsNaN(nan))
	fmt.Println(negZero == 0, math.Signbit(negZero), 1/negZero, 1/math.Copysign(0, 1))
	fmt.Println(posInf-posInf, posInf*0, posInf+1 == posInf, -posInf == negInf)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	mf := math.MaxFloat64
	fmt.Println(mf*2, -mf*2, mf+1 == mf)
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3, float32(0.1)+float32(0.2))
	fmt.Println(1e20, 1e21, 1e-4, 1e-5, 123456789.0, 12345678912345678.0)
	fmt.Println(float32(16777217), float64(float32(0.1)))
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.RoundToEven(2.5), math.Floor(-1.5), math.Ceil(-1.5), math.Trunc(-1.7))
	fmt.Println(math.Sqrt(-1), math.Log(0), math.Log(-1), math.Pow(0, -1), math.Mod(7, -3), math.Remainder(7, 3))
	fmt.Println(math.Hypot(3, 4), math.Cbrt(27), math.Abs(-0.0), math.Max(nan, 1), math.Min(negZero, 0))
	fmt.Printf("%.20f\n", 0.1)
	fmt.Printf("%.0f %.0f %.0f %.1f\n", 0.5, 1.5, 2.5, 0.05)
	for _, f := range []float64{0, negZero, 1.5, -1e-10, 1e100, nan, posInf, 3} {
		fmt.Print(strconv.FormatFloat(f, 'g', -1, 64), "|", strconv.FormatFloat(f, 'f', 3, 64), "|", strconv.FormatFloat(f, 'e', 2, 32), "  ")
	}
	fmt.Println()
	for _, s := range []string{"NaN", "inf", "-Inf", "+infinity", "0x1p-2", "1e-400", "-0", ".5", "5."} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Printf("%s=%v(%v) ", s, f, err)
	}
	fmt.Println()
	fmt.Println(int64(math.Float64bits(1.0)), math.Float64frombits(0x4000000000000000))
	fmt.Printf("%x %b\n", math.Float32bits(-2.5), math.Float32bits(1))
	frac, exp := math.Frexp(40)
	fmt.Println(frac, exp, math.Ldexp(0.75, 4))
	ip, fp := math.Modf(-3.75)
	fmt.Println(ip, fp)
	// conversion from float to int truncates toward zero
	fs := []float64{2.9, -2.9, 1e9 + 0.5}
	for _, f := range fs {
		fmt.Print(int(f), " ", int64(math.Round(f)), "; ")
	}
	fmt.Println()

	rs := []Reading{{"a", 3.2}, {"b", nan}, {"c", -1}, {"d", posInf}, {"e", negZero}, {"f", 0}}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i].Value, rs[j].Value
		if math.IsNaN(a) {
			return false
		}
		if math.IsNaN(b) {
			return true
		}
		return a < b
	})
	fmt.Println(rs)
	_, err := json.Marshal(Reading{"x", nan})
	fmt.Println("json NaN:", err)
	b, err := json.Marshal([]float64{negZero, 1e21, 1e20, 0.000001, 1e-7, 100})
	fmt.Println(string(b), err)
	var back []float64
	json.Unmarshal([]byte(`[1e2, -0, 3.5e-3, 12345678901234567890]`), &back)
	fmt.Println(back)
	var sum float64
	for i := 0; i < 10; i++ {
		sum += 0.1
	}
	fmt.Println(sum, sum == 1.0, math.Abs(sum-1) < 1e-9)
	fmt.Println(math.Inf(1) > math.MaxFloat64, math.IsInf(negInf, -1), math.IsInf(negInf, 1))
	var z float64
	fmt.Println(1/z, -1/z, z/z)
}
