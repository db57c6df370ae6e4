package shopgen

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("u", false, "rewrite testdata/shop.db")

const shipped = "../../../../testdata/shop.db"

// digest hashes every row of every table, in primary-key order, so two
// databases with the same content compare equal whatever their page layout.
func digest(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	for _, table := range []string{"customers", "products", "orders"} {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s%v\n", table, vals)
		}
		rows.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestShippedDatabase checks the committed database holds exactly what Write
// generates, so the example's figures are reproducible. -u rewrites it.
func TestShippedDatabase(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "shop.db")
	if err := Write(fresh); err != nil {
		t.Fatal(err)
	}
	if *update {
		data, err := os.ReadFile(fresh)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shipped, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := digest(t, shipped), digest(t, fresh); got != want {
		t.Errorf("%s differs from a fresh generation; run go test -u to rewrite it", shipped)
	}
}

func TestWriteRefusesExisting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path); err == nil {
		t.Error("Write overwrote an existing file")
	}
}

// TestShippedTickets checks testdata/support/tickets.jsonl holds exactly
// what WriteTickets generates from the shipped database. -u rewrites it.
func TestShippedTickets(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+shipped+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var buf bytes.Buffer
	if err := WriteTickets(db, &buf); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(shippedTickets), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shippedTickets, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(shippedTickets)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Fatalf("%s differs from a fresh generation; run go test -u to rewrite it", shippedTickets)
	}
	if n := bytes.Count(got, []byte("\n")); n != Tickets {
		t.Errorf("%d tickets, want %d", n, Tickets)
	}
}

const shippedTickets = "../../../../testdata/support/tickets.jsonl"
