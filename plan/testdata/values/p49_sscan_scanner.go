// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type list []string

func (l list) Scan(st fmt.ScanState, verb rune) error {
	tok, _ := st.Token(true, nil)
	l[0] = string(tok)
	return nil
}

// fmt.Sscan calls the list's Scan method, which fills its elements.
func main() {
	ls := list{"data/a"}
	fmt.Sscan("data/secret/k", ls)
	for _, p := range ls {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
