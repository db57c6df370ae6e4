// Tool calls in the forms a program can write them.
package main

import (
	"fmt"

	"airlock/fs"
	files "airlock/fs"
	"airlock/http"
)

func main() {
	s, err := fs.ReadFile("data/a.txt") // want use(fs.ReadFile call path="data/a.txt")
	fmt.Println(s, err)

	// Parenthesised, through a renamed import, and as an argument.
	fmt.Println((fs.Glob)("data/*.csv"))         // want use(fs.Glob call pattern="data/*.csv")
	fmt.Println(files.ReadCSV("data/b.csv"))     // want use(fs.ReadCSV call path="data/b.csv")
	fmt.Println(http.Get("https://example.com")) // want use(http.Get call url="https://example.com")

	// A generic tool instantiated explicitly, and inferred from use.
	v, _ := fs.Decode[map[string]any]("data/c.json") // want use(fs.Decode call path="data/c.json")
	var n int
	n, _ = fs.Decode[int]("data/n.json") // want use(fs.Decode call path="data/n.json")
	fmt.Println(v, n)

	// A method call on a value a tool returned.
	resp, _ := http.Get("https://example.com/x") // want use(http.Get call url="https://example.com/x")
	fmt.Println(resp.Text())                     // want use(http.Response.Text call)

	// A method promoted from an embedded tool type.
	w := wrapped{resp}
	fmt.Println(w.Text()) // want use(http.Response.Text call)

	// Two uses on one line.
	fmt.Println(must(fs.ReadFile("x")) + must(fs.ReadFile("y"))) // want use(fs.ReadFile call path="x") use(fs.ReadFile call path="y")
}

type wrapped struct{ http.Response }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
