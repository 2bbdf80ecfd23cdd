package pages

import "unsafe"

// PopulateSlice is Populate for the memory of s, to its capacity: for a
// slice of records about to be written one by one (a load's record of
// every file), made in one allocation.
func PopulateSlice[T any](s []T) {
	if cap(s) == 0 {
		return
	}
	var t T
	Populate(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), uintptr(cap(s))*unsafe.Sizeof(t)))
}
