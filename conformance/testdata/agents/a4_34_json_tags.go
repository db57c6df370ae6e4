package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

type Status int

const (
	Pending Status = iota
	Active
	Suspended
)

var statusNames = []string{"pending", "active", "suspended"}

func (s Status) MarshalText() ([]byte, error) {
	if int(s) < 0 || int(s) >= len(statusNames) {
		return nil, fmt.Errorf("bad status %d", int(s))
	}
	return []byte(statusNames[s]), nil
}

func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if strings.EqualFold(n, string(b)) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("unknown status %q", b)
}

type Cents int64

func (c Cents) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%d.%02d"`, c/100, c%100)), nil
}

func (c *Cents) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("cents: %w", err)
	}
	var whole, frac int64
	if _, err := fmt.Sscanf(s, "%d.%d", &whole, &frac); err != nil {
		return fmt.Errorf("cents %q: %w", s, err)
	}
	*c = Cents(whole*100 + frac)
	return nil
}

type Audit struct {
	CreatedBy string    `json:"created_by"`
	Created   time.Time `json:"created"`
	Version   int       `json:"version,omitempty"`
}

type Address struct {
	City    string `json:"city"`
	Country string `json:"country,omitempty"`
}

type Customer struct {
	ID       int64             `json:"id,string"`
	Name     string            `json:"name"`
	Email    string            `json:"email,omitempty"`
	Password string            `json:"-"`
	Dash     string            `json:"-,"`
	Status   Status            `json:"status"`
	Balance  Cents             `json:"balance"`
	Tags     []string          `json:"tags"`
	Prefs    map[Status]bool   `json:"prefs,omitempty"`
	Address  *Address          `json:"address,omitempty"`
	Score    float64           `json:"score,omitempty"`
	Extra    map[string]any    `json:"extra,omitempty"`
	Raw      json.RawMessage   `json:"raw,omitempty"`
	Labels   map[string]string `json:"labels"`
	internal int
	Audit
}

func main() {
	c := Customer{
		ID: 9007199254740993, Name: "Zoë <admin> & co", Password: "s3cret", Dash: "dash",
		Status: Active, Balance: 123456, Tags: nil,
		Prefs:    map[Status]bool{Suspended: false, Pending: true},
		Address:  &Address{City: "Lyon"},
		Raw:      json.RawMessage(`{"pre":"computed"}`),
		Audit:    Audit{CreatedBy: "import", Created: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)},
		internal: 7,
	}
	b, err := json.Marshal(c)
	fmt.Println(string(b), err)
	bi, _ := json.MarshalIndent(Address{City: "Oslo", Country: "NO"}, ">", "\t")
	fmt.Println(string(bi))

	in := `{"id":"42","name":"Ravi","status":"SUSPENDED","balance":"10.05","tags":["a","b"],
	        "password":"leak","-":"from-dash","prefs":{"active":true},"created_by":"api",
	        "created":"2023-01-02T03:04:05Z","unknown":1,"extra":{"n":1.5,"list":[1,"x",null]}}`
	var d Customer
	err = json.Unmarshal([]byte(in), &d)
	fmt.Printf("err=%v id=%d name=%s status=%v(%d) bal=%d pw=%q dash=%q\n", err, d.ID, d.Name, d.Status, d.Status, d.Balance, d.Password, d.Dash)
	fmt.Printf("tags=%v prefs=%v by=%s created=%s extra=%v\n", d.Tags, d.Prefs, d.CreatedBy, d.Created.Format(time.RFC822), d.Extra)

	bads := []string{
		`{"id": 42}`,
		`{"status": "deleted"}`,
		`{"balance": 5}`,
		`{"name": 12}`,
		`{"tags": "x"}`,
		`[1,2]`,
		`{"name": "x"`,
	}
	for _, s := range bads {
		var x Customer
		err := json.Unmarshal([]byte(s), &x)
		var ute *json.UnmarshalTypeError
		var se *json.SyntaxError
		kind := "other"
		switch {
		case errors.As(err, &ute):
			kind = "type(" + ute.Field + ")"
		case errors.As(err, &se):
			kind = fmt.Sprintf("syntax@%d", se.Offset)
		}
		fmt.Printf("%-24s %-16s %v\n", s, kind, err)
	}
	_, err = json.Marshal(struct{ S Status }{Status(7)})
	fmt.Println("marshal bad status:", err)
	dec := json.NewDecoder(strings.NewReader(`{"city":"Rome","zip":"00100"}`))
	dec.DisallowUnknownFields()
	var a Address
	fmt.Println("strict decode:", dec.Decode(&a), a.City)
	var anyv any
	dec2 := json.NewDecoder(strings.NewReader(`{"big": 12345678901234567890, "f": 1.0}`))
	dec2.UseNumber()
	_ = dec2.Decode(&anyv)
	m := anyv.(map[string]any)
	fmt.Printf("%T %v %T %v\n", m["big"], m["big"], m["f"], m["f"])
	out, _ := json.Marshal(map[string]any{"html": "<b>", "f": 1e21, "small": 1e-7, "i": 10.0, "nan-safe": []float64{0.1, 2}})
	fmt.Println(string(out))
}
