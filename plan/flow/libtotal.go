package flow

// A library call may panic, as what it is given decides: most functions of
// the standard library panic on some input (strconv.FormatInt on a bad
// base, utf8.EncodeRune into a short buffer, rand.Intn of 0), and their
// documentation need not say so. What runs after the call then depends on
// the arguments. libTotal names the functions that never panic whatever
// they are given, and those that panic only for their receiver's state
// ("recv": a strings.Builder copied by value). TestLibTotal calls every
// entry with adversarial arguments and fails on a panic, and on an entry
// whose documentation says it may panic, unless it is a "recv" entry.
var libTotal = map[string]string{
	// strings
	"strings.Compare": "", "strings.Contains": "", "strings.ContainsAny": "", "strings.ContainsRune": "",
	"strings.ContainsFunc": "", "strings.Count": "", "strings.Cut": "", "strings.CutPrefix": "",
	"strings.CutSuffix": "", "strings.EqualFold": "", "strings.Fields": "", "strings.FieldsFunc": "",
	"strings.HasPrefix": "", "strings.HasSuffix": "", "strings.Index": "", "strings.IndexAny": "",
	"strings.IndexByte": "", "strings.IndexFunc": "", "strings.IndexRune": "", "strings.Join": "",
	"strings.LastIndex": "", "strings.LastIndexAny": "", "strings.LastIndexByte": "",
	"strings.LastIndexFunc": "", "strings.Map": "", "strings.Replace": "", "strings.ReplaceAll": "",
	"strings.Split": "", "strings.SplitAfter": "", "strings.SplitAfterN": "", "strings.SplitN": "",
	"strings.Title": "", "strings.ToLower": "", "strings.ToTitle": "", "strings.ToUpper": "",
	"strings.ToValidUTF8": "", "strings.Trim": "", "strings.TrimFunc": "", "strings.TrimLeft": "",
	"strings.TrimLeftFunc": "", "strings.TrimPrefix": "", "strings.TrimRight": "",
	"strings.TrimRightFunc": "", "strings.TrimSpace": "", "strings.TrimSuffix": "",
	"strings.Lines": "", "strings.SplitSeq": "", "strings.FieldsSeq": "", "strings.NewReader": "",
	"strings.Builder.String": "", "strings.Builder.Len": "", "strings.Builder.Cap": "",
	"strings.Builder.Reset": "", "strings.Builder.WriteString": "recv", "strings.Builder.WriteByte": "recv",
	"strings.Builder.WriteRune": "recv", "strings.Builder.Write": "recv",
	"strings.Replacer.Replace": "",

	// bytes
	"bytes.Compare": "", "bytes.Contains": "", "bytes.ContainsAny": "", "bytes.ContainsRune": "",
	"bytes.Count": "", "bytes.Cut": "", "bytes.Equal": "", "bytes.EqualFold": "", "bytes.Fields": "",
	"bytes.HasPrefix": "", "bytes.HasSuffix": "", "bytes.Index": "", "bytes.IndexAny": "",
	"bytes.IndexByte": "", "bytes.IndexRune": "", "bytes.Join": "", "bytes.LastIndex": "",
	"bytes.Split": "", "bytes.SplitN": "", "bytes.ToLower": "", "bytes.ToUpper": "", "bytes.Trim": "",
	"bytes.TrimSpace": "", "bytes.TrimPrefix": "", "bytes.TrimSuffix": "", "bytes.Clone": "",
	"bytes.NewReader": "", "bytes.NewBufferString": "", "bytes.NewBuffer": "",
	"bytes.Buffer.String": "", "bytes.Buffer.Len": "", "bytes.Buffer.Bytes": "",
	"bytes.Buffer.WriteString": "recv", "bytes.Buffer.WriteByte": "recv", "bytes.Buffer.WriteRune": "recv",
	"bytes.Buffer.Write": "recv",

	// strconv: the parsers return errors; FormatInt and FormatFloat are
	// left out (a bad base or size panics)
	"strconv.Atoi": "", "strconv.Itoa": "", "strconv.ParseInt": "", "strconv.ParseUint": "",
	"strconv.ParseFloat": "", "strconv.ParseBool": "", "strconv.FormatBool": "", "strconv.Quote": "",
	"strconv.QuoteToASCII": "", "strconv.QuoteRune": "", "strconv.Unquote": "", "strconv.UnquoteChar": "",

	// fmt recovers what the values' methods panic with
	"fmt.Sprint": "", "fmt.Sprintf": "", "fmt.Sprintln": "", "fmt.Errorf": "",
	"fmt.Print": "", "fmt.Printf": "", "fmt.Println": "",
	"fmt.Fprint": "", "fmt.Fprintf": "", "fmt.Fprintln": "", // the writer's own Write is followed apart

	// encoding
	"encoding/json.Marshal": "", "encoding/json.MarshalIndent": "", "encoding/json.Unmarshal": "",
	"encoding/json.Valid": "", "encoding/hex.EncodeToString": "", "encoding/hex.DecodeString": "",
	"encoding/base64.Encoding.EncodeToString": "", "encoding/base64.Encoding.DecodeString": "",
	"encoding/csv.NewReader": "",

	// unicode
	"unicode.IsLetter": "", "unicode.IsDigit": "", "unicode.IsNumber": "", "unicode.IsSpace": "",
	"unicode.IsUpper": "", "unicode.IsLower": "", "unicode.IsPunct": "", "unicode.ToUpper": "",
	"unicode.ToLower": "", "unicode/utf8.RuneCountInString": "", "unicode/utf8.RuneCount": "",
	"unicode/utf8.ValidString": "", "unicode/utf8.Valid": "", "unicode/utf8.DecodeRuneInString": "",
	"unicode/utf8.DecodeRune": "", "unicode/utf8.DecodeLastRuneInString": "", "unicode/utf8.RuneLen": "",

	// sort, errors, paths, html, hashes
	"sort.Strings": "", "sort.Ints": "", "sort.Float64s": "", "sort.SearchInts": "",
	"sort.SearchStrings": "", "sort.StringsAreSorted": "", "sort.IntsAreSorted": "",
	"errors.New": "", "errors.Is": "", "errors.Unwrap": "", "errors.Join": "",
	"path.Join": "", "path.Base": "", "path.Dir": "", "path.Ext": "", "path.Clean": "",
	"path/filepath.Join": "", "path/filepath.Base": "", "path/filepath.Dir": "",
	"path/filepath.Ext": "", "path/filepath.Clean": "",
	"html.EscapeString": "", "html.UnescapeString": "",
	"net/url.QueryEscape": "", "net/url.QueryUnescape": "", "net/url.PathEscape": "",
	"net/url.PathUnescape": "", "net/url.Parse": "", "net/url.ParseQuery": "",
	"net/url.Values.Get": "", "net/url.Values.Encode": "", "net/url.Values.Has": "",
	"net/url.URL.String": "", "net/url.URL.Query": "", "net/url.URL.Hostname": "",
	"crypto/sha256.Sum256": "", "crypto/md5.Sum": "", "crypto/sha1.Sum": "",
	"hash/crc32.ChecksumIEEE": "",

	// math: results are NaN or infinite, never a panic
	"math.Abs": "", "math.Ceil": "", "math.Floor": "", "math.Round": "", "math.Trunc": "",
	"math.Max": "", "math.Min": "", "math.Sqrt": "", "math.Pow": "", "math.Log": "", "math.Log10": "",
	"math.Exp": "", "math.Mod": "", "math.IsNaN": "", "math.IsInf": "", "math.Inf": "", "math.NaN": "",

	// time
	"time.Unix": "", "time.Parse": "", "time.ParseDuration": "",
	"time.Time.Format": "", "time.Time.Add": "", "time.Time.Sub": "", "time.Time.Before": "",
	"time.Time.After": "", "time.Time.Equal": "", "time.Time.Unix": "", "time.Time.Year": "",
	"time.Time.Month": "", "time.Time.Day": "", "time.Time.String": "", "time.Time.AddDate": "",
	"time.Duration.String": "", "time.Duration.Seconds": "", "time.Duration.Milliseconds": "",
	"time.Duration.Minutes": "", "time.Duration.Hours": "",

	// regexp: matching never panics (MustCompile does)
	"regexp.Compile": "", "regexp.MatchString": "", "regexp.Regexp.MatchString": "",
	"regexp.Regexp.FindString": "", "regexp.Regexp.FindStringSubmatch": "",
	"regexp.Regexp.FindAllString": "", "regexp.Regexp.FindAllStringSubmatch": "",
	"regexp.Regexp.ReplaceAllString": "", "regexp.Regexp.Split": "", "regexp.Regexp.FindStringIndex": "",

	// slices and maps
	"slices.Contains": "", "slices.Index": "", "slices.IndexFunc": "", "slices.ContainsFunc": "",
	"slices.Sort": "", "slices.SortFunc": "", "slices.SortStableFunc": "", "slices.Reverse": "",
	"slices.Equal": "", "slices.Clone": "", "slices.Compact": "", "slices.BinarySearch": "",
	"slices.Sorted": "", "slices.Collect": "", "slices.Values": "", "slices.All": "",
	"maps.Keys": "", "maps.Values": "", "maps.Clone": "", "maps.Equal": "", "maps.All": "",
}
