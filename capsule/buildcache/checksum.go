package buildcache

import (
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"sync"
	"sync/atomic"
)

// The payload is checked in blocks of checkBlock bytes (the last may be
// short): the file holds the CRC-32C of each block after the payload
// (4 bytes each, little-endian), and the trailer the CRC-32C of that
// table. Blocks are checked apart: a mapped file's on every core at once,
// and what a restart reads first (the saved front matter) before the
// rest, which is checked while the posts are loaded and the records
// decoded (File.Check, File.CheckRest): 0.2 s of one core for a cache of
// 427 MiB (10,000 posts), a quarter of a restart's time. The block size
// is part of the format.
const checkBlock = 1 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// blocks is how many blocks a payload of n bytes has.
func blocks(n int64) int64 { return (n + checkBlock - 1) / checkBlock }

// summer sums a payload written or read in order, in pieces of any size,
// block by block.
type summer struct {
	sums    []uint32 // the blocks done
	block   uint32   // the sum of the one being summed
	inBlock int      // its bytes
}

func (s *summer) write(b []byte) {
	for len(b) > 0 {
		k := min(len(b), checkBlock-s.inBlock)
		s.block = crc32.Update(s.block, castagnoli, b[:k])
		s.inBlock += k
		b = b[k:]
		if s.inBlock == checkBlock {
			s.endBlock()
		}
	}
}

func (s *summer) endBlock() {
	s.sums = append(s.sums, s.block)
	s.block, s.inBlock = 0, 0
}

// done is the blocks' sums, once the payload is all written.
func (s *summer) done() []uint32 {
	if s.inBlock > 0 {
		s.endBlock()
	}
	return s.sums
}

// table is the blocks' sums as the file holds them, once the payload is
// all written.
func (s *summer) table() []byte {
	t := make([]byte, 0, 4*len(s.sums))
	for _, c := range s.done() {
		t = binary.LittleEndian.AppendUint32(t, c)
	}
	return t
}

// parseTable reads the blocks' sums from t, a table as the file holds it.
func parseTable(t []byte) []uint32 {
	sums := make([]uint32, len(t)/4)
	for i := range sums {
		sums[i] = binary.LittleEndian.Uint32(t[4*i:])
	}
	return sums
}

// checkBlocks reports whether blocks from to to of payload have the sums
// sums says, checking them on every core.
func checkBlocks(payload []byte, sums []uint32, from, to int) bool {
	var next atomic.Int64
	next.Store(int64(from))
	var bad atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), to-from) {
		wg.Go(func() {
			for !bad.Load() {
				i := int(next.Add(1) - 1)
				if i >= to {
					return
				}
				if crc32.Checksum(payload[i*checkBlock:min(len(payload), (i+1)*checkBlock)], castagnoli) != sums[i] {
					bad.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return !bad.Load()
}
