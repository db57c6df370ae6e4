// Load the organisation's knowledge graph into the memory server (2,000
// entities: people, companies, projects, services and incidents, and 2,500
// relations between them, in batches), read the whole graph back and
// summarise it: entities and relations by type, the biggest employers and
// the services most depended on.
package main

import (
	"fmt"
	"sort"
	"strings"

	"airlock"
	"airlock/mcp/memory"
)

var (
	first  = []string{"Ada", "Alan", "Barbara", "Dennis", "Edsger", "Frances", "Grace", "Ken", "Katherine", "Radia"}
	last   = []string{"Lovelace", "Turing", "Liskov", "Ritchie", "Dijkstra", "Allen", "Hopper", "Thompson", "Johnson", "Perlman"}
	roles  = []string{"engineer", "designer", "product manager", "analyst", "support lead"}
	cities = []string{"Berlin", "Lisbon", "Toronto", "Austin", "Singapore", "Nairobi", "Osaka"}
	words  = []string{"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Hooli"}
	kinds  = []string{"Labs", "Systems", "Logistics", "Foods", "Health", "Energy"}
)

func name(kind string, i int) string {
	switch kind {
	case "person":
		return fmt.Sprintf("%s %s #%04d", first[i%10], last[(i/10)%10], i)
	case "company":
		return fmt.Sprintf("%s %s %03d", words[i%10], kinds[(i/10)%6], i)
	case "project":
		return fmt.Sprintf("project-%03d", i)
	case "service":
		return fmt.Sprintf("svc-%03d", i)
	}
	return fmt.Sprintf("INC-%04d", 1000+i)
}

func entities() []memory.Entity {
	counts := []struct {
		kind string
		n    int
	}{{"person", 1000}, {"company", 300}, {"project", 400}, {"service", 200}, {"incident", 100}}
	var out []memory.Entity
	for _, c := range counts {
		for i := 0; i < c.n; i++ {
			var obs []string
			switch c.kind {
			case "person":
				obs = []string{"role: " + roles[i%5], "based in " + cities[i%7]}
			case "company":
				obs = []string{"industry: " + strings.ToLower(kinds[(i/10)%6]), fmt.Sprintf("founded %d", 1950+i%70)}
			case "project":
				obs = []string{[]string{"status: active", "status: paused", "status: done"}[i%3], fmt.Sprintf("budget: %d kEUR", 20+i%180)}
			case "service":
				obs = []string{fmt.Sprintf("tier %d", 1+i%3), fmt.Sprintf("owned by team-%d", i%12)}
			case "incident":
				obs = []string{fmt.Sprintf("severity sev%d", 1+i%3), fmt.Sprintf("opened 2026-%02d-%02d", 1+i%12, 1+i%28)}
			}
			out = append(out, memory.Entity{Name: name(c.kind, i), EntityType: c.kind, Observations: obs})
		}
	}
	return out
}

func relations() []memory.Relation {
	var out []memory.Relation
	for i := 0; i < 1000; i++ {
		out = append(out, memory.Relation{From: name("person", i), To: name("company", (i*7)%300/(1+i%3)), RelationType: "works_at"})
		out = append(out, memory.Relation{From: name("person", i), To: name("project", (i*13)%400), RelationType: "contributes_to"})
	}
	for i := 0; i < 400; i++ {
		out = append(out, memory.Relation{From: name("project", i), To: name("service", (i*i)%200), RelationType: "depends_on"})
	}
	for i := 0; i < 100; i++ {
		out = append(out, memory.Relation{From: name("incident", i), To: name("service", (i*3)%200/(1+i%2)), RelationType: "affected"})
	}
	return out
}

func main() {
	ents, rels := entities(), relations()
	created := 0
	for i := 0; i < len(ents); i += 100 {
		res, err := memory.CreateEntities(memory.CreateEntitiesArgs{Entities: ents[i:min(i+100, len(ents))]})
		if err != nil {
			panic(err)
		}
		created += len(res.Entities)
	}
	linked := 0
	for i := 0; i < len(rels); i += 500 {
		res, err := memory.CreateRelations(memory.CreateRelationsArgs{Relations: rels[i:min(i+500, len(rels))]})
		if err != nil {
			panic(err)
		}
		linked += len(res.Relations)
	}
	graph, err := memory.ReadGraph(memory.ReadGraphArgs{})
	if err != nil {
		panic(err)
	}

	byType, relByType := map[string]int{}, map[string]int{}
	observations := 0
	for _, e := range graph.Entities {
		byType[e.EntityType]++
		observations += len(e.Observations)
	}
	staff, deps := map[string]int{}, map[string]int{}
	for _, r := range graph.Relations {
		relByType[r.RelationType]++
		switch r.RelationType {
		case "works_at":
			staff[r.To]++
		case "depends_on", "affected":
			deps[r.To]++
		}
	}
	fmt.Printf("created %d entities and %d relations; the graph holds %d entities (%d observations) and %d relations\n",
		created, linked, len(graph.Entities), observations, len(graph.Relations))
	fmt.Printf("  entities: %v\n  relations: %v\n", byType, relByType)
	fmt.Printf("  biggest employers: %s\n  most depended-on services: %s\n", top(staff, 5), top(deps, 3))
	airlock.Result(map[string]any{"entities": byType, "relations": relByType})
}

// top is the n keys with the highest counts, with their counts.
func top(m map[string]int, n int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	var parts []string
	for _, k := range keys[:min(n, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
