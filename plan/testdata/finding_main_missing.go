// A program must have a func main: a variable of that name is not one.
package main // want finding(no-main "no func main")

var main = func() {}
