package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var (
	ErrEmpty    = errors.New("empty value")
	ErrRange    = errors.New("out of range")
	ErrNotFound = errors.New("not found")
)

type FieldError struct {
	Field string
	Value string
	Err   error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("field %q (value %q): %v", e.Field, e.Value, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

type RowError struct {
	Row  int
	Errs []error
}

func (r RowError) Error() string {
	parts := make([]string, len(r.Errs))
	for i, e := range r.Errs {
		parts[i] = e.Error()
	}
	return fmt.Sprintf("row %d: %s", r.Row, strings.Join(parts, "; "))
}

func (r RowError) Unwrap() []error { return r.Errs }

type Record struct {
	Name  string
	Age   int
	Email string
}

func validate(row int, fields []string) (Record, error) {
	var errs []error
	var rec Record
	if len(fields) != 3 {
		return rec, fmt.Errorf("row %d: expected 3 fields, got %d", row, len(fields))
	}
	rec.Name = strings.TrimSpace(fields[0])
	if rec.Name == "" {
		errs = append(errs, &FieldError{"name", fields[0], ErrEmpty})
	}
	ageStr := strings.TrimSpace(fields[1])
	age, err := strconv.Atoi(ageStr)
	if err != nil {
		errs = append(errs, &FieldError{"age", ageStr, err})
	} else if age < 0 || age > 150 {
		errs = append(errs, &FieldError{"age", ageStr, fmt.Errorf("%d: %w", age, ErrRange)})
	}
	rec.Age = age
	rec.Email = strings.TrimSpace(fields[2])
	if !strings.Contains(rec.Email, "@") {
		errs = append(errs, &FieldError{"email", rec.Email, errors.New("missing @")})
	}
	if len(errs) > 0 {
		return rec, RowError{row, errs}
	}
	return rec, nil
}

func main() {
	data := []string{
		"Alice, 30, alice@example.com",
		" , 40, nobody@example.com",
		"Bob, abc, bob@example.com",
		"Carol, 200, carol.example.com",
		"Dan, 25",
		"Eve, 99999999999999999999, eve@x.io",
		"Frank, -3, frank@x.io",
	}
	var good []Record
	var all []error
	for i, line := range data {
		rec, err := validate(i+1, strings.Split(line, ","))
		if err != nil {
			all = append(all, err)
			fmt.Println("INVALID:", err)
			var fe *FieldError
			if errors.As(err, &fe) {
				fmt.Printf("  first field error: field=%s\n", fe.Field)
			}
			if errors.Is(err, ErrRange) {
				fmt.Println("  -> contains range error")
			}
			if errors.Is(err, ErrEmpty) {
				fmt.Println("  -> contains empty error")
			}
			var ne *strconv.NumError
			if errors.As(err, &ne) {
				fmt.Printf("  -> numeric error func=%s num=%q err=%v range=%t\n", ne.Func, ne.Num, ne.Err, errors.Is(ne, strconv.ErrRange))
			}
			var re RowError
			if errors.As(err, &re) {
				fmt.Printf("  -> row error with %d sub-errors\n", len(re.Errs))
			}
			continue
		}
		good = append(good, rec)
	}
	fmt.Printf("valid: %+v\n", good)
	joined := errors.Join(all...)
	fmt.Println("joined has range:", errors.Is(joined, ErrRange), "notfound:", errors.Is(joined, ErrNotFound))
	fmt.Println("joined lines:", len(strings.Split(joined.Error(), "\n")))
	wrapped := fmt.Errorf("import failed: %w", joined)
	fmt.Println(errors.Is(wrapped, ErrEmpty), errors.Unwrap(wrapped) == joined)
	fmt.Println(errors.Join(nil, nil) == nil)
	fmt.Printf("%v\n", fmt.Errorf("two: %w and %w", ErrEmpty, ErrRange))
}
