package main

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"
)

func main() {
	r := rand.New(rand.NewSource(42))
	const n = 2000
	samples := make([]float64, n)
	for i := range samples {
		// mixture: mostly normal around 50, a tail of slow values
		if r.Intn(10) == 0 {
			samples[i] = 80 + r.ExpFloat64()*15
		} else {
			samples[i] = 50 + r.NormFloat64()*8
		}
	}
	sort.Float64s(samples)
	mean, m2 := 0.0, 0.0
	for i, x := range samples {
		d := x - mean
		mean += d / float64(i+1)
		m2 += d * (x - mean)
	}
	std := math.Sqrt(m2 / float64(n-1))
	pct := func(p float64) float64 {
		idx := p / 100 * float64(n-1)
		lo := int(math.Floor(idx))
		hi := min(lo+1, n-1)
		return samples[lo] + (samples[hi]-samples[lo])*(idx-float64(lo))
	}
	fmt.Printf("n=%d min=%.3f max=%.3f mean=%.3f std=%.3f\n", n, samples[0], samples[n-1], mean, std)
	fmt.Printf("p50=%.3f p90=%.3f p99=%.3f\n", pct(50), pct(90), pct(99))

	const width = 10.0
	buckets := map[int]int{}
	for _, x := range samples {
		buckets[int(math.Floor(x/width))]++
	}
	keys := make([]int, 0, len(buckets))
	maxCount := 0
	for k, c := range buckets {
		keys = append(keys, k)
		maxCount = max(maxCount, c)
	}
	sort.Ints(keys)
	for k := keys[0]; k <= keys[len(keys)-1]; k++ {
		c := buckets[k]
		bar := strings.Repeat("#", c*50/maxCount)
		if c > 0 && bar == "" {
			bar = "."
		}
		fmt.Printf("[%4.0f,%4.0f) %5d %-50s|\n", float64(k)*width, float64(k+1)*width, c, bar)
	}
	// sparkline of first 40 samples in original random order
	r2 := rand.New(rand.NewSource(42))
	levels := []rune("▁▂▃▄▅▆▇█")
	var sb strings.Builder
	vals := make([]int, 40)
	for i := range vals {
		vals[i] = r2.Intn(100)
	}
	for _, v := range vals {
		sb.WriteRune(levels[v*len(levels)/100])
	}
	fmt.Println(sb.String())
	fmt.Println(vals[:10])
	perm := r2.Perm(8)
	fmt.Println("perm:", perm)
	words := []string{"alpha", "beta", "gamma", "delta", "eps"}
	r2.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println("shuffled:", words, "f:", fmt.Sprintf("%.6f", r2.Float64()), "i63:", r2.Int63()%1000)
}
