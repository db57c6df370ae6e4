package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Priority int

const (
	Low Priority = iota + 1
	Medium
	High
	Critical
)

var prioNames = map[Priority]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (p Priority) String() string {
	if s, ok := prioNames[p]; ok {
		return s
	}
	return fmt.Sprintf("Priority(%d)", int(p))
}

func (p Priority) MarshalJSON() ([]byte, error) {
	s, ok := prioNames[p]
	if !ok {
		return nil, fmt.Errorf("invalid priority %d", int(p))
	}
	return json.Marshal(s)
}

type EnumError struct {
	Type  string
	Value string
}

func (e *EnumError) Error() string { return fmt.Sprintf("invalid %s value %s", e.Type, e.Value) }

func (p *Priority) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		for k, v := range prioNames {
			if strings.EqualFold(v, s) {
				*p = k
				return nil
			}
		}
		return &EnumError{"priority", string(b)}
	}
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		if _, ok := prioNames[Priority(n)]; ok {
			*p = Priority(n)
			return nil
		}
	}
	return &EnumError{"priority", string(b)}
}

type Status string

const (
	Open   Status = "open"
	Closed Status = "closed"
)

func (s *Status) UnmarshalText(b []byte) error {
	switch v := Status(strings.ToLower(string(b))); v {
	case Open, Closed:
		*s = v
		return nil
	}
	return &EnumError{"status", string(b)}
}

type Ticket struct {
	ID       int               `json:"id"`
	Title    string            `json:"title"`
	Priority Priority          `json:"priority"`
	Status   Status            `json:"status"`
	Labels   map[Status]int    `json:"labels,omitempty"`
	Extra    json.RawMessage   `json:"extra,omitempty"`
	Meta     map[string]string `json:"-"`
}

type Envelope struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

type Comment struct {
	Ticket int    `json:"ticket"`
	Body   string `json:"body"`
}

func main() {
	payloads := []string{
		`{"id":1,"title":"Login broken","priority":"HIGH","status":"open","extra":{"browser":"firefox","v":[1,2]}}`,
		`{"id":2,"title":"Typo","priority":1,"status":"Closed"}`,
		`{"id":3,"title":"Data loss","priority":"urgent","status":"open"}`,
		`{"id":4,"title":"Slow page","priority":9,"status":"open"}`,
		`{"id":5,"title":"Weird","priority":"medium","status":"pending"}`,
		`{"id":6,"title":"Crash","priority":4,"status":"open","labels":{"open":3}}`,
	}
	var tickets []Ticket
	for _, p := range payloads {
		var t Ticket
		err := json.Unmarshal([]byte(p), &t)
		var ee *EnumError
		if errors.As(err, &ee) {
			fmt.Printf("reject: type=%s value=%s full=%q\n", ee.Type, ee.Value, err.Error())
			continue
		} else if err != nil {
			fmt.Println("reject:", err)
			continue
		}
		tickets = append(tickets, t)
		fmt.Printf("ok: %+v\n", t)
	}
	sort.Slice(tickets, func(i, j int) bool { return tickets[i].Priority > tickets[j].Priority })
	out, err := json.MarshalIndent(tickets, "", " ")
	fmt.Println(string(out), err)
	_, err = json.Marshal(Ticket{ID: 9, Priority: 0})
	fmt.Println("marshal invalid:", err)
	fmt.Printf("%v %d %s %q\n", High, High, Priority(0), Critical)

	// discriminated union via RawMessage
	stream := `[{"type":"ticket","data":{"id":10,"title":"From stream","priority":"low","status":"open"}},
	{"type":"comment","data":{"ticket":10,"body":"+1"}},
	{"type":"unknown","data":null},
	{"type":"comment","data":{"ticket":"ten"}}]`
	var envs []Envelope
	if err := json.Unmarshal([]byte(stream), &envs); err != nil {
		fmt.Println(err)
		return
	}
	for i, e := range envs {
		switch e.Type {
		case "ticket":
			var t Ticket
			err := json.Unmarshal(e.Data, &t)
			fmt.Printf("env %d ticket: %s/%v/%s err=%v\n", i, t.Title, t.Priority, t.Status, err)
		case "comment":
			var c Comment
			err := json.Unmarshal(e.Data, &c)
			fmt.Printf("env %d comment: %+v err=%v\n", i, c, err)
		default:
			fmt.Printf("env %d: unknown type %q data=%s\n", i, e.Type, e.Data)
		}
	}
	var anyv any
	json.Unmarshal([]byte(`{"n":1e3,"big":12345678901234567890,"f":0.1,"arr":[true,null,"s"]}`), &anyv)
	fmt.Printf("%v\n", anyv)
	d := json.NewDecoder(strings.NewReader(`{"n":12345678901234567890}`))
	d.UseNumber()
	var nv map[string]any
	d.Decode(&nv)
	num := nv["n"].(json.Number)
	_, ierr := num.Int64()
	fmt.Printf("%T %s int64err=%v\n", num, num, ierr)
}
