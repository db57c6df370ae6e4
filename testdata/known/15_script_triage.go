package main

import (
	"airlock/shell"
	"fmt"
	"strings"
)

func main() {
	out, err := shell.Run("grep -c ERROR app.log")
	fmt.Println(strings.TrimSpace(out), err)
	out, err = shell.Run("grep ERROR app.log | cut -d' ' -f3 | sort | uniq -c | sort -rn | head -5")
	fmt.Print(out, err)
}
