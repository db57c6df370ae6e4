package main

import (
	"airlock/workspace"
	"fmt"
	"strings"
)

func main() {
	for _, k := range []string{"Alpha", "Beta"} {
		key := strings.ToLower(k)
		s, err := workspace.ReadFile("notes/" + key + ".md")
		fmt.Println(key, len(s), err)
	}
}
