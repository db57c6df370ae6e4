package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func producer(ctx context.Context, out chan<- int) error {
	for i := 1; ; i++ {
		select {
		case <-ctx.Done():
			close(out)
			return ctx.Err()
		case out <- i * i:
		}
	}
}

func tryRecv(ch <-chan string) (string, bool) {
	select {
	case v, ok := <-ch:
		if !ok {
			return "closed", false
		}
		return v, true
	default:
		return "nothing ready", false
	}
}

func slowOp(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return fmt.Errorf("slowOp(%v): %w", d, ctx.Err())
	}
}

func main() {
	ch := make(chan string, 2)
	fmt.Println(tryRecv(ch))
	ch <- "alpha"
	ch <- "beta"
	select {
	case ch <- "gamma":
		fmt.Println("sent gamma")
	default:
		fmt.Println("buffer full, gamma dropped")
	}
	fmt.Println(tryRecv(ch))
	fmt.Println(tryRecv(ch))
	close(ch)
	fmt.Println(tryRecv(ch))

	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case <-time.After(2 * time.Millisecond):
		fmt.Println("timed out waiting on never")
	}

	ctx, cancel := context.WithCancel(context.Background())
	nums := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- producer(ctx, nums) }()
	var got []int
	for v := range nums {
		got = append(got, v)
		if len(got) == 6 {
			break
		}
	}
	cancel()
	for range nums { // drain until producer closes
	}
	err := <-errc
	fmt.Println("received:", got)
	fmt.Println("producer stopped:", err, errors.Is(err, context.Canceled))

	tctx, tcancel := context.WithTimeout(context.Background(), 3*time.Millisecond)
	defer tcancel()
	err = slowOp(tctx, time.Second)
	fmt.Println(err)
	fmt.Println("deadline exceeded:", errors.Is(err, context.DeadlineExceeded), "ctx.Err:", tctx.Err())
	fmt.Println("fast op:", slowOp(context.Background(), time.Microsecond))

	vctx := context.WithValue(context.Background(), struct{ name string }{"reqid"}, "req-77")
	cctx, ccancel := context.WithCancelCause(vctx)
	ccancel(errors.New("client went away"))
	<-cctx.Done()
	fmt.Println("value:", cctx.Value(struct{ name string }{"reqid"}), "err:", cctx.Err(), "cause:", context.Cause(cctx))

	ticker := time.NewTicker(time.Millisecond)
	ticks := 0
	for range ticker.C {
		ticks++
		if ticks == 3 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks:", ticks)
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped pending timer:", timer.Stop())
	results := make(chan string)
	go func() {
		defer close(results)
		for _, s := range []string{"x", "y", "z"} {
			results <- s
		}
	}()
	var order []string
	for {
		select {
		case s, ok := <-results:
			if !ok {
				fmt.Println("ordered results:", order)
				return
			}
			order = append(order, s)
		case <-time.After(time.Second):
			fmt.Println("stuck")
			return
		}
	}
}
