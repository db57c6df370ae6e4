//go:build linux && (amd64 || arm64 || !cgo) && go1.21

// A build constraint that holds where programs run changes nothing, as with
// go build.
package main

import "fmt"

func main() {
	fmt.Println("built")
}
