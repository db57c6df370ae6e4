package main

import (
	"errors"
	"fmt"
	"math/rand"
	"time"
)

type TransientError struct {
	Op      string
	Attempt int
}

func (e *TransientError) Error() string {
	return fmt.Sprintf("%s: transient failure (attempt %d)", e.Op, e.Attempt)
}
func (e *TransientError) Temporary() bool { return true }

var ErrPermanent = errors.New("permanent failure")

type Clock struct{ now time.Duration }

func (c *Clock) Sleep(d time.Duration) { c.now += d }

type Policy struct {
	Base, Max   time.Duration
	Factor      float64
	MaxAttempts int
	Jitter      float64 // fraction, e.g. 0.2 = ±20%
	Budget      time.Duration
}

func Retry(clock *Clock, p Policy, rng *rand.Rand, op func(attempt int) error) (int, error) {
	delay := p.Base
	start := clock.now
	var last error
	for attempt := 1; attempt <= p.MaxAttempts; attempt++ {
		err := op(attempt)
		if err == nil {
			return attempt, nil
		}
		last = err
		var temp interface{ Temporary() bool }
		if !errors.As(err, &temp) || !temp.Temporary() {
			return attempt, fmt.Errorf("giving up on non-retryable error: %w", err)
		}
		if attempt == p.MaxAttempts {
			break
		}
		j := 1 + p.Jitter*(2*rng.Float64()-1)
		sleep := time.Duration(float64(delay) * j).Truncate(time.Millisecond)
		if clock.now-start+sleep > p.Budget {
			return attempt, fmt.Errorf("retry budget %v exhausted after %v: %w", p.Budget, clock.now-start, err)
		}
		fmt.Printf("    attempt %d failed (%v); sleeping %v\n", attempt, err, sleep)
		clock.Sleep(sleep)
		delay = time.Duration(float64(delay) * p.Factor)
		if delay > p.Max {
			delay = p.Max
		}
	}
	return p.MaxAttempts, fmt.Errorf("after %d attempts: %w", p.MaxAttempts, last)
}

func main() {
	rng := rand.New(rand.NewSource(7))
	policy := Policy{Base: 100 * time.Millisecond, Max: 2 * time.Second, Factor: 2, MaxAttempts: 6, Jitter: 0.2, Budget: 10 * time.Second}

	scenarios := []struct {
		name string
		op   func(int) error
	}{
		{"flaky-then-ok", func(a int) error {
			if a < 4 {
				return &TransientError{"fetch", a}
			}
			return nil
		}},
		{"always-transient", func(a int) error { return &TransientError{"upload", a} }},
		{"permanent", func(a int) error {
			if a == 2 {
				return fmt.Errorf("write row: %w", ErrPermanent)
			}
			return &TransientError{"write", a}
		}},
		{"first-try", func(int) error { return nil }},
	}
	clock := &Clock{}
	for _, s := range scenarios {
		start := clock.now
		fmt.Printf("%s:\n", s.name)
		n, err := Retry(clock, policy, rng, s.op)
		elapsed := clock.now - start
		if err != nil {
			var te *TransientError
			fmt.Printf("  FAILED after %d attempts in %v: %v\n", n, elapsed, err)
			fmt.Printf("  permanent=%t transient=%t\n", errors.Is(err, ErrPermanent), errors.As(err, &te))
		} else {
			fmt.Printf("  OK after %d attempts in %v\n", n, elapsed)
		}
	}
	tight := policy
	tight.Budget = 700 * time.Millisecond
	tight.Jitter = 0
	fmt.Println("tight-budget:")
	_, err := Retry(clock, tight, rng, func(a int) error { return &TransientError{"ping", a} })
	fmt.Println("  ", err)
	fmt.Printf("total simulated time: %v (%.3fs, %dms)\n", clock.now, clock.now.Seconds(), clock.now.Milliseconds())

	// backoff schedule table without jitter
	d := policy.Base
	for i := 1; i <= 7; i++ {
		fmt.Printf("  retry %d: %-8v cumulative-cap %v\n", i, d, min(d*time.Duration(i), policy.Budget))
		d = min(time.Duration(float64(d)*policy.Factor), policy.Max)
	}
}
