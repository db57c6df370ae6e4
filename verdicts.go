package airlock

import (
	"crypto/sha256"
	"sync"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/verify"
)

// verdictCacheSize bounds how many verdicts an Engine keeps.
const verdictCacheSize = 256

// maxCachedSource is the largest program whose verdict is kept: the cache
// is for the small programs agents send again and again.
const maxCachedSource = 64 << 10

// verdicts keeps an Engine's recent verdicts by a digest of everything they
// depend on: the program's name and text, strictness and the declarations
// of the tool packages it imports (an MCP server restarted with other
// tools gives another digest). The policy is the Engine's own. A verdict
// is read-only once made, so concurrent runs share it.
type verdicts struct {
	mu    sync.Mutex
	byKey map[[sha256.Size]byte]*verify.Verdict
	order [][sha256.Size]byte // oldest first
}

// verdictKey is the digest a verdict is kept under.
func verdictKey(name string, src []byte, strict bool, pkgs []plan.ToolPackage) [sha256.Size]byte {
	h := sha256.New()
	field := func(s string) {
		var n [8]byte
		for i := range n {
			n[i] = byte(len(s) >> (8 * i))
		}
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(name)
	field(string(src))
	if strict {
		field("strict")
	} else {
		field("")
	}
	for _, p := range pkgs {
		field(p.Path)
		field(p.Source)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

func (c *verdicts) get(k [sha256.Size]byte) *verify.Verdict {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byKey[k]
}

func (c *verdicts) put(k [sha256.Size]byte, v *verify.Verdict) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[[sha256.Size]byte]*verify.Verdict{}
	}
	if _, ok := c.byKey[k]; ok {
		return
	}
	if len(c.order) == verdictCacheSize {
		delete(c.byKey, c.order[0])
		c.order = c.order[1:]
	}
	c.byKey[k] = v
	c.order = append(c.order, k)
}
