package main

import (
	"fmt"
	"sort"
	"strings"
)

type Params map[string]string

type Handler func(p Params) string

type route struct {
	method  string
	pattern string
	parts   []string
	handler Handler
	score   int
}

type Router struct {
	routes []route
}

func (r *Router) Handle(method, pattern string, h Handler) {
	parts := strings.Split(strings.Trim(pattern, "/"), "/")
	score := 0
	for _, p := range parts {
		switch {
		case strings.HasPrefix(p, "*"):
			score += 1
		case strings.HasPrefix(p, ":"):
			score += 10
		default:
			score += 100
		}
	}
	r.routes = append(r.routes, route{method, pattern, parts, h, score})
	sort.SliceStable(r.routes, func(i, j int) bool { return r.routes[i].score > r.routes[j].score })
}

func match(parts, segs []string) (Params, bool) {
	p := Params{}
	for i, part := range parts {
		if strings.HasPrefix(part, "*") {
			p[part[1:]] = strings.Join(segs[i:], "/")
			return p, true
		}
		if i >= len(segs) {
			return nil, false
		}
		if strings.HasPrefix(part, ":") {
			name, constraint, _ := strings.Cut(part[1:], "|")
			if constraint == "int" && strings.Trim(segs[i], "0123456789") != "" {
				return nil, false
			}
			p[name] = segs[i]
			continue
		}
		if part != segs[i] {
			return nil, false
		}
	}
	if len(parts) != len(segs) {
		return nil, false
	}
	return p, true
}

func (r *Router) Serve(method, path string) (int, string) {
	path, query, _ := strings.Cut(path, "?")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var allowed []string
	for _, rt := range r.routes {
		p, ok := match(rt.parts, segs)
		if !ok {
			continue
		}
		if rt.method != method {
			allowed = append(allowed, rt.method)
			continue
		}
		if query != "" {
			for _, kv := range strings.Split(query, "&") {
				k, v, _ := strings.Cut(kv, "=")
				p["?"+k] = v
			}
		}
		return 200, rt.pattern + " => " + rt.handler(p)
	}
	if len(allowed) > 0 {
		sort.Strings(allowed)
		return 405, "allow: " + strings.Join(allowed, ", ")
	}
	return 404, "not found"
}

func show(p Params) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%s=%q", k, p[k])
	}
	return "{" + sb.String() + "}"
}

func main() {
	r := &Router{}
	r.Handle("GET", "/users/:id|int", func(p Params) string { return "user " + p["id"] })
	r.Handle("GET", "/users/me", func(p Params) string { return "current user" })
	r.Handle("GET", "/users/:id/posts/:post", show)
	r.Handle("DELETE", "/users/:id|int", func(p Params) string { return "deleted " + p["id"] })
	r.Handle("GET", "/static/*file", func(p Params) string { return "file " + p["file"] })
	r.Handle("POST", "/users", func(p Params) string { return "created" })
	r.Handle("GET", "/:lang/docs/*rest", show)
	for i, rt := range r.routes {
		fmt.Printf("%d. %-6s %-24s score=%d\n", i+1, rt.method, rt.pattern, rt.score)
	}
	reqs := []struct{ m, p string }{
		{"GET", "/users/42"},
		{"GET", "/users/me"},
		{"GET", "/users/abc"},
		{"PUT", "/users/42"},
		{"GET", "/users/7/posts/hello-world?draft=1&v=2"},
		{"GET", "/static/css/site/main.css"},
		{"GET", "/static/"},
		{"GET", "/en/docs/guide/install"},
		{"POST", "/users/"},
		{"GET", "/users"},
		{"GET", "/nothing/here"},
	}
	counts := map[int]int{}
	for _, q := range reqs {
		code, body := r.Serve(q.m, q.p)
		counts[code]++
		fmt.Printf("%-6s %-42s %d %s\n", q.m, q.p, code, body)
	}
	fmt.Println(counts)
}
