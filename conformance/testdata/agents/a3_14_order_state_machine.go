package main

import (
	"errors"
	"fmt"
	"strings"
)

type State int

const (
	Created State = iota
	Paid
	Packed
	Shipped
	Delivered
	Cancelled
	Refunded
)

var stateNames = [...]string{"Created", "Paid", "Packed", "Shipped", "Delivered", "Cancelled", "Refunded"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Event string

var transitions = map[State]map[Event]State{
	Created:   {"pay": Paid, "cancel": Cancelled},
	Paid:      {"pack": Packed, "cancel": Cancelled, "refund": Refunded},
	Packed:    {"ship": Shipped, "cancel": Cancelled},
	Shipped:   {"deliver": Delivered},
	Delivered: {"refund": Refunded},
	Cancelled: {},
	Refunded:  {},
}

var ErrTerminal = errors.New("order is in a terminal state")

type TransitionError struct {
	From  State
	Event Event
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("cannot %q from %v", string(e.Event), e.From)
}

type Order struct {
	ID      string
	State   State
	History []string
	hooks   map[State][]func(*Order)
}

func (o *Order) On(s State, f func(*Order)) {
	if o.hooks == nil {
		o.hooks = map[State][]func(*Order){}
	}
	o.hooks[s] = append(o.hooks[s], f)
}

func (o *Order) Fire(ev Event) error {
	next, ok := transitions[o.State][ev]
	if !ok {
		if len(transitions[o.State]) == 0 {
			return fmt.Errorf("order %s: %w (%v)", o.ID, ErrTerminal, o.State)
		}
		return &TransitionError{o.State, ev}
	}
	o.History = append(o.History, fmt.Sprintf("%v-[%s]->%v", o.State, ev, next))
	o.State = next
	for _, h := range o.hooks[next] {
		h(o)
	}
	return nil
}

func main() {
	notifications := []string{}
	notify := func(o *Order) { notifications = append(notifications, o.ID+":"+o.State.String()) }
	refunds := 0

	scripts := map[string][]Event{
		"A1": {"pay", "pack", "ship", "deliver"},
		"A2": {"pay", "ship", "pack", "cancel", "pay"},
		"A3": {"cancel", "refund"},
		"A4": {"pay", "pack", "ship", "deliver", "refund", "refund"},
		"A5": {"teleport", "pay", "refund"},
	}
	ids := []string{"A1", "A2", "A3", "A4", "A5"}
	final := map[State]int{}
	for _, id := range ids {
		o := &Order{ID: id}
		o.On(Shipped, notify)
		o.On(Delivered, notify)
		o.On(Refunded, func(*Order) { refunds++ })
		o.On(Refunded, notify)
		fmt.Printf("order %s\n", id)
		for _, ev := range scripts[id] {
			err := o.Fire(ev)
			var te *TransitionError
			switch {
			case err == nil:
				fmt.Printf("  %-8s ok   -> %v\n", ev, o.State)
			case errors.As(err, &te):
				fmt.Printf("  %-8s FAIL %v (allowed: %s)\n", ev, err, allowed(te.From))
			case errors.Is(err, ErrTerminal):
				fmt.Printf("  %-8s STOP %v\n", ev, err)
			}
		}
		fmt.Printf("  history: %s\n", strings.Join(o.History, " | "))
		final[o.State]++
	}
	fmt.Println("notifications:", notifications)
	fmt.Println("refund hooks fired:", refunds)
	for s := Created; s <= Refunded; s++ {
		if final[s] > 0 {
			fmt.Printf("final %-9v %d\n", s, final[s])
		}
	}
	fmt.Println(State(42), fmt.Sprintf("%d %v %s", Shipped, Shipped, Cancelled))
}

func allowed(s State) string {
	var evs []string
	for ev := range transitions[s] {
		evs = append(evs, string(ev))
	}
	// simple insertion sort to keep deterministic
	for i := 1; i < len(evs); i++ {
		for j := i; j > 0 && evs[j] < evs[j-1]; j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
		}
	}
	return strings.Join(evs, ",")
}
