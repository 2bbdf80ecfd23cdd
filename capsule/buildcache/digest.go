package buildcache

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"reflect"
	"sync"
	"time"
)

// Digest writes to w an encoding of v that two values have in common
// only when every exported field of theirs is equal (strings, numbers,
// bools, slices and structs of them; times by instant, zone name, offset
// and location), leaving out the top-level fields named in skip. A kind
// it cannot encode faithfully (a pointer, a map, a function) is an
// error: a field added to what a cache key is made of is then noticed,
// not left out.
func Digest(w io.Writer, v any, skip ...string) error {
	// Encoded whole, then written once: a hash's Write per field (and
	// the copy of every string it takes) cost a restart more than the
	// hashing.
	b, err := AppendDigest(nil, v, skip...)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// AppendDigest appends to b what Digest writes, and returns it. A
// pointer to a struct is its struct (given its address, a large struct
// is not copied into v).
func AppendDigest(b []byte, v any, skip ...string) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Struct {
		rv = rv.Elem()
	}
	return appendDigest(b, rv, skip)
}

var timeType = reflect.TypeOf(time.Time{})

// field is an exported field of a struct type.
type field struct {
	index int
	name  string
}

// fieldsOf holds exportedFields' answers, by type: a restart digests
// every post (capsule's postDigest), and reflect's Type.Field allocates
// at each call.
var fieldsOf sync.Map

// exportedFields are t's exported fields, in order.
func exportedFields(t reflect.Type) []field {
	if fs, ok := fieldsOf.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			fs = append(fs, field{i, f.Name})
		}
	}
	fieldsOf.Store(t, fs)
	return fs
}

func appendDigest(b []byte, v reflect.Value, skip []string) ([]byte, error) {
	num := func(u uint64) { b = binary.AppendUvarint(b, u) }
	str := func(s string) { num(uint64(len(s))); b = append(b, s...) }
	var err error
	switch v.Kind() {
	case reflect.String:
		str(v.String())
	case reflect.Bool:
		if v.Bool() {
			num(1)
		} else {
			num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		num(v.Uint())
	case reflect.Float32, reflect.Float64:
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Slice, reflect.Array:
		num(uint64(v.Len()))
		for i := range v.Len() {
			if b, err = appendDigest(b, v.Index(i), nil); err != nil {
				return nil, err
			}
		}
	case reflect.Struct:
		if v.Type() == timeType {
			t := v.Interface().(time.Time)
			name, off := t.Zone()
			num(uint64(t.Unix()))
			num(uint64(t.Nanosecond()))
			str(name)
			num(uint64(off))
			str(t.Location().String())
			return b, nil
		}
	fields:
		for _, f := range exportedFields(v.Type()) {
			for _, s := range skip {
				if f.name == s {
					continue fields
				}
			}
			str(f.name)
			if b, err = appendDigest(b, v.Field(f.index), nil); err != nil {
				return nil, fmt.Errorf("%s.%w", f.name, err)
			}
		}
	default:
		return nil, fmt.Errorf("%s: a %s cannot be part of a cache key", v.Type(), v.Kind())
	}
	return b, nil
}
