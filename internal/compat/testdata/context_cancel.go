// context cancellation of a worker.
package main

import (
	"context"
	"errors"
	"fmt"
)

func produce(ctx context.Context, out chan<- int) error {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case out <- i:
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	errc := make(chan error, 1)
	go func() { errc <- produce(ctx, out) }()
	sum := 0
	for v := range out {
		sum += v
		if v == 4 {
			cancel()
			break
		}
	}
	err := <-errc
	fmt.Println(sum, errors.Is(err, context.Canceled), err)
	ctx2 := context.WithValue(context.Background(), "k", "v")
	fmt.Println(ctx2.Value("k"))
}
