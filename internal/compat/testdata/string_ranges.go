// Range over strings gives byte offsets, also after invalid UTF-8, with
// continue, labels, shadowing, captures and the assignment form.
package main

import "fmt"

type Name string

func main() {
	s := "héllo, 世界\xffz"
	for i := range s {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i, c := range s {
		fmt.Print(i, ":", string(c), " ")
		if c == 'l' {
			continue
		}
		i := i * 2
		_ = i
	}
	fmt.Println()
	var fs []func() int
	for i, c := range Name("aé") {
		fs = append(fs, func() int { return i + int(c) })
	}
	fmt.Println(fs[0](), fs[1]())
	var i int
	var c rune
	for i, c = range "añb" {
	}
	fmt.Println(i, c)
	for i = range "añb" {
	}
	fmt.Println(i)
L:
	for j := range "ab€c" {
		for k := range "xy" {
			if k == 1 {
				continue L
			}
			fmt.Print(j, k, ";")
		}
	}
	fmt.Println()
}
