package fs

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPath bounds a path's length; no real path comes close.
const maxPath = 4096

// Clean returns the canonical form of a virtual path, the form the policy
// sees and the provider opens: slash-separated, cleaned of "." and ".."
// elements and repeated slashes (path.Clean). It refuses what could make the
// path mean something other than what it reads as: absolute paths, a climb
// above the roots, NUL and other control characters, backslashes, invisible
// formatting characters such as bidirectional overrides, unusual spaces, and
// invalid UTF-8. Clean does no I/O, so it can also run before a program does.
// "." stands for the list of roots.
func Clean(p string) (string, error) {
	if err := checkChars(p); err != nil {
		return "", err
	}
	if strings.HasPrefix(p, "/") {
		return "", errors.New("absolute paths are not allowed; start the path with the name of a root, as in data/file.csv")
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("path %q climbs out of the roots with .. (parent folder) steps", p)
	}
	return c, nil
}

// CleanPattern is Clean for a Glob pattern, which must also be well formed
// and start with a literal root name.
func CleanPattern(pattern string) (string, error) {
	c, err := Clean(pattern)
	if err != nil {
		return "", err
	}
	if _, err := path.Match(c, ""); err != nil {
		return "", fmt.Errorf("pattern %q is malformed", pattern)
	}
	root, _, _ := strings.Cut(c, "/")
	if root == "." || strings.ContainsAny(root, "*?[") {
		return "", fmt.Errorf("pattern %q must start with the name of a root, as in data/*.csv", pattern)
	}
	return c, nil
}

func checkChars(p string) error {
	switch {
	case p == "":
		return errors.New("path is empty")
	case len(p) > maxPath:
		return fmt.Errorf("path is longer than %d bytes", maxPath)
	case !utf8.ValidString(p):
		return errors.New("path is not valid UTF-8")
	}
	for _, r := range p {
		switch {
		case r == 0:
			return errors.New("path contains a NUL byte")
		case r == '\\':
			return errors.New(`path contains a backslash; separate elements with "/"`)
		case r == utf8.RuneError:
			return errors.New("path contains U+FFFD, the mark of invalid UTF-8")
		case unicode.IsControl(r):
			return fmt.Errorf("path contains the control character %U", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Errorf("path contains the invisible formatting character %U", r)
		case unicode.IsSpace(r) && r != ' ':
			return fmt.Errorf("path contains the space character %U; only the plain space is allowed", r)
		}
	}
	return nil
}
