// Uses are found by what names resolve to, never by the names themselves.
package main

import (
	"fmt"

	files "airlock/fs"
)

// fake has the methods of the fs package, and is not it.
type fake struct{}

func (fake) ReadFile(path string) (string, error) { return "", nil }

// ReadCSV is the program's own function of a tool's name.
func ReadCSV(path string) ([]map[string]string, error) { return nil, nil }

func main() {
	fs := fake{}
	fmt.Println(fs.ReadFile("data/a.txt"))
	fmt.Println(ReadCSV("data/b.csv"))
	fmt.Println(files.ReadFile("data/c.txt")) // want use(fs.ReadFile call path="data/c.txt")

	{
		files := fake{} // the package name, shadowed
		fmt.Println(files.ReadFile("data/d.txt"))
	}
}
