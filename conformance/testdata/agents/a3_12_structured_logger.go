package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	case Error:
		return "ERROR"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Logger struct {
	out    io.Writer
	min    Level
	fields map[string]any
	counts map[Level]int
}

func New(out io.Writer, min Level) *Logger {
	return &Logger{out: out, min: min, fields: map[string]any{}, counts: map[Level]int{}}
}

func (l *Logger) With(kv ...any) *Logger {
	f := make(map[string]any, len(l.fields)+len(kv)/2)
	for k, v := range l.fields {
		f[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		f[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return &Logger{out: l.out, min: l.min, fields: f, counts: l.counts}
}

func (l *Logger) log(lvl Level, msg string, kv ...any) {
	l.counts[lvl]++
	if lvl < l.min {
		return
	}
	all := l.With(kv...).fields
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%-5s %s", lvl, msg)
	for _, k := range keys {
		v := all[k]
		switch x := v.(type) {
		case string:
			if strings.ContainsAny(x, " =\"") {
				fmt.Fprintf(&b, " %s=%q", k, x)
			} else {
				fmt.Fprintf(&b, " %s=%s", k, x)
			}
		case error:
			fmt.Fprintf(&b, " %s=%q", k, x.Error())
		case float64:
			fmt.Fprintf(&b, " %s=%.3f", k, x)
		default:
			fmt.Fprintf(&b, " %s=%v", k, x)
		}
	}
	fmt.Fprintln(l.out, b.String())
}

func (l *Logger) Debug(msg string, kv ...any) { l.log(Debug, msg, kv...) }
func (l *Logger) Info(msg string, kv ...any)  { l.log(Info, msg, kv...) }
func (l *Logger) Warn(msg string, kv ...any)  { l.log(Warn, msg, kv...) }
func (l *Logger) Error(msg string, kv ...any) { l.log(Error, msg, kv...) }

type logLine struct {
	lvl Level
	msg string
	kv  []any
}

func main() {
	events := []logLine{
		{Info, "server starting", []any{"port", 8080, "tls", false}},
		{Debug, "loaded config", []any{"path", "/etc/app.yaml"}},
		{Info, "request", []any{"method", "GET", "path", "/users", "status", 200, "dur_ms", 12.3456}},
		{Warn, "slow request", []any{"method", "POST", "path", "/orders", "dur_ms", 1534.2}},
		{Error, "db query failed", []any{"err", fmt.Errorf("timeout after %dms", 500), "query", "SELECT * FROM t"}},
		{Debug, "cache miss", []any{"key", "user:42"}},
		{Info, "request", []any{"method", "DELETE", "path", "/users/7", "status", 403, "user", "bob smith"}},
		{Level(7), "weird level", nil},
	}
	for _, min := range []Level{Debug, Warn} {
		fmt.Printf("=== min level %v ===\n", min)
		base := New(os.Stdout, min).With("svc", "api", "ver", "1.4.2")
		req := base.With("req_id", "abc-123")
		for i, e := range events {
			lg := base
			if i%2 == 1 {
				lg = req
			}
			lg.log(e.lvl, e.msg, e.kv...)
		}
		lv := make([]Level, 0)
		for k := range base.counts {
			lv = append(lv, k)
		}
		sort.Slice(lv, func(i, j int) bool { return lv[i] < lv[j] })
		for _, k := range lv {
			fmt.Printf("  count[%v]=%d\n", k, base.counts[k])
		}
	}

	fmt.Println("=== slog ===")
	opts := &slog.HandlerOptions{
		Level: slog.LevelInfo,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}
	tl := slog.New(slog.NewTextHandler(os.Stdout, opts)).With("svc", "api")
	tl.Debug("hidden")
	tl.Info("user login", "user", "ana", "attempts", 2)
	tl.Warn("quota", slog.Group("usage", slog.Int("used", 95), slog.Int("limit", 100)))
	jl := slog.New(slog.NewJSONHandler(os.Stdout, opts))
	jl.Error("payment failed", "amount", 19.99, "currency", "EUR", "err", "card declined")
	jl.Log(context.Background(), slog.LevelWarn+2, "custom level")
	fmt.Println("enabled debug:", jl.Enabled(context.Background(), slog.LevelDebug))
}
