// Package config reads one tool provider's settings from the policy's
// "providers" section, as decoded from YAML into plain maps. It reports the
// first bad value and every key nobody asked for, which is usually a typo.
package config

import (
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Section is one provider's settings. Its getters return the default after
// an error, which Err reports, so a constructor reads its settings in a row
// and checks once.
type Section struct {
	name  string
	m     map[string]any
	asked map[string]bool
	err   error
}

// New returns the settings of the provider called name; m may be nil.
func New(name string, m map[string]any) *Section {
	return &Section{name: name, m: m, asked: map[string]bool{}}
}

// Err returns the first bad value, or else an error naming any key that no
// getter asked for.
func (s *Section) Err() error {
	if s.err != nil {
		return s.err
	}
	for _, k := range slices.Sorted(maps.Keys(s.m)) {
		if !s.asked[k] {
			return fmt.Errorf("providers.%s: unknown key %q (known: %s)",
				s.name, k, strings.Join(slices.Sorted(maps.Keys(s.asked)), ", "))
		}
	}
	return nil
}

func (s *Section) get(key string) (any, bool) {
	s.asked[key] = true
	v, ok := s.m[key]
	return v, ok && v != nil && s.err == nil
}

func (s *Section) fail(key, want string, got any) {
	if s.err == nil {
		s.err = fmt.Errorf("providers.%s.%s: want %s, got %v", s.name, key, want, got)
	}
}

// Bool reads a boolean.
func (s *Section) Bool(key string, def bool) bool {
	v, ok := s.get(key)
	if !ok {
		return def
	}
	b, isBool := v.(bool)
	if !isBool {
		s.fail(key, "true or false", v)
		return def
	}
	return b
}

// Duration reads a positive duration written like "10s" or "1m30s".
func (s *Section) Duration(key string, def time.Duration) time.Duration {
	v, ok := s.get(key)
	if !ok {
		return def
	}
	str, _ := v.(string)
	d, err := time.ParseDuration(str)
	if err != nil || d <= 0 {
		s.fail(key, "a duration such as 10s", v)
		return def
	}
	return d
}

// Size reads a positive size in bytes: a number, or a string with a unit
// such as "64MiB" (KiB, MiB, GiB are powers of 1024; KB, MB, GB of 1000).
func (s *Section) Size(key string, def int64) int64 {
	v, ok := s.get(key)
	if !ok {
		return def
	}
	n, err := ParseSize(v)
	if err != nil {
		s.fail(key, "a size such as 64MiB", v)
		return def
	}
	return n
}

// String reads a non-empty string.
func (s *Section) String(key, def string) string {
	v, ok := s.get(key)
	if !ok || v == nil {
		return def
	}
	str, isStr := v.(string)
	if !isStr || str == "" {
		s.fail(key, "a non-empty string", v)
		return def
	}
	return str
}

// Strings reads a list of strings; nil when the key is absent.
func (s *Section) Strings(key string) []string {
	v, ok := s.get(key)
	if !ok || v == nil {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		s.fail(key, "a list of strings", v)
		return nil
	}
	out := make([]string, len(list))
	for i, x := range list {
		str, isStr := x.(string)
		if !isStr {
			s.fail(key, "a list of strings", v)
			return nil
		}
		out[i] = str
	}
	return out
}

// Expand replaces ${VAR} and $VAR with the parent's environment; an unset
// variable is an error rather than an empty string.
func Expand(s string) (string, error) {
	var missing []string
	out := os.Expand(s, func(k string) string {
		v, ok := os.LookupEnv(k)
		if !ok {
			missing = append(missing, k)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("environment variable %s is not set", missing[0])
	}
	return out, nil
}

// ExpandOrKeep expands ${VAR} and $VAR, leaving an unset one as written.
func ExpandOrKeep(s string) string {
	return os.Expand(s, func(k string) string {
		if v, ok := os.LookupEnv(k); ok {
			return v
		}
		return "${" + k + "}"
	})
}

// RealPath is path absolute with its symbolic links followed, or as
// given when it does not resolve.
func RealPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// Command is the program a command name runs: a path with its links
// followed, or the first match on $PATH; the name when none is found.
func Command(name string) string {
	if p, err := exec.LookPath(name); err == nil {
		return RealPath(p)
	}
	return name
}

// StringMap reads a mapping of strings to strings.
func (s *Section) StringMap(key string) map[string]string {
	v, ok := s.get(key)
	if !ok {
		return nil
	}
	m, err := stringMap(v)
	if err != nil {
		s.fail(key, "a mapping of names to strings", v)
		return nil
	}
	return m
}

// StringMaps reads a mapping of names to mappings of strings to strings.
func (s *Section) StringMaps(key string) map[string]map[string]string {
	v, ok := s.get(key)
	if !ok {
		return nil
	}
	outer, err := AnyMap(v)
	if err != nil {
		s.fail(key, "a mapping of names to mappings", v)
		return nil
	}
	out := make(map[string]map[string]string, len(outer))
	for k, inner := range outer {
		m, err := stringMap(inner)
		if err != nil {
			s.fail(key+"."+k, "a mapping of names to strings", inner)
			return nil
		}
		out[k] = m
	}
	return out
}

// AnyMap reads a decoded YAML mapping as string keys to values.
func AnyMap(v any) (map[string]any, error) {
	switch m := v.(type) {
	case map[string]any:
		return m, nil
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			ks, ok := k.(string)
			if !ok {
				return nil, fmt.Errorf("key %v is not a string", k)
			}
			out[ks] = x
		}
		return out, nil
	case map[string]string:
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[k] = x
		}
		return out, nil
	}
	return nil, fmt.Errorf("not a mapping")
}

func stringMap(v any) (map[string]string, error) {
	m, err := AnyMap(v)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(m))
	for k, x := range m {
		str, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("value of %s is not a string", k)
		}
		out[k] = str
	}
	return out, nil
}

var units = []struct {
	suffix string
	scale  int64
}{ // longest suffixes first, so "MiB" is not read as "B"
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9},
	{"B", 1},
}

// ParseSize reads a positive size: an integer number of bytes, or a string
// of digits followed by an optional unit (B, KB, MB, GB, KiB, MiB, GiB).
func ParseSize(v any) (int64, error) {
	switch n := v.(type) {
	case int:
		return positive(int64(n))
	case int64:
		return positive(n)
	case uint64:
		if n > math.MaxInt64 {
			return 0, fmt.Errorf("size %d is too large", n)
		}
		return positive(int64(n))
	case float64:
		if n != math.Trunc(n) || n > math.MaxInt64 {
			return 0, fmt.Errorf("size %v is not a whole number of bytes", n)
		}
		return positive(int64(n))
	case string:
		str := strings.TrimSpace(n)
		scale := int64(1)
		for _, u := range units {
			if rest, ok := strings.CutSuffix(str, u.suffix); ok {
				str, scale = strings.TrimSpace(rest), u.scale
				break
			}
		}
		num, err := strconv.ParseInt(str, 10, 64)
		if err != nil || num > math.MaxInt64/scale {
			return 0, fmt.Errorf("bad size %q", n)
		}
		return positive(num * scale)
	}
	return 0, fmt.Errorf("bad size %v", v)
}

func positive(n int64) (int64, error) {
	if n <= 0 {
		return 0, fmt.Errorf("size %d is not positive", n)
	}
	return n, nil
}

// FormatSize writes n in the largest binary unit that divides it exactly,
// e.g. "64 MiB", so a limit reads back as it was written.
func FormatSize(n int64) string {
	for _, u := range []struct {
		suffix string
		scale  int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.scale && n%u.scale == 0 {
			return fmt.Sprintf("%d %s", n/u.scale, u.suffix)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

// TakeString removes key from m and returns its value, a non-empty string,
// or "" when it is absent. label names m in errors ("providers.mcp.files").
func TakeString(m map[string]any, label, key string) (string, error) {
	v, ok := m[key]
	delete(m, key)
	if !ok || v == nil {
		return "", nil
	}
	s, ok := v.(string)
	if !ok || s == "" {
		return "", fmt.Errorf("%s.%s: want a non-empty string, got %v", label, key, v)
	}
	return s, nil
}

// TakeStrings removes key from m and returns its value, a list of strings,
// or nil when it is absent.
func TakeStrings(m map[string]any, label, key string) ([]string, error) {
	v, ok := m[key]
	delete(m, key)
	if !ok || v == nil {
		return nil, nil
	}
	if ss, ok := v.([]string); ok {
		return ss, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s.%s: want a list of strings, got %v", label, key, v)
	}
	out := make([]string, len(list))
	for i, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%s.%s[%d]: want a string, got %v (quote it)", label, key, i, x)
		}
		out[i] = s
	}
	return out, nil
}
