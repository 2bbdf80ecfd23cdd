//go:build !linux

package buildcache

import (
	"errors"
	"os"
)

const mapSupported = false

// mapFile fails: elsewhere than on Linux a cache file is read.
func mapFile(f *os.File, size int64) ([]byte, error) { return nil, errors.ErrUnsupported }

func unmap(m []byte) {}

func dropPages(start uintptr, n int) {}
