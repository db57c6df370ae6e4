// Times calls of server-everything's echo made from a program through
// airlock: the stub, the RPC to the parent, the policy check, the
// provider, the MCP round trip and back. Prints the median in microseconds.
package main

import (
	"fmt"
	"sort"
	"time"

	"airlock/mcp/everything"
)

func main() {
	var times []time.Duration
	for range 300 {
		start := time.Now()
		if _, err := everything.Echo(everything.EchoArgs{Message: "hello"}); err != nil {
			panic(err)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Println(times[len(times)/2].Microseconds())
}
