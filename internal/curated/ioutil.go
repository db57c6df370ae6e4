package curated

import (
	"io"
	"reflect"
)

// The io/ioutil a program sees: the functions on readers and writers, as
// the io package now offers them. Those that read or write files are left
// out.

func init() {
	Symbols["io/ioutil/ioutil"] = map[string]reflect.Value{
		"ReadAll":   reflect.ValueOf(io.ReadAll),
		"NopCloser": reflect.ValueOf(io.NopCloser),
		"Discard":   reflect.ValueOf(&io.Discard).Elem(),
	}
}
