// Standard packages type-check as the interpreter offers them: types keep
// their identity across packages, methods their receivers, constants their
// types.
package main

import (
	"bufio"
	"bytes"
	"container/heap"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"math/rand"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"airlock"
)

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type point struct {
	X, Y int
}

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

var _ fmt.Stringer = point{}

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

func main() {
	// io.Writer is one type, whoever mentions it.
	var buf bytes.Buffer
	var w io.Writer = &buf
	fmt.Fprintf(w, "%d\n", 1)
	bw := bufio.NewWriter(w)
	bw.WriteString("x")
	bw.Flush()
	tw := tabwriter.NewWriter(&buf, 0, 8, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "a\tb")
	tw.Flush()

	// Pointer and value receivers.
	var sb strings.Builder
	sb.WriteString("hi")
	_ = sb.String()
	sc := bufio.NewScanner(strings.NewReader("a\nb"))
	for sc.Scan() {
		_ = sc.Text()
	}

	// Typed and untyped constants.
	d := 2 * time.Second
	var hours float64 = d.Hours()
	var month time.Month = time.March
	var big64 int64 = math.MaxInt64
	var f32 float32 = math.Pi
	var r rune = utf8.RuneError
	r2 := unicode.MaxRune
	var r3 rune = r2
	_ = utf8.UTFMax + 1
	var layout string = time.RFC3339
	fmt.Println(d, hours, month, big64, f32, r, r3, layout, time.Now().Format(time.DateOnly))
	if time.Since(time.Now()) > time.Minute {
		return
	}

	// Interfaces from other packages, satisfied by program types.
	h := &intHeap{3, 1, 2}
	heap.Init(h)
	heap.Push(h, 0)
	sort.Sort(sort.Reverse(sort.IntSlice([]int{3, 1})))
	sort.Slice([]point{{1, 2}}, func(i, j int) bool { return i < j })
	l := list.New()
	l.PushBack(1)
	for e := l.Front(); e != nil; e = e.Next() {
		_ = e.Value
	}

	// Errors.
	var target *myErr
	err := fmt.Errorf("wrap: %w", &myErr{"x"})
	fmt.Println(errors.Is(err, io.EOF), errors.As(err, &target), errors.Unwrap(err))
	joined := errors.Join(err, errors.New("y"))
	fmt.Println(joined)

	// encoding/json, csv, hex, crypto.
	var v map[string]any
	_ = json.Unmarshal([]byte(`{"a":1}`), &v)
	out, _ := json.MarshalIndent(v, "", " ")
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	var n json.Number
	_ = dec.Decode(&n)
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		fmt.Println(ute.Field, ute.Type.Name())
	}
	rows, _ := csv.NewReader(strings.NewReader("a,b")).ReadAll()
	sum := sha256.Sum256([]byte("x"))
	fmt.Println(rows, hex.EncodeToString(sum[:]))

	// Regexp, strconv, url, rand, big.
	re := regexp.MustCompile(`a+`)
	fmt.Println(re.FindAllString("aaa", -1), strconv.Itoa(3), strconv.Quote("q"))
	u, _ := url.Parse("https://example.com/?q=1")
	fmt.Println(u.Query().Get("q"), u.Host, rand.Intn(3))
	x := new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil)
	fmt.Println(x.String(), x.Cmp(big.NewInt(0)) > 0)

	// Iterators the symbol tables describe by structure.
	for line := range strings.Lines("a\nb") {
		_ = line
	}
	for part := range strings.SplitSeq("a,b", ",") {
		_ = part
	}

	// Concurrency.
	var mu sync.Mutex
	var wg sync.WaitGroup
	var count atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		count.Add(1)
		mu.Unlock()
	}()
	wg.Wait()
	select {
	case <-ctx.Done():
		fmt.Println(ctx.Err() == context.DeadlineExceeded)
	default:
	}
	t0, t1 := time.Now(), time.Now()
	fmt.Println(t0 == t1, t0.Equal(t1), point{1, 2} == point{1, 2})

	airlock.Result(map[string]any{"count": count.Load()})
}
