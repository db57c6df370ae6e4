// bufio.Scanner over a string: lines and words.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

func main() {
	text := "alpha beta\ngamma\n\ndelta epsilon zeta\n"
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text())
	}
	ws := bufio.NewScanner(strings.NewReader(text))
	ws.Split(bufio.ScanWords)
	count := 0
	for ws.Scan() {
		count++
	}
	fmt.Println("words:", count)
}
