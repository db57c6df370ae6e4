package tokens

import "math"

// noRank marks a pair of parts that no token covers.
const noRank = math.MaxUint32

// scanLimit is the longest piece mergeScan handles, on the stack; longer
// pieces go to mergeHeap, whose cost grows as n log n rather than n².
const scanLimit = 64

// countPiece returns the number of tokens byte-pair encoding splits piece
// into. Every single byte is a token, so every piece has a split. cache, if
// not nil, remembers the counts of the pieces that needed merging.
func countPiece(piece string, cache *pieceCache) int {
	switch len(piece) {
	case 1:
		return 1
	case 2:
		if vocab.rank(piece) != noRank {
			return 1
		}
		return 2
	}
	h := hash(piece)
	if vocab.find(piece, h) != noRank {
		return 1
	}
	if cache == nil {
		return merge(piece)
	}
	e := &cache[h%uint64(len(cache))]
	if e.piece != piece {
		e.piece, e.count = piece, merge(piece)
	}
	return e.count
}

// pieceCache is a direct-mapped cache of the counts of pieces that needed
// merging, indexed by their hash. Data such as CSV or JSON repeats a few
// such pieces many times.
type pieceCache [1024]struct {
	piece string
	count int
}

// merge counts the tokens of a piece that is not itself a token.
func merge(piece string) int {
	if len(piece) <= scanLimit {
		return mergeScan(piece)
	}
	return mergeHeap(piece)
}

// pairRank returns the rank of the token piece[start:end], or noRank.
func pairRank(piece string, start, end int32) uint32 {
	return vocab.rank(piece[start:end])
}

// mergeScan merges, as tiktoken does, the adjacent pair of parts that forms
// the lowest-ranked token, leftmost first, until no pair forms a token, and
// returns the number of parts left. It finds each pair with a linear scan,
// and keeps its state on the stack for pieces up to scanLimit bytes.
func mergeScan(piece string) int {
	// starts[i] is where part i begins; starts[parts] is len(piece).
	// ranks[i] is the rank of parts i and i+1 merged.
	var startsBuf [scanLimit + 1]int32
	var ranksBuf [scanLimit]uint32
	parts := len(piece)
	var starts []int32
	var ranks []uint32
	if parts <= scanLimit {
		starts, ranks = startsBuf[:parts+1], ranksBuf[:parts]
	} else {
		starts, ranks = make([]int32, parts+1), make([]uint32, parts)
	}
	for i := range starts {
		starts[i] = int32(i)
	}
	for i := range parts - 1 {
		ranks[i] = pairRank(piece, starts[i], starts[i+2])
	}

	for parts > 1 {
		best, bestRank := 0, uint32(noRank)
		for i, r := range ranks[:parts-1] {
			if r < bestRank {
				best, bestRank = i, r
			}
		}
		if bestRank == noRank {
			break
		}
		// Part best absorbs part best+1.
		copy(starts[best+1:], starts[best+2:parts+1])
		copy(ranks[best+1:], ranks[best+2:parts])
		parts--
		if best+1 < parts {
			ranks[best] = pairRank(piece, starts[best], starts[best+2])
		} else {
			ranks[best] = noRank
		}
		if best > 0 {
			ranks[best-1] = pairRank(piece, starts[best-1], starts[best+1])
		}
	}
	return parts
}

// mergeNode is a part in mergeHeap's linked list, indexed by the offset
// where the part begins. rank is the rank of the part merged with the next.
type mergeNode struct {
	prev, next int32
	rank       uint32
}

// mergeCandidate is a pair of parts that forms a token: the part at offset
// and the one after it.
type mergeCandidate struct {
	rank   uint32
	offset int32
}

// mergeHeap returns what mergeScan returns for long pieces: the parts form
// a linked list, and candidate pairs wait in a min-heap ordered by rank, then
// offset, so that the leftmost of equal ranks merges first. Candidates whose
// rank no longer matches their part are stale and skipped.
func mergeHeap(piece string) int {
	n := int32(len(piece))
	nodes := make([]mergeNode, n+1) // node n is the end sentinel
	for i := range nodes {
		nodes[i] = mergeNode{prev: int32(i) - 1, next: int32(i) + 1, rank: noRank}
	}
	rankAt := func(i int32) uint32 {
		j := nodes[i].next
		if j >= n {
			return noRank
		}
		return pairRank(piece, i, nodes[j].next)
	}

	heap := make(candidateHeap, 0, n)
	for i := range n - 1 {
		if r := rankAt(i); r != noRank {
			nodes[i].rank = r
			heap = append(heap, mergeCandidate{r, i})
		}
	}
	heap.init()

	parts := int(n)
	for len(heap) > 0 {
		top := heap.pop()
		i := top.offset
		if nodes[i].rank != top.rank {
			continue
		}
		// Part i absorbs the next part.
		j := nodes[i].next
		k := nodes[j].next
		nodes[j].rank = noRank
		nodes[i].next = k
		nodes[k].prev = i
		parts--
		for _, b := range [2]int32{i, nodes[i].prev} {
			if b < 0 {
				continue
			}
			nodes[b].rank = rankAt(b)
			if nodes[b].rank != noRank {
				heap.push(mergeCandidate{nodes[b].rank, b})
			}
		}
	}
	return parts
}

// candidateHeap is a binary min-heap of merge candidates.
type candidateHeap []mergeCandidate

func (h candidateHeap) less(a, b int) bool {
	if h[a].rank != h[b].rank {
		return h[a].rank < h[b].rank
	}
	return h[a].offset < h[b].offset
}

func (h candidateHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *candidateHeap) push(c mergeCandidate) {
	*h = append(*h, c)
	h.up(len(*h) - 1)
}

func (h *candidateHeap) pop() mergeCandidate {
	old := *h
	top := old[0]
	last := len(old) - 1
	old[0] = old[last]
	*h = old[:last]
	h.down(0)
	return top
}

func (h candidateHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func (h candidateHeap) down(i int) {
	for {
		child := 2*i + 1
		if child >= len(h) {
			return
		}
		if right := child + 1; right < len(h) && h.less(right, child) {
			child = right
		}
		if !h.less(child, i) {
			return
		}
		h[i], h[child] = h[child], h[i]
		i = child
	}
}
