package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"
)

// apiAddr is where the paginated orders API listens while the benchmark
// runs; testdata/api/program.go and its policy name the same address.
const apiAddr = "127.0.0.1:18473"

const (
	apiOrders  = 4000
	apiPerPage = 100
)

// apiOrder is one order as the API lists it.
type apiOrder struct {
	ID        string  `json:"id"`
	Customer  string  `json:"customer_id"`
	Email     string  `json:"customer_email"`
	Region    string  `json:"region"`
	Country   string  `json:"country"`
	Status    string  `json:"status"`
	Channel   string  `json:"channel"`
	Currency  string  `json:"currency"`
	Amount    float64 `json:"amount"`
	Items     int     `json:"items"`
	Coupon    *string `json:"coupon"`
	CreatedAt string  `json:"created_at"`
}

// apiPage is one page of GET /v1/orders?page=N.
type apiPage struct {
	Data     []apiOrder `json:"data"`
	Page     int        `json:"page"`
	PerPage  int        `json:"per_page"`
	Total    int        `json:"total"`
	NextPage *int       `json:"next_page"`
}

func apiData() []apiOrder {
	r := newRand(4)
	regions := map[string][]string{"na": {"US", "CA", "MX"}, "emea": {"DE", "FR", "GB", "NL", "ES"}, "apac": {"JP", "AU", "SG", "IN"}, "latam": {"BR", "AR", "CL"}}
	regionNames := []string{"na", "emea", "apac", "latam"}
	currency := map[string]string{"na": "USD", "emea": "EUR", "apac": "USD", "latam": "USD"}
	statuses := []string{"paid", "paid", "paid", "paid", "paid", "refunded", "pending", "failed", "disputed"}
	channels := []string{"web", "web", "ios", "android", "partner"}
	coupons := []string{"SPRING10", "WELCOME5", "VIP20"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]apiOrder, apiOrders)
	for i := range out {
		reg := pick(r, regionNames)
		cust := r.IntN(900)
		o := apiOrder{
			ID: fmt.Sprintf("ord_%06d", 200000+i), Customer: fmt.Sprintf("cus_%04d", cust),
			Email:  fmt.Sprintf("buyer%04d@example.com", cust),
			Region: reg, Country: pick(r, regions[reg]), Status: pick(r, statuses), Channel: pick(r, channels),
			Currency: currency[reg], Amount: float64(int((8+r.Float64()*r.Float64()*900)*100)) / 100, Items: 1 + r.IntN(7),
			CreatedAt: start.Add(time.Duration(i)*31*time.Minute + time.Duration(r.IntN(1800))*time.Second).Format(time.RFC3339),
		}
		if r.IntN(5) == 0 {
			c := pick(r, coupons)
			o.Coupon = &c
		}
		out[i] = o
	}
	return out
}

// serveAPI starts the paginated orders API on addr and returns a function
// that stops it.
func serveAPI(addr string) (stop func(), err error) {
	orders := apiData()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/orders", func(w http.ResponseWriter, req *http.Request) {
		page := 1
		if p := req.URL.Query().Get("page"); p != "" {
			n, err := strconv.Atoi(p)
			if err != nil || n < 1 {
				http.Error(w, `{"error":"page must be a positive integer"}`, http.StatusBadRequest)
				return
			}
			page = n
		}
		from := min((page-1)*apiPerPage, len(orders))
		to := min(from+apiPerPage, len(orders))
		body := apiPage{Data: orders[from:to], Page: page, PerPage: apiPerPage, Total: len(orders)}
		if to < len(orders) {
			next := page + 1
			body.NextPage = &next
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(body)
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return func() { srv.Shutdown(context.Background()) }, nil
}
