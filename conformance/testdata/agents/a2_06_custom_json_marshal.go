package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Status int

const (
	Pending Status = iota
	Active
	Suspended
	Closed
)

var statusNames = []string{"pending", "active", "suspended", "closed"}

func (s Status) String() string {
	if int(s) < len(statusNames) && s >= 0 {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// value receiver MarshalText
func (s Status) MarshalText() ([]byte, error) {
	return []byte(strings.ToUpper(s.String())), nil
}

// pointer receiver UnmarshalText
func (s *Status) UnmarshalText(b []byte) error {
	v := strings.ToLower(string(b))
	for i, n := range statusNames {
		if n == v {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("unknown status %q", string(b))
}

type Money struct {
	Cents int64
	Cur   string
}

func (m Money) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("%d.%02d %s", m.Cents/100, m.Cents%100, m.Cur))
}

func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("money: %w", err)
	}
	var whole, frac int64
	var cur string
	n, err := fmt.Sscanf(s, "%d.%d %s", &whole, &frac, &cur)
	if err != nil || n != 3 {
		return errors.New("money: bad format " + s)
	}
	m.Cents = whole*100 + frac
	m.Cur = cur
	return nil
}

type Point struct{ X, Y int }

func (p *Point) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`[%d,%d]`, p.X, p.Y)), nil
}

type Account struct {
	ID      string           `json:"id"`
	Status  Status           `json:"status"`
	Balance Money            `json:"balance"`
	Limits  map[Status]Money `json:"limits,omitempty"`
	Home    Point            `json:"home"`
	HomePtr *Point           `json:"home_ptr,omitempty"`
	Flags   map[string]bool  `json:"flags,omitempty"`
}

func main() {
	a := Account{
		ID:      "acc-1",
		Status:  Active,
		Balance: Money{123456, "EUR"},
		Limits:  map[Status]Money{Active: {50000, "EUR"}, Suspended: {0, "EUR"}},
		Home:    Point{1, 2},
		HomePtr: &Point{3, 4},
		Flags:   map[string]bool{"vip": true, "beta": false},
	}
	b, err := json.Marshal(a)
	fmt.Println(string(b), err)
	b2, _ := json.Marshal(&a)
	fmt.Println("via pointer:", string(b2))

	in := `{"id":"acc-2","status":"suspended","balance":"10.05 USD","limits":{"CLOSED":"0.00 USD","active":"99.99 USD"}}`
	var a2 Account
	if err := json.Unmarshal([]byte(in), &a2); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Printf("%+v\n", a2.Balance)
	fmt.Println(a2.Status, int(a2.Status))
	keys := make([]Status, 0)
	for k := range a2.Limits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		fmt.Printf("limit %v = %+v\n", k, a2.Limits[k])
	}

	bad := []string{
		`{"status":"frozen"}`,
		`{"balance":12}`,
		`{"balance":"abc"}`,
		`{"id": 5}`,
		`{"id": "x",}`,
	}
	for _, s := range bad {
		var acc Account
		err := json.Unmarshal([]byte(s), &acc)
		fmt.Printf("%-22s -> %v\n", s, err)
	}
	var st Status = 7
	fmt.Println(st)
	sb, err := json.Marshal([]Status{Pending, Closed, st})
	fmt.Println(string(sb), err)
}
