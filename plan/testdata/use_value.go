// A tool taken as a value: each is a use with unknown arguments.
package main

import (
	"fmt"

	"airlock/fs"
	"airlock/http"
)

type reader struct {
	read func(string) (string, error)
}

func pick() func(string) (string, error) {
	return fs.ReadFile // want use(fs.ReadFile value)
}

func apply[F any](f F) F { return f }

func call(f func(string) (string, error), arg string) {
	fmt.Println(f(arg))
}

func main() {
	f := fs.ReadFile // want use(fs.ReadFile value)
	var g func(string) ([]string, error)
	g = fs.Glob // want use(fs.Glob value)
	fmt.Println(f, g)

	call(fs.ReadFile, "data/a.txt")                                 // want use(fs.ReadFile value)
	tools := map[string]any{"read": fs.ReadFile, "csv": fs.ReadCSV} // want use(fs.ReadFile value) use(fs.ReadCSV value)
	r := reader{read: fs.ReadFile}                                  // want use(fs.ReadFile value)
	list := []func(string) (string, error){fs.ReadFile}             // want use(fs.ReadFile value)
	h := apply(fs.ReadFile)                                         // want use(fs.ReadFile value)
	d := fs.Decode[string]                                          // want use(fs.Decode value)
	fmt.Println(tools, r, list, h, d, pick())

	resp, _ := http.Get("https://example.com") // want use(http.Get call url="https://example.com")
	text := resp.Text                          // want use(http.Response.Text value)
	expr := http.Response.Text                 // want use(http.Response.Text value)
	fmt.Println(text, expr)
	fmt.Println(http.Response.Text(resp)) // want use(http.Response.Text call r=?)
}
