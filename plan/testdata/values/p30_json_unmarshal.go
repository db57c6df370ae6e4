// run: "data/secret/k"
package main

import (
	"encoding/json"
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

func main() {
	e := item{Path: "data/a"}
	ps := []string{"data/a"}
	json.Unmarshal([]byte(`{"Path":"data/secret/k"}`), &e)
	json.Unmarshal([]byte(`["data/secret/k"]`), &ps)
	for _, p := range []string{e.Path, ps[0]} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
