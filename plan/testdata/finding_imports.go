// Imports a program cannot have. Their uses add no type errors of their own.
package main

import (
	"airlock/db" // want finding(unavailable "package airlock/db")
	"fmt"
	"net"
	"net/smtp" // want finding(unavailable "package net/smtp is not available")
	"os/exec"  // want finding(unavailable)

	"../secrets"   // want finding(import-path "refers to the file system")
	"./helpers"    // want finding(import-path)
	"/etc/program" // want finding(import-path)
)

func main() {
	fmt.Println(net.Dial("tcp", "example.com:80")) // want finding(type "undefined: net.Dial")
	fmt.Println(smtp.SendMail("mail.example.com:25", nil, "a@example.com", nil, nil))
	exec.Command("sh").Run()
	db.Query("select 1")
	secrets.Load()
	helpers.Help()
	program.Run()
}
