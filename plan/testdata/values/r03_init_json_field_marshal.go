// run: ""
package main

import (
	"encoding/json"
	"fmt"

	"airlock/fs"
)

type t struct{}

func (t) MarshalJSON() ([]byte, error) {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
	return []byte("1"), nil
}

type wrap struct{ T t }

// json calls the field's MarshalJSON while x is initialized, before p.
var x, _ = json.Marshal(wrap{})

var p = fmt.Sprint("data/a")

func main() {}
