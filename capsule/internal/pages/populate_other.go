//go:build !linux

package pages

// Populate does nothing where the kernel has no MADV_POPULATE_WRITE:
// b's pages fault in as they are written.
func Populate(b []byte) {}
