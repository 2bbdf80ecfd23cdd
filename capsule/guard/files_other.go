//go:build !linux

package guard

import "errors"

// RaiseFileLimit is Linux only: elsewhere it does nothing and reports that
// the limit is not known, and no warning is given.
func RaiseFileLimit() (uint64, error) {
	return 0, errors.New("open file limit: not checked on this system")
}
