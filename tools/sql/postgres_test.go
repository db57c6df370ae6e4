package sql

import (
	"context"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// postgresBin finds the directory holding initdb and postgres: on PATH, or
// where Debian's postgresql package puts them.
func postgresBin() string {
	if p, err := exec.LookPath("pg_config"); err == nil {
		if out, err := exec.Command(p, "--bindir").Output(); err == nil {
			dir := strings.TrimSpace(string(out))
			if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
				return dir
			}
		}
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/postgres")
	if len(matches) > 0 {
		return filepath.Dir(matches[len(matches)-1])
	}
	return ""
}

// startPostgres starts a throwaway cluster in a temporary directory that
// listens on a Unix socket only, and returns a DSN for it. It skips the test
// when PostgreSQL is not installed. As root, the server runs as the
// postgres user, since PostgreSQL refuses to run as root.
func startPostgres(t *testing.T) string {
	t.Helper()
	bin := postgresBin()
	if bin == "" {
		t.Skip("PostgreSQL binaries (initdb, postgres) not found; install the postgresql package to run this test")
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Skip("running as root without a postgres user to run the server as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	dir, err := os.MkdirTemp("", "airlock-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	data, sock := filepath.Join(dir, "data"), filepath.Join(dir, "sock")
	for _, d := range []string{dir, sock} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		if cred != nil {
			os.Chown(d, int(cred.Uid), int(cred.Gid))
		}
	}
	command := func(name string, args ...string) *exec.Cmd {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.Env = []string{"PATH=/usr/bin:/bin", "LANG=C.UTF-8"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true}
		return cmd
	}
	if out, err := command("initdb", "-D", data, "-U", "airlock", "-A", "trust", "-E", "UTF8", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	server := command("postgres", "-D", data, "-k", sock, "-c", "listen_addresses=", "-c", "fsync=off")
	logFile := filepath.Join(dir, "server.log")
	logw, err := os.Create(logFile)
	if err != nil {
		t.Fatal(err)
	}
	server.Stdout, server.Stderr = logw, logw
	if err := server.Start(); err != nil {
		t.Fatalf("starting postgres: %v", err)
	}
	t.Cleanup(func() {
		server.Process.Signal(syscall.SIGINT) // fast shutdown
		done := make(chan struct{})
		go func() { server.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			server.Process.Kill()
			<-done
		}
		logw.Close()
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		if command("pg_isready", "-q", "-h", sock, "-U", "airlock").Run() == nil {
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logFile)
			t.Fatalf("postgres did not start:\n%s", log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return "host=" + sock + " user=airlock dbname=postgres"
}

func TestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL server")
	}
	t.Setenv("AIRLOCK_TEST_PG_DSN", startPostgres(t))
	cfg := func(extra map[string]any) map[string]any {
		m := map[string]any{"driver": "postgres", "dsn": "${AIRLOCK_TEST_PG_DSN}"}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	admin, err := New(cfg(map[string]any{"read_only": false}), "/")
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for _, s := range []string{
		`CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10,2), weight float8, ok bool, data bytea, at timestamptz, note text)`,
		`INSERT INTO items VALUES (1, 'kettle', 19.99, 1.5, true, '\x00ff', '2024-05-01 09:30:00+00', NULL)`,
		`CREATE TABLE secrets (v text)`,
	} {
		if _, err := call(admin, "Exec", s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if n, err := call(admin, "Exec", "INSERT INTO items (id, name) VALUES ($1, $2), ($3, $4)", 2, "pan", 3, "O'Brien's; DROP TABLE items"); err != nil || n != int64(2) {
		t.Fatalf("insert with args = %v, %v", n, err)
	}

	p, err := New(cfg(map[string]any{"max_rows": 50, "timeout": "500ms"}), "/")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()

	t.Run("typed values", func(t *testing.T) {
		got, err := call(p, "Query", "SELECT * FROM items WHERE id = $1", 1)
		if err != nil {
			t.Fatal(err)
		}
		want := Records{{"id": int64(1), "name": "kettle", "price": "19.99", "weight": 1.5, "ok": true,
			"data": "AP8=", "at": "2024-05-01T09:30:00Z", "note": nil}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Query = %#v\nwant %#v", got, want)
		}
		got, err = call(p, "Query", "SELECT name FROM items WHERE name = $1", "O'Brien's; DROP TABLE items")
		if err != nil || len(got.(Records)) != 1 {
			t.Errorf("injection text as a value = %v, %v", got, err)
		}
	})

	t.Run("read-only", func(t *testing.T) {
		for _, q := range []string{
			"INSERT INTO items (id) VALUES (9)",
			"UPDATE items SET name = 'x'",
			"DELETE FROM items",
			"CREATE TABLE t2 (x int)",
			"DROP TABLE secrets",
			"TRUNCATE items",
			"SELECT * INTO copy FROM items",
			"WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d",
		} {
			for _, fn := range []string{"Exec", "Query"} {
				if _, err := call(p, fn, q); err == nil || !strings.Contains(err.Error(), "read-only transaction") {
					t.Errorf("read-only %s(%q) = %v; want a read-only transaction error", fn, q, err)
				}
			}
		}
		// Switching the transaction to read-write lasts for that call only:
		// the next statement runs in a fresh read-only transaction.
		call(p, "Exec", "SET TRANSACTION READ WRITE")
		call(p, "Exec", "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")
		if _, err := call(p, "Exec", "DELETE FROM items"); err == nil {
			t.Error("DELETE succeeded after SET ... READ WRITE")
		}
		if got, err := call(p, "Query", "SELECT count(*) AS n FROM items"); err != nil || !reflect.DeepEqual(got, Records{{"n": int64(3)}}) {
			t.Errorf("items after refused writes = %v, %v", got, err)
		}
	})

	t.Run("tables", func(t *testing.T) {
		got, err := p.Call(context.Background(), "Tables", map[string]any{})
		if err != nil {
			t.Fatal(err)
		}
		tables := got.([]Table)
		if len(tables) != 2 || tables[0].Name != "items" || len(tables[0].Columns) != 8 || tables[0].Columns[2] != (Column{"price", "numeric"}) || tables[1].Name != "secrets" {
			t.Errorf("Tables = %+v", tables)
		}
	})

	t.Run("one statement", func(t *testing.T) {
		if _, err := call(p, "Exec", "SELECT 1; COMMIT; DELETE FROM items"); err == nil || !strings.Contains(err.Error(), "one statement per call") {
			t.Errorf("multiple statements: %v", err)
		}
	})

	t.Run("max_rows and timeout", func(t *testing.T) {
		if _, err := call(p, "Query", "SELECT g FROM generate_series(1, 51) g"); err == nil || !strings.Contains(err.Error(), "more than 50 rows") {
			t.Errorf("51 rows under max_rows 50: %v", err)
		}
		start := time.Now()
		_, err := call(p, "Query", "SELECT pg_sleep(30)")
		if err == nil || !strings.Contains(err.Error(), "longer than the timeout of 500ms") || time.Since(start) > 5*time.Second {
			t.Errorf("pg_sleep(30) under a 500ms timeout: %v after %s", err, time.Since(start))
		}
		if _, err := call(p, "Query", "SELECT 1 AS one"); err != nil {
			t.Errorf("query after timeout: %v", err)
		}
	})
}
