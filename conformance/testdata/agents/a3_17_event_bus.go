package main

import (
	"fmt"
	"sort"
	"strings"
)

type Event struct {
	Topic   string
	Payload map[string]any
	Seq     int
}

type Handler func(Event)

type Bus struct {
	subs    map[string][]func(Event)
	ids     map[string][]int
	nextID  int
	seq     int
	dead    []Event
	history []string
}

func NewBus() *Bus {
	return &Bus{subs: map[string][]func(Event){}, ids: map[string][]int{}}
}

func (b *Bus) Subscribe(topic string, h func(Event)) (unsubscribe func()) {
	b.nextID++
	id := b.nextID
	b.subs[topic] = append(b.subs[topic], h)
	b.ids[topic] = append(b.ids[topic], id)
	return func() {
		for i, x := range b.ids[topic] {
			if x == id {
				b.subs[topic] = append(b.subs[topic][:i:i], b.subs[topic][i+1:]...)
				b.ids[topic] = append(b.ids[topic][:i:i], b.ids[topic][i+1:]...)
				return
			}
		}
	}
}

func (b *Bus) Publish(topic string, payload map[string]any) int {
	b.seq++
	ev := Event{topic, payload, b.seq}
	delivered := 0
	// exact topic, then prefix wildcard "order.*", then global "*"
	targets := []string{topic}
	if i := strings.LastIndex(topic, "."); i >= 0 {
		targets = append(targets, topic[:i]+".*")
	}
	targets = append(targets, "*")
	for _, t := range targets {
		for _, h := range b.subs[t] {
			func() {
				defer func() {
					if r := recover(); r != nil {
						b.history = append(b.history, fmt.Sprintf("handler on %s panicked: %v", t, r))
					}
				}()
				h(ev)
				delivered++
			}()
		}
	}
	if delivered == 0 {
		b.dead = append(b.dead, ev)
	}
	return delivered
}

func fmtPayload(p map[string]any) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%v", k, p[k])
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func main() {
	bus := NewBus()
	var audit []string
	revenue := 0.0
	counts := map[string]int{}

	bus.Subscribe("*", func(e Event) {
		counts[e.Topic]++
	})
	unsubAudit := bus.Subscribe("order.*", func(e Event) {
		audit = append(audit, fmt.Sprintf("#%d %s %s", e.Seq, e.Topic, fmtPayload(e.Payload)))
	})
	bus.Subscribe("order.paid", func(e Event) {
		revenue += e.Payload["amount"].(float64)
	})
	bus.Subscribe("order.refunded", func(e Event) {
		revenue -= e.Payload["amount"].(float64)
	})
	bus.Subscribe("user.signup", func(e Event) {
		if e.Payload["email"] == "" {
			panic("empty email")
		}
	})
	// a closure-based accumulator subscriber factory
	makeCounter := func(name string) (func(Event), func() string) {
		n := 0
		last := ""
		return func(e Event) { n++; last = e.Topic }, func() string { return fmt.Sprintf("%s saw %d (last=%s)", name, n, last) }
	}
	h, report := makeCounter("userwatch")
	unsubUser := bus.Subscribe("user.*", h)

	script := []struct {
		topic   string
		payload map[string]any
	}{
		{"order.created", map[string]any{"id": 1, "items": 3}},
		{"order.paid", map[string]any{"id": 1, "amount": 59.90}},
		{"user.signup", map[string]any{"email": "a@x.io", "plan": "pro"}},
		{"user.signup", map[string]any{"email": ""}},
		{"order.paid", map[string]any{"id": 2, "amount": 120.00}},
		{"order.refunded", map[string]any{"id": 1, "amount": 59.90}},
		{"system.tick", nil},
	}
	for i, s := range script {
		if i == 4 {
			unsubAudit()
			unsubUser()
			fmt.Println("-- unsubscribed audit and userwatch --")
		}
		n := bus.Publish(s.topic, s.payload)
		fmt.Printf("publish %-15s -> %d handlers\n", s.topic, n)
	}
	delete(bus.subs, "*")
	fmt.Println("no-subscriber publish:", bus.Publish("metrics.cpu", map[string]any{"v": 0.93}))

	fmt.Println("audit log:")
	for _, a := range audit {
		fmt.Println("  " + a)
	}
	fmt.Printf("revenue: %.2f\n", revenue)
	topics := make([]string, 0, len(counts))
	for t := range counts {
		topics = append(topics, t)
	}
	sort.Strings(topics)
	for _, t := range topics {
		fmt.Printf("  %-15s %d\n", t, counts[t])
	}
	fmt.Println(report())
	for _, h := range bus.history {
		fmt.Println("history:", h)
	}
	for _, d := range bus.dead {
		fmt.Printf("dead letter: %+v\n", d)
	}
	subTopics := make([]string, 0)
	for t, hs := range bus.subs {
		subTopics = append(subTopics, fmt.Sprintf("%s:%d", t, len(hs)))
	}
	sort.Strings(subTopics)
	fmt.Println("subscriptions:", subTopics)
}
