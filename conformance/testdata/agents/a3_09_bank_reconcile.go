package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

var ErrMissingInBank = errors.New("missing from bank statement")
var ErrMissingInLedger = errors.New("missing from ledger")

type AmountMismatchError struct {
	Ref          string
	Ledger, Bank int64
}

func (e *AmountMismatchError) Error() string {
	return fmt.Sprintf("ref %s: ledger %s != bank %s (diff %s)", e.Ref, fmtCents(e.Ledger), fmtCents(e.Bank), fmtCents(e.Bank-e.Ledger))
}

type DateMismatchError struct {
	Ref          string
	Ledger, Bank string
}

func (e DateMismatchError) Error() string {
	return "ref " + e.Ref + ": date " + e.Ledger + " vs " + e.Bank
}

func fmtCents(c int64) string {
	neg := c < 0
	if neg {
		c = -c
	}
	s := fmt.Sprintf("%d.%02d", c/100, c%100)
	if neg {
		return "(" + s + ")"
	}
	return s
}

type Txn struct {
	Ref    string
	Date   string
	Amount int64
	Memo   string
}

type Account struct {
	Name    string
	Balance int64
	txns    []Txn
}

type InsufficientFundsError struct {
	Account   string
	Requested int64
	Available int64
}

func (e *InsufficientFundsError) Error() string {
	return fmt.Sprintf("%s: insufficient funds: requested %s, available %s", e.Account, fmtCents(e.Requested), fmtCents(e.Available))
}

func (a *Account) Apply(t Txn) error {
	if a.Balance+t.Amount < 0 {
		return fmt.Errorf("apply %s: %w", t.Ref, &InsufficientFundsError{a.Name, -t.Amount, a.Balance})
	}
	a.Balance += t.Amount
	a.txns = append(a.txns, t)
	return nil
}

func reconcile(ledger, bank []Txn) []error {
	bm := map[string]Txn{}
	for _, t := range bank {
		bm[t.Ref] = t
	}
	lm := map[string]bool{}
	var errs []error
	for _, l := range ledger {
		lm[l.Ref] = true
		b, ok := bm[l.Ref]
		if !ok {
			errs = append(errs, fmt.Errorf("ref %s (%s): %w", l.Ref, l.Memo, ErrMissingInBank))
			continue
		}
		if b.Amount != l.Amount {
			errs = append(errs, &AmountMismatchError{l.Ref, l.Amount, b.Amount})
		}
		if b.Date != l.Date {
			errs = append(errs, DateMismatchError{l.Ref, l.Date, b.Date})
		}
	}
	var extra []string
	for ref := range bm {
		if !lm[ref] {
			extra = append(extra, ref)
		}
	}
	sort.Strings(extra)
	for _, ref := range extra {
		errs = append(errs, fmt.Errorf("ref %s (%s): %w", ref, bm[ref].Memo, ErrMissingInLedger))
	}
	return errs
}

func main() {
	ledger := []Txn{
		{"T001", "2024-05-01", 250000, "salary"},
		{"T002", "2024-05-02", -120000, "rent"},
		{"T003", "2024-05-03", -4599, "groceries"},
		{"T004", "2024-05-05", -1999, "streaming"},
		{"T005", "2024-05-07", -300000, "new laptop"},
		{"T006", "2024-05-08", -7550, "utilities"},
		{"T007", "2024-05-09", 15000, "refund"},
	}
	bank := []Txn{
		{"T001", "2024-05-01", 250000, "ACME PAYROLL"},
		{"T002", "2024-05-02", -120000, "LANDLORD LLC"},
		{"T003", "2024-05-04", -4599, "FRESH MART"},
		{"T004", "2024-05-05", -2199, "STREAMCO"},
		{"T006", "2024-05-08", -7550, "CITY POWER"},
		{"B900", "2024-05-10", -500, "BANK FEE"},
		{"T007", "2024-05-11", 1500, "REFUND STORE"},
	}

	acct := &Account{Name: "checking", Balance: 10000}
	for _, t := range ledger {
		if err := acct.Apply(t); err != nil {
			var ife *InsufficientFundsError
			if errors.As(err, &ife) {
				fmt.Printf("rejected: %v [short by %s]\n", err, fmtCents(ife.Requested-ife.Available))
			} else {
				fmt.Println("rejected:", err)
			}
			continue
		}
		fmt.Printf("applied %-4s %-10s %10s balance=%s\n", t.Ref, t.Memo, fmtCents(t.Amount), fmtCents(acct.Balance))
	}

	errs := reconcile(acct.txns, bank)
	counts := map[string]int{}
	for _, e := range errs {
		var am *AmountMismatchError
		var dm DateMismatchError
		switch {
		case errors.Is(e, ErrMissingInBank):
			counts["missing-in-bank"]++
		case errors.Is(e, ErrMissingInLedger):
			counts["missing-in-ledger"]++
		case errors.As(e, &am):
			counts["amount"]++
		case errors.As(e, &dm):
			counts["date"]++
		}
		fmt.Printf("  %-22T %v\n", e, e)
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, counts[k]))
	}
	fmt.Println("issues:", strings.Join(parts, " "))

	var bankBal int64 = 10000
	for _, t := range bank {
		bankBal += t.Amount
	}
	fmt.Printf("ledger balance %s, bank balance %s, unexplained %s\n", fmtCents(acct.Balance), fmtCents(bankBal), fmtCents(bankBal-acct.Balance))
	joined := errors.Join(errs...)
	fmt.Println("joined is ErrMissingInLedger:", errors.Is(joined, ErrMissingInLedger), "lines:", len(strings.Split(joined.Error(), "\n")))
}
