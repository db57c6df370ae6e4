// A program with nothing to report.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
