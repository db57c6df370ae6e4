package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// generate writes the workflows' generated data under dir: the same bytes
// on every run (fixed seeds), and files are only rewritten when they differ.
func generate(dir string) error {
	files := map[string][]byte{"logs/app.log": appLog()}
	for name, text := range docs() {
		files["docs/"+name] = text
	}
	v1, v2 := catalogs()
	files["diff/catalog_v1.csv"], files["diff/catalog_v2.csv"] = v1, v2
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// appLog is a day of an online shop's application log, 20,000 lines, with an
// incident: the payment provider times out between 14:05 and 14:40.
func appLog() []byte {
	r := newRand(1)
	services := []string{"api-gateway", "auth", "billing", "catalog", "checkout", "inventory", "notifications", "search"}
	tables := []string{"orders", "order_items", "customers", "products", "sessions", "payments"}
	paths := []string{"/api/v1/products/%d", "/api/v1/carts/%d", "/api/v1/orders/%d", "/api/v1/search?q=item%d", "/api/v1/customers/%d/addresses", "/api/v1/stores/%d/hours"}
	infos := []func() string{
		func() string {
			return fmt.Sprintf("GET "+pick(r, paths)+" 200 %dms", r.IntN(9000), 3+r.IntN(180))
		},
		func() string {
			return fmt.Sprintf("user usr_%05d logged in from 10.%d.%d.%d", r.IntN(40000), r.IntN(255), r.IntN(255), r.IntN(255))
		},
		func() string {
			return fmt.Sprintf("order ord_%06d created items=%d total=%.2f", 100000+r.IntN(900000), 1+r.IntN(6), 5+r.Float64()*400)
		},
		func() string { return fmt.Sprintf("cache hit ratio %.3f over last 60s", 0.7+r.Float64()*0.29) },
		func() string { return fmt.Sprintf("indexed %d documents in %dms", 10+r.IntN(500), 20+r.IntN(900)) },
		func() string {
			return fmt.Sprintf("email queued template=%s to=usr_%05d", pick(r, []string{"receipt", "shipping", "reset", "welcome"}), r.IntN(40000))
		},
	}
	warns := []func() string{
		func() string { return fmt.Sprintf("slow query %dms on table %s", 800+r.IntN(4000), pick(r, tables)) },
		func() string {
			return fmt.Sprintf("retrying request to %s attempt %d of 3", pick(r, services), 1+r.IntN(3))
		},
		func() string {
			return fmt.Sprintf("rate limit at %d%% for client cli_%04d", 80+r.IntN(20), r.IntN(3000))
		},
		func() string {
			return fmt.Sprintf("deprecated endpoint /api/v1/cart/legacy called by client cli_%04d", r.IntN(3000))
		},
		func() string { return fmt.Sprintf("connection pool %d/%d in use", 45+r.IntN(5), 50) },
	}
	errs := []func() string{
		func() string { return fmt.Sprintf("database connection reset by peer (pool=%d)", r.IntN(8)) },
		func() string {
			return fmt.Sprintf("failed to send email to usr_%05d: smtp 451 temporary failure", r.IntN(40000))
		},
		func() string { return fmt.Sprintf("nil pointer in price calculator sku=SKU-%05d", r.IntN(4000)) },
		func() string { return "upstream 503 from inventory-svc after 3 retries" },
		func() string { return fmt.Sprintf("jwt signature invalid for user usr_%05d", r.IntN(40000)) },
	}
	start := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	incidentFrom, incidentTo := start.Add(14*time.Hour+5*time.Minute), start.Add(14*time.Hour+40*time.Minute)
	var b bytes.Buffer
	t := start
	for i := 0; i < 20000; i++ {
		t = t.Add(time.Duration(1000+r.IntN(6600)) * time.Millisecond)
		svc, level, msg := pick(r, services), "INFO", ""
		p := r.IntN(1000)
		switch {
		case t.After(incidentFrom) && t.Before(incidentTo) && p < 350:
			svc, level = pick(r, []string{"checkout", "billing"}), "ERROR"
			msg = fmt.Sprintf("payment provider timeout after 30000ms order=ord_%06d", 100000+r.IntN(900000))
		case p < 40:
			level, msg = "DEBUG", fmt.Sprintf("gc pause %dus heap=%dMB", 50+r.IntN(900), 100+r.IntN(400))
		case p < 155:
			level, msg = "WARN", pick(r, warns)()
		case p < 200:
			level, msg = "ERROR", pick(r, errs)()
		default:
			msg = pick(r, infos)()
		}
		fmt.Fprintf(&b, "%s %-5s %s req=%08x %s\n", t.Format("2006-01-02T15:04:05.000Z"), level, svc, r.Uint32(), msg)
	}
	return b.Bytes()
}

// docs is an engineering wiki of 200 Markdown pages: one per component and
// kind of page, each with a title, owner line and sections of prose.
func docs() map[string][]byte {
	r := newRand(2)
	components := []string{"Payments API", "Checkout Service", "Search Indexer", "Inventory Sync", "Notification Hub",
		"Auth Gateway", "Billing Engine", "Catalog Importer", "Order Pipeline", "Fraud Scoring",
		"Shipping Rates", "Customer Profile", "Recommendations", "Pricing Rules", "Returns Portal",
		"Warehouse Robots", "Analytics Warehouse", "Feature Flags", "Session Store", "Image CDN",
		"Tax Calculator", "Loyalty Points", "Support Console", "Data Exports", "Mobile Backend"}
	kinds := []string{"Runbook", "Design Notes", "Onboarding Guide", "Postmortem", "API Reference", "Capacity Plan", "Security Review", "FAQ"}
	topics := []string{"retries", "exponential backoff", "idempotency keys", "timeouts", "rate limiting", "caching", "sharding",
		"on-call rotation", "rollback", "feature flags", "schema migrations", "dead-letter queues", "circuit breakers",
		"load shedding", "blue-green deploys", "alert thresholds", "audit logging", "encryption at rest", "token refresh", "batch jobs"}
	teams := []string{"team-payments", "team-storefront", "team-platform", "team-data", "team-fulfilment", "team-identity"}
	sentences := []string{ // {c}: the component, {t}: a topic
		"The {c} handles {t} by default, and the defaults were chosen after the last load test.",
		"When {t} misbehaves, start with the {c}: most incidents in the last year began there.",
		"We changed how the {c} does {t} in the spring release; older clients still see the previous behaviour.",
		"Dashboards for the {c} show {t} per minute, split by region and by client version.",
		"Before changing {t} in the {c}, read the design notes and talk to the owning team.",
		"Our target for the {c} is that {t} never adds more than fifty milliseconds at the ninety-ninth percentile.",
		"The on-call engineer can disable {t} in the {c} from the admin console without a deploy.",
		"Tests for {t} live next to the {c} code and run on every merge request.",
	}
	headings := []string{"Overview", "Architecture", "Operations", "Failure modes", "Configuration", "Monitoring", "Known issues", "History"}
	out := map[string][]byte{}
	for ci, c := range components {
		for ki, k := range kinds {
			var b strings.Builder
			title := c + " " + k
			fmt.Fprintf(&b, "# %s\n\nOwner: %s. Last reviewed 2026-%02d-%02d.\n\n", title, pick(r, teams), 1+r.IntN(12), 1+r.IntN(28))
			// Each page leans on a few topics, so searches have clear winners.
			focus := []string{topics[(ci*3+ki)%len(topics)], topics[(ci*7+ki*3+1)%len(topics)], pick(r, topics)}
			for s := 0; s < 4+r.IntN(3); s++ {
				fmt.Fprintf(&b, "## %s\n\n", headings[(s+ki)%len(headings)])
				for p := 0; p < 2; p++ {
					var para []string
					for n := 0; n < 3+r.IntN(3); n++ {
						topic := focus[r.IntN(len(focus))]
						if r.IntN(4) == 0 {
							topic = pick(r, topics)
						}
						para = append(para, strings.NewReplacer("{c}", strings.ToLower(c), "{t}", topic).Replace(pick(r, sentences)))
					}
					b.WriteString(strings.Join(para, " ") + "\n\n")
				}
			}
			name := strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".md"
			out[name] = []byte(strings.TrimRight(b.String(), "\n ") + "\n")
		}
	}
	return out
}

// catalogs are two exports of a 4,000-product catalogue a month apart: in
// the second, some products are gone, some are new and some changed price,
// stock, status or supplier.
func catalogs() (v1, v2 []byte) {
	r := newRand(3)
	adjectives := []string{"Classic", "Eco", "Pro", "Compact", "Deluxe", "Smart", "Travel", "Mini", "Ultra", "Heritage"}
	nouns := []string{"Kettle", "Desk Lamp", "Backpack", "Chair Mat", "Speaker", "Notebook", "Kite", "Blender", "Monitor Arm", "Garden Hose", "Puzzle", "Headphones"}
	categories := []string{"kitchen", "office", "toys", "electronics", "garden", "books"}
	suppliers := []string{"Acme Supply", "Northwind Traders", "Globex", "Initech Wholesale", "Umbrella Goods", "Stark Sourcing"}
	statuses := []string{"active", "active", "active", "active", "backorder", "discontinued"}
	header := []string{"sku", "name", "category", "price", "stock", "status", "supplier", "updated"}
	row := func(i int) []string {
		return []string{fmt.Sprintf("SKU-%05d", i), pick(r, adjectives) + " " + pick(r, nouns), pick(r, categories),
			fmt.Sprintf("%.2f", 3+r.Float64()*297), fmt.Sprint(r.IntN(800)), pick(r, statuses), pick(r, suppliers),
			fmt.Sprintf("2026-01-%02d", 1+r.IntN(28))}
	}
	var old, cur [][]string
	for i := 1; i <= 4000; i++ {
		old = append(old, row(i))
	}
	for _, o := range old {
		switch p := r.IntN(1000); {
		case p < 40: // removed
			continue
		case p < 140: // changed
			c := append([]string(nil), o...)
			switch q := r.IntN(10); {
			case q < 5:
				var price float64
				fmt.Sscan(c[3], &price)
				c[3] = fmt.Sprintf("%.2f", price*(0.8+r.Float64()*0.4))
			case q < 8:
				c[4] = fmt.Sprint(r.IntN(800))
			case q < 9:
				c[5] = pick(r, statuses[4:])
			default:
				c[6] = pick(r, suppliers)
			}
			c[7] = fmt.Sprintf("2026-02-%02d", 1+r.IntN(28))
			cur = append(cur, c)
		default:
			cur = append(cur, o)
		}
	}
	for i := 4001; i <= 4180; i++ {
		c := row(i)
		c[7] = fmt.Sprintf("2026-02-%02d", 1+r.IntN(28))
		cur = append(cur, c)
	}
	return writeCSV(header, old), writeCSV(header, cur)
}

func writeCSV(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(header)
	w.WriteAll(rows)
	return b.Bytes()
}
