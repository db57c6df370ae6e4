package http

import (
	"errors"
	"fmt"
	"mime"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxURL bounds a URL's length; servers commonly refuse beyond 8 KiB.
const maxURL = 8 << 10

// CanonicalURL returns the canonical form of an http or https URL, the form
// the policy sees (its host() rule included) and the provider requests:
//
//   - scheme and host in lower case; an internationalised host in its ASCII
//     ("xn--") form, full-width letters and dots mapped (see toASCIIHost);
//     one trailing dot dropped;
//   - an IPv4 host in dotted decimal even when written as "127.1",
//     "0x7f.0.0.1" or "2130706433" (the forms browsers and resolvers accept),
//     an IPv4-mapped IPv6 host as plain IPv4, other IPv6 hosts compressed;
//   - the scheme's default port removed;
//   - an empty path as "/", "." and ".." segments resolved (also when written
//     %2E), percent-escapes of unreserved characters decoded and the rest in
//     upper case, characters a URL may not carry raw percent-encoded;
//   - an empty query dropped.
//
// It refuses other schemes, user information (credentials come from the
// policy), fragments, backslashes, spaces, control and invisible formatting
// characters, IPv6 zones, and hosts that are not valid names. CanonicalURL
// does no I/O, and applied to its own result returns it unchanged.
func CanonicalURL(raw string) (string, error) {
	if err := checkURLChars(raw); err != nil {
		return "", err
	}
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("URL %q: %w", raw, err)
	}
	switch {
	case u.Scheme == "":
		return "", fmt.Errorf("URL %q has no scheme; write it as https://host/path", raw)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("URL scheme %q is not allowed; use http or https", u.Scheme)
	case u.Opaque != "":
		return "", fmt.Errorf("URL %q is not of the form %s://host/path", raw, u.Scheme)
	case u.User != nil:
		return "", errors.New("URL contains user information (user@host); credentials come from the policy, not the URL")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "", errors.New("URL contains a fragment (#...); remove it, it is never sent to the server")
	}
	host, err := canonicalHost(u.Hostname(), strings.HasPrefix(u.Host, "["))
	if err != nil {
		return "", err
	}
	if port := u.Port(); port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("URL port %q is not a number from 1 to 65535", port)
		}
		if !(u.Scheme == "http" && n == 80 || u.Scheme == "https" && n == 443) {
			host += ":" + strconv.Itoa(n)
		}
	}
	path := removeDotSegments(normalizeEscapes(u.EscapedPath(), pathChar))
	if path == "" {
		path = "/"
	}
	var b strings.Builder
	b.WriteString(u.Scheme + "://" + host + path)
	if u.RawQuery != "" {
		if !validEscapes(u.RawQuery) {
			return "", errors.New("URL query contains a % that does not start an escape such as %25")
		}
		b.WriteString("?" + normalizeEscapes(u.RawQuery, queryChar))
	}
	return b.String(), nil
}

func checkURLChars(raw string) error {
	switch {
	case raw == "":
		return errors.New("URL is empty")
	case len(raw) > maxURL:
		return fmt.Errorf("URL is longer than %d bytes", maxURL)
	case !utf8.ValidString(raw):
		return errors.New("URL is not valid UTF-8")
	}
	for _, r := range raw {
		switch {
		case r == '\\':
			return errors.New(`URL contains a backslash; use "/" or percent-encode it as %5C`)
		case r == utf8.RuneError:
			return errors.New("URL contains U+FFFD, the mark of invalid UTF-8")
		case unicode.IsSpace(r):
			return fmt.Errorf("URL contains the space character %U; percent-encode it (url.QueryEscape, url.PathEscape)", r)
		case unicode.IsControl(r):
			return fmt.Errorf("URL contains the control character %U", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Errorf("URL contains the invisible formatting character %U", r)
		}
	}
	return nil
}

// canonicalHost returns a host name in lower-case ASCII, or an IP address in
// its canonical text (IPv6 in brackets).
func canonicalHost(h string, bracketed bool) (string, error) {
	if bracketed {
		ip, err := netip.ParseAddr(h)
		if err != nil || !ip.Is6() {
			return "", fmt.Errorf("URL host [%s] is not an IPv6 address", h)
		}
		if ip.Zone() != "" {
			return "", fmt.Errorf("URL host [%s] has an IPv6 zone, which is not allowed", h)
		}
		if ip.Is4In6() {
			return ip.Unmap().String(), nil
		}
		return "[" + ip.String() + "]", nil
	}
	if h == "" {
		return "", errors.New("URL has no host")
	}
	a, err := toASCIIHost(h)
	if err != nil {
		return "", fmt.Errorf("URL host %q: %w", h, err)
	}
	a = strings.TrimSuffix(a, ".")
	labels := strings.Split(a, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "", fmt.Errorf("URL host %q has an empty label or one longer than 63 characters", h)
		}
	}
	if len(a) > 253 {
		return "", fmt.Errorf("URL host %q is longer than 253 characters", h)
	}
	if endsInNumber(labels[len(labels)-1]) {
		ip, ok := parseIPv4(labels)
		if !ok {
			return "", fmt.Errorf("URL host %q ends in a number but is not an IPv4 address", h)
		}
		return ip.String(), nil
	}
	return a, nil
}

// endsInNumber reports whether a host's last label makes it an IPv4 address
// for the WHATWG URL standard, which resolvers agree with: a decimal or 0x
// hexadecimal number.
func endsInNumber(last string) bool {
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := ipv4Number(last)
	return ok
}

// parseIPv4 reads one to four numbers as an IPv4 address the way the WHATWG
// URL standard and inet_aton do: "127.1" is 127.0.0.1, "2130706433" too.
func parseIPv4(labels []string) (netip.Addr, bool) {
	if len(labels) > 4 {
		return netip.Addr{}, false
	}
	var nums []uint64
	for _, l := range labels {
		n, ok := ipv4Number(l)
		if !ok {
			return netip.Addr{}, false
		}
		nums = append(nums, n)
	}
	last := len(nums) - 1
	for _, n := range nums[:last] {
		if n > 255 {
			return netip.Addr{}, false
		}
	}
	if nums[last] >= 1<<(8*(4-last)) {
		return netip.Addr{}, false
	}
	v := nums[last]
	for i, n := range nums[:last] {
		v += n << (8 * (3 - i))
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// ipv4Number reads one part of an IPv4 address: decimal, 0x hexadecimal or
// 0-prefixed octal.
func ipv4Number(s string) (uint64, bool) {
	base := 10
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		s, base = s[2:], 16
		if s == "" {
			return 0, true
		}
	case len(s) > 1 && s[0] == '0':
		s, base = s[1:], 8
	}
	if s == "" || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		return 0, false
	}
	n, err := strconv.ParseUint(s, base, 32)
	return n, err == nil
}

// removeDotSegments resolves "." and ".." segments of an absolute path as
// RFC 3986 section 5.2.4 does, keeping empty segments and a trailing slash.
func removeDotSegments(p string) string {
	if p == "" {
		return ""
	}
	segs := strings.Split(p, "/")[1:]
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, s)
			continue
		}
		if last {
			out = append(out, "")
		}
	}
	return "/" + strings.Join(out, "/")
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// pathChar and queryChar report which bytes may appear raw in a path or a
// query (RFC 3986 pchar and query, less nothing).
func pathChar(c byte) bool {
	return isUnreserved(c) || strings.IndexByte("!$&'()*+,;=:@/", c) >= 0
}

func queryChar(c byte) bool { return pathChar(c) || c == '?' }

func validEscapes(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && (i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2])) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// normalizeEscapes decodes escapes of unreserved characters, writes other
// escapes in upper case, and escapes bytes that allowed rejects. Its input
// has valid escapes.
func normalizeEscapes(s string, allowed func(byte) bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			d := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(d) {
				b.WriteByte(d)
			} else {
				b.WriteString(strings.ToUpper(s[i : i+3]))
			}
			i += 2
		case allowed(c):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// CanonicalContentType returns a media type in canonical form ("text/plain;
// charset=utf-8"), or "" for "".
func CanonicalContentType(ct string) (string, error) {
	if ct == "" {
		return "", nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", fmt.Errorf("content type %q: %w", ct, err)
	}
	return mime.FormatMediaType(mt, params), nil
}
