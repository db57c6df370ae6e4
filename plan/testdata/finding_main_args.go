// main must take nothing and return nothing.
package main

func main(args []string) int { // want finding(no-main "no arguments")
	return len(args)
}
