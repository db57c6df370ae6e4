package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

const configText = `# service configuration
name = billing-api
port = 8080
replicas = 3
timeout = 30s
debug = maybe
max_conn = -5
region = eu-west-1
port = 9090
unknown_key = 1
   
bad line without equals
`

type ValidationError struct {
	Line  int
	Key   string
	Issue string
}

func (v ValidationError) Error() string {
	return fmt.Sprintf("line %d: %s: %s", v.Line, v.Key, v.Issue)
}

var known = map[string]func(string) error{
	"name": func(v string) error {
		if v == "" {
			return errors.New("must not be empty")
		}
		return nil
	},
	"port": func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("invalid port %q", v)
		}
		return nil
	},
	"replicas": func(v string) error {
		_, err := strconv.ParseUint(v, 10, 8)
		return err
	},
	"timeout": func(v string) error { return nil },
	"debug": func(v string) error {
		_, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("not a bool: %w", err)
		}
		return nil
	},
	"max_conn": func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil {
			return err
		}
		if n <= 0 {
			return fmt.Errorf("must be positive, got %d", n)
		}
		return nil
	},
	"region": func(v string) error { return nil },
}

func main() {
	defer fmt.Println("this deferred line is never printed because of os.Exit")
	sc := bufio.NewScanner(strings.NewReader(configText))
	values := map[string]string{}
	firstSeen := map[string]int{}
	var problems []error
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			problems = append(problems, ValidationError{ln, "?", "missing '='"})
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		check, known := known[k]
		if !known {
			problems = append(problems, ValidationError{ln, k, "unknown key"})
			continue
		}
		if prev, dup := firstSeen[k]; dup {
			problems = append(problems, ValidationError{ln, k, fmt.Sprintf("duplicate (first on line %d)", prev)})
		} else {
			firstSeen[k] = ln
		}
		if err := check(v); err != nil {
			problems = append(problems, fmt.Errorf("%w (%v)", ValidationError{ln, k, "invalid value"}, err))
			continue
		}
		values[k] = v
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println("accepted settings:")
	for _, k := range keys {
		fmt.Printf("  %-9s = %s\n", k, values[k])
	}
	if len(problems) == 0 {
		fmt.Println("config OK")
		return
	}
	fmt.Printf("%d problem(s):\n", len(problems))
	for _, p := range problems {
		var ve ValidationError
		if errors.As(p, &ve) {
			fmt.Printf("  [L%02d] %v\n", ve.Line, p)
		}
	}
	fmt.Fprintln(os.Stderr, "config validation failed")
	os.Exit(3)
}
