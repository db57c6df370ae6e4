package main

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"
)

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	if len(sorted) == 1 {
		return sorted[0]
	}
	rank := p / 100 * float64(len(sorted)-1)
	lo := int(math.Floor(rank))
	hi := int(math.Ceil(rank))
	frac := rank - float64(lo)
	return sorted[lo] + (sorted[hi]-sorted[lo])*frac
}

func stats(xs []float64) (mean, std float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		std += (x - mean) * (x - mean)
	}
	std = math.Sqrt(std / float64(len(xs)-1))
	return
}

func main() {
	r := rand.New(rand.NewSource(7))
	latencies := make([]float64, 0, 500)
	for i := 0; i < 500; i++ {
		// log-normal-ish latencies in ms, with occasional slow outliers
		v := math.Exp(r.NormFloat64()*0.5 + 3.0)
		if r.Intn(50) == 0 {
			v += 400 + r.Float64()*200
		}
		latencies = append(latencies, math.Round(v*100)/100)
	}
	sorted := append([]float64(nil), latencies...)
	sort.Float64s(sorted)

	mean, std := stats(latencies)
	fmt.Printf("n=%d min=%.2f max=%.2f mean=%.3f std=%.3f\n", len(sorted), sorted[0], sorted[len(sorted)-1], mean, std)
	for _, p := range []float64{50, 75, 90, 95, 99, 99.9} {
		fmt.Printf("p%-5v %8.2f ms\n", p, percentile(sorted, p))
	}

	// histogram with fixed bucket boundaries
	bounds := []float64{5, 10, 20, 30, 40, 60, 100, 250, 1000}
	counts := make([]int, len(bounds))
	for _, v := range latencies {
		idx := sort.SearchFloat64s(bounds, v)
		if idx >= len(bounds) {
			idx = len(bounds) - 1
		}
		counts[idx]++
	}
	maxC := 0
	for _, c := range counts {
		if c > maxC {
			maxC = c
		}
	}
	lo := 0.0
	cum := 0
	for i, b := range bounds {
		cum += counts[i]
		bar := strings.Repeat("#", counts[i]*40/maxC)
		fmt.Printf("(%6.1f, %6.1f] %4d %5.1f%% %-40s|\n", lo, b, counts[i], float64(cum)/float64(len(latencies))*100, bar)
		lo = b
	}

	// outliers by IQR
	q1, q3 := percentile(sorted, 25), percentile(sorted, 75)
	iqr := q3 - q1
	fence := q3 + 1.5*iqr
	var out []float64
	for _, v := range sorted {
		if v > fence {
			out = append(out, v)
		}
	}
	fmt.Printf("Q1=%.3f Q3=%.3f IQR=%.3f upper fence=%.3f outliers=%d\n", q1, q3, iqr, fence, len(out))
	if len(out) > 8 {
		fmt.Println("largest outliers:", out[len(out)-8:])
	} else {
		fmt.Println("outliers:", out)
	}

	// trimmed mean, geometric mean, median absolute deviation
	trim := sorted[len(sorted)/20 : len(sorted)-len(sorted)/20]
	tm, _ := stats(trim)
	var logSum float64
	for _, v := range sorted {
		logSum += math.Log(v)
	}
	gm := math.Exp(logSum / float64(len(sorted)))
	med := percentile(sorted, 50)
	devs := make([]float64, len(sorted))
	for i, v := range sorted {
		devs[i] = math.Abs(v - med)
	}
	sort.Float64s(devs)
	fmt.Printf("trimmed mean(5%%)=%.4f geomean=%.4f MAD=%.4f\n", tm, gm, percentile(devs, 50))
	fmt.Println(strings.TrimRight(fmt.Sprintf("%g %v %e", mean, std, gm), " "))
}
