package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

type ctxKey string

var ErrBudget = errors.New("work budget exhausted")

// step-based "work" that checks the context between steps
func crunch(ctx context.Context, name string, steps int) (int, error) {
	done := 0
	for i := 0; i < steps; i++ {
		select {
		case <-ctx.Done():
			return done, fmt.Errorf("%s stopped at step %d: %w", name, done, context.Cause(ctx))
		default:
		}
		done++
		if limit, ok := ctx.Value(ctxKey("limit")).(int); ok && done >= limit {
			return done, fmt.Errorf("%s: %w", name, ErrBudget)
		}
	}
	return done, nil
}

func main() {
	base := context.WithValue(context.Background(), ctxKey("request_id"), "req-7f3a")
	fmt.Println("request id:", base.Value(ctxKey("request_id")), "missing:", base.Value(ctxKey("nope")))

	// 1. deadline far in the future: work completes
	timeout := 30 * time.Second
	ctx, cancel := context.WithTimeout(base, timeout)
	dl, ok := ctx.Deadline()
	n, err := crunch(ctx, "long-deadline", 50)
	fmt.Printf("has deadline=%t remaining>%v:%t done=%d err=%v\n", ok, timeout/2, time.Until(dl) > timeout/2, n, err)
	cancel()
	fmt.Println("after cancel:", ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	// 2. tiny timeout: wait for it to fire, then observe DeadlineExceeded
	ctx2, cancel2 := context.WithTimeout(base, 5*time.Millisecond)
	defer cancel2()
	<-ctx2.Done()
	n, err = crunch(ctx2, "expired", 10)
	fmt.Printf("done=%d err=%v deadline-exceeded=%t\n", n, err, errors.Is(err, context.DeadlineExceeded))

	// 3. deadline already in the past
	ctx3, cancel3 := context.WithDeadline(base, time.Now().Add(-time.Minute))
	defer cancel3()
	fmt.Println("past deadline err:", ctx3.Err())

	// 4. cancel with cause after partial processing
	ctx4, cancel4 := context.WithCancelCause(base)
	items := []string{"a", "b", "c", "BAD", "d", "e"}
	var processed []string
	for _, it := range items {
		if ctx4.Err() != nil {
			break
		}
		if it == "BAD" {
			cancel4(fmt.Errorf("invalid item %q", it))
			continue
		}
		processed = append(processed, it)
	}
	fmt.Printf("processed=%v err=%v cause=%v\n", processed, ctx4.Err(), context.Cause(ctx4))

	// 5. value-based budget through a child context
	ctx5 := context.WithValue(base, ctxKey("limit"), 7)
	n, err = crunch(ctx5, "budgeted", 100)
	fmt.Printf("done=%d err=%v budget=%t\n", n, err, errors.Is(err, ErrBudget))

	// 6. parent cancellation propagates to children; workers report deterministic results
	parent, cancelParent := context.WithCancel(base)
	children := make([]context.Context, 3)
	for i := range children {
		c, cc := context.WithTimeout(parent, time.Hour)
		defer cc()
		children[i] = c
	}
	cancelParent()
	var wg sync.WaitGroup
	var mu sync.Mutex
	res := map[int]string{}
	for i, c := range children {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-c.Done()
			mu.Lock()
			res[i] = fmt.Sprintf("child %d: %v (id=%v)", i, c.Err(), c.Value(ctxKey("request_id")))
			mu.Unlock()
		}()
	}
	wg.Wait()
	keys := make([]int, 0, len(res))
	for k := range res {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Println(res[k])
	}

	// 7. select between a result channel and ctx timeout: result arrives first (buffered, ready)
	ready := make(chan int, 1)
	ready <- 42
	ctx7, cancel7 := context.WithTimeout(base, time.Second)
	defer cancel7()
	select {
	case v := <-ready:
		fmt.Println("got result:", v)
	case <-ctx7.Done():
		fmt.Println("timed out")
	}
	// 8. AfterFunc and WithoutCancel
	ctx8, cancel8 := context.WithCancel(base)
	fired := make(chan string, 1)
	stop := context.AfterFunc(ctx8, func() { fired <- "cleanup ran" })
	detached := context.WithoutCancel(ctx8)
	cancel8()
	fmt.Println(<-fired, "| detached err:", detached.Err(), "| stop after fire:", stop())
	fmt.Printf("%v | %T\n", context.Background(), ctx8.Err())
}
