// Integer and float arithmetic, overflow, conversions and math.
package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	var u8 uint8 = 250
	u8 += 10
	var i32 int32 = math.MaxInt32
	i32++
	fmt.Println(u8, i32, 7/2, -7/2, 7%3, -7%3, 7.0/2)
	fmt.Println(math.Sqrt(2), math.Floor(-1.5), math.Round(2.5), math.Inf(1), math.MaxInt64)
	fmt.Println(strconv.FormatFloat(1.0/3, 'f', 4, 64), strconv.Itoa(-45), strconv.Quote("a\"b"))
	n, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(n, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	fmt.Println(1<<10, 0xff&^0x0f, 5^3, float32(0.1))
	x := 0.1 + 0.2
	fmt.Println(x, x == 0.3, fmt.Sprintf("%.1f", x))
}
