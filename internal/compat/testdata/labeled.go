// Labeled break and continue, goto, switch fallthrough.
package main

import "fmt"

func main() {
	grid := [][]int{{1, 2, 3}, {4, -1, 6}, {7, 8, 9}}
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				fmt.Println("negative at", i, j)
				break outer
			}
			if v%2 == 0 {
				continue outer
			}
			fmt.Print(v, " ")
		}
	}
	fmt.Println()
	i := 0
loop:
	if i < 3 {
		fmt.Print(i)
		i++
		goto loop
	}
	fmt.Println()
	switch x := 2; x {
	case 2:
		fmt.Print("two ")
		fallthrough
	case 3:
		fmt.Print("three ")
	default:
		fmt.Print("other")
	}
	fmt.Println()
}
