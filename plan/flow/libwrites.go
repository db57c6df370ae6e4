package flow

import (
	"go/types"

	"github.com/airlockhq/airlock/plan/pass"
)

// A library function may write through every reference it is given: its
// pointer receiver and each argument of pointer, slice, map, channel or
// interface type. That is the model for every function of the sandbox's
// symbol set, derived from its signature; the table below narrows it for
// the functions known to write less, by name, never by package or prefix.
// TestLibWrites checks each entry against the offered symbols, against
// the names and documentation of writers, and by calling it: the entry's
// references are compared before and after the call.
//
// An entry lists what the function writes: argument indexes, Recv for the
// receiver; the last index of a variadic parameter stands for all of its
// arguments. An empty entry writes nothing it is given.
var libWrites = map[string][]int{
	// bytes
	"bytes.Clone": {}, "bytes.Compare": {}, "bytes.Contains": {}, "bytes.ContainsAny": {},
	"bytes.ContainsFunc": {}, "bytes.ContainsRune": {}, "bytes.Count": {}, "bytes.Cut": {},
	"bytes.CutPrefix": {}, "bytes.CutSuffix": {}, "bytes.Equal": {}, "bytes.EqualFold": {},
	"bytes.Fields": {}, "bytes.FieldsFunc": {}, "bytes.FieldsFuncSeq": {}, "bytes.FieldsSeq": {},
	"bytes.HasPrefix": {}, "bytes.HasSuffix": {}, "bytes.Index": {}, "bytes.IndexAny": {},
	"bytes.IndexByte": {}, "bytes.IndexFunc": {}, "bytes.IndexRune": {}, "bytes.Join": {},
	"bytes.LastIndex": {}, "bytes.LastIndexAny": {}, "bytes.LastIndexByte": {}, "bytes.LastIndexFunc": {},
	"bytes.Lines": {}, "bytes.Map": {}, "bytes.Repeat": {}, "bytes.Replace": {}, "bytes.ReplaceAll": {},
	"bytes.Runes": {}, "bytes.Split": {}, "bytes.SplitAfter": {}, "bytes.SplitAfterN": {},
	"bytes.SplitAfterSeq": {}, "bytes.SplitN": {}, "bytes.SplitSeq": {}, "bytes.ToLower": {},
	"bytes.ToTitle": {}, "bytes.ToUpper": {}, "bytes.ToValidUTF8": {}, "bytes.Trim": {},
	"bytes.TrimFunc": {}, "bytes.TrimLeft": {}, "bytes.TrimLeftFunc": {}, "bytes.TrimPrefix": {},
	"bytes.TrimRight": {}, "bytes.TrimRightFunc": {}, "bytes.TrimSpace": {}, "bytes.TrimSuffix": {},
	"bytes.NewReader": {}, "bytes.NewBufferString": {},
	"bytes.Buffer.Bytes": {}, "bytes.Buffer.String": {}, "bytes.Buffer.Len": {}, "bytes.Buffer.Cap": {},
	"bytes.Buffer.Available": {}, "bytes.Reader.Len": {}, "bytes.Reader.Size": {},

	// strings
	"strings.Join": {}, "strings.ContainsFunc": {}, "strings.FieldsFunc": {}, "strings.FieldsFuncSeq": {},
	"strings.IndexFunc": {}, "strings.LastIndexFunc": {}, "strings.Map": {}, "strings.TrimFunc": {},
	"strings.TrimLeftFunc": {}, "strings.TrimRightFunc": {}, "strings.NewReplacer": {},
	"strings.Replacer.Replace": {}, "strings.Replacer.WriteString": {0},
	"strings.Builder.String": {}, "strings.Builder.Len": {}, "strings.Builder.Cap": {},
	"strings.Reader.Len": {}, "strings.Reader.Size": {},

	// strconv: the Append functions write into dst
	"strconv.AppendBool": {0}, "strconv.AppendFloat": {0}, "strconv.AppendInt": {0}, "strconv.AppendQuote": {0},
	"strconv.AppendQuoteRune": {0}, "strconv.AppendQuoteRuneToASCII": {0}, "strconv.AppendQuoteRuneToGraphic": {0},
	"strconv.AppendQuoteToASCII": {0}, "strconv.AppendQuoteToGraphic": {0}, "strconv.AppendUint": {0},

	// fmt
	"fmt.Sprint": {}, "fmt.Sprintf": {}, "fmt.Sprintln": {}, "fmt.Errorf": {},
	"fmt.Print": {}, "fmt.Printf": {}, "fmt.Println": {},
	"fmt.Fprint": {0}, "fmt.Fprintf": {0}, "fmt.Fprintln": {0},
	"fmt.Append": {0}, "fmt.Appendf": {0}, "fmt.Appendln": {0},
	"fmt.Sscan": {1}, "fmt.Sscanf": {2}, "fmt.Sscanln": {1},

	// encoding
	"encoding/json.Marshal": {}, "encoding/json.MarshalIndent": {}, "encoding/json.Valid": {},
	"encoding/json.Unmarshal": {1}, "encoding/json.Compact": {0}, "encoding/json.Indent": {0},
	"encoding/json.HTMLEscape": {0}, "encoding/json.NewDecoder": {}, "encoding/json.NewEncoder": {},
	"encoding/json.Encoder.Encode": {Recv},
	"encoding/hex.EncodeToString":  {}, "encoding/hex.Dump": {}, "encoding/hex.Encode": {0},
	"encoding/hex.Decode": {0}, "encoding/hex.AppendEncode": {0}, "encoding/hex.AppendDecode": {0},
	"encoding/base64.Encoding.EncodeToString": {}, "encoding/base64.Encoding.Encode": {0},
	"encoding/base64.Encoding.Decode": {0}, "encoding/base64.Encoding.AppendEncode": {0},
	"encoding/base64.Encoding.AppendDecode": {0},
	"encoding/csv.NewReader":                {}, "encoding/csv.NewWriter": {},

	// errors
	"errors.Is": {}, "errors.Unwrap": {}, "errors.Join": {}, "errors.As": {1},

	// sort: searches and checks read; sorting writes
	"sort.Search": {}, "sort.Find": {}, "sort.SearchInts": {}, "sort.SearchFloat64s": {},
	"sort.SearchStrings": {}, "sort.IsSorted": {}, "sort.IntsAreSorted": {}, "sort.Float64sAreSorted": {},
	"sort.StringsAreSorted": {}, "sort.SliceIsSorted": {}, "sort.Reverse": {},

	// regexp: matching reads; Longest and UnmarshalText change the receiver
	"regexp.Match": {}, "regexp.Regexp.Find": {}, "regexp.Regexp.FindAll": {}, "regexp.Regexp.FindAllIndex": {},
	"regexp.Regexp.FindAllSubmatch": {}, "regexp.Regexp.FindAllSubmatchIndex": {}, "regexp.Regexp.FindIndex": {},
	"regexp.Regexp.FindSubmatch": {}, "regexp.Regexp.FindSubmatchIndex": {}, "regexp.Regexp.Match": {},
	"regexp.Regexp.ReplaceAll": {}, "regexp.Regexp.ReplaceAllFunc": {}, "regexp.Regexp.ReplaceAllLiteral": {},
	"regexp.Regexp.ReplaceAllString": {}, "regexp.Regexp.ReplaceAllStringFunc": {},
	"regexp.Regexp.ReplaceAllLiteralString": {}, "regexp.Regexp.FindString": {}, "regexp.Regexp.FindStringIndex": {},
	"regexp.Regexp.FindStringSubmatch": {}, "regexp.Regexp.FindStringSubmatchIndex": {},
	"regexp.Regexp.FindAllString": {}, "regexp.Regexp.FindAllStringIndex": {},
	"regexp.Regexp.FindAllStringSubmatch": {}, "regexp.Regexp.FindAllStringSubmatchIndex": {},
	"regexp.Regexp.MatchString": {}, "regexp.Regexp.Split": {}, "regexp.Regexp.String": {},
	"regexp.Regexp.NumSubexp": {}, "regexp.Regexp.SubexpNames": {}, "regexp.Regexp.SubexpIndex": {},
	"regexp.Regexp.LiteralPrefix": {}, "regexp.Regexp.Expand": {0}, "regexp.Regexp.ExpandString": {0},
	"regexp.Regexp.FindReaderIndex": {0}, "regexp.Regexp.FindReaderSubmatchIndex": {0},
	"regexp.Regexp.MatchReader": {0}, "regexp.Regexp.AppendText": {0},

	// unicode, hashes, paths
	"unicode.Is": {}, "unicode.In": {}, "unicode.IsOneOf": {},
	"unicode/utf8.Valid": {}, "unicode/utf8.FullRune": {}, "unicode/utf8.DecodeRune": {},
	"unicode/utf8.DecodeLastRune": {}, "unicode/utf8.RuneCount": {},
	"unicode/utf8.EncodeRune": {0}, "unicode/utf8.AppendRune": {0},
	"hash/crc32.Checksum": {}, "hash/crc32.ChecksumIEEE": {}, "hash/crc32.Update": {},
	"crypto/md5.Sum": {}, "crypto/sha1.Sum": {}, "crypto/sha256.Sum256": {}, "crypto/sha256.Sum224": {},
	"crypto/sha512.Sum512": {}, "crypto/sha512.Sum384": {},

	// net/url
	"net/url.URL.String": {}, "net/url.URL.Query": {}, "net/url.URL.Hostname": {}, "net/url.URL.Port": {},
	"net/url.URL.EscapedPath": {}, "net/url.URL.RequestURI": {}, "net/url.URL.IsAbs": {},
	"net/url.URL.Redacted": {}, "net/url.URL.EscapedFragment": {}, "net/url.URL.JoinPath": {},
	"net/url.URL.ResolveReference": {}, "net/url.URL.Parse": {},
	"net/url.Values.Get": {}, "net/url.Values.Has": {}, "net/url.Values.Encode": {},

	// math/big: arithmetic sets the receiver from its arguments
	"math/big.Int.Add": {Recv}, "math/big.Int.Sub": {Recv}, "math/big.Int.Mul": {Recv},
	"math/big.Int.Quo": {Recv}, "math/big.Int.Rem": {Recv}, "math/big.Int.Div": {Recv},
	"math/big.Int.Mod": {Recv}, "math/big.Int.Exp": {Recv}, "math/big.Int.Neg": {Recv},
	"math/big.Int.Abs": {Recv}, "math/big.Int.Set": {Recv}, "math/big.Int.SetString": {Recv},
	"math/big.Int.SetInt64": {Recv}, "math/big.Int.SetUint64": {Recv}, "math/big.Int.Lsh": {Recv},
	"math/big.Int.Rsh": {Recv}, "math/big.Int.Cmp": {}, "math/big.Int.CmpAbs": {},
	"math/big.Int.String": {}, "math/big.Int.Text": {}, "math/big.Int.Int64": {},
	"math/big.Int.Uint64": {}, "math/big.Int.Sign": {}, "math/big.Int.BitLen": {},
	"math/big.Int.IsInt64": {}, "math/big.Int.Bytes": {},

	// log: what is logged goes to the logger's writer, the package's
	// state, not to the values logged
	"log.Print": {}, "log.Printf": {}, "log.Println": {}, "log.Fatal": {}, "log.Fatalf": {},
	"log.Fatalln": {}, "log.Panic": {}, "log.Panicf": {}, "log.Panicln": {},
	"log.Logger.Print": {Recv}, "log.Logger.Printf": {Recv}, "log.Logger.Println": {Recv},
	"log.Logger.Fatal": {Recv}, "log.Logger.Fatalf": {Recv}, "log.Logger.Fatalln": {Recv},

	// time
	"time.Location.String": {},

	// containers
	"container/list.List.Len": {}, "container/list.List.Front": {}, "container/list.List.Back": {},
	"container/list.Element.Next": {}, "container/list.Element.Prev": {},

	// slices and maps: generic, declared as source
	"slices.All": {}, "slices.Backward": {}, "slices.BinarySearch": {}, "slices.BinarySearchFunc": {},
	"slices.Chunk": {}, "slices.Clone": {}, "slices.Compare": {}, "slices.CompareFunc": {},
	"slices.Concat": {}, "slices.Contains": {}, "slices.ContainsFunc": {}, "slices.Equal": {},
	"slices.EqualFunc": {}, "slices.Index": {}, "slices.IndexFunc": {}, "slices.IsSorted": {},
	"slices.IsSortedFunc": {}, "slices.Max": {}, "slices.MaxFunc": {}, "slices.Min": {},
	"slices.MinFunc": {}, "slices.Repeat": {}, "slices.Values": {},
	"slices.Insert": {0}, "slices.Replace": {0}, "slices.Delete": {0}, "slices.DeleteFunc": {0},
	"slices.Compact": {0}, "slices.CompactFunc": {0}, "slices.Grow": {0}, "slices.Clip": {0},
	"slices.Reverse": {0}, "slices.Sort": {0}, "slices.SortFunc": {0}, "slices.SortStableFunc": {0},
	"slices.AppendSeq": {0},
	"maps.All":         {}, "maps.Keys": {}, "maps.Values": {}, "maps.Clone": {}, "maps.Equal": {},
	"maps.EqualFunc": {}, "maps.Copy": {0}, "maps.DeleteFunc": {0}, "maps.Insert": {0},
}

// Recv stands for the receiver in a libWrites entry.
const Recv = -1

// LibName names a library function or method as libWrites does:
// "path.Func" or "path.Type.Method".
func LibName(fn *types.Func) string {
	fn = fn.Origin()
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if n, ok := types.Unalias(pass.Deref(recv.Type())).(*types.Named); ok {
			return pkg + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return pkg + "." + fn.Name()
}

// LibWrites reports whether a call of the library function fn may write
// through its i'th argument, or its receiver when i is nargs.
func LibWrites(fn *types.Func, i, nargs int) bool {
	if i == nargs {
		i = Recv
	}
	sig := fn.Signature()
	return writes(LibName(fn), i, sig.Params().Len(), sig.Variadic())
}

// writes reports whether the library function name may write through
// argument i (Recv for the receiver), given its number of parameters.
func writes(name string, i, params int, variadic bool) bool {
	list, ok := libWrites[name]
	if !ok {
		return true
	}
	for _, w := range list {
		if w == i || w >= 0 && variadic && w == params-1 && i >= w {
			return true
		}
	}
	return false
}
