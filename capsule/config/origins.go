package config

import (
	"fmt"
	"reflect"
	"time"
)

// origins are where the configuration file set values: a problem found
// in a value when the configuration is checked names the file's line, as
// a problem found while reading it does.
type origins struct {
	file   string
	lines  map[string]int // by full key, from content.KeyLines
	values map[string]any // by full key, as read (a duration still a string)
}

// At is "file:line: " when the value of key ("gopher.width") is the
// configuration file's, "" when it is a default or a flag set it.
func (cfg *Config) At(key string) string {
	if file, line := cfg.origin(key); file != "" {
		return fmt.Sprintf("%s:%d: ", file, line)
	}
	return ""
}

// origin is the file and line that set key's value, or "" and 0.
func (cfg *Config) origin(key string) (file string, line int) {
	o := cfg.origins
	if o == nil {
		return "", 0
	}
	v, ok := o.values[key]
	if !ok || o.lines[key] == 0 {
		return "", 0
	}
	for _, k := range fileKeys {
		// A flag that set the key to another value overrides the file.
		if k.name == key && sameValue(reflect.ValueOf(k.field(cfg)).Elem().Interface(), v) {
			return o.file, o.lines[key]
		}
	}
	return "", 0
}

// sameValue reports whether a Config field's value is v, a value as the
// file reader keeps it (whole numbers as int64).
func sameValue(field, v any) bool {
	switch f := field.(type) {
	case int:
		n, ok := v.(int64)
		return ok && int64(f) == n
	case time.Duration:
		switch v := v.(type) {
		case time.Duration:
			return f == v
		case string:
			d, err := time.ParseDuration(v)
			return err == nil && d == f
		}
		return false
	}
	return reflect.DeepEqual(field, v)
}
