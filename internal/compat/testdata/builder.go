// strings.Builder, fmt verbs, text/tabwriter.
package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

func main() {
	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteString("end")
	b.WriteByte('!')
	fmt.Println(b.String(), b.Len())
	fmt.Printf("%5d|%-5s|%05.1f|%x|%q|%v|%+v|%t\n", 42, "ab", 3.14159, 255, "hi", []int{1}, struct{ A int }{1}, true)
	fmt.Printf("%8.2f%%\n", 12.345)
	var table strings.Builder
	w := tabwriter.NewWriter(&table, 0, 0, 1, ' ', 0)
	fmt.Fprintln(w, "name\tqty")
	fmt.Fprintln(w, "apple\t3")
	w.Flush()
	fmt.Print(table.String())
	fmt.Println(strings.Repeat("=", 5), strings.Fields(" a b "))
}
