package main

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
)

type Price struct {
	Currency string  `xml:"currency,attr"`
	Amount   float64 `xml:",chardata"`
}

type Book struct {
	XMLName  xml.Name `xml:"book"`
	ID       string   `xml:"id,attr"`
	Title    string   `xml:"title"`
	Authors  []string `xml:"authors>author"`
	Year     int      `xml:"year"`
	Price    Price    `xml:"price"`
	Comment  string   `xml:",comment"`
	Internal string   `xml:"-"`
	Note     string   `xml:"note,omitempty"`
}

type Catalog struct {
	XMLName xml.Name `xml:"catalog"`
	Owner   string   `xml:"owner,attr"`
	Books   []Book   `xml:"book"`
}

const doc = `<?xml version="1.0"?>
<catalog owner="city library">
  <book id="b1">
    <title>The Go Programming Language</title>
    <authors><author>Donovan</author><author>Kernighan</author></authors>
    <year>2015</year>
    <price currency="USD">39.99</price>
  </book>
  <book id="b2">
    <title>Structure &amp; Interpretation</title>
    <authors><author>Abelson</author><author>Sussman</author></authors>
    <year>1985</year>
    <price currency="EUR">55.00</price>
    <note>classic</note>
  </book>
  <book id="b3">
    <title>Unix Power Tools</title>
    <authors><author>Peek</author></authors>
    <year>1993</year>
    <price currency="USD">12.5</price>
  </book>
</catalog>`

func main() {
	var c Catalog
	if err := xml.Unmarshal([]byte(doc), &c); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("owner=%q books=%d root=%s\n", c.Owner, len(c.Books), c.XMLName.Local)
	sort.Slice(c.Books, func(i, j int) bool { return c.Books[i].Year < c.Books[j].Year })
	for _, b := range c.Books {
		fmt.Printf("%s %d %-32q %s %.2f %s note=%q\n", b.ID, b.Year, b.Title, strings.Join(b.Authors, " & "), b.Price.Amount, b.Price.Currency, b.Note)
	}
	c.Books[0].Comment = " oldest "
	c.Books[0].Internal = "hidden"
	out, err := xml.MarshalIndent(c.Books[:2], "", "  ")
	fmt.Println(string(out), err)

	type Item struct {
		Name string `xml:"name,attr"`
		Qty  int    `xml:",chardata"`
	}
	type Order struct {
		XMLName xml.Name `xml:"order"`
		Items   []Item   `xml:"item"`
		Total   float64  `xml:"total,omitempty"`
	}
	ob, _ := xml.Marshal(Order{Items: []Item{{"a<b", 2}, {"c", 5}}})
	fmt.Println(xml.Header + string(ob))

	dec := xml.NewDecoder(strings.NewReader(`<r><a x="1">hi<b/>there</a><!-- c --><c>3</c></r>`))
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := ""
			for _, a := range t.Attr {
				attrs += " " + a.Name.Local + "=" + a.Value
			}
			fmt.Printf("%sstart %s%s\n", strings.Repeat("  ", depth), t.Name.Local, attrs)
			depth++
		case xml.EndElement:
			depth--
			fmt.Printf("%send %s\n", strings.Repeat("  ", depth), t.Name.Local)
		case xml.CharData:
			fmt.Printf("%stext %q\n", strings.Repeat("  ", depth), string(t))
		case xml.Comment:
			fmt.Printf("%scomment %q\n", strings.Repeat("  ", depth), string(t))
		}
	}
	var bad Catalog
	err = xml.Unmarshal([]byte(`<catalog><book id="x"><year>abc</year></book></catalog>`), &bad)
	fmt.Println("bad:", err)
	err = xml.Unmarshal([]byte(`<catalog><book>`), &bad)
	fmt.Println("truncated:", err)
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(`<"quoted" & 'single'>`))
	fmt.Println(sb.String())
}
