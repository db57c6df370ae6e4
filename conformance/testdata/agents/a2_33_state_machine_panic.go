package main

import (
	"fmt"
	"strings"
)

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

func (s State) String() string {
	return [...]string{"Idle", "Running", "Paused", "Stopped"}[s]
}

type Transition struct {
	From  State
	Event string
}

type InvalidTransition struct {
	From  State
	Event string
}

func (e *InvalidTransition) Error() string {
	return fmt.Sprintf("invalid transition: %v --%s--> ?", e.From, e.Event)
}

type Machine struct {
	state   State
	table   map[Transition]State
	history []string
}

func NewMachine() *Machine {
	return &Machine{
		state: Idle,
		table: map[Transition]State{
			{Idle, "start"}:    Running,
			{Running, "pause"}: Paused,
			{Paused, "resume"}: Running,
			{Running, "stop"}:  Stopped,
			{Paused, "stop"}:   Stopped,
		},
	}
}

func (m *Machine) Fire(ev string) {
	next, ok := m.table[Transition{m.state, ev}]
	if !ok {
		panic(&InvalidTransition{m.state, ev})
	}
	m.history = append(m.history, fmt.Sprintf("%v->%v", m.state, next))
	m.state = next
}

func (m *Machine) SafeFire(ev string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if it, ok := r.(*InvalidTransition); ok {
				err = it
				return
			}
			panic(r)
		}
	}()
	m.Fire(ev)
	return nil
}

func main() {
	m := NewMachine()
	for _, ev := range []string{"start", "pause", "pause", "resume", "stop", "start"} {
		if err := m.SafeFire(ev); err != nil {
			fmt.Println("rejected:", err)
			continue
		}
		fmt.Printf("%-6s => %v\n", ev, m.state)
	}
	fmt.Println("history:", strings.Join(m.history, ", "))

	m2 := NewMachine()
	defer fmt.Println("deferred print runs before the crash report")
	events := []string{"start", "stop", "resume"}
	for _, ev := range events {
		fmt.Println("firing", ev)
		m2.Fire(ev) // final event panics with no recover
	}
	fmt.Println("not reached")
}
