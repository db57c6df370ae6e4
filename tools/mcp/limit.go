package mcp

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// lineCap is a reader that fails once a single line (a stdio JSON-RPC
// message, or one line of a server-sent event) grows past max bytes. It
// stops a server's oversized message before the SDK buffers it: the SDK's
// decoder reads through it, so at most max bytes of one message are ever
// held. over records that the cap, not the server, ended the stream.
type lineCap struct {
	r    io.Reader
	max  int64
	line int64 // bytes since the last newline
	over *atomic.Bool
}

var errTooLarge = errors.New("message exceeds the response size limit")

func (c *lineCap) Read(p []byte) (int, error) {
	if c.line > c.max {
		return 0, errTooLarge
	}
	// Never read further than one byte past the cap in the current line.
	if room := c.max + 1 - c.line; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := c.r.Read(p)
	if i := bytes.LastIndexByte(p[:n], '\n'); i >= 0 {
		c.line = int64(n - i - 1)
	} else {
		c.line += int64(n)
	}
	if c.line > c.max {
		c.over.Store(true)
		return n, errTooLarge
	}
	return n, err
}

func (c *lineCap) Close() error {
	if rc, ok := c.r.(io.Closer); ok {
		return rc.Close()
	}
	return nil
}

// capTransport caps the bodies of an HTTP server's responses: a JSON body as
// a whole, an event stream line by line (one line carries one message).
type capTransport struct {
	base    http.RoundTripper
	max     int64
	headers map[string]string
	over    *atomic.Bool
}

func (t *capTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	for k, v := range t.headers {
		req.Header.Set(k, v)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.Body != nil {
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			resp.Body = &lineCap{r: resp.Body, max: t.max, over: t.over}
		} else {
			resp.Body = &bodyCap{r: resp.Body, left: t.max, over: t.over}
		}
	}
	return resp, nil
}

// bodyCap fails once more than left bytes have been read.
type bodyCap struct {
	r    io.ReadCloser
	left int64
	over *atomic.Bool
}

func (c *bodyCap) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		c.over.Store(true)
		return n, errTooLarge
	}
	return n, err
}

func (c *bodyCap) Close() error { return c.r.Close() }
