// Package symbols holds the standard-library symbols a sandboxed program may
// reach, generated with yaegi extract. Only the packages listed in the
// generate directive below exist inside the sandbox; a policy can narrow the
// list but never widen it. The tables of net, net/http, net/http/httptest
// and runtime are trimmed by hand after generating to the subsets
// internal/library offers, which it enforces either way.
package symbols

import "reflect"

// Symbols maps "importpath/name" to the exported symbols of that package.
var Symbols = map[string]map[string]reflect.Value{}

//go:generate go run github.com/traefik/yaegi/cmd/yaegi extract bufio bytes cmp container/heap container/list container/ring context encoding/base64 encoding/binary encoding/csv encoding/hex encoding/json errors fmt hash hash/crc32 hash/fnv html io math math/big math/bits math/cmplx math/rand net/url path regexp sort strconv strings sync sync/atomic text/tabwriter time unicode unicode/utf16 unicode/utf8 crypto/sha256 crypto/md5 crypto/sha1 text/template html/template encoding/xml compress/gzip compress/flate compress/zlib compress/lzw compress/bzip2 image image/color hash/adler32 hash/crc64 crypto/sha512 encoding/base32 encoding/ascii85 encoding/pem flag net net/netip runtime net/http net/http/httptest
