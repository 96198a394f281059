package xlsx

import (
	"archive/zip"
	"bytes"
	"hash/maphash"
	"sync"
)

// A district's wards fill in the same template, so their workbooks often
// hold parts that are the same byte for byte: the styles, the workbook's
// sheet list, the relationships, the content types. The profile of
// `check` on 2,000 forms put a quarter of the CPU time in inflating and
// tokenizing those small parts. What was read from such a part is
// remembered under its compressed bytes (with its name, method, CRC-32
// and size): the same bytes always inflate to the same XML, so the answer,
// or the reason for falling back to excelize, is the same.
type partMemo[T any] struct {
	mu      sync.Mutex
	entries map[uint64][]partEntry[T]
	bytes   int
}

type partEntry[T any] struct {
	name   string
	method uint16
	crc    uint32
	size   uint64
	raw    []byte
	v      T
	err    error
}

var partSeed = maphash.MakeSeed()

// Bounds on what the memos keep: parts up to partMemoPart compressed and
// partMemoXML inflated bytes, up to partMemoBytes of both in all per memo
// (what is read from a part is smaller than its XML).
const (
	partMemoPart  = 64 << 10
	partMemoXML   = 1 << 20
	partMemoBytes = 8 << 20
)

// descriptorMax is the longest data descriptor that follows a part's bytes
// when its flags say so (ZIP64, with signature): archive/zip checks its
// CRC-32 too, so it belongs to the key.
const descriptorMax = 24

var (
	rootRelsMemo     partMemo[struct{}]
	contentTypesMemo partMemo[struct{}]
	relsMemo         partMemo[map[string]leanRel]
	workbookMemo     partMemo[[]workbookSheet]
	stylesMemo       partMemo[leanStyles]
)

// remember returns what read gives for the part name of b, from the memo
// when a part with the same compressed bytes (and data descriptor) was
// read before. read's
// result must never be modified afterwards: other books share it.
func remember[T any](b *Book, m *partMemo[T], name string, read func() (T, error)) (T, error) {
	f, ok := b.parts[name]
	if !ok {
		return read()
	}
	raw, ok := memoBytes(b.data, f)
	if !ok {
		return read()
	}
	cost := len(raw) + int(f.UncompressedSize64)
	h := maphash.Bytes(partSeed, raw)
	same := func(e *partEntry[T]) bool {
		return e.name == name && e.method == f.Method && e.crc == f.CRC32 && e.size == f.UncompressedSize64 &&
			bytes.Equal(e.raw, raw)
	}
	m.mu.Lock()
	for i := range m.entries[h] {
		if e := m.entries[h][i]; same(&e) {
			m.mu.Unlock()
			return e.v, e.err
		}
	}
	m.mu.Unlock()
	v, err := read()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.bytes+cost > partMemoBytes {
		return v, err
	}
	if m.entries == nil {
		m.entries = map[uint64][]partEntry[T]{}
	}
	for i := range m.entries[h] {
		if same(&m.entries[h][i]) {
			return v, err // another worker remembered it meanwhile
		}
	}
	m.entries[h] = append(m.entries[h], partEntry[T]{name: name, method: f.Method, crc: f.CRC32,
		size: f.UncompressedSize64, raw: bytes.Clone(raw), v: v, err: err})
	m.bytes += cost
	return v, err
}

// memoBytes are the bytes of the part f of the workbook data that key the
// memo: its compressed bytes and data descriptor. ok is false for a part
// too big to remember.
func memoBytes(data []byte, f *zip.File) (raw []byte, ok bool) {
	off, err := f.DataOffset()
	if err != nil || off < 0 || f.CompressedSize64 > partMemoPart || f.UncompressedSize64 > partMemoXML ||
		uint64(off)+f.CompressedSize64 > uint64(len(data)) {
		return nil, false
	}
	end := uint64(off) + f.CompressedSize64
	if f.Flags&0x8 != 0 {
		end = min(end+descriptorMax, uint64(len(data)))
	}
	return data[off:end], true
}
