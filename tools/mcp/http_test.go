package mcp

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// floodServer is a streamable-HTTP MCP server, built with the SDK, whose
// flood tool answers with 20 MiB of text: the server runs in the test's
// process, so the 100 MiB case is the stdio one.
func floodServer(t *testing.T, jsonResponse bool) string {
	s := sdk.NewServer(&sdk.Implementation{Name: "flood", Version: "1"}, nil)
	s.AddTool(&sdk.Tool{Name: "flood", InputSchema: map[string]any{"type": "object"}},
		func(context.Context, *sdk.CallToolRequest) (*sdk.CallToolResult, error) {
			return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: strings.Repeat("x", 20<<20)}}}, nil
		})
	s.AddTool(&sdk.Tool{Name: "small", InputSchema: map[string]any{"type": "object"}},
		func(context.Context, *sdk.CallToolRequest) (*sdk.CallToolResult, error) {
			return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: "fine"}}}, nil
		})
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s },
		&sdk.StreamableHTTPOptions{JSONResponse: jsonResponse})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestHTTPResponseCap(t *testing.T) {
	for _, tt := range []struct {
		name string
		json bool
	}{{"event-stream", false}, {"json", true}} {
		t.Run(tt.name, func(t *testing.T) {
			p := open(t, "flood", map[string]any{"url": floodServer(t, tt.json), "max_response": "1MiB", "timeout": "2m"})
			if _, err := call(t, p, "Small", `{}`); err != nil {
				t.Fatal(err)
			}
			// Memory is checked with the stdio flood, whose server is
			// another process; here the server shares this one.
			_, err := p.Call(context.Background(), "Flood", map[string]any{})
			if err == nil || !strings.Contains(err.Error(), "exceeds max_response (1 MiB)") {
				t.Errorf("flood: %v", err)
			}
			// The provider reconnects for the next call.
			if _, err := call(t, p, "Small", `{}`); err != nil {
				t.Errorf("call after the flood: %v", err)
			}
		})
	}
}
