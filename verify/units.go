package verify

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// sizeUnits are the suffixes ParseSize accepts, longest first so that "KiB"
// is tried before "B".
var sizeUnits = []struct {
	suffix string
	bytes  int64
}{
	{"KiB", 1 << 10},
	{"MiB", 1 << 20},
	{"GiB", 1 << 30},
	{"TiB", 1 << 40},
	{"kB", 1000},
	{"KB", 1000},
	{"MB", 1000 * 1000},
	{"GB", 1000 * 1000 * 1000},
	{"TB", 1000 * 1000 * 1000 * 1000},
	{"B", 1},
}

// ParseSize parses a size such as "256MiB", "1MB", "64KiB" or "512B": a
// non-negative integer immediately followed by one of B, kB (or KB), MB, GB,
// TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024). Anything else,
// including fractions, spaces, lower-case units and a missing unit, is an
// error: a size that could be read two ways is rejected rather than guessed.
func ParseSize(s string) (int64, error) {
	for _, u := range sizeUnits {
		digits, ok := strings.CutSuffix(s, u.suffix)
		if !ok {
			continue
		}
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			break
		}
		n, err := strconv.ParseInt(digits, 10, 64)
		if err != nil || n > math.MaxInt64/u.bytes {
			return 0, fmt.Errorf("size %q is too large", s)
		}
		return n * u.bytes, nil
	}
	return 0, fmt.Errorf("invalid size %q: want an integer and a unit, e.g. 256MiB, 1MB, 64KiB or 512B", s)
}

// FormatSize writes n bytes in the largest binary unit that divides it
// exactly, so that FormatSize(ParseSize(s)) round-trips: 268435456 is
// "256MiB", 1000 is "1000B".
func FormatSize(n int64) string {
	for _, u := range []struct {
		suffix string
		bytes  int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n != 0 && n%u.bytes == 0 {
			return strconv.FormatInt(n/u.bytes, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}

// ParseDuration parses a positive duration such as "10s", "1m30s" or
// "500ms" with time.ParseDuration, and rejects zero, negative values and
// bare numbers.
func ParseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q: want a number and a unit, e.g. 10s, 1m30s or 500ms", s)
	}
	if d <= 0 {
		return 0, errors.New("duration must be positive")
	}
	return d, nil
}
