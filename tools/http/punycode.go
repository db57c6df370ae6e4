package http

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// toASCIIHost returns an internationalised host name in its ASCII form,
// label by label: ASCII labels lower-cased, others lower-cased and
// punycode-encoded ("bücher" -> "xn--bcher-kva"). Full-width letters,
// digits and dots are mapped to ASCII first, as IDNA does.
//
// This is the part of IDNA (UTS #46) that needs no Unicode tables. Unicode
// normalisation is not applied, so a label with combining marks is refused
// rather than encoded in one of its several spellings; the host the policy
// sees is in every case the host that is dialled.
func toASCIIHost(h string) (string, error) {
	h = strings.Map(func(r rune) rune {
		switch {
		case r == '\u3002' || r == '\uFF0E' || r == '\uFF61': // ideographic and full-width full stops
			return '.'
		case r >= '\uFF01' && r <= '\uFF5E': // full-width ASCII
			r = r - 0xFF01 + '!'
		}
		return unicode.ToLower(r)
	}, h)
	labels := strings.Split(h, ".")
	for i, l := range labels {
		a, err := asciiLabel(l)
		if err != nil {
			return "", err
		}
		labels[i] = a
	}
	return strings.Join(labels, "."), nil
}

func asciiLabel(l string) (string, error) {
	ascii := true
	for _, r := range l {
		switch {
		case r < utf8.RuneSelf:
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
				return "", errors.New("a host name holds only letters, digits, '-' and '_'")
			}
		case unicode.Is(unicode.M, r):
			return "", errors.New("a host name must not contain combining marks; write accented letters precomposed")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			ascii = false
		default:
			return "", errors.New("a host name holds only letters, digits, '-' and '_'")
		}
	}
	if strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
		return "", errors.New("a host name's labels must not start or end with '-'")
	}
	if ascii {
		return l, nil
	}
	return "xn--" + punycode(l), nil
}

// punycode encodes a label as RFC 3492 specifies.
func punycode(s string) string {
	const (
		base, tmin, tmax    = 36, 1, 26
		skew, damp, initial = 38, 700, 72
	)
	runes := []rune(s)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	basic := len(out)
	handled := basic
	if basic > 0 {
		out = append(out, '-')
	}
	digit := func(d int) byte {
		if d < 26 {
			return byte('a' + d)
		}
		return byte('0' + d - 26)
	}
	n, delta, bias := rune(0x80), 0, initial
	for handled < len(runes) {
		m := rune(unicode.MaxRune + 1)
		for _, r := range runes {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (handled + 1)
		n = m
		for _, r := range runes {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := base; ; k += base {
				t := k - bias
				switch {
				case t < tmin:
					t = tmin
				case t > tmax:
					t = tmax
				}
				if q < t {
					break
				}
				out = append(out, digit(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, digit(q))
			// Adapt the bias (RFC 3492 section 6.1).
			d := delta
			if handled == basic {
				d /= damp
			} else {
				d /= 2
			}
			d += d / (handled + 1)
			k := 0
			for d > ((base-tmin)*tmax)/2 {
				d /= base - tmin
				k += base
			}
			bias = k + (base-tmin+1)*d/(d+skew)
			delta = 0
			handled++
		}
		delta++
		n++
	}
	return string(out)
}
