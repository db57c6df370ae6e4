// Struct embedding: an embedded struct and an embedded interface together.
package main

import "fmt"

type Animal interface{ Sound() string }

type Base struct{ Name string }

func (b Base) Hello() string { return "hi " + b.Name }

type Dog struct {
	Base
	Animal
}

type bark struct{}

func (bark) Sound() string { return "woof" }

type Logger interface{ Log(string) }

type printer struct{ prefix string }

func (p printer) Log(s string) { fmt.Println(p.prefix + s) }

type Service struct {
	Logger
	calls int
}

func (s *Service) Do() { s.calls++; s.Log(fmt.Sprint("call ", s.calls)) }

func main() {
	d := Dog{Base{"rex"}, bark{}}
	fmt.Println(d.Hello(), d.Sound(), d.Name)
	var a Animal = d.Animal
	fmt.Println(a.Sound())
	svc := &Service{Logger: printer{"> "}}
	svc.Do()
	svc.Do()
	speak := d.Sound
	fmt.Println(speak())
}
