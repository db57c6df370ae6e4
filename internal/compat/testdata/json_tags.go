// encoding/json with struct tags, omitempty, nesting, maps and any.
package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type User struct {
	Name    string             `json:"name"`
	Age     int                `json:"age,omitempty"`
	Email   string             `json:"-"`
	Tags    []string           `json:"tags"`
	Address *Address           `json:"address,omitempty"`
	Meta    map[string]any     `json:"meta,omitempty"`
	Scores  map[string]float64 `json:"scores"`
}

func main() {
	u := User{Name: "ann", Email: "x@y", Tags: []string{"a"}, Address: &Address{City: "Oslo"},
		Scores: map[string]float64{"b": 2, "a": 1.5}}
	b, err := json.Marshal(u)
	fmt.Println(string(b), err)
	out, _ := json.MarshalIndent(map[string]any{"z": 1, "a": []any{true, nil, "s"}}, "", "  ")
	fmt.Println(string(out))
	var back User
	err = json.Unmarshal([]byte(`{"name":"bob","age":7,"tags":["x","y"],"address":{"city":"Rome","zip":"001"},"meta":{"k":[1,2]}}`), &back)
	fmt.Println(err, back.Name, back.Age, back.Tags, back.Address.City, back.Meta["k"])
	var generic map[string]any
	json.Unmarshal([]byte(`{"n":1.5,"list":[1,"two"],"obj":{"a":null}}`), &generic)
	fmt.Println(generic["n"], generic["list"], generic["obj"])
	var users []User
	err = json.Unmarshal([]byte(`[{"name":"a"},{"name":"b","age":2}]`), &users)
	fmt.Println(len(users), users[1].Age, err)
	err = json.Unmarshal([]byte(`{bad`), &back)
	fmt.Println(err != nil)
}
