package main

import (
	"airlock/fs"
	"fmt"
	"path"
	"strings"
)

func main() {
	text, err := fs.ReadFile(path.Join("data", "logs", "app.log"))
	if err != nil {
		fmt.Println(err)
		return
	}
	counts := map[string]int{}
	for _, line := range strings.Split(text, "\n") {
		for _, lvl := range []string{"ERROR", "WARN", "INFO"} {
			if strings.Contains(line, lvl) {
				counts[lvl]++
			}
		}
	}
	fmt.Println(counts)
}
