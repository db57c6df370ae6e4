// Values sent on channels of interface type from select cases keep their
// type and value.
package main

import "fmt"

type U32 uint32

func (U32) Method() {}

type P struct{ x int }

func (P) Method() {}

type J interface{ Method() }

var u32 = U32(2)

func main() {
	uc := make(chan J, 3)
	select {
	case uc <- J(u32):
	}
	select {
	case uc <- J(P{1}):
	}
	select {
	case uc <- P{2}:
	}
	ac := make(chan any, 3)
	select {
	case ac <- u32:
	}
	select {
	case ac <- P{3}:
	}
	fmt.Println(<-uc, <-uc, <-uc, <-ac, <-ac)
}
