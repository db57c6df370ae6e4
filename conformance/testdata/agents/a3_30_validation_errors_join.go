package main

import (
	"errors"
	"fmt"
	"net/mail"
	"os"
	"regexp"
	"strings"
	"unicode"
)

type FieldError struct {
	Field string
	Value any
	Rule  string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s: %s (got %v)", e.Field, e.Rule, e.Value)
}

var ErrRequired = errors.New("required")

type Signup struct {
	Username string
	Email    string
	Password string
	Age      int
	Country  string
	Tags     []string
}

var usernameRe = regexp.MustCompile(`^[a-z][a-z0-9_]{2,15}$`)
var countries = map[string]bool{"US": true, "DE": true, "JP": true, "BR": true, "IN": true}

func validatePassword(p string) error {
	var errs []error
	if len(p) < 8 {
		errs = append(errs, &FieldError{"password", len(p), "must be at least 8 characters"})
	}
	var up, digit, special bool
	for _, r := range p {
		switch {
		case unicode.IsUpper(r):
			up = true
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			special = true
		}
	}
	if !up {
		errs = append(errs, &FieldError{"password", "***", "needs an uppercase letter"})
	}
	if !digit {
		errs = append(errs, &FieldError{"password", "***", "needs a digit"})
	}
	if !special {
		errs = append(errs, &FieldError{"password", "***", "needs a symbol"})
	}
	return errors.Join(errs...)
}

func (s Signup) Validate() error {
	var errs []error
	if s.Username == "" {
		errs = append(errs, fmt.Errorf("username: %w", ErrRequired))
	} else if !usernameRe.MatchString(s.Username) {
		errs = append(errs, &FieldError{"username", s.Username, "must match " + usernameRe.String()})
	}
	if s.Email == "" {
		errs = append(errs, fmt.Errorf("email: %w", ErrRequired))
	} else if a, err := mail.ParseAddress(s.Email); err != nil {
		errs = append(errs, &FieldError{"email", s.Email, err.Error()})
	} else if !strings.Contains(a.Address[strings.Index(a.Address, "@"):], ".") {
		errs = append(errs, &FieldError{"email", s.Email, "domain must contain a dot"})
	}
	if err := validatePassword(s.Password); err != nil {
		errs = append(errs, err)
	}
	if s.Age < 13 || s.Age > 120 {
		errs = append(errs, &FieldError{"age", s.Age, "must be between 13 and 120"})
	}
	if !countries[strings.ToUpper(s.Country)] {
		errs = append(errs, &FieldError{"country", s.Country, "unsupported"})
	}
	seen := map[string]bool{}
	for i, t := range s.Tags {
		if seen[t] {
			errs = append(errs, &FieldError{fmt.Sprintf("tags[%d]", i), t, "duplicate"})
		}
		seen[t] = true
	}
	return errors.Join(errs...)
}

func countLeaves(err error) int {
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		n := 0
		for _, e := range u.Unwrap() {
			n += countLeaves(e)
		}
		return n
	}
	return 1
}

func main() {
	signups := []Signup{
		{"alice_01", "alice@example.com", "Sup3r$ecret", 29, "us", []string{"beta"}},
		{"", "bob@", "password", 12, "FR", nil},
		{"Carol", "Carol <carol@example.com>", "Sh0rt!", 45, "DE", []string{"a", "b", "a"}},
		{"dave", "dave@localhost", "NoDigits!!", 130, "JP", nil},
		{"eve_the_great", "eve@example.org", "Val1d#Pass", 33, "BR", []string{"x", "y"}},
	}
	valid, invalid := 0, 0
	ruleHits := map[string]int{}
	for i, s := range signups {
		err := s.Validate()
		if err == nil {
			valid++
			fmt.Printf("#%d %-14q OK\n", i, s.Username)
			continue
		}
		invalid++
		fmt.Printf("#%d %-14q %d problem(s), required-missing=%t\n", i, s.Username, countLeaves(err), errors.Is(err, ErrRequired))
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Println("    -", line)
		}
		var fe *FieldError
		if errors.As(err, &fe) {
			fmt.Printf("    first field error: field=%s rule=%q\n", fe.Field, fe.Rule)
		}
		var walk func(error)
		walk = func(e error) {
			if u, ok := e.(interface{ Unwrap() []error }); ok {
				for _, x := range u.Unwrap() {
					walk(x)
				}
				return
			}
			var fe *FieldError
			if errors.As(e, &fe) {
				ruleHits[fe.Field]++
			} else {
				ruleHits["(required)"]++
			}
		}
		walk(err)
	}
	fmt.Println("field error counts:", ruleHits)
	fmt.Println(errors.Join(nil, nil) == nil, errors.Join(ErrRequired, nil))
	fmt.Printf("SUMMARY: %d valid, %d invalid of %d\n", valid, invalid, len(signups))
	if invalid > 0 {
		os.Exit(2)
	}
}
