package main

import (
	"fmt"
	"math/big"
)

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad rat " + s)
	}
	return r
}

func main() {
	// exchange rates as exact rationals
	rates := map[string]*big.Rat{"EUR": rat("1"), "USD": rat("1.0845"), "JPY": rat("162.37"), "GBP": rat("0.8571")}
	amount := rat("2500.00")
	for _, cur := range []string{"EUR", "GBP", "JPY", "USD"} {
		v := new(big.Rat).Mul(amount, rates[cur])
		back := new(big.Rat).Quo(v, rates[cur])
		fmt.Printf("EUR %s -> %s %s (exact %s) back equal: %t\n", amount.FloatString(2), cur, v.FloatString(2), v.String(), back.Cmp(amount) == 0)
	}
	// cross rate USD->JPY
	cross := new(big.Rat).Quo(rates["JPY"], rates["USD"])
	fmt.Println("USD/JPY cross:", cross.FloatString(6), "num/den digits:", len(cross.Num().String()), len(cross.Denom().String()))

	// loan amortisation with exact monthly rate, rounding each payment to cents
	principal := rat("12000")
	monthly := new(big.Rat).Quo(rat("0.06"), big.NewRat(12, 1))
	n := 12
	// payment = P*r / (1 - (1+r)^-n)
	onePlus := new(big.Rat).Add(big.NewRat(1, 1), monthly)
	pow := big.NewRat(1, 1)
	for i := 0; i < n; i++ {
		pow.Mul(pow, onePlus)
	}
	denom := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Inv(pow))
	payment := new(big.Rat).Quo(new(big.Rat).Mul(principal, monthly), denom)
	payCents := rat(payment.FloatString(2))
	fmt.Println("monthly payment:", payment.FloatString(6), "->", payCents.FloatString(2))
	bal := new(big.Rat).Set(principal)
	totalInterest := new(big.Rat)
	for m := 1; m <= n; m++ {
		interest := rat(new(big.Rat).Mul(bal, monthly).FloatString(2))
		pay := new(big.Rat).Set(payCents)
		if m == n {
			pay.Add(bal, interest)
		}
		princ := new(big.Rat).Sub(pay, interest)
		bal.Sub(bal, princ)
		totalInterest.Add(totalInterest, interest)
		if m <= 3 || m >= n-1 {
			fmt.Printf("  m%02d pay %8s int %6s princ %8s bal %9s\n", m, pay.FloatString(2), interest.FloatString(2), princ.FloatString(2), bal.FloatString(2))
		}
	}
	fmt.Println("total interest:", totalInterest.FloatString(2), "final balance zero:", bal.Sign() == 0)

	// float64 drift vs exact
	f := 0.0
	r := new(big.Rat)
	tenth := big.NewRat(1, 10)
	for i := 0; i < 1000; i++ {
		f += 0.1
		r.Add(r, tenth)
	}
	rf, exact := r.Float64()
	fmt.Printf("float sum %.15f, rat sum %s (%v exact=%t)\n", f, r.RatString(), rf, exact)
	third := big.NewRat(1, 3)
	tf, ex := third.Float64()
	fmt.Println("1/3:", third, third.FloatString(10), tf, ex)
	fmt.Println("neg:", big.NewRat(-6, 4), big.NewRat(6, -4).FloatString(3), new(big.Rat).Neg(rat("2.5")).FloatString(0))
	fmt.Println("rounding half:", rat("0.125").FloatString(2), rat("0.135").FloatString(2), rat("-0.125").FloatString(2))

	fact := big.NewInt(1)
	for i := int64(2); i <= 30; i++ {
		fact.Mul(fact, big.NewInt(i))
	}
	fmt.Println("30! =", fact, "bits:", fact.BitLen())
	q, m := new(big.Int).DivMod(fact, big.NewInt(1_000_000_007), new(big.Int))
	fmt.Println("30! mod 1e9+7 =", m, "quotient digits:", len(q.String()))
	_, ok := new(big.Rat).SetString("1/0")
	_, ok2 := new(big.Rat).SetString("3/-4")
	fmt.Println("SetString 1/0 ok:", ok, "3/-4 ok:", ok2, "1e-3:", rat("1e-3"), "0x10:", rat("0x10"))
}
