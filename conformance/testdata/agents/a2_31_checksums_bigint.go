package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"math/big"
	"sort"
	"strings"
)

type Record struct {
	Key     string
	Payload string
}

func fingerprint(r Record) string {
	h := sha256.New()
	h.Write([]byte(r.Key))
	h.Write([]byte{0})
	h.Write([]byte(r.Payload))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func factorial(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func main() {
	recs := []Record{{"user:1", "alice"}, {"user:2", "bob"}, {"user:3", ""}, {"user:1", "alice"}}
	seen := map[string][]int{}
	for i, r := range recs {
		fp := fingerprint(r)
		seen[fp] = append(seen[fp], i)
		fmt.Printf("%s crc=%08x fp=%s\n", r.Key, crc32.ChecksumIEEE([]byte(r.Payload)), fp)
	}
	fps := make([]string, 0)
	for k := range seen {
		fps = append(fps, k)
	}
	sort.Strings(fps)
	for _, fp := range fps {
		if len(seen[fp]) > 1 {
			fmt.Println("duplicate records", seen[fp])
		}
	}
	sum := sha256.Sum256([]byte("hello world"))
	fmt.Printf("%x\n", sum)
	fmt.Println(hex.EncodeToString(sum[:4]), len(sum))
	tab := crc32.MakeTable(crc32.Castagnoli)
	fmt.Println(crc32.Checksum([]byte("hello"), tab))

	enc := base64.StdEncoding.EncodeToString([]byte("any carnal pleas"))
	url := base64.URLEncoding.EncodeToString([]byte{0xfb, 0xff, 0xfe})
	raw := base64.RawStdEncoding.EncodeToString([]byte("ab"))
	fmt.Println(enc, url, raw)
	dec, err := base64.StdEncoding.DecodeString("aGVsbG8gZ29waGVy")
	fmt.Println(string(dec), err)
	_, err = base64.StdEncoding.DecodeString("not*valid")
	fmt.Println("decode err:", err)
	hb, err := hex.DecodeString("48656c6c6f")
	fmt.Println(string(hb), err)
	_, err = hex.DecodeString("abc")
	fmt.Println("hex err:", err)
	fmt.Print(hex.Dump([]byte("Go interpreter!\x00\x01")))

	f50 := factorial(50)
	fmt.Println("50! =", f50)
	fmt.Println("digits:", len(f50.String()), "bits:", f50.BitLen())
	two := big.NewInt(2)
	p := new(big.Int).Exp(two, big.NewInt(127), nil)
	p.Sub(p, big.NewInt(1))
	fmt.Println("M127 =", p, "prime:", p.ProbablyPrime(20))
	q, m := new(big.Int).DivMod(f50, p, new(big.Int))
	fmt.Println(q, m)
	n, ok := new(big.Int).SetString("deadbeefcafebabe1234", 16)
	fmt.Println(n, ok, n.Text(36), fmt.Sprintf("%x", n))
	g := new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071))
	fmt.Println("gcd", g, big.NewInt(-5).Cmp(big.NewInt(3)), new(big.Int).Neg(p).Sign())
	r := new(big.Rat).SetFrac64(1, 3)
	r.Add(r, big.NewRat(1, 6))
	fmt.Println(r, r.FloatString(5))
	// fibonacci 100 with big
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 100; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	fmt.Println("fib100", a)
	bf := new(big.Float).SetPrec(100).SetInt64(1)
	bf.Quo(bf, big.NewFloat(3).SetPrec(100))
	fmt.Println(bf.Text('g', 25))
	fmt.Println(strings.ToUpper(hex.EncodeToString([]byte{0, 15, 16, 255})))
}
