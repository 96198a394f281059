package xls

import (
	"encoding/binary"
	"time"
)

// lastSaved returns PIDSI_LASTSAVE_DTM from a SummaryInformation property
// set stream ([MS-OLEPS] 2.21), or the zero time if b has none.
func lastSaved(b []byte) time.Time {
	const (
		pidLastSave = 13
		vtFiletime  = 0x40
	)
	// Header: byte order 0xFFFE, version, system id, CLSID, section count;
	// then the first section's FMTID and offset.
	if len(b) < 48 || binary.LittleEndian.Uint16(b) != 0xFFFE || le32(b[24:]) < 1 {
		return time.Time{}
	}
	sec := uint64(le32(b[44:]))
	if sec+8 > uint64(len(b)) {
		return time.Time{}
	}
	n := uint64(le32(b[sec+4:]))
	for i := uint64(0); i < n && sec+8+8*i+8 <= uint64(len(b)); i++ {
		e := b[sec+8+8*i:]
		if le32(e) != pidLastSave {
			continue
		}
		p := sec + uint64(le32(e[4:]))
		if p+12 > uint64(len(b)) || le32(b[p:])&0xFFFF != vtFiletime {
			return time.Time{}
		}
		return filetime(binary.LittleEndian.Uint64(b[p+4:]))
	}
	return time.Time{}
}

// filetime converts a FILETIME, 100 ns ticks since 1601-01-01 UTC.
func filetime(ft uint64) time.Time {
	if ft == 0 {
		return time.Time{}
	}
	const (
		ticks       = 10_000_000  // per second
		epochOffset = 11644473600 // seconds from 1601 to 1970
	)
	return time.Unix(int64(ft/ticks)-epochOffset, int64(ft%ticks)*100).UTC()
}
