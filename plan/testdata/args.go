// Arguments known before the program runs, and those that are not.
package main

import (
	"fmt"
	"strings"

	"airlock/fs"
	"airlock/http"
)

const dir = "data"

const (
	lines = 10 * 2
	base  = "https://api.example.com"
)

type path string

func pair() (string, int) { return "data/p.txt", 3 }

func main() {
	// Constants fold, wherever they are declared.
	fs.ReadFile(dir + "/" + "x.csv")        // want use(fs.ReadFile call path="data/x.csv")
	fs.ReadFile(string(path("data/typed"))) // want use(fs.ReadFile call path="data/typed")
	fs.Head(dir+"/log.txt", lines+1)        // want use(fs.Head call path="data/log.txt" lines=21)
	http.Fetch(base+"/v1", 2.5, true)       // want use(http.Fetch call url="https://api.example.com/v1" timeout=2.5 follow=true)
	http.Fetch(base, 3, !true)              // want use(http.Fetch call url="https://api.example.com" timeout=3 follow=false)

	// Values followed through variables and string functions.
	name := "data/x.csv"
	fs.ReadFile(name)                      // want use(fs.ReadFile call path="data/x.csv")
	fs.ReadFile(strings.ToLower("DATA/X")) // want use(fs.ReadFile call path="data/x")
	fs.Head(name, lines)                   // want use(fs.Head call path="data/x.csv" lines=20)

	// Values only known at run time.
	fs.Head(pair())                             // want use(fs.Head call path=? lines=?)
	fs.ReadFile(name + strings.Fields(name)[0]) // want use(fs.ReadFile call path=?)

	// Variadic parameters are numbered; a spread slice is unknown.
	fs.Concat(",", "a.txt", "b.txt") // want use(fs.Concat call sep="," paths[0]="a.txt" paths[1]="b.txt")
	fs.Concat("\n")                  // want use(fs.Concat call sep="\n")
	more := []string{"c.txt"}
	fs.Concat(";", more...)          // want use(fs.Concat call sep=";" paths=?)
	fs.Concat(";", name, "d"+".txt") // want use(fs.Concat call sep=";" paths[0]="data/x.csv" paths[1]="d.txt")
	fmt.Println(more)
}
