package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type Account struct {
	mu      sync.Mutex
	ID      int
	Owner   string
	balance int64
	history []int64
}

var ErrInsufficient = errors.New("insufficient funds")

func (a *Account) Deposit(n int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
	a.history = append(a.history, n)
}

func (a *Account) Balance() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

type Bank struct {
	accounts []*Account
	ops      atomic.Int64
	failed   atomic.Int64
}

func (b *Bank) Transfer(from, to int, amt int64) error {
	b.ops.Add(1)
	if from == to {
		return nil
	}
	a, c := b.accounts[from], b.accounts[to]
	first, second := a, c
	if c.ID < a.ID {
		first, second = c, a
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if a.balance < amt {
		b.failed.Add(1)
		return fmt.Errorf("transfer %d->%d of %d: %w", from, to, amt, ErrInsufficient)
	}
	a.balance -= amt
	c.balance += amt
	a.history = append(a.history, -amt)
	c.history = append(c.history, amt)
	return nil
}

func (b *Bank) Total() int64 {
	var t int64
	for _, a := range b.accounts {
		t += a.Balance()
	}
	return t
}

type result struct {
	worker int
	moved  int64
	count  int
}

func main() {
	owners := []string{"ada", "bert", "cleo", "dmitri", "eun"}
	bank := &Bank{}
	for i, o := range owners {
		bank.accounts = append(bank.accounts, &Account{ID: i, Owner: o, balance: 1_000_000})
	}
	start := bank.Total()
	const workers = 8
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := result{worker: w}
			for i := range 500 {
				from := (w + i) % len(owners)
				to := (w*3 + i*7 + 1) % len(owners)
				amt := int64((w+1)*(i%13) + 1)
				if err := bank.Transfer(from, to, amt); err != nil {
					continue
				}
				res.moved += amt
				res.count++
			}
			results <- res
		}()
	}
	// deposits interleaved from another goroutine group
	var dwg sync.WaitGroup
	for i := range owners {
		dwg.Add(1)
		go func(idx int) {
			defer dwg.Done()
			for k := 1; k <= 100; k++ {
				bank.accounts[idx].Deposit(int64(k))
			}
		}(i)
	}
	wg.Wait()
	dwg.Wait()
	close(results)
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].worker < all[j].worker })
	var moved int64
	for _, r := range all {
		fmt.Printf("worker %d: %3d transfers, moved %6d\n", r.worker, r.count, r.moved)
		moved += r.moved
	}
	fmt.Println("total moved:", moved, "ops:", bank.ops.Load(), "failed:", bank.failed.Load())
	end := bank.Total()
	fmt.Println("start:", start, "end:", end, "deposits:", end-start)
	for _, a := range bank.accounts {
		var in, out int64
		for _, h := range a.history {
			if h > 0 {
				in += h
			} else {
				out -= h
			}
		}
		fmt.Printf("%-7s balance %8d  entries %4d  in %7d out %7d\n", a.Owner, a.Balance(), len(a.history), in, out)
	}
	poor := &Bank{accounts: []*Account{{ID: 0, Owner: "x", balance: 5}, {ID: 1, Owner: "y"}}}
	err := poor.Transfer(0, 1, 10)
	fmt.Println(err, errors.Is(err, ErrInsufficient))
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("audit initialised once") })
	}
}
