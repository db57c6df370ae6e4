package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	stdhttp "net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/airlockhq/airlock/tools/provider"
)

// proxyHits counts requests that reached the proxy TestMain advertises in
// every proxy variable of the environment. The provider must never use it.
var proxyHits atomic.Int64

func TestMain(m *testing.M) {
	proxy := httptest.NewServer(stdhttp.HandlerFunc(func(w stdhttp.ResponseWriter, r *stdhttp.Request) {
		proxyHits.Add(1)
		fmt.Fprint(w, "from the proxy")
	}))
	for _, v := range []string{"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"} {
		os.Setenv(v, proxy.URL)
	}
	os.Unsetenv("NO_PROXY")
	os.Unsetenv("no_proxy")
	code := m.Run()
	proxy.Close()
	os.Exit(code)
}

func newProvider(t *testing.T, cfg map[string]any) *Provider {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

var allowPrivate = map[string]any{"allow_private": true}

// call runs fn the way the parent does: JSON arguments, Prepare, Call.
func call(p *Provider, fn string, args ...any) (Response, error) {
	return callCtx(context.Background(), p, fn, args...)
}

// redirecting returns a call function whose calls follow redirects through
// what *check holds when they are made.
func redirecting(p *Provider, check *RedirectCheck) func(fn string, args ...any) (Response, error) {
	return func(fn string, args ...any) (Response, error) {
		return callCtx(WithRedirectCheck(context.Background(), *check), p, fn, args...)
	}
}

func callCtx(ctx context.Context, p *Provider, fn string, args ...any) (Response, error) {
	raw := make([]json.RawMessage, len(args))
	for i, a := range args {
		raw[i], _ = json.Marshal(a)
	}
	prepared, err := p.Prepare(fn, raw)
	if err != nil {
		return Response{}, err
	}
	res, err := unwrap(p.Call(ctx, fn, prepared))
	r, _ := res.(Response)
	return r, err
}

func wantErr(t *testing.T, err error, substr string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), substr) {
		t.Fatalf("error = %v; want one containing %q", err, substr)
	}
}

// echo answers with what it received.
func echo(w stdhttp.ResponseWriter, r *stdhttp.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Add("X-Multi", "a")
	w.Header().Add("X-Multi", "b")
	w.Header().Set("Content-Type", "text/plain")
	if r.URL.Path == "/missing" {
		w.WriteHeader(stdhttp.StatusNotFound)
	}
	fmt.Fprintf(w, "%s %s ct=%q ua=%q body=%q", r.Method, r.URL.RequestURI(), r.Header.Get("Content-Type"), r.UserAgent(), body)
}

func TestGetPost(t *testing.T) {
	srv := httptest.NewServer(stdhttp.HandlerFunc(echo))
	defer srv.Close()
	p := newProvider(t, allowPrivate)

	got, err := call(p, "Get", srv.URL+"/a/./b/../c?q=%7e")
	if err != nil {
		t.Fatal(err)
	}
	if want := `GET /a/c?q=~ ct="" ua="airlock" body=""`; got.Status != 200 || got.Body != want {
		t.Errorf("Get = %d %q; want 200 %q", got.Status, got.Body, want)
	}
	if got.Header["X-Multi"] != "a, b" || got.Header["Content-Type"] != "text/plain" {
		t.Errorf("Get headers = %v", got.Header)
	}

	got, err = call(p, "Get", srv.URL+"/missing")
	if err != nil || got.Status != 404 {
		t.Errorf("Get(/missing) = %d, %v; want 404 without error", got.Status, err)
	}

	got, err = call(p, "Post", srv.URL+"/items", "Application/JSON; Charset=utf-8", `{"n":1}`)
	if want := `POST /items ct="application/json; charset=utf-8" ua="airlock" body="{\"n\":1}"`; err != nil || got.Body != want {
		t.Errorf("Post = %q, %v; want %q", got.Body, err, want)
	}
	got, err = call(p, "Post", srv.URL+"/raw", "", "x")
	if want := `POST /raw ct="" ua="airlock" body="x"`; err != nil || got.Body != want {
		t.Errorf("Post without content type = %q, %v; want %q", got.Body, err, want)
	}
}

func TestPrepare(t *testing.T) {
	p := newProvider(t, nil)
	tests := []struct {
		fn   string
		raw  []string
		want map[string]any
		err  string
	}{
		{fn: "Get", raw: []string{`"HTTPS://API.GitHub.com:443"`}, want: map[string]any{"url": "https://api.github.com/"}},
		{fn: "Post", raw: []string{`"https://x.org/a/../b"`, `"Text/Plain"`, `"hi"`},
			want: map[string]any{"url": "https://x.org/b", "contentType": "text/plain", "body": "hi"}},
		{fn: "Get", raw: []string{`"file:///etc/passwd"`}, err: `scheme "file" is not allowed`},
		{fn: "Post", raw: []string{`"https://x.org/"`, `"text/plain"`}, err: "Post takes 3 argument(s) (url, contentType, body), got 2"},
		{fn: "Post", raw: []string{`"https://x.org/"`, `"text/plain"`, `7`}, err: "argument body: want a string, got the number 7"},
		{fn: "Delete", raw: []string{`"https://x.org/"`}, err: "http has no function Delete"},
	}
	for _, tt := range tests {
		raw := make([]json.RawMessage, len(tt.raw))
		for i, r := range tt.raw {
			raw[i] = json.RawMessage(r)
		}
		got, err := p.Prepare(tt.fn, raw)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Prepare(%s, %s) = %v, %v; want error containing %q", tt.fn, tt.raw, got, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Prepare(%s, %s) = %v, %v; want %v", tt.fn, tt.raw, got, err, tt.want)
		}
	}

	_, err := p.Call(context.Background(), "Get", map[string]any{"url": "http://127.1/"})
	wantErr(t, err, "not in canonical form")
}

func TestPrivateAddresses(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(stdhttp.HandlerFunc(func(w stdhttp.ResponseWriter, r *stdhttp.Request) {
		hits.Add(1)
		fmt.Fprint(w, "inside")
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())

	p := newProvider(t, nil)
	_, err := call(p, "Get", srv.URL+"/")
	wantErr(t, err, "refusing to connect to 127.0.0.1: a loopback address, and the policy does not allow private addresses")
	// A name is judged by the address it resolves to, at connect time.
	_, err = call(p, "Get", "http://localhost:"+port+"/")
	wantErr(t, err, "refusing to connect to")
	_, err = call(p, "Post", "http://127.1:"+port+"/", "text/plain", "x")
	wantErr(t, err, "refusing to connect to 127.0.0.1")
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server received %d requests despite the refusal", n)
	}

	// Control: the same requests succeed once the policy allows private addresses.
	open := newProvider(t, allowPrivate)
	for _, u := range []string{srv.URL + "/", "http://localhost:" + port + "/"} {
		if got, err := call(open, "Get", u); err != nil || got.Body != "inside" {
			t.Errorf("Get(%s) with allow_private = %q, %v", u, got.Body, err)
		}
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	srv := httptest.NewServer(stdhttp.HandlerFunc(func(w stdhttp.ResponseWriter, r *stdhttp.Request) {
		if r.URL.Path == "/stall-body" {
			w.Header().Set("Content-Length", "100")
			w.Write([]byte("partial"))
			w.(stdhttp.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	p := newProvider(t, map[string]any{"allow_private": true, "timeout": "300ms"})

	for _, path := range []string{"/hang", "/stall-body"} {
		start := time.Now()
		_, err := call(p, "Get", srv.URL+path)
		wantErr(t, err, "no complete response within the timeout of 300ms")
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("Get(%s) returned after %s, well past its 300ms timeout", path, elapsed)
		}
	}

	// The caller's context still stops a call, and says so.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	slow := newProvider(t, map[string]any{"allow_private": true, "timeout": "1m"})
	_, err := slow.Call(ctx, "Get", map[string]any{"url": srv.URL + "/hang"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Get with an expiring context = %v; want context.DeadlineExceeded", err)
	}
}

func TestMaxResponse(t *testing.T) {
	srv := httptest.NewServer(stdhttp.HandlerFunc(func(w stdhttp.ResponseWriter, r *stdhttp.Request) {
		n := 1024
		if r.URL.Path != "/exact" {
			n = 2048
		}
		if r.URL.Path == "/chunked" {
			w.Write([]byte("x"))
			w.(stdhttp.Flusher).Flush() // no Content-Length: the size shows only while reading
			n--
		} else {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		w.Write([]byte(strings.Repeat("x", n)))
	}))
	defer srv.Close()
	p := newProvider(t, map[string]any{"allow_private": true, "max_response": "1KiB"})

	if got, err := call(p, "Get", srv.URL+"/exact"); err != nil || len(got.Body) != 1024 {
		t.Errorf("Get(/exact) = %d bytes, %v; want 1024", len(got.Body), err)
	}
	_, err := call(p, "Get", srv.URL+"/declared")
	wantErr(t, err, "response body is 2048 bytes, larger than the limit of 1 KiB")
	_, err = call(p, "Get", srv.URL+"/chunked")
	wantErr(t, err, "response body is larger than the limit of 1 KiB")
}

func TestRedirects(t *testing.T) {
	var mu sync.Mutex
	var received []string
	srv := httptest.NewServer(stdhttp.HandlerFunc(func(w stdhttp.ResponseWriter, r *stdhttp.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		received = append(received, r.Method+" "+r.URL.Path+" "+string(body))
		mu.Unlock()
		switch r.URL.Path {
		case "/start":
			w.Header().Set("Location", "/x/../target") // Redirect would clean it
			w.WriteHeader(stdhttp.StatusFound)
		case "/keep":
			stdhttp.Redirect(w, r, "/target", stdhttp.StatusTemporaryRedirect)
		case "/loop":
			stdhttp.Redirect(w, r, "/loop", stdhttp.StatusFound)
		case "/ftp":
			stdhttp.Redirect(w, r, "ftp://example.com/", stdhttp.StatusFound)
		default:
			fmt.Fprint(w, "arrived")
		}
	}))
	defer srv.Close()
	reset := func() { mu.Lock(); received = nil; mu.Unlock() }

	// Without a check, the redirect itself comes back.
	p := newProvider(t, allowPrivate)
	var redirect RedirectCheck
	rcall := redirecting(p, &redirect)
	got, err := rcall("Get", srv.URL+"/start")
	if err != nil || got.Status != 302 || got.Header["Location"] != "/x/../target" {
		t.Fatalf("Get(/start) without a check = %d %v, %v; want the 302", got.Status, got.Header, err)
	}

	// With one, each target is asked about in canonical form.
	type asked struct {
		tool string
		args map[string]any
	}
	var checks []asked
	redirect = func(tool string, args map[string]any) error {
		checks = append(checks, asked{tool, args})
		return nil
	}
	reset()
	got, err = rcall("Get", srv.URL+"/start")
	if err != nil || got.Status != 200 || got.Body != "arrived" {
		t.Fatalf("Get(/start) with an allowing check = %d %q, %v", got.Status, got.Body, err)
	}
	if want := []asked{{"http.Get", map[string]any{"url": srv.URL + "/target"}}}; !reflect.DeepEqual(checks, want) {
		t.Errorf("checked %v; want %v", checks, want)
	}

	// A POST redirected by 307 is asked about as a POST with its body, and repeated.
	checks = nil
	reset()
	got, err = rcall("Post", srv.URL+"/keep", "text/plain", "payload")
	if err != nil || got.Body != "arrived" {
		t.Fatalf("Post(/keep) = %q, %v", got.Body, err)
	}
	if want := []asked{{"http.Post", map[string]any{"url": srv.URL + "/target", "contentType": "text/plain", "body": "payload"}}}; !reflect.DeepEqual(checks, want) {
		t.Errorf("checked %v; want %v", checks, want)
	}
	if want := []string{"POST /keep payload", "POST /target payload"}; !reflect.DeepEqual(received, want) {
		t.Errorf("server received %q; want %q", received, want)
	}

	// A POST redirected by 302 continues as a GET, and is asked about as one.
	checks = nil
	if _, err := rcall("Post", srv.URL+"/start", "text/plain", "payload"); err != nil || checks[0].tool != "http.Get" {
		t.Errorf("Post(/start) checked %v, %v; want http.Get", checks, err)
	}

	// A refusal stops the call before the target is requested.
	denied := errors.New("host not allowed by policy")
	redirect = func(string, map[string]any) error { return denied }
	reset()
	_, err = rcall("Get", srv.URL+"/start")
	var re *RedirectError
	if !errors.Is(err, denied) || !errors.As(err, &re) || re.URL != srv.URL+"/target" {
		t.Fatalf("Get(/start) with a refusing check = %v; want a RedirectError wrapping the refusal", err)
	}
	wantErr(t, err, "redirect to "+srv.URL+"/target refused: host not allowed by policy")
	if want := []string{"GET /start "}; !reflect.DeepEqual(received, want) {
		t.Errorf("server received %q; want only %q", received, want)
	}

	redirect = func(string, map[string]any) error { return nil }
	_, err = rcall("Get", srv.URL+"/loop")
	wantErr(t, err, "stopped after 10 redirects")
	_, err = rcall("Get", srv.URL+"/ftp")
	wantErr(t, err, `redirect to ftp://example.com/: URL scheme "ftp" is not allowed`)
}

func TestHeaders(t *testing.T) {
	type seen struct{ auth, global string }
	record := func(into *[]seen, mu *sync.Mutex) stdhttp.HandlerFunc {
		return func(w stdhttp.ResponseWriter, r *stdhttp.Request) {
			mu.Lock()
			*into = append(*into, seen{r.Header.Get("Authorization"), r.Header.Get("X-Global")})
			mu.Unlock()
			if to := r.URL.Query().Get("to"); to != "" {
				stdhttp.Redirect(w, r, to, stdhttp.StatusFound)
			}
		}
	}
	var mu sync.Mutex
	var atA, atB []seen
	a := httptest.NewServer(record(&atA, &mu))
	defer a.Close()
	b := httptest.NewServer(record(&atB, &mu))
	defer b.Close()
	_, portB, _ := net.SplitHostPort(b.Listener.Addr().String())

	p := newProvider(t, map[string]any{
		"allow_private": true,
		"headers":       map[string]any{"x-global": "everywhere"},
		"host_headers":  map[string]any{"127.0.0.1": map[string]any{"Authorization": "Bearer ${AIRLOCK_TEST_TOKEN}"}},
	})
	var redirect RedirectCheck
	rcall := redirecting(p, &redirect)
	redirect = func(string, map[string]any) error { return nil }

	// The variable is read at call time, after New.
	t.Setenv("AIRLOCK_TEST_TOKEN", "s3cret")
	res, err := rcall("Get", a.URL+"/?to=http://localhost:"+portB+"/")
	if err != nil {
		t.Fatal(err)
	}
	if want := []seen{{"Bearer s3cret", "everywhere"}}; !reflect.DeepEqual(atA, want) {
		t.Errorf("host A saw %v; want %v", atA, want)
	}
	// The redirect leads to another host, which gets the global header only.
	if want := []seen{{"", "everywhere"}}; !reflect.DeepEqual(atB, want) {
		t.Errorf("host B saw %v; want %v", atB, want)
	}
	if strings.Contains(fmt.Sprint(res), "s3cret") {
		t.Errorf("the response carries the secret: %v", res)
	}

	os.Unsetenv("AIRLOCK_TEST_TOKEN")
	_, err = rcall("Get", a.URL+"/")
	wantErr(t, err, "header Authorization: environment variable AIRLOCK_TEST_TOKEN is not set")

	t.Setenv("AIRLOCK_TEST_TOKEN", "s3cret\r\nX-Injected: 1")
	_, err = rcall("Get", a.URL+"/")
	wantErr(t, err, "header Authorization: value contains a control character")
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("the error reveals the secret: %v", err)
	}
}

// Credentials for a host never travel over plain http to it, unless it is
// this machine.
func TestHostHeadersNeedHTTPS(t *testing.T) {
	p := newProvider(t, map[string]any{
		"allow_private": true,
		"host_headers":  map[string]any{"api.airlock-test.invalid": map[string]any{"Authorization": "token"}},
	})
	_, err := call(p, "Get", "http://api.airlock-test.invalid/x")
	wantErr(t, err, "the policy has credentials for api.airlock-test.invalid, which are sent only over https; use https://api.airlock-test.invalid")
	// Over https the request is made; the name does not resolve.
	_, err = call(p, "Get", "https://api.airlock-test.invalid/x")
	if err == nil || strings.Contains(err.Error(), "credentials") {
		t.Errorf("Get over https = %v; want a failure to connect", err)
	}
}

func TestNoEnvironmentProxy(t *testing.T) {
	p := newProvider(t, allowPrivate)
	// TestMain points every proxy variable at a server that answers
	// anything; a name that does not resolve proves the request went direct.
	res, err := call(p, "Get", "http://airlock-test.invalid/")
	if err == nil {
		t.Errorf("Get of an unresolvable name succeeded: %q", res.Body)
	}
	if n := proxyHits.Load(); n != 0 {
		t.Fatalf("%d requests went through the environment's proxy", n)
	}
}

func TestNew(t *testing.T) {
	bad := []struct {
		cfg map[string]any
		err string
	}{
		{map[string]any{"timeout": "soon"}, "providers.http.timeout: want a duration such as 10s, got soon"},
		{map[string]any{"timeout": 10}, "providers.http.timeout: want a duration"},
		{map[string]any{"max_response": "1 parsec"}, "providers.http.max_response: want a size"},
		{map[string]any{"allow_private": "yes"}, "providers.http.allow_private: want true or false"},
		{map[string]any{"header": map[string]any{}}, `providers.http: unknown key "header" (known: allow_private, headers, host_headers, max_response, timeout)`},
		{map[string]any{"headers": map[string]any{"Bad Name": "x"}}, `providers.http.headers: "Bad Name" is not a header name`},
		{map[string]any{"headers": map[string]any{"host": "x"}}, "header Host is set by the request itself"},
		{map[string]any{"host_headers": map[string]any{"https://api.github.com": map[string]any{}}}, `"https://api.github.com" is not a host name`},
		{map[string]any{"host_headers": map[string]any{"api.github.com": "x"}}, "providers.http.host_headers.api.github.com: want a mapping"},
	}
	for _, tt := range bad {
		if _, err := New(tt.cfg); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("New(%v) error = %v; want one containing %q", tt.cfg, err, tt.err)
		}
	}

	// host_headers keys are canonical host names, like the URLs they match.
	p := newProvider(t, map[string]any{"host_headers": map[string]any{"API.GitHub.com.": map[string]any{"Authorization": "x"}}})
	if _, ok := p.hostHeaders["api.github.com"]; !ok {
		t.Errorf("host_headers keys = %v; want api.github.com", p.hostHeaders)
	}
}

// unwrap is what the program gets from a call: the value of a
// provider.Direct result.
func unwrap(v any, err error) (any, error) {
	v, _, _ = provider.Unwrap(v)
	return v, err
}
