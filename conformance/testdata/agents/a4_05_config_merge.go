package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

const defaults = `{
  "server": {"host": "0.0.0.0", "port": 8080, "tls": {"enabled": false, "cert": ""}},
  "log": {"level": "info", "format": "text", "outputs": ["stdout"]},
  "features": {"beta": false, "search": true},
  "workers": 4,
  "name": "svc"
}`

const overrides = `{
  "server": {"port": 9443, "tls": {"enabled": true, "cert": "/etc/ssl/svc.pem"}},
  "log": {"level": "debug", "outputs": ["stdout", "file"]},
  "features": {"search": null, "experimental": {"ranker": "v2"}},
  "workers": 16,
  "extra": [1, 2.5, "three", true, null]
}`

// merge returns dst with src applied; null in src deletes the key.
func merge(dst, src map[string]any) map[string]any {
	out := make(map[string]any, len(dst))
	for k, v := range dst {
		out[k] = v
	}
	for k, sv := range src {
		if sv == nil {
			delete(out, k)
			continue
		}
		if sm, ok := sv.(map[string]any); ok {
			if dm, ok := out[k].(map[string]any); ok {
				out[k] = merge(dm, sm)
				continue
			}
		}
		out[k] = sv
	}
	return out
}

func flatten(prefix string, v any, out map[string]string) {
	switch t := v.(type) {
	case map[string]any:
		for k, vv := range t {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, vv, out)
		}
	case []any:
		for i, vv := range t {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), vv, out)
		}
	default:
		out[prefix] = fmt.Sprintf("%v (%T)", t, t)
	}
}

func get(cfg map[string]any, path string) (any, bool) {
	var cur any = cfg
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = m[part]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}

func main() {
	var d, o map[string]any
	if err := json.Unmarshal([]byte(defaults), &d); err != nil {
		fmt.Println("defaults:", err)
		os.Exit(1)
	}
	if err := json.Unmarshal([]byte(overrides), &o); err != nil {
		fmt.Println("overrides:", err)
		os.Exit(1)
	}
	merged := merge(d, o)
	b, _ := json.MarshalIndent(merged, "", "  ")
	fmt.Println(string(b))

	flat := map[string]string{}
	flatten("", merged, flat)
	keys := make([]string, 0, len(flat))
	for k := range flat {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-28s = %s\n", k, flat[k])
	}
	for _, p := range []string{"server.port", "server.tls.cert", "features.search", "log.outputs", "server.port.x"} {
		v, ok := get(merged, p)
		fmt.Printf("get %-16s -> %v %v\n", p, v, ok)
	}
	if port, ok := merged["server"].(map[string]any)["port"].(float64); ok {
		fmt.Printf("port as int: %d\n", int(port))
	}
	// defaults untouched?
	fmt.Println("defaults workers still:", d["workers"], "defaults tls:", d["server"].(map[string]any)["tls"])
	var bad map[string]any
	err := json.Unmarshal([]byte(`{"a": [1, 2,}`), &bad)
	fmt.Println("bad json:", err)
}
