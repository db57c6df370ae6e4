package main

import (
	"airlock/shell"
	"fmt"
	"strings"
)

func main() {
	for _, f := range []string{"app.log", "worker.log"} {
		out, err := shell.Run("wc -l " + f)
		fmt.Println(strings.TrimSpace(out), err)
	}
}
