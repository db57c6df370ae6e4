package main

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	SKU      string
	Name     string
	Qty      int
	UnitCost float64
}

func (i Item) Describe() string { return fmt.Sprintf("%s %q x%d", i.SKU, i.Name, i.Qty) }
func (i Item) Value() float64   { return float64(i.Qty) * i.UnitCost }
func (i *Item) Restock(n int)   { i.Qty += n }
func (i *Item) Take(n int) error {
	if n > i.Qty {
		return fmt.Errorf("%s: want %d, have %d", i.SKU, n, i.Qty)
	}
	i.Qty -= n
	return nil
}

type Perishable struct {
	Item
	ExpiresInDays int
}

// Value shadows Item.Value: expired goods are worth nothing, near-expiry half.
func (p Perishable) Value() float64 {
	switch {
	case p.ExpiresInDays <= 0:
		return 0
	case p.ExpiresInDays < 3:
		return p.Item.Value() / 2
	}
	return p.Item.Value()
}

type Electronic struct {
	Item
	WarrantyMonths int
}

func (e Electronic) Describe() string {
	return e.Item.Describe() + fmt.Sprintf(" [%dmo warranty]", e.WarrantyMonths)
}

type Bundle struct {
	Name  string
	Parts []Stock
}

func (b *Bundle) Describe() string {
	names := make([]string, len(b.Parts))
	for i, p := range b.Parts {
		names[i] = p.Describe()
	}
	return "bundle " + b.Name + "{" + strings.Join(names, "; ") + "}"
}
func (b *Bundle) Value() float64 {
	v := 0.0
	for _, p := range b.Parts {
		v += p.Value()
	}
	return v * 0.9
}

type Stock interface {
	Describe() string
	Value() float64
}

type Restocker interface {
	Restock(n int)
}

func main() {
	milk := &Perishable{Item{"P-001", "Oat milk", 24, 1.85}, 2}
	cheese := &Perishable{Item{"P-002", "Gouda", 10, 6.40}, 30}
	yogurt := Perishable{Item{"P-003", "Yogurt", 40, 0.99}, 0}
	phone := &Electronic{Item{"E-100", "Phone", 5, 199.00}, 24}
	cable := Electronic{Item{"E-101", "USB-C cable", 120, 2.10}, 6}
	kit := &Bundle{"starter", []Stock{cable, cheese}}

	stock := []Stock{milk, cheese, yogurt, phone, cable, kit}
	total := 0.0
	for _, s := range stock {
		kind := ""
		switch v := s.(type) {
		case *Perishable:
			kind = fmt.Sprintf("perishable* exp=%d", v.ExpiresInDays)
		case Perishable:
			kind = "perishable (value copy)"
		case *Electronic:
			kind = "electronic*"
		case Electronic:
			kind = "electronic"
		case *Bundle:
			kind = fmt.Sprintf("bundle of %d", len(v.Parts))
		}
		_, canRestock := s.(Restocker)
		fmt.Printf("%-26s %-50s %9.2f restock=%t\n", kind, s.Describe(), s.Value(), canRestock)
		total += s.Value()
	}
	fmt.Printf("total value: %.2f\n", total)

	// promoted pointer methods through embedding
	milk.Restock(6)
	if err := phone.Take(7); err != nil {
		fmt.Println("error:", err)
	}
	_ = phone.Take(2)
	cable.Restock(10) // cable is a local value; kit holds an older copy
	fmt.Println(milk.Describe(), "|", phone.Describe(), "|", cable.Qty, kit.Parts[0].(Electronic).Qty)
	fmt.Printf("milk item value %.2f vs perishable value %.2f\n", milk.Item.Value(), milk.Value())

	// low-stock report sorted by qty then SKU
	type row struct {
		sku string
		qty int
	}
	var rows []row
	for _, s := range stock {
		switch v := s.(type) {
		case *Perishable:
			rows = append(rows, row{v.SKU, v.Qty})
		case Perishable:
			rows = append(rows, row{v.SKU, v.Qty})
		case *Electronic:
			rows = append(rows, row{v.SKU, v.Qty})
		case Electronic:
			rows = append(rows, row{v.SKU, v.Qty})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].qty != rows[j].qty {
			return rows[i].qty < rows[j].qty
		}
		return rows[i].sku < rows[j].sku
	})
	for _, r := range rows {
		marker := ""
		if r.qty < 20 {
			marker = " <- reorder"
		}
		fmt.Printf("%s %4d%s\n", r.sku, r.qty, marker)
	}
	fmt.Printf("%+v\n", *cheese)
}
