package buildcache

import (
	"encoding/binary"
	"hash/crc32"
	"runtime"
	"sync"
)

// The payload's checksum is summed in blocks of checkBlock bytes: the
// CRC-32C of the CRC-32Cs of its blocks, one after the other (4 bytes
// each, little-endian; the last block may be short). Blocks are summed
// apart, so a mapped file's are summed on every core at once
// (sumParallel): 0.2 s of one core for a cache of 427 MiB (10,000
// posts), a quarter of a restart's time. The block size is part of the
// format.
const checkBlock = 1 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// summer sums a payload written or read in order, in pieces of any size.
type summer struct {
	outer, block uint32 // the sum of the blocks done, and of the one being summed
	inBlock      int    // bytes of the block being summed
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
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], s.block)
	s.outer = crc32.Update(s.outer, castagnoli, b[:])
	s.block, s.inBlock = 0, 0
}

// sum is the payload's checksum, once it is all written.
func (s *summer) sum() uint32 {
	if s.inBlock > 0 {
		s.endBlock()
	}
	return s.outer
}

// sumParallel is the checksum of payload, its blocks summed on every
// core.
func sumParallel(payload []byte) uint32 {
	blocks := make([]uint32, (len(payload)+checkBlock-1)/checkBlock)
	workers := min(runtime.GOMAXPROCS(0), len(blocks))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Each a run of consecutive blocks: its pages read in order.
			for i := w * len(blocks) / workers; i < (w+1)*len(blocks)/workers; i++ {
				blocks[i] = crc32.Checksum(payload[i*checkBlock:min(len(payload), (i+1)*checkBlock)], castagnoli)
			}
		})
	}
	wg.Wait()
	outer := uint32(0)
	var b [4]byte
	for _, c := range blocks {
		binary.LittleEndian.PutUint32(b[:], c)
		outer = crc32.Update(outer, castagnoli, b[:])
	}
	return outer
}
