package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

const stream = `{"type":"user","id":1,"name":"ann","tags":["admin","ops"],"score":9.5}
{"type":"user","id":2,"name":"bo","tags":[],"score":7,"extra":{"nested":[1,"two",null,true]}}
{"type":"metric","name":"cpu","value":0.73,"labels":{"host":"h1","dc":"eu"}}
{"type":"metric","name":"mem","value":12884901888}
{"type":"user","id":3,"name":"cy","score":null}
{"type":"unknown"}
{"type":"user","id":"four"}
`

type User struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Tags  []string `json:"tags"`
	Score *float64 `json:"score"`
}

func walk(prefix string, v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(prefix+"."+k, x[k], out)
		}
	case []any:
		if len(x) == 0 {
			*out = append(*out, prefix+"=[]")
		}
		for i, e := range x {
			walk(fmt.Sprintf("%s[%d]", prefix, i), e, out)
		}
	case nil:
		*out = append(*out, prefix+"=null")
	case float64:
		*out = append(*out, fmt.Sprintf("%s=%v(float64)", prefix, x))
	case json.Number:
		*out = append(*out, fmt.Sprintf("%s=%s(number)", prefix, x))
	default:
		*out = append(*out, fmt.Sprintf("%s=%v(%T)", prefix, x, x))
	}
}

func main() {
	dec := json.NewDecoder(strings.NewReader(stream))
	var users []User
	metrics := map[string]float64{}
	line := 0
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println("decode:", err)
			break
		}
		line++
		var head struct {
			Type string `json:"type"`
		}
		json.Unmarshal(raw, &head)
		switch head.Type {
		case "user":
			var u User
			if err := json.Unmarshal(raw, &u); err != nil {
				var te *json.UnmarshalTypeError
				if errors.As(err, &te) {
					fmt.Printf("line %d: type error field=%s value=%s want=%v\n", line, te.Field, te.Value, te.Type)
				} else {
					fmt.Printf("line %d: %v\n", line, err)
				}
				continue
			}
			users = append(users, u)
		case "metric":
			var m map[string]any
			json.Unmarshal(raw, &m)
			metrics[m["name"].(string)] = m["value"].(float64)
			var flat []string
			walk("$", m, &flat)
			fmt.Println(strings.Join(flat, " "))
		default:
			fmt.Printf("line %d: skipping type %q (%d bytes)\n", line, head.Type, len(raw))
		}
	}
	for _, u := range users {
		score := "n/a"
		if u.Score != nil {
			score = fmt.Sprint(*u.Score)
		}
		fmt.Printf("user %d %s tags=%v nil=%t score=%s\n", u.ID, u.Name, u.Tags, u.Tags == nil, score)
	}
	fmt.Printf("cpu=%.2f mem=%.0f mem=%v\n", metrics["cpu"], metrics["mem"], metrics["mem"])

	d2 := json.NewDecoder(strings.NewReader(`{"big": 12345678901234567890, "f": 1.50, "arr": [1, {"k": "v"}]}`))
	d2.UseNumber()
	var gen map[string]any
	if err := d2.Decode(&gen); err != nil {
		fmt.Println(err)
	}
	var flat []string
	walk("", gen, &flat)
	fmt.Println(flat)
	n := gen["big"].(json.Number)
	_, err := n.Int64()
	fmt.Println(n.String(), err)

	d3 := json.NewDecoder(strings.NewReader(`{"id":1,"name":"x","bogus":true}`))
	d3.DisallowUnknownFields()
	var u User
	fmt.Println("strict:", d3.Decode(&u))

	tokDec := json.NewDecoder(strings.NewReader(`[{"a":[1,2]},"s",false,null]`))
	var toks []string
	for {
		t, err := tokDec.Token()
		if err != nil {
			break
		}
		toks = append(toks, fmt.Sprintf("%T:%v", t, t))
	}
	fmt.Println(strings.Join(toks, " "))
	var anyv any
	json.Unmarshal([]byte(`[1, "a", [true, null], {"z":1,"a":2}]`), &anyv)
	fmt.Printf("%v %T\n", anyv, anyv)
	out, _ := json.Marshal(anyv)
	fmt.Println(string(out))
	b, _ := json.Marshal(map[string]any{"html": "<a&b>", "u": "\u2028", "nil": nil, "emptyS": []int{}, "nilS": []int(nil)})
	fmt.Println(string(b))
	var syn *json.SyntaxError
	err = json.Unmarshal([]byte(`{"a":1,,}`), &anyv)
	fmt.Println(errors.As(err, &syn), err, syn.Offset)
}
