package shopgen

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// Tickets is the number of support tickets in the shipped ticket file.
const Tickets = 3000

// Ticket is one support ticket, a line of testdata/support/tickets.jsonl.
type Ticket struct {
	ID       string `json:"id"`
	Customer string `json:"customer"` // the customer's email, as in the customers table
	Product  string `json:"product"`  // a product SKU
	Opened   string `json:"opened"`   // date, 2006-01-02
	Priority string `json:"priority"`
	Status   string `json:"status"`
	Subject  string `json:"subject"`
	Body     string `json:"body"`
}

var (
	priorities = []string{"low", "normal", "normal", "normal", "high", "urgent"}
	tstatuses  = []string{"open", "open", "pending", "solved", "solved", "solved"}
	problems   = []struct{ subject, body string }{
		{"Item arrived damaged", "The %s I ordered arrived with a cracked casing and parts missing from the box. I would like a replacement or a refund, whichever is faster."},
		{"Late delivery", "My order of the %s was promised within five days and still has not arrived after two weeks. Tracking has not moved since it left the warehouse."},
		{"Wrong item shipped", "I received something else instead of the %s. The packing slip shows the right item, so the mix-up happened in the warehouse."},
		{"Refund not received", "I returned the %s a month ago and the refund has not reached my card yet. The return label shows it was delivered to you."},
		{"Invoice question", "The invoice for the %s shows a different unit price than the one on the product page when I ordered. Please explain or correct it."},
		{"Stops working", "The %s stopped working after a few days of normal use. I tried the steps in the manual without success and would like it repaired."},
		{"Account access", "I cannot sign in to see my order of the %s. The password reset email never arrives, and support chat keeps timing out."},
		{"Bulk order discount", "We plan to order the %s for our whole team and would like to know whether a volume discount or an invoice with net 30 terms is possible."},
	}
)

// WriteTickets writes the support tickets as JSON lines, one per ticket,
// for customers and products of the database db (the shipped shop), so
// that a program can join tickets to orders by email and SKU.
func WriteTickets(db *sql.DB, w io.Writer) error {
	var emails, skus, names []string
	rows, err := db.Query(`SELECT email FROM customers ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			rows.Close()
			return err
		}
		emails = append(emails, e)
	}
	rows.Close()
	rows, err = db.Query(`SELECT sku, name FROM products ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var sku, name string
		if err := rows.Scan(&sku, &name); err != nil {
			rows.Close()
			return err
		}
		skus, names = append(skus, sku), append(names, name)
	}
	rows.Close()
	if len(emails) == 0 || len(skus) == 0 {
		return fmt.Errorf("the database has no customers or products")
	}
	r := rand.New(rand.NewPCG(2026, 7))
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 1; i <= Tickets; i++ {
		// A few customers write often: every third ticket comes from the
		// first 150 customers.
		c := r.IntN(len(emails))
		if i%3 == 0 {
			c = r.IntN(150)
		}
		p := r.IntN(len(skus))
		pr := problems[r.IntN(len(problems))]
		t := Ticket{
			ID:       fmt.Sprintf("T-%05d", i),
			Customer: emails[c],
			Product:  skus[p],
			Opened:   base.AddDate(0, 0, r.IntN(320)).Format("2006-01-02"),
			Priority: priorities[r.IntN(len(priorities))],
			Status:   tstatuses[r.IntN(len(tstatuses))],
			Subject:  pr.subject,
			Body:     fmt.Sprintf(pr.body, names[p]),
		}
		if err := enc.Encode(t); err != nil {
			return err
		}
	}
	return nil
}
