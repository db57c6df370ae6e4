// Imports a program cannot have. Their uses add no type errors of their own.
package main

import (
	"airlock/db" // want finding(unavailable "package airlock/db")
	"fmt"
	"os"      // want finding(unavailable "package os is not available")
	"os/exec" // want finding(unavailable)

	"../secrets"   // want finding(import-path "refers to the file system")
	"./helpers"    // want finding(import-path)
	"/etc/program" // want finding(import-path)
)

func main() {
	fmt.Println(os.Getenv("TOKEN"))
	exec.Command("sh").Run()
	db.Query("select 1")
	secrets.Load()
	helpers.Help()
	program.Run()
}
