package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Product struct {
	SKU      string
	Name     string
	Category string
	Price    float64
	Rating   float64
	Reviews  int
}

func (p Product) String() string {
	return fmt.Sprintf("%s(%s $%.2f ★%.1f/%d)", p.SKU, p.Name, p.Price, p.Rating, p.Reviews)
}

func score(p Product) float64 {
	// Bayesian-ish average
	const m = 10.0
	const c = 3.5
	return (float64(p.Reviews)*p.Rating + m*c) / (float64(p.Reviews) + m)
}

func main() {
	products := []Product{
		{"A100", "Widget", "tools", 9.99, 4.5, 120},
		{"A101", "Gadget", "tools", 24.50, 4.8, 8},
		{"B200", "Lamp", "home", 39.00, 4.1, 340},
		{"B201", "Chair", "home", 89.90, 4.5, 120},
		{"C300", "Pen", "office", 1.20, 3.9, 1000},
		{"C301", "Stapler", "office", 12.00, 4.5, 60},
		{"A102", "Hammer", "tools", 15.00, 4.5, 120},
		{"B202", "Rug", "home", 120.00, 2.9, 15},
	}

	// multi-key: rating desc, reviews desc, name asc
	byRating := slices.Clone(products)
	slices.SortFunc(byRating, func(a, b Product) int {
		if c := cmp.Compare(b.Rating, a.Rating); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Reviews, a.Reviews); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	fmt.Println("By rating:")
	for i, p := range byRating {
		fmt.Printf("%2d. %v\n", i+1, p)
	}

	byScore := slices.Clone(products)
	sort.SliceStable(byScore, func(i, j int) bool { return score(byScore[i]) > score(byScore[j]) })
	fmt.Println("By weighted score:")
	for i, p := range byScore[:5] {
		fmt.Printf("%2d. %-8s %.4f\n", i+1, p.Name, score(p))
	}

	// stable sort by category keeps previous score order
	sort.SliceStable(byScore, func(i, j int) bool { return byScore[i].Category < byScore[j].Category })
	cur := ""
	for _, p := range byScore {
		if p.Category != cur {
			cur = p.Category
			fmt.Printf("[%s]\n", cur)
		}
		fmt.Printf("   %s %.3f\n", p.Name, score(p))
	}

	cheapest := slices.MinFunc(products, func(a, b Product) int { return cmp.Compare(a.Price, b.Price) })
	priciest := slices.MaxFunc(products, func(a, b Product) int { return cmp.Compare(a.Price, b.Price) })
	fmt.Println("cheapest:", cheapest)
	fmt.Println("priciest:", priciest)

	names := make([]string, len(products))
	for i, p := range products {
		names[i] = p.Name
	}
	slices.Sort(names)
	idx, found := slices.BinarySearch(names, "Lamp")
	fmt.Println(names, idx, found)
	idx, found = slices.BinarySearch(names, "Kettle")
	fmt.Println(idx, found)
	pos := slices.IndexFunc(products, func(p Product) bool { return p.Price > 100 })
	fmt.Println("first >100 at", pos, products[pos].SKU)
	fmt.Println(slices.ContainsFunc(products, func(p Product) bool { return p.Rating < 3 }))
}
