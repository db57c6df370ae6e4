package main

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

func main() {
	raw := []string{
		"https://api.example.com:8443/v2/search?q=go+lang&tag=web&tag=api&page=2#results",
		"http://user:p%40ss@localhost/admin/users/42?sort=-created_at&fields=id,name",
		"https://example.org/path%20with%20spaces/caf%C3%A9?redirect=https%3A%2F%2Fother.example%2Fx%3Fa%3D1",
		"ftp://files.example.net/pub/file.tar.gz",
		"/relative/path?x=1&y=&z",
		"mailto:someone@example.com?subject=Hello%20World",
		"http://[::1]:9000/metrics",
		"https://bad host.example.com/",
		"http://example.com/%zz",
	}
	for _, r := range raw {
		u, err := url.Parse(r)
		if err != nil {
			fmt.Printf("ERR %v\n", err)
			continue
		}
		fmt.Printf("%s\n", r)
		fmt.Printf("  scheme=%q host=%q hostname=%q port=%q path=%q abs=%t\n", u.Scheme, u.Host, u.Hostname(), u.Port(), u.Path, u.IsAbs())
		if u.User != nil {
			pw, set := u.User.Password()
			fmt.Printf("  user=%q password=%q set=%t redacted=%s\n", u.User.Username(), pw, set, u.Redacted())
		}
		if u.Opaque != "" {
			fmt.Printf("  opaque=%q\n", u.Opaque)
		}
		if u.Fragment != "" {
			fmt.Printf("  fragment=%q\n", u.Fragment)
		}
		q := u.Query()
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("  param %s=%q\n", k, q[k])
		}
		if u.RawPath != "" {
			fmt.Printf("  rawpath=%q escaped=%q\n", u.RawPath, u.EscapedPath())
		}
	}

	// building URLs
	base, _ := url.Parse("https://shop.example.com/catalog/items/")
	for _, ref := range []string{"123", "../brands?b=acme", "/login", "?page=3", "//cdn.example.com/img.png"} {
		r, _ := url.Parse(ref)
		fmt.Printf("resolve %-26q -> %s\n", ref, base.ResolveReference(r))
	}
	v := url.Values{}
	v.Set("name", "Jane Doe & Co")
	v.Add("filter", "price<100")
	v.Add("filter", "color=red/blue")
	v.Set("emoji", "☕")
	fmt.Println("encoded:", v.Encode())
	u := url.URL{Scheme: "https", Host: "example.com", Path: "/a b/ü", RawQuery: v.Encode()}
	fmt.Println("built:", u.String())
	fmt.Println("QueryEscape:", url.QueryEscape("a b/c?d=e&f"), "PathEscape:", url.PathEscape("a b/c?d=e&f"))
	un, err := url.QueryUnescape("100%25+sure%21")
	fmt.Printf("unescape: %q %v\n", un, err)
	_, err = url.QueryUnescape("bad%2")
	fmt.Println("unescape error:", err)
	pq, err := url.ParseQuery("a=1&b=2&a=3&c=%zz")
	fmt.Println("parsequery:", pq["a"], len(pq), err)
	fmt.Println("joinpath:", strings.TrimSpace(must(url.JoinPath("https://x.io/api/", "v1", "../v2", "users"))))
}

func must(s string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return s
}
