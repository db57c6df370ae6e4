package main

import (
	"bufio"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

const iniText = `
; global settings
app_name = "Inventory Service"
debug = true

[server]
host = 0.0.0.0
port = 8080
read_timeout = 15s
write_timeout = 1m30s
max_body_mb = 2.5

[database]
dsn = "postgres://app@db:5432/inv?sslmode=disable"
pool_size = twelve
retries = 3
# inline comment follows
replicas = db-r1, db-r2 ,db-r3

[features]
beta_ui = off
new_search = YES
ratio = 0x1F

[broken
key without equals
[server]
port = 9090
`

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

type Config struct {
	sections map[string]map[string]string
}

var ErrNotFound = errors.New("key not found")

func Parse(text string) (*Config, []error) {
	c := &Config{sections: map[string]map[string]string{"": {}}}
	var errs []error
	sec := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, ";") || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") {
				errs = append(errs, &ParseError{ln, fmt.Sprintf("unterminated section header %q", line)})
				continue
			}
			sec = strings.TrimSpace(line[1 : len(line)-1])
			if _, ok := c.sections[sec]; !ok {
				c.sections[sec] = map[string]string{}
			}
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			errs = append(errs, &ParseError{ln, "expected key = value"})
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if strings.HasPrefix(v, `"`) {
			uq, err := strconv.Unquote(v)
			if err != nil {
				errs = append(errs, &ParseError{ln, "bad quoted value: " + err.Error()})
				continue
			}
			v = uq
		}
		if old, dup := c.sections[sec][k]; dup {
			errs = append(errs, &ParseError{ln, fmt.Sprintf("duplicate key %s.%s (was %q)", sec, k, old)})
		}
		c.sections[sec][k] = v
	}
	return c, errs
}

func (c *Config) raw(path string) (string, error) {
	sec, key := "", path
	if i := strings.LastIndex(path, "."); i >= 0 {
		sec, key = path[:i], path[i+1:]
	}
	v, ok := c.sections[sec][key]
	if !ok {
		return "", fmt.Errorf("%s: %w", path, ErrNotFound)
	}
	return v, nil
}

func (c *Config) String(path, def string) string {
	v, err := c.raw(path)
	if err != nil {
		return def
	}
	return v
}

func (c *Config) Int(path string) (int, error) {
	v, err := c.raw(path)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 0, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return int(n), nil
}

func (c *Config) Bool(path string) (bool, error) {
	v, err := c.raw(path)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(v) {
	case "yes", "on":
		return true, nil
	case "no", "off":
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

func (c *Config) Duration(path string) (time.Duration, error) {
	v, err := c.raw(path)
	if err != nil {
		return 0, err
	}
	return time.ParseDuration(v)
}

func (c *Config) Float(path string) (float64, error) {
	v, err := c.raw(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(v, 64)
}

func (c *Config) List(path string) []string {
	v, err := c.raw(path)
	if err != nil {
		return nil
	}
	parts := strings.Split(v, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func main() {
	cfg, errs := Parse(iniText)
	for _, e := range errs {
		var pe *ParseError
		if errors.As(e, &pe) {
			fmt.Printf("parse warning (line %d): %s\n", pe.Line, pe.Msg)
		}
	}
	secs := make([]string, 0)
	for s := range cfg.sections {
		secs = append(secs, s)
	}
	sort.Strings(secs)
	for _, s := range secs {
		keys := make([]string, 0)
		for k := range cfg.sections[s] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Printf("[%s] %v\n", s, keys)
	}
	fmt.Printf("app_name=%q\n", cfg.String("app_name", "?"))
	fmt.Printf("missing=%q\n", cfg.String("server.nothing", "default"))
	for _, p := range []string{"server.port", "database.pool_size", "database.retries", "features.ratio", "server.missing"} {
		n, err := cfg.Int(p)
		fmt.Printf("Int(%s) = %d, err=%v, notfound=%t\n", p, n, err, errors.Is(err, ErrNotFound))
	}
	for _, p := range []string{"debug", "features.beta_ui", "features.new_search", "server.host"} {
		b, err := cfg.Bool(p)
		fmt.Printf("Bool(%s) = %t, err=%v\n", p, b, err)
	}
	for _, p := range []string{"server.read_timeout", "server.write_timeout", "server.host"} {
		d, err := cfg.Duration(p)
		fmt.Printf("Duration(%s) = %v (%.1fs), err=%v\n", p, d, d.Seconds(), err)
	}
	f, err := cfg.Float("server.max_body_mb")
	fmt.Printf("Float = %g bytes=%d err=%v\n", f, int64(f*1024*1024), err)
	fmt.Printf("replicas=%q\n", cfg.List("database.replicas"))
	fmt.Println("dsn:", cfg.String("database.dsn", ""))
	var numErr *strconv.NumError
	_, err = cfg.Int("database.pool_size")
	if errors.As(err, &numErr) {
		fmt.Printf("NumError func=%s num=%q err=%v syntax=%t\n", numErr.Func, numErr.Num, numErr.Err, errors.Is(err, strconv.ErrSyntax))
	}
}
