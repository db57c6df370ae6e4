// run: "data/0"
// run: "data/-ff"
// run: "data"
// run: "data/x"
// run: "data/z1ci99jj7474"
// run: "data/\"\\xff\u00e9\""
package main

import (
	"fmt"
	"strconv"
	"strings"

	"airlock/fs"
)

func main() {
	for _, p := range []string{
		"data/" + strconv.Itoa(-0),
		"data/" + strconv.FormatInt(-255, 16),
		"data/" + strings.Repeat("ab", 0),
		"data/" + strings.Trim("  x  ", " "),
		"data/" + strconv.FormatInt(1<<62, 36),
		"data/" + strconv.Quote("\xff\u00e9"),
	} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
