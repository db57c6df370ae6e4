package http

import (
	"net/url"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		in, want string
		err      string // substring of the error, when one is expected
	}{
		{in: "https://api.github.com/repos/x", want: "https://api.github.com/repos/x"},
		{in: "HTTPS://API.GitHub.COM/Repos", want: "https://api.github.com/Repos"},
		{in: "https://api.github.com", want: "https://api.github.com/"},
		{in: "https://api.github.com?q=1", want: "https://api.github.com/?q=1"},
		{in: "https://api.github.com:443/x", want: "https://api.github.com/x"},
		{in: "http://example.com:80/x", want: "http://example.com/x"},
		{in: "http://example.com:443/x", want: "http://example.com:443/x"},
		{in: "https://example.com:0443/x", want: "https://example.com/x"},
		{in: "http://example.com:/x", want: "http://example.com/x"},
		{in: "https://api.github.com./x", want: "https://api.github.com/x"},
		{in: "https://example.com/?", want: "https://example.com/"},
		{in: "https://example.com/a/./b/../c", want: "https://example.com/a/c"},
		{in: "https://example.com/a/b/..", want: "https://example.com/a/"},
		{in: "https://example.com/../../etc/passwd", want: "https://example.com/etc/passwd"},
		{in: "https://example.com/repos/%2e%2E/admin", want: "https://example.com/admin"},
		{in: "https://example.com/a//b/", want: "https://example.com/a//b/"},
		{in: "https://example.com/%7euser/%41%2f%2Fx", want: "https://example.com/~user/A%2F%2Fx"},
		{in: "https://example.com/caf\u00e9", want: "https://example.com/caf%C3%A9"},
		{in: "https://example.com/x?q=%e2%82%ac&a=%41", want: "https://example.com/x?q=%E2%82%AC&a=A"},
		{in: "https://example.com/x?q=\u20ac&b=<\">", want: "https://example.com/x?q=%E2%82%AC&b=%3C%22%3E"},
		{in: "https://B\u00fccher.example/", want: "https://xn--bcher-kva.example/"},
		{in: "https://xn--bcher-kva.example/", want: "https://xn--bcher-kva.example/"},
		{in: "https://\uff21\uff30\uff29.github.com/", want: "https://api.github.com/"},
		{in: "https://api\u3002github\uff0ecom/", want: "https://api.github.com/"},
		{in: "https://\u0430pi.github.com/", want: "https://xn--pi-6kc.github.com/"}, // Cyrillic а: another host
		{in: "http://127.0.0.1:8080/x", want: "http://127.0.0.1:8080/x"},
		{in: "http://127.1/", want: "http://127.0.0.1/"},
		{in: "http://2130706433/", want: "http://127.0.0.1/"},
		{in: "http://0x7f.0.0.1/", want: "http://127.0.0.1/"},
		{in: "http://0177.0.0.1/", want: "http://127.0.0.1/"},
		{in: "http://0x7f000001/", want: "http://127.0.0.1/"},
		{in: "http://\uff11\uff12\uff17.0.0.1/", want: "http://127.0.0.1/"},
		{in: "http://[::1]:8080/", want: "http://[::1]:8080/"},
		{in: "http://[0:0::1]/", want: "http://[::1]/"},
		{in: "http://[2001:DB8::1]/", want: "http://[2001:db8::1]/"},
		{in: "http://[::ffff:127.0.0.1]/", want: "http://127.0.0.1/"},
		{in: "http://sub_domain.example.com/", want: "http://sub_domain.example.com/"},

		{in: "", err: "URL is empty"},
		{in: "ftp://example.com/", err: `scheme "ftp" is not allowed`},
		{in: "file:///etc/passwd", err: `scheme "file" is not allowed`},
		{in: "javascript:alert(1)", err: `scheme "javascript" is not allowed`},
		{in: "example.com/x", err: "has no scheme"},
		{in: "//example.com/x", err: "has no scheme"},
		{in: "http:example.com", err: "is not of the form http://host/path"},
		{in: "https://user:pw@example.com/", err: "user information"},
		{in: "https://api.github.com@evil.com/", err: "user information"},
		{in: "https://example.com/#frag", err: "fragment"},
		{in: "https://example.com/#", err: "fragment"},
		{in: `https://evil.com\@api.github.com/`, err: "backslash"},
		{in: "https://example.com/a b", err: "space character U+0020"},
		{in: "https://example.com/\u00a0", err: "space character U+00A0"},
		{in: "https://example.com/\x00", err: "control character U+0000"},
		{in: "https://exa\u200bmple.com/", err: "invisible formatting character U+200B"},
		{in: "https://example.com/\xff", err: "not valid UTF-8"},
		{in: "https:///x", err: "no host"},
		{in: "https://example.com:99999/", err: "port"},
		{in: "https://example.com:0/", err: "not a number from 1 to 65535"},
		{in: "https://exa!mple.com/", err: "letters, digits"},
		{in: "https://-example.com/", err: "must not start or end with '-'"},
		{in: "https://a..b/", err: "empty label"},
		{in: "https://e\u0301xample.com/", err: "combining marks"},
		{in: "https://" + strings.Repeat("a", 64) + ".com/", err: "longer than 63"},
		{in: "http://256.0.0.1/", err: "not an IPv4 address"},
		{in: "http://1.2.3.4.5/", err: "not an IPv4 address"},
		{in: "http://1.2.3.09/", err: "not an IPv4 address"},
		{in: "http://example.0x1g/", want: "http://example.0x1g/"}, // not a number: a name
		{in: "https://ex%61mple.com/", err: "invalid URL escape"},
		{in: "http://[fe80::1%25eth0]/", err: "zone"},
		{in: "http://[1.2.3.4]/", err: "invalid IP-literal"},
		{in: "https://example.com/?q=%zz", err: "does not start an escape"},
		{in: "https://example.com/%zz", err: "invalid URL escape"},
		{in: "https://example.com/" + strings.Repeat("a", maxURL), err: "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CanonicalURL(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("CanonicalURL(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("CanonicalURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			assertStable(t, got)
		})
	}
}

// assertStable checks that a canonical URL is a fixed point and that Go's
// client, which requests url.Parse(c), sends exactly what it says.
func assertStable(t *testing.T, c string) {
	t.Helper()
	if again, err := CanonicalURL(c); err != nil || again != c {
		t.Fatalf("CanonicalURL(%q) = %q, %v; canonical form is not stable", c, again, err)
	}
	u, err := url.Parse(c)
	if err != nil {
		t.Fatalf("url.Parse(%q): %v", c, err)
	}
	if u.String() != c {
		t.Fatalf("url.Parse(%q).String() = %q", c, u.String())
	}
	if rest := strings.TrimPrefix(c, u.Scheme+"://"+u.Host); u.RequestURI() != rest {
		t.Fatalf("url.Parse(%q).RequestURI() = %q; want %q", c, u.RequestURI(), rest)
	}
}

func TestCanonicalContentType(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{in: "", want: ""},
		{in: "application/json", want: "application/json"},
		{in: "Text/Plain; Charset=UTF-8", want: "text/plain; charset=UTF-8"},
		{in: "text/plain;charset=\"utf-8\"", want: "text/plain; charset=utf-8"},
		{in: "text/plain\r\nX-Evil: 1", err: "content type"},
		{in: "/", err: "content type"},
	}
	for _, tt := range tests {
		got, err := CanonicalContentType(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("CanonicalContentType(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("CanonicalContentType(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// The samples of RFC 3492 section 7.1, lower-cased, and common names.
func TestPunycode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bücher", "bcher-kva"},
		{"münchen", "mnchen-3ya"},
		{"\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064a\u061f", "egbpdaj6bu4bxfgehfvwxn"},
		{"\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587", "ihqwcrb4cv8a8dqg056pqjye"},
		{"\u043f\u043e\u0447\u0435\u043c\u0443\u0436\u0435\u043e\u043d\u0438\u043d\u0435\u0433\u043e\u0432\u043e\u0440\u044f\u0442\u043f\u043e\u0440\u0443\u0441\u0441\u043a\u0438", "b1abfaaepdrnnbgefbadotcwatmq2g4l"},
		{"3\u5e74b\u7d44\u91d1\u516b\u5148\u751f", "3b-ww4c5e180e575a65lsy2b"},
		{"\u00e9", "9ca"},
	}
	for _, tt := range tests {
		if got := punycode(tt.in); got != tt.want {
			t.Errorf("punycode(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://api.github.com/x?q=1", "http://127.1/", "http://B\u00fccher.example/%2e%2e/a",
		"http://[::ffff:1.2.3.4]:80/", "https://a.b/c/./d/../e?%41=%e2", "http://0x7f.1/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := CanonicalURL(in)
		if err != nil {
			return
		}
		assertStable(t, c)
	})
}
