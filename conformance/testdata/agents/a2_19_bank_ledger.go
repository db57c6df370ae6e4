package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
)

type AccountID string

type Account struct {
	ID      AccountID
	Owner   string
	Balance int64 // cents
	History []Entry
}

type Entry struct {
	Seq    int
	Kind   string
	Amount int64
	Other  AccountID
}

var (
	ErrInsufficient = errors.New("insufficient funds")
	ErrNoAccount    = errors.New("no such account")
	ErrInvalid      = errors.New("invalid amount")
)

type TxError struct {
	Op  string
	ID  AccountID
	Err error
}

func (e *TxError) Error() string { return e.Op + " " + string(e.ID) + ": " + e.Err.Error() }
func (e *TxError) Unwrap() error { return e.Err }

type Ledger struct {
	accounts map[AccountID]*Account
	seq      int
}

func NewLedger() *Ledger { return &Ledger{accounts: map[AccountID]*Account{}} }

func (l *Ledger) Open(id AccountID, owner string, initial int64) {
	l.accounts[id] = &Account{ID: id, Owner: owner, Balance: initial}
}

func (l *Ledger) get(op string, id AccountID) (*Account, error) {
	a, ok := l.accounts[id]
	if !ok {
		return nil, &TxError{op, id, ErrNoAccount}
	}
	return a, nil
}

func (l *Ledger) Transfer(from, to AccountID, amt int64) error {
	if amt <= 0 {
		return &TxError{"transfer", from, fmt.Errorf("%w: %d", ErrInvalid, amt)}
	}
	src, err := l.get("transfer", from)
	if err != nil {
		return err
	}
	dst, err := l.get("transfer", to)
	if err != nil {
		return err
	}
	if src.Balance < amt {
		return &TxError{"transfer", from, fmt.Errorf("%w: have %s, need %s", ErrInsufficient, cents(src.Balance), cents(amt))}
	}
	l.seq++
	src.Balance -= amt
	dst.Balance += amt
	src.History = append(src.History, Entry{l.seq, "debit", -amt, to})
	dst.History = append(dst.History, Entry{l.seq, "credit", amt, from})
	return nil
}

func cents(c int64) string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.SetPrefix("[ledger] ")
	l := NewLedger()
	l.Open("A1", "alice", 100_00)
	l.Open("B2", "bob", 50_50)
	l.Open("C3", "carol", 0)
	txs := []struct {
		from, to AccountID
		amt      int64
	}{
		{"A1", "B2", 25_00}, {"B2", "C3", 70_00}, {"B2", "C3", 75_50},
		{"C3", "A1", 0}, {"A1", "Z9", 1_00}, {"C3", "A1", 10_01}, {"A1", "C3", 99_99},
	}
	failures := 0
	for i, tx := range txs {
		err := l.Transfer(tx.from, tx.to, tx.amt)
		switch {
		case err == nil:
			log.Printf("tx%d ok %s -> %s %s", i, tx.from, tx.to, cents(tx.amt))
		case errors.Is(err, ErrInsufficient):
			failures++
			log.Printf("tx%d declined: %v", i, err)
		case errors.Is(err, ErrNoAccount), errors.Is(err, ErrInvalid):
			failures++
			var te *TxError
			errors.As(err, &te)
			log.Printf("tx%d rejected (op=%s id=%s): %v", i, te.Op, te.ID, te.Err)
		}
	}
	ids := make([]string, 0)
	var sum int64
	for id := range l.accounts {
		ids = append(ids, string(id))
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := l.accounts[AccountID(id)]
		sum += a.Balance
		var hist []string
		for _, e := range a.History {
			hist = append(hist, fmt.Sprintf("#%d %s %s", e.Seq, e.Kind, cents(e.Amount)))
		}
		fmt.Printf("%s %-6s %10s [%s]\n", a.ID, a.Owner, cents(a.Balance), strings.Join(hist, ", "))
	}
	fmt.Println("total", cents(sum), "failures", failures)
	if sum != 150_50 {
		log.Fatal("ledger imbalance!")
	}
	if failures > 2 {
		log.Fatalf("audit failed: %d failed transactions", failures)
	}
	fmt.Println("unreachable")
}
