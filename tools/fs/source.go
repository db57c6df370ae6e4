package fs

// source declares package airlock/fs as programs see it. Results cross the
// process boundary as JSON, so the types here must match the provider's
// (same exported field names and types); a test holds them together.
const source = `// Package fs reads files under the roots the policy grants. A path is
// slash-separated and starts with the name of a root: "data/sales.csv" is the
// file sales.csv in the root named data. Absolute paths, paths that climb out
// of their root with "..", and symbolic links that lead out of a root are
// refused. Nothing here writes.
package fs

// Entry is one entry of a directory.
type Entry struct {
	Name string // the entry's name, without its directory
	Dir  bool   // true for a directory
	Size int64  // size in bytes; 0 for a directory
}

// ReadFile returns the contents of the file at path as text. Bytes that are
// not valid UTF-8 arrive as U+FFFD. A file larger than the policy's read limit
// is refused with an error that says the limit.
func ReadFile(path string) (string, error)

// ReadDir lists the directory at path, sorted by name. ReadDir(".") lists the
// roots.
func ReadDir(path string) ([]Entry, error)

// Glob returns the paths that match pattern, sorted. The pattern uses the
// syntax of path.Match: "*" matches within one path element, "?" one
// character, "[a-z]" a class; "**" is not special and there are no escapes.
// Its first element must name a root, as in "data/2024-*/*.csv".
func Glob(pattern string) ([]string, error)

// ReadCSV reads a comma-separated file whose first row is a header and
// returns one map per following row, from column name to field. Every row
// must have as many fields as the header, and column names must be distinct.
// A leading UTF-8 byte order mark is ignored.
func ReadCSV(path string) ([]map[string]string, error)

// ReadCSVRows reads a comma-separated file and returns every row, the header
// included, as a slice of fields. Rows may differ in length.
func ReadCSVRows(path string) ([][]string, error)
`
