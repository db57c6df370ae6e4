// cgo needs a C toolchain, and escapes every check.
package main

// #include <stdlib.h>
import "C" // want finding(cgo)

func main() {
	C.free(nil)
}
