package main

import (
	"airlock/fs"
	"fmt"
	"strings"
)

func main() {
	files, err := fs.Glob("data/reports/*.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	words := 0
	for _, f := range files {
		t, err := fs.ReadFile(f)
		if err == nil {
			words += len(strings.Fields(t))
		}
	}
	fmt.Println(len(files), words)
}
