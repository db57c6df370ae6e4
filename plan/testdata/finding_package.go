// A package other than main would only run its init functions.
package lib // want finding(package "package lib cannot run") finding(no-main)

import "airlock/fs"

func init() {
	fs.ReadFile("data/a.txt") // want use(fs.ReadFile call context=init path="data/a.txt")
}
