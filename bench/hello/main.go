// Command hello is the baseline of the cold-start benchmark: the smallest
// compiled Go program that prints a line.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
