// Package shopgen writes the shipped example's SQLite database, a small shop:
// customers, products and orders, generated deterministically so the file in
// testdata/ can be checked against a fresh generation.
package shopgen

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Sizes of the shipped tables.
const (
	Customers = 2000
	Products  = 120
	Orders    = 12000
)

// Schema creates the tables. Dates are TEXT (ISO 8601), so they read back
// exactly as written.
const Schema = `
CREATE TABLE customers (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	email      TEXT NOT NULL UNIQUE,
	country    TEXT NOT NULL,
	segment    TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE TABLE products (
	id       INTEGER PRIMARY KEY,
	sku      TEXT NOT NULL UNIQUE,
	name     TEXT NOT NULL,
	category TEXT NOT NULL,
	price    REAL NOT NULL,
	active   INTEGER NOT NULL
);
CREATE TABLE orders (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	product_id  INTEGER NOT NULL REFERENCES products(id),
	quantity    INTEGER NOT NULL,
	unit_price  REAL NOT NULL,
	total       REAL NOT NULL,
	status      TEXT NOT NULL,
	ordered_at  TEXT NOT NULL
);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_product ON orders(product_id);
`

var (
	countries  = []string{"DE", "FR", "GB", "US", "US", "US", "CA", "BR", "JP", "IN", "AU", "ES", "IT", "NL"}
	segments   = []string{"consumer", "consumer", "consumer", "small_business", "enterprise"}
	first      = []string{"Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Edsger", "Radia", "Donald", "Sophie", "Alan", "Hedy", "John", "Katherine"}
	last       = []string{"Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Allen", "Dijkstra", "Perlman", "Knuth", "Wilson", "Turing", "Lamarr", "Backus", "Johnson"}
	categories = []string{"books", "electronics", "garden", "kitchen", "office", "toys"}
	adjectives = []string{"Compact", "Deluxe", "Classic", "Smart", "Eco", "Pro", "Mini", "Ultra"}
	nouns      = map[string][]string{
		"books":       {"Novel", "Cookbook", "Atlas", "Field Guide"},
		"electronics": {"Headphones", "Charger", "Speaker", "Keyboard"},
		"garden":      {"Trowel", "Hose", "Planter", "Shears"},
		"kitchen":     {"Kettle", "Pan", "Knife Set", "Grinder"},
		"office":      {"Desk Lamp", "Notebook", "Chair Mat", "Stapler"},
		"toys":        {"Puzzle", "Kite", "Robot Kit", "Board Game"},
	}
	statuses = []string{"delivered", "delivered", "delivered", "delivered", "shipped", "processing", "cancelled", "returned"}
)

// Write creates the database at path, which must not exist.
func Write(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists", path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(delete)")
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(Schema); err != nil {
		return fmt.Errorf("creating schema: %w", err)
	}
	r := rand.New(rand.NewPCG(2026, 3))
	base := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= Customers; i++ {
		fn, ln := first[r.IntN(len(first))], last[r.IntN(len(last))]
		created := base.Add(time.Duration(r.IntN(365*24)) * time.Hour)
		_, err := tx.Exec(`INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)`, i, fn+" "+ln,
			fmt.Sprintf("%s.%s%d@example.com", lower(fn), lower(ln), i),
			countries[r.IntN(len(countries))], segments[r.IntN(len(segments))], created.Format("2006-01-02"))
		if err != nil {
			return fmt.Errorf("customer %d: %w", i, err)
		}
	}
	prices := make([]float64, Products+1)
	for i := 1; i <= Products; i++ {
		cat := categories[r.IntN(len(categories))]
		name := adjectives[r.IntN(len(adjectives))] + " " + nouns[cat][r.IntN(len(nouns[cat]))]
		prices[i] = math.Round((4.99+r.Float64()*295)*100) / 100
		_, err := tx.Exec(`INSERT INTO products VALUES (?, ?, ?, ?, ?, ?)`, i,
			fmt.Sprintf("%s-%04d", upper(cat[:3]), i), name, cat, prices[i], boolInt(r.IntN(10) > 0))
		if err != nil {
			return fmt.Errorf("product %d: %w", i, err)
		}
	}
	for i := 1; i <= Orders; i++ {
		product := 1 + r.IntN(Products)
		qty := 1 + r.IntN(5)
		if r.IntN(20) == 0 {
			qty += 10 + r.IntN(40) // the occasional bulk order
		}
		at := base.Add(time.Duration(r.IntN(3*365*24*60)) * time.Minute)
		total := math.Round(float64(qty)*prices[product]*100) / 100
		_, err := tx.Exec(`INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, i, 1+r.IntN(Customers), product,
			qty, prices[product], total, statuses[r.IntN(len(statuses))], at.Format("2006-01-02T15:04:05Z"))
		if err != nil {
			return fmt.Errorf("order %d: %w", i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.Exec("VACUUM")
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
