// run: "data/b"
// run: "data/a"
package main

import (
	"fmt"
	"sync"

	"airlock/fs"
)

var wg sync.WaitGroup

func read(p string) {
	defer wg.Done()
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}

func main() {
	for _, p := range []string{"data/a", "data/b"} {
		wg.Add(1)
		go read(p)
	}
	wg.Wait()
}
