// Package http serves the airlock/http tool package: HTTP requests made by
// the parent process on a program's behalf.
//
// The provider requests exactly the canonical URL the policy saw (see
// CanonicalURL). It takes no proxy and no credentials from the environment;
// headers come from the policy, with ${VAR} expanded from the parent's
// environment at call time, so secrets never enter the program. Unless the
// policy allows private addresses, it refuses to connect to loopback,
// private, link-local and other non-public addresses, checked on the address
// dialled after name resolution. Redirects are followed only through
// the run's RedirectCheck, so the policy re-checks every target.
package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	stdhttp "net/http"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/internal/config"
	"github.com/airlockhq/airlock/tools/provider"
)

// Defaults for settings the policy leaves out.
const (
	DefaultTimeout     = 10 * time.Second
	DefaultMaxResponse = 1 << 20
)

// maxRedirects bounds a chain of redirects, as browsers do.
const maxRedirects = 10

// Response is an HTTP response, as declared in the package source.
type Response struct {
	Status int
	Header map[string]string
	Body   string
}

// RedirectCheck decides whether a redirect may be followed. tool and args
// describe the request the redirect leads to, as if the program had made it:
// "http.Get" with the target's canonical url, or "http.Post" with the
// original content type and body when a 307 or 308 redirect repeats a POST.
// A non-nil error stops the call, and the call's error wraps it.
type RedirectCheck func(tool string, args map[string]any) error

// Declaration returns the package's Go declaration.
func Declaration() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/http", Name: "http", Source: source}
}

// funcs indexes the declared functions by name, parsed on first use: the
// binary's start-up, paid by every sandboxed child, stays free of it.
var funcs = sync.OnceValue(func() map[string]decl.Func { return decl.MustIndex(source) })

// redirectKey keys the RedirectCheck of a run in its context.
type redirectKey struct{}

// WithRedirectCheck gives the calls made with ctx check, asked about every
// redirect before it is followed: the check belongs to the run, whose
// policy judges the target. Without one, redirects are not followed: the
// program receives the 3xx response and may request its Location itself,
// which the policy then checks like any call.
func WithRedirectCheck(ctx context.Context, check RedirectCheck) context.Context {
	return context.WithValue(ctx, redirectKey{}, check)
}

// Provider serves airlock/http for one policy. It is safe for concurrent
// use: what belongs to a run comes with the call's context.
type Provider struct {
	timeout     time.Duration
	maxResponse int64
	headers     map[string]string            // every request
	hostHeaders map[string]map[string]string // by canonical host name
	transport   *stdhttp.Transport
}

// New returns a provider configured by the policy's providers.http section:
//
//	timeout: 10s             # whole request, body included
//	max_response: 1MiB       # largest response body
//	allow_private: false     # true allows loopback, private and link-local addresses
//	headers:                 # sent with every request
//	  User-Agent: airlock
//	host_headers:            # sent only to one host, over https
//	  api.github.com:
//	    Authorization: "Bearer ${GITHUB_TOKEN}"
//
// Header values expand ${VAR} from the parent's environment at call time.
// Put credentials under host_headers: headers go to every host the policy
// allows, redirect targets included, while host_headers go only to their
// host and only over https (or to a loopback host); a plain http request to
// such a host is refused rather than sent without them.
func New(cfg map[string]any) (*Provider, error) {
	s := config.New("http", cfg)
	p := &Provider{
		timeout:     s.Duration("timeout", DefaultTimeout),
		maxResponse: s.Size("max_response", DefaultMaxResponse),
		headers:     s.StringMap("headers"),
	}
	allowPrivate := s.Bool("allow_private", false)
	byHost := s.StringMaps("host_headers")
	if err := s.Err(); err != nil {
		return nil, err
	}
	if err := checkHeaderNames("headers", p.headers); err != nil {
		return nil, err
	}
	p.hostHeaders = map[string]map[string]string{}
	for _, host := range slices.Sorted(maps.Keys(byHost)) {
		h := byHost[host]
		c, err := canonicalHost(host, false)
		if err != nil || strings.ContainsAny(host, ":/") {
			return nil, fmt.Errorf("providers.http.host_headers: %q is not a host name", host)
		}
		if err := checkHeaderNames("host_headers."+host, h); err != nil {
			return nil, err
		}
		p.hostHeaders[c] = h
	}

	dialer := &net.Dialer{Timeout: p.timeout, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		dialer.ControlContext = refusePrivate
	}
	p.transport = &stdhttp.Transport{
		Proxy:                  nil, // never from the environment
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    p.timeout,
		ResponseHeaderTimeout:  p.timeout,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           16,
		IdleConnTimeout:        30 * time.Second,
	}
	return p, nil
}

// checkHeaderNames refuses header names that are not HTTP tokens and the
// headers the provider itself controls.
func checkHeaderNames(key string, h map[string]string) error {
	for _, name := range slices.Sorted(maps.Keys(h)) {
		canon := stdhttp.CanonicalHeaderKey(name)
		if name == "" || strings.IndexFunc(name, func(r rune) bool {
			return r > '~' || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
		}) >= 0 {
			return fmt.Errorf("providers.http.%s: %q is not a header name", key, name)
		}
		switch canon {
		case "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection":
			return fmt.Errorf("providers.http.%s: header %s is set by the request itself", key, canon)
		}
	}
	return nil
}

// Close closes idle connections.
func (p *Provider) Close() error {
	p.transport.CloseIdleConnections()
	return nil
}

// Package returns the declaration.
func (p *Provider) Package() plan.ToolPackage { return Declaration() }

// Params returns the parameter names of the tool function fn.
func (p *Provider) Params(fn string) ([]string, bool) {
	f, ok := funcs()[fn]
	return f.Params, ok
}

// Prepare decodes the JSON arguments of a call to fn and returns them in
// canonical form by parameter name: url through CanonicalURL, contentType
// through CanonicalContentType, body unchanged. It does no I/O.
func (p *Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	f, ok := funcs()[fn]
	if !ok {
		return nil, fmt.Errorf("http has no function %s", fn)
	}
	vals, err := f.Decode(raw)
	if err != nil {
		return nil, err
	}
	args := map[string]any{}
	for i, name := range f.Params {
		s := vals[i].(string)
		switch name {
		case "url":
			s, err = CanonicalURL(s)
		case "contentType":
			s, err = CanonicalContentType(s)
		}
		if err != nil {
			return nil, err
		}
		args[name] = s
	}
	return args, nil
}

// Call performs fn with arguments that Prepare made canonical.
func (p *Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	if _, ok := funcs()[fn]; !ok {
		return nil, fmt.Errorf("http has no function %s", fn)
	}
	target, _ := args["url"].(string)
	if c, err := CanonicalURL(target); err != nil || c != target {
		return nil, fmt.Errorf("argument url %q is not in canonical form", target)
	}
	if ct, ok := args["contentType"].(string); ok {
		if c, err := CanonicalContentType(ct); err != nil || c != ct {
			return nil, fmt.Errorf("argument contentType %q is not in canonical form", ct)
		}
	}
	var resp Response
	var err error
	switch fn {
	case "Get":
		resp, err = p.do(ctx, "http.Get", args, stdhttp.MethodGet, target, "", nil)
	case "Post":
		ct, _ := args["contentType"].(string)
		body, _ := args["body"].(string)
		resp, err = p.do(ctx, "http.Post", args, stdhttp.MethodPost, target, ct, strings.NewReader(body))
	default:
		return nil, fmt.Errorf("http has no function %s", fn)
	}
	if err != nil {
		return nil, err
	}
	// A direct call would have returned the body.
	return provider.Direct{Value: resp, Text: resp.Body}, nil
}

func (p *Provider) do(ctx context.Context, tool string, args map[string]any, method, target, contentType string, body io.Reader) (Response, error) {
	req, err := stdhttp.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: %w", method, target, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	client := &stdhttp.Client{
		Transport:     &headerTransport{p: p},
		Timeout:       p.timeout,
		CheckRedirect: redirectCheck(ctx, args),
	}
	resp, err := client.Do(req)
	if err != nil {
		return Response{}, p.explain(ctx, method, target, err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > p.maxResponse {
		return Response{}, p.tooLarge(method, target, resp.ContentLength)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, p.maxResponse+1))
	if err != nil {
		return Response{}, p.explain(ctx, method, target, err)
	}
	if int64(len(data)) > p.maxResponse {
		return Response{}, p.tooLarge(method, target, -1)
	}
	header := make(map[string]string, len(resp.Header))
	for k, vs := range resp.Header {
		header[k] = strings.Join(vs, ", ")
	}
	return Response{Status: resp.StatusCode, Header: header, Body: string(data)}, nil
}

func (p *Provider) tooLarge(method, target string, size int64) error {
	limit := config.FormatSize(p.maxResponse)
	if size < 0 {
		return fmt.Errorf("%s %s: response body is larger than the limit of %s", method, target, limit)
	}
	return fmt.Errorf("%s %s: response body is %d bytes, larger than the limit of %s", method, target, size, limit)
}

// explain restates a client error for the program: without the client's
// quoting, and a timeout as the policy's timeout.
func (p *Provider) explain(ctx context.Context, method, target string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s %s: %w", method, target, ctx.Err())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("%s %s: no complete response within the timeout of %s", method, target, p.timeout)
		}
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%s %s: no complete response within the timeout of %s", method, target, p.timeout)
	}
	return fmt.Errorf("%s %s: %w", method, target, err)
}

// redirectCheck returns the client's redirect policy for one call with the
// given canonical arguments.
func redirectCheck(ctx context.Context, args map[string]any) func(*stdhttp.Request, []*stdhttp.Request) error {
	check, _ := ctx.Value(redirectKey{}).(RedirectCheck)
	return func(req *stdhttp.Request, via []*stdhttp.Request) error {
		if check == nil {
			return stdhttp.ErrUseLastResponse
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		target, err := CanonicalURL(req.URL.String())
		if err != nil {
			return fmt.Errorf("redirect to %s: %w", req.URL, err)
		}
		u, err := url.Parse(target)
		if err != nil {
			return fmt.Errorf("redirect to %s: %w", target, err)
		}
		req.URL = u
		tool, next := "http.Get", map[string]any{"url": target}
		if req.Method == stdhttp.MethodPost {
			tool = "http.Post"
			next["contentType"], next["body"] = args["contentType"], args["body"]
		}
		if err := check(tool, next); err != nil {
			return &RedirectError{URL: target, Err: err}
		}
		return nil
	}
}

// RedirectError reports a redirect that the run's RedirectCheck refused.
type RedirectError struct {
	URL string // the canonical target
	Err error  // what the RedirectCheck returned
}

// Error says which redirect was refused and why.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("redirect to %s refused: %v", e.URL, e.Err)
}

// Unwrap returns the RedirectCheck's error.
func (e *RedirectError) Unwrap() error { return e.Err }

// headerTransport adds the policy's headers to each request as it is sent,
// so every hop of a redirect gets the headers of its own host.
type headerTransport struct{ p *Provider }

func (t *headerTransport) RoundTrip(req *stdhttp.Request) (*stdhttp.Response, error) {
	h, err := t.p.headersFor(req.URL)
	if err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	req = req.Clone(req.Context())
	if _, ok := h["User-Agent"]; !ok {
		req.Header.Set("User-Agent", "airlock")
	}
	for k, v := range h {
		req.Header.Set(k, v)
	}
	return t.p.transport.RoundTrip(req)
}

// headersFor returns the headers to send with a request for u, expanded
// from the environment now. Errors name the header and variable, never the
// value.
func (p *Provider) headersFor(u *url.URL) (map[string]string, error) {
	host := u.Hostname()
	own, ok := p.hostHeaders[host]
	if ok && u.Scheme != "https" && !isLoopback(host) {
		return nil, fmt.Errorf("the policy has credentials for %s, which are sent only over https; use https://%s", host, u.Host)
	}
	out := map[string]string{}
	for _, src := range []map[string]string{p.headers, own} {
		for _, name := range slices.Sorted(maps.Keys(src)) {
			var missing []string
			v := os.Expand(src[name], func(k string) string {
				v, ok := os.LookupEnv(k)
				if !ok {
					missing = append(missing, k)
				}
				return v
			})
			if len(missing) > 0 {
				return nil, fmt.Errorf("header %s: environment variable %s is not set", name, missing[0])
			}
			if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }) {
				return nil, fmt.Errorf("header %s: value contains a control character", name)
			}
			out[stdhttp.CanonicalHeaderKey(name)] = v
		}
	}
	return out, nil
}

// isLoopback reports whether a canonical host name is this machine.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// Kind is the http provider, to the registry.
var Kind = provider.Kind{
	Name:    "http",
	Declare: provider.Static(Declaration),
	New:     func(cfg map[string]any, _ string) (provider.Provider, error) { return New(cfg) },
}
