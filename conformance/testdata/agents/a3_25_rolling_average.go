package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Window struct {
	size int
	buf  []float64
	pos  int
	n    int
	sum  float64
}

func NewWindow(size int) *Window { return &Window{size: size, buf: make([]float64, size)} }

func (w *Window) Add(v float64) float64 {
	if w.n == w.size {
		w.sum -= w.buf[w.pos]
	} else {
		w.n++
	}
	w.buf[w.pos] = v
	w.sum += v
	w.pos = (w.pos + 1) % w.size
	return w.sum / float64(w.n)
}

// monotonic deque for rolling max
type MaxDeque struct {
	idx  []int
	vals []float64
}

func (d *MaxDeque) Push(i int, v float64, window int) float64 {
	for len(d.vals) > 0 && d.vals[len(d.vals)-1] <= v {
		d.vals = d.vals[:len(d.vals)-1]
		d.idx = d.idx[:len(d.idx)-1]
	}
	d.vals = append(d.vals, v)
	d.idx = append(d.idx, i)
	for d.idx[0] <= i-window {
		d.idx = d.idx[1:]
		d.vals = d.vals[1:]
	}
	return d.vals[0]
}

func rollingMedian(xs []float64, k int) []float64 {
	var out []float64
	for i := range xs {
		lo := max(0, i-k+1)
		w := append([]float64(nil), xs[lo:i+1]...)
		sort.Float64s(w)
		m := len(w) / 2
		if len(w)%2 == 0 {
			out = append(out, (w[m-1]+w[m])/2)
		} else {
			out = append(out, w[m])
		}
	}
	return out
}

func main() {
	prices := []float64{101.2, 102.5, 101.9, 103.4, 104.1, 103.8, 105.6, 107.2, 106.1, 104.9,
		103.2, 102.8, 104.4, 106.7, 108.9, 110.2, 109.5, 111.0, 108.3, 107.7}
	sma5 := NewWindow(5)
	sma10 := NewWindow(10)
	alpha := 2.0 / (5 + 1)
	ema := prices[0]
	dq := &MaxDeque{}
	med := rollingMedian(prices, 5)
	fmt.Printf("%3s %8s %8s %8s %8s %8s %8s %s\n", "day", "price", "sma5", "sma10", "ema5", "max5", "med5", "signal")
	prevDiff := 0.0
	crossings := 0
	for i, p := range prices {
		s5 := sma5.Add(p)
		s10 := sma10.Add(p)
		if i > 0 {
			ema = alpha*p + (1-alpha)*ema
		}
		mx := dq.Push(i, p, 5)
		signal := ""
		diff := s5 - s10
		if i >= 9 {
			if prevDiff <= 0 && diff > 0 {
				signal = "golden-cross"
				crossings++
			} else if prevDiff >= 0 && diff < 0 {
				signal = "death-cross"
				crossings++
			}
		}
		prevDiff = diff
		fmt.Printf("%3d %8.2f %8.3f %8.3f %8.3f %8.2f %8.2f %s\n", i+1, p, s5, s10, ema, mx, med[i], signal)
	}
	// daily returns and volatility
	var rets []float64
	for i := 1; i < len(prices); i++ {
		rets = append(rets, math.Log(prices[i]/prices[i-1]))
	}
	mean := 0.0
	for _, r := range rets {
		mean += r
	}
	mean /= float64(len(rets))
	v := 0.0
	for _, r := range rets {
		v += (r - mean) * (r - mean)
	}
	vol := math.Sqrt(v / float64(len(rets)-1))
	fmt.Printf("crossings=%d mean log return=%.6f daily vol=%.6f annualized=%.4f\n", crossings, mean, vol, vol*math.Sqrt(252))
	// max drawdown
	peak, mdd := prices[0], 0.0
	for _, p := range prices {
		peak = math.Max(peak, p)
		mdd = math.Max(mdd, (peak-p)/peak)
	}
	fmt.Printf("max drawdown: %.4f%%\n", mdd*100)
	// sparkline of prices using block characters
	blocks := []rune("▁▂▃▄▅▆▇█")
	lo, hi := prices[0], prices[0]
	for _, p := range prices {
		lo, hi = math.Min(lo, p), math.Max(hi, p)
	}
	var sb strings.Builder
	for _, p := range prices {
		sb.WriteRune(blocks[int((p-lo)/(hi-lo)*float64(len(blocks)-1)+0.5)])
	}
	fmt.Println("spark:", sb.String())
}
