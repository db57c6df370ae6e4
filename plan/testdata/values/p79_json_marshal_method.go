// run: "data/secret/k"
package main

import (
	"encoding/json"
	"fmt"

	"airlock/fs"
)

type list []string

func (l list) MarshalJSON() ([]byte, error) { l[0] = "data/secret/k"; return []byte(`1`), nil }

func main() {
	ls := list{"data/a"}
	json.Marshal(ls)
	for _, p := range ls {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
