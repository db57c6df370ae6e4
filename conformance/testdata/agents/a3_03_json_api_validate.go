package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

type User struct {
	ID       int      `json:"id"`
	Name     string   `json:"name"`
	Email    string   `json:"email"`
	Age      int      `json:"age,omitempty"`
	Roles    []string `json:"roles"`
	Active   bool     `json:"active"`
	Nickname *string  `json:"nickname"`
}

type Pagination struct {
	Page    int  `json:"page"`
	PerPage int  `json:"per_page"`
	Total   int  `json:"total"`
	HasMore bool `json:"has_more"`
}

type APIResponse struct {
	Status string `json:"status"`
	Data   struct {
		Users []User `json:"users"`
	} `json:"data"`
	Pagination *Pagination `json:"pagination,omitempty"`
	Error      *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

var responses = []string{
	`{"status":"ok","data":{"users":[
		{"id":1,"name":"Ana","email":"ana@example.com","age":31,"roles":["admin","dev"],"active":true,"nickname":"annie"},
		{"id":2,"name":"","email":"ben@example","roles":[],"active":false,"nickname":null},
		{"id":3,"name":"Chen","email":"chen@example.com","age":-4,"roles":["dev"],"active":true}
	]},"pagination":{"page":1,"per_page":3,"total":7,"has_more":true}}`,
	`{"status":"error","error":{"code":429,"message":"rate limited"}}`,
	`{"status":"ok","data":{"users":[{"id":"four","name":"Dee"}]}}`,
	`{"status":"ok","data":{"users":[{"id":5,"name":"Eve",}]}}`,
	`{"status":"ok","data":{"users":[{"id":6,"name":"Fay","email":"fay@example.com","roles":["ops"],"active":true,"extra_field":42}]},"pagination":{"page":3,"per_page":3,"total":7,"has_more":false}}`,
}

type ValidationError struct {
	UserID int
	Field  string
	Reason string
}

func (v ValidationError) Error() string {
	return fmt.Sprintf("user %d: %s %s", v.UserID, v.Field, v.Reason)
}

func validate(u User) []error {
	var errs []error
	if strings.TrimSpace(u.Name) == "" {
		errs = append(errs, ValidationError{u.ID, "name", "is empty"})
	}
	at := strings.Index(u.Email, "@")
	if at < 1 || !strings.Contains(u.Email[at:], ".") {
		errs = append(errs, ValidationError{u.ID, "email", fmt.Sprintf("%q is invalid", u.Email)})
	}
	if u.Age < 0 || u.Age > 150 {
		errs = append(errs, ValidationError{u.ID, "age", fmt.Sprintf("%d out of range", u.Age)})
	}
	if len(u.Roles) == 0 {
		errs = append(errs, ValidationError{u.ID, "roles", "must not be empty"})
	}
	return errs
}

func main() {
	roleCount := map[string]int{}
	valid := 0
	for i, body := range responses {
		var resp APIResponse
		err := json.Unmarshal([]byte(body), &resp)
		if err != nil {
			var se *json.SyntaxError
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &se):
				fmt.Printf("resp %d: syntax error at offset %d: %v\n", i, se.Offset, err)
			case errors.As(err, &te):
				fmt.Printf("resp %d: type error field=%s value=%s want=%v\n", i, te.Field, te.Value, te.Type)
			default:
				fmt.Printf("resp %d: %v\n", i, err)
			}
			continue
		}
		if resp.Status != "ok" {
			fmt.Printf("resp %d: api error code=%d msg=%q\n", i, resp.Error.Code, resp.Error.Message)
			continue
		}
		if p := resp.Pagination; p != nil {
			fmt.Printf("resp %d: page %d/%d (has_more=%t)\n", i, p.Page, (p.Total+p.PerPage-1)/p.PerPage, p.HasMore)
		} else {
			fmt.Printf("resp %d: no pagination\n", i)
		}
		for _, u := range resp.Data.Users {
			nick := "<nil>"
			if u.Nickname != nil {
				nick = *u.Nickname
			}
			errs := validate(u)
			if len(errs) == 0 {
				valid++
				for _, r := range u.Roles {
					roleCount[r]++
				}
				fmt.Printf("  ok   %+v nick=%s\n", struct {
					ID   int
					Name string
				}{u.ID, u.Name}, nick)
				continue
			}
			for _, e := range errs {
				fmt.Printf("  FAIL %v\n", e)
			}
		}
	}

	// generic decode to inspect unknown fields
	var generic map[string]any
	if err := json.Unmarshal([]byte(responses[4]), &generic); err == nil {
		users := generic["data"].(map[string]any)["users"].([]any)
		first := users[0].(map[string]any)
		keys := make([]string, 0, len(first))
		for k := range first {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("  field %-12s %T = %v\n", k, first[k], first[k])
		}
	}

	dec := json.NewDecoder(strings.NewReader(responses[4]))
	dec.DisallowUnknownFields()
	var strict APIResponse
	fmt.Println("strict decode:", dec.Decode(&strict))

	roles := make([]string, 0, len(roleCount))
	for r := range roleCount {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	fmt.Printf("valid users: %d\n", valid)
	for _, r := range roles {
		fmt.Printf("  role %s: %d\n", r, roleCount[r])
	}
	out, _ := json.Marshal(roleCount)
	fmt.Println(string(out))
}
