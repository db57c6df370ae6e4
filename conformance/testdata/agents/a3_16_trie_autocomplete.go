package main

import (
	"fmt"
	"sort"
	"strings"
)

type node struct {
	children map[rune]*node
	terminal bool
	freq     int
	count    int // words passing through
}

type Trie struct {
	root *node
	size int
}

func NewTrie() *Trie { return &Trie{root: &node{children: map[rune]*node{}}} }

func (t *Trie) Insert(word string, freq int) {
	n := t.root
	for _, r := range word {
		n.count++
		c, ok := n.children[r]
		if !ok {
			c = &node{children: map[rune]*node{}}
			n.children[r] = c
		}
		n = c
	}
	n.count++
	if !n.terminal {
		t.size++
	}
	n.terminal = true
	n.freq += freq
}

func (t *Trie) find(prefix string) *node {
	n := t.root
	for _, r := range prefix {
		c, ok := n.children[r]
		if !ok {
			return nil
		}
		n = c
	}
	return n
}

type suggestion struct {
	Word string
	Freq int
}

func (t *Trie) Complete(prefix string, k int) []suggestion {
	n := t.find(prefix)
	if n == nil {
		return nil
	}
	var out []suggestion
	var walk func(n *node, acc []rune)
	walk = func(n *node, acc []rune) {
		if n.terminal {
			out = append(out, suggestion{string(acc), n.freq})
		}
		for r, c := range n.children {
			walk(c, append(acc, r))
		}
	}
	walk(n, []rune(prefix))
	sort.Slice(out, func(i, j int) bool {
		if out[i].Freq != out[j].Freq {
			return out[i].Freq > out[j].Freq
		}
		return out[i].Word < out[j].Word
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

func (t *Trie) Delete(word string) bool {
	n := t.find(word)
	if n == nil || !n.terminal {
		return false
	}
	// decrement counts along the path, prune empty nodes
	n = t.root
	for _, r := range word {
		n.count--
		c := n.children[r]
		if c.count == 1 {
			delete(n.children, r)
			t.size--
			return true
		}
		n = c
	}
	n.count--
	n.terminal = false
	n.freq = 0
	t.size--
	return true
}

func main() {
	corpus := `the quick brown fox jumps over the lazy dog then the fox
	thinks about those theories there and then returns to the den
	dogs dig deep dens during december days; the theory thrives
	café cafés caféine naïve naïveté über übermensch`
	freq := map[string]int{}
	for _, w := range strings.FieldsFunc(corpus, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == ';' }) {
		freq[strings.ToLower(w)]++
	}
	t := NewTrie()
	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		t.Insert(w, freq[w])
	}
	fmt.Printf("unique words: %d\n", t.size)
	for _, p := range []string{"th", "the", "d", "caf", "üb", "na", "x", ""} {
		n := t.find(p)
		cnt := 0
		if n != nil {
			cnt = n.count
		}
		fmt.Printf("%-5q (%2d words) -> ", p, cnt)
		for i, s := range t.Complete(p, 4) {
			if i > 0 {
				fmt.Print(", ")
			}
			fmt.Printf("%s(%d)", s.Word, s.Freq)
		}
		fmt.Println()
	}
	for _, w := range []string{"then", "theory", "thx", "café"} {
		ok := t.Delete(w)
		fmt.Printf("delete %q: %t size=%d\n", w, ok, t.size)
	}
	fmt.Println("after delete 'the' ->", t.Complete("the", 10))
	fmt.Println("after delete 'caf' ->", t.Complete("caf", 10))
	// longest common prefix of all words starting with "d"
	n := t.find("d")
	lcp := []rune("d")
	for n != nil && len(n.children) == 1 && !n.terminal {
		for r, c := range n.children {
			lcp = append(lcp, r)
			n = c
		}
	}
	fmt.Printf("lcp(d*) = %q\n", string(lcp))
}
