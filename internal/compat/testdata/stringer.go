// fmt with program-defined Stringer types: iota enums, value and pointer receivers.
package main

import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Money struct{ Cents int64 }

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m.Cents/100, m.Cents%100) }

type Node struct{ Val int }

func (n *Node) String() string { return fmt.Sprintf("<%d>", n.Val) }

func main() {
	fmt.Println(Debug, Info, Warn)
	fmt.Printf("%v %s %d\n", Warn, Info, Info)
	fmt.Println(Money{1234}, Money{5})
	fmt.Println(&Node{3})
	s := fmt.Sprint(Level(1), " ", Money{99})
	fmt.Println(s)
	fmt.Printf("%d|%5d|%v|%x\n", Warn, Info, Level(7), Debug)
	fmt.Println(fmt.Sprintf("%03d", Warn))
}
