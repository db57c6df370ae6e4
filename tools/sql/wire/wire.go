// Package wire decodes a tool's JSON result in the sandboxed child so that
// numbers held in untyped slots (any) keep their kind: an integer literal
// becomes int64 and any other number float64. encoding/json alone turns
// every such number into float64, which loses integers above 2^53 and tells
// a program that a row's id is 42.0.
//
// The provider writes floats that hold whole numbers with a fraction
// ("3.0"), so the two kinds never meet in one literal.
package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Decode decodes data into out, a non-nil pointer, as json.Unmarshal does,
// except for numbers in untyped slots.
func Decode(data []byte, out any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("more than one JSON value")
	}
	fix(reflect.ValueOf(out))
	return nil
}

// Number converts one JSON number literal.
func Number(n json.Number) any {
	s := n.String()
	if !strings.ContainsAny(s, ".eE") {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i
		}
	}
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// fix replaces json.Number values held in interfaces under v.
func fix(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fix(v.Elem())
		}
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := v.Elem()
		if n, ok := e.Interface().(json.Number); ok {
			if v.CanSet() {
				v.Set(reflect.ValueOf(Number(n)))
			}
			return
		}
		if e.Kind() == reflect.Map || e.Kind() == reflect.Slice {
			fix(e) // maps and slices share their storage
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			fix(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fix(v.Field(i))
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := v.MapIndex(k)
			if e.Kind() == reflect.Interface && !e.IsNil() {
				if n, ok := e.Elem().Interface().(json.Number); ok {
					v.SetMapIndex(k, reflect.ValueOf(Number(n)))
					continue
				}
				fix(e.Elem())
				continue
			}
			fix(e)
		}
	}
}
