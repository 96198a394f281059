package xls

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// rec builds a BIFF record.
func rec(typ uint16, data ...[]byte) []byte {
	d := bytes.Join(data, nil)
	h := binary.LittleEndian.AppendUint16(nil, typ)
	h = binary.LittleEndian.AppendUint16(h, uint16(len(d)))
	return append(h, d...)
}

func u16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

func wide(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.LittleEndian.AppendUint16(b, uint16(r))
	}
	return b
}

// sst reads an SST record followed by CONTINUE records with the given data.
func sst(t *testing.T, first []byte, conts ...[]byte) ([]string, error) {
	t.Helper()
	b := rec(recSST, first)
	for _, c := range conts {
		b = append(b, rec(recContinue, c)...)
	}
	br := &biffReader{b: b}
	r, err := br.next()
	if err != nil {
		t.Fatal(err)
	}
	return readSST(&r)
}

func TestSSTContinue(t *testing.T) {
	tests := []struct {
		name  string
		first []byte
		conts [][]byte
		want  []string
	}{{
		name: "8-bit string split, continued as 16-bit",
		// "abcdế": 3 compressed characters, then a CONTINUE whose flags
		// byte says the remaining 2 are UTF-16.
		first: bytes.Join([][]byte{u32(1), u32(2), u16(5), {0}, []byte("abc")}, nil),
		conts: [][]byte{append([]byte{1}, wide("dế")...), append(append(u16(2), 0), "ok"...)},
		want:  []string{"abcdế", "ok"},
	}, {
		name:  "16-bit string split, continued as 8-bit",
		first: bytes.Join([][]byte{u32(1), u32(1), u16(4), {1}, wide("Số")}, nil),
		conts: [][]byte{{0, 0xE8, 'x'}},
		want:  []string{"Sốèx"},
	}, {
		name: "header at the end of a record",
		// The characters start in the CONTINUE record, after its flags byte.
		first: bytes.Join([][]byte{u32(1), u32(1), u16(2), {0}}, nil),
		conts: [][]byte{{1, 'h', 0, 'i', 0}},
		want:  []string{"hi"},
	}, {
		name: "rich text and phonetic data split",
		// flags 0x0C: 1 formatting run (4 bytes) and 6 bytes of ExtRst,
		// which run on into the CONTINUE record without a flags byte.
		first: bytes.Join([][]byte{u32(2), u32(2), u16(2), {0x0C}, u16(1), u32(6), []byte("ab"), {1, 2}}, nil),
		conts: [][]byte{bytes.Join([][]byte{{3, 4}, {9, 9, 9, 9, 9, 9}, u16(1), {0}, []byte("z")}, nil)},
		want:  []string{"ab", "z"},
	}, {
		name:  "string starts a record",
		first: bytes.Join([][]byte{u32(2), u32(2), u16(1), {0}, []byte("a")}, nil),
		conts: [][]byte{bytes.Join([][]byte{u16(1), {1}, wide("ư")}, nil)},
		want:  []string{"a", "ư"},
	}, {
		name:  "count larger than the strings",
		first: bytes.Join([][]byte{u32(9), u32(9), u16(1), {0}, []byte("a")}, nil),
		want:  []string{"a"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sst(t, tt.first, tt.conts...)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSSTDamaged(t *testing.T) {
	for name, first := range map[string][]byte{
		"characters missing": bytes.Join([][]byte{u32(1), u32(1), u16(5), {0}, []byte("abc")}, nil),
		"odd 16-bit bytes":   bytes.Join([][]byte{u32(1), u32(1), u16(2), {1}, {'a', 0, 'b'}}, nil),
		"runs missing":       bytes.Join([][]byte{u32(1), u32(1), u16(1), {8}, u16(3), []byte("a")}, nil),
		"huge ExtRst":        bytes.Join([][]byte{u32(1), u32(1), u16(1), {4}, u32(-1), []byte("a")}, nil),
		"short header":       u32(1),
	} {
		_, err := sst(t, first)
		var fe *FormatError
		if !errors.As(err, &fe) || fe.Record != recSST {
			t.Errorf("%s: %v, want a *FormatError for SST", name, err)
		}
	}
}

func TestRK(t *testing.T) {
	tests := []struct {
		rk   uint32
		want float64
	}{
		{0x3FF00000, 1},                // float 1.0
		{0x3FF00001, 0.01},             // float 1.0 / 100
		{uint32(100<<2 | 2), 100},      // integer
		{uint32(12345<<2 | 3), 123.45}, // integer / 100
		{0xFFFFFFE6, -7},               // negative integer: -7<<2 | 2
		{0xC0040000, -2.5},             // float -2.5
	}
	for _, tt := range tests {
		if got := rk(tt.rk); got != tt.want {
			t.Errorf("rk(%#x) = %v, want %v", tt.rk, got, tt.want)
		}
	}
}

// workbook returns a minimal Workbook stream: globals with one font, one
// XF, a one-string SST and one hidden worksheet whose records are body.
func workbook(body ...[]byte) []byte {
	bof := func(dt int) []byte { return rec(recBOF, u16(0x0600), u16(dt), make([]byte, 12)) }
	font := rec(recFont, make([]byte, 14), []byte{5, 0}, []byte("Arial"))
	xf := rec(recXF, u16(0), u16(10), make([]byte, 16))
	name := []byte{5, 0, 'S', 'h', 'e', 'e', 't'}
	sstRec := rec(recSST, u32(1), u32(1), u16(2), []byte{0}, []byte("hi"))
	glob := bytes.Join([][]byte{bof(bofGlobals), font, xf, sstRec}, nil)
	bsLen := len(rec(recBoundSheet, u32(0), []byte{0, 0}, name))
	eof := rec(recEOF)
	off := len(glob) + bsLen + len(eof)
	glob = bytes.Join([][]byte{glob, rec(recBoundSheet, u32(off), []byte{1, 0}, name), eof}, nil)
	return bytes.Join([][]byte{glob, bof(bofWorksheet), bytes.Join(body, nil), eof}, nil)
}

// readBook reads a Workbook stream as Open does after the compound file.
func readBook(b []byte) (*Sheet, error) {
	g, err := readGlobals(b)
	if err != nil {
		return nil, err
	}
	return readSheet(b, g.sheets[0], g.sst, g.styles())
}

func TestCellRecords(t *testing.T) {
	cell := func(typ uint16, col int, data ...[]byte) []byte {
		return rec(typ, append([][]byte{u16(3), u16(col), u16(0)}, data...)...)
	}
	num := binary.LittleEndian.AppendUint64(nil, 0x400921F9F01B866E) // 3.14159
	sh, err := readBook(workbook(
		cell(recNumber, 0, num),
		cell(recLabelSST, 1, u32(0)),
		cell(recBoolErr, 2, []byte{1, 0}),
		cell(recBoolErr, 3, []byte{0x2A, 1}),
		cell(recLabel, 4, u16(1), []byte{1}, wide("Ở")),
		cell(recRString, 5, u16(1), []byte{0}, []byte("r"), u16(1), u32(0)),
		rec(recMulRK, u16(4), u16(0), u16(0), u32(5<<2|2), u16(0), u32(6<<2|2), u16(1)),
		cell(recFormula, 6, []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, make([]byte, 6)),
		rec(recString, u16(3), []byte{0}, []byte("abc")),
		cell(recRK, 7, u32(8<<2|2)),
		rec(recMergedCells, u16(1), u16(3), u16(4), u16(0), u16(1)),
	))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range sh.Cells {
		got = append(got, fmtCell(c))
	}
	want := []string{
		"3,0 1 3.14159 \"\" false 10 0.00% Arial",
		"3,1 2 0 \"hi\" false 10 0.00% Arial",
		"3,2 3 1 \"\" false 10 0.00% Arial",
		"3,3 4 0 \"#N/A\" false 10 0.00% Arial",
		"3,4 2 0 \"Ở\" false 10 0.00% Arial",
		"3,5 2 0 \"r\" false 10 0.00% Arial",
		"3,6 2 0 \"abc\" true 10 0.00% Arial",
		"3,7 1 8 \"\" false 10 0.00% Arial",
		"4,0 1 5 \"\" false 10 0.00% Arial",
		"4,1 1 6 \"\" false 10 0.00% Arial",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cells:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !sh.Hidden || sh.Name != "Sheet" || len(sh.Merges) != 1 || sh.Merges[0] != (Range{3, 4, 0, 1}) {
		t.Errorf("sheet %q hidden %v merges %v", sh.Name, sh.Hidden, sh.Merges)
	}
}

func fmtCell(c Cell) string {
	return strings.Join([]string{
		itoa(c.Row) + "," + itoa(c.Col), itoa(int(c.Kind)), ftoa(c.Num), quote(c.Str),
		map[bool]string{true: "true", false: "false"}[c.Formula], itoa(c.FormatID), c.FormatCode, c.Font,
	}, " ")
}

func TestCellDamaged(t *testing.T) {
	tests := map[string][]byte{
		"short NUMBER":        rec(recNumber, u16(0), u16(0), u16(0), u16(0)),
		"SST index":           rec(recLabelSST, u16(0), u16(0), u16(0), u32(7)),
		"column 256":          rec(recRK, u16(0), u16(256), u16(0), u32(2)),
		"MULRK past IV":       rec(recMulRK, u16(0), u16(255), u16(0), u32(2), u16(0), u32(2), u16(256)),
		"missing STRING":      bytes.Join([][]byte{rec(recFormula, u16(0), u16(0), u16(0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, make([]byte, 6)), rec(recRK, u16(1), u16(0), u16(0), u32(2))}, nil),
		"merged count":        rec(recMergedCells, u16(2), u16(0), u16(0), u16(0), u16(0)),
		"label past its end":  rec(recLabel, u16(0), u16(0), u16(0), u16(9), []byte{0}, []byte("abc")),
		"formula result type": rec(recFormula, u16(0), u16(0), u16(0), []byte{9, 0, 0, 0, 0, 0, 0xFF, 0xFF}, make([]byte, 6)),
	}
	for name, body := range tests {
		_, err := readBook(workbook(body))
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %v, want a *FormatError", name, err)
		}
	}
}

// TestTruncatedStream cuts the Workbook stream itself at every length.
func TestTruncatedStream(t *testing.T) {
	b := workbook(rec(recRK, u16(0), u16(0), u16(0), u32(2)))
	for n := range len(b) {
		_, err := readBook(b[:n])
		if err == nil {
			t.Fatalf("%d of %d bytes: no error", n, len(b))
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, errNoBOF) {
			t.Errorf("%d of %d bytes: %v", n, len(b), err)
		}
	}
}

func itoa(i int) string     { return strconv.Itoa(i) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
func quote(s string) string { return strconv.Quote(s) }

// TestSharedSheet: two sheets listed at one offset are refused, not read
// twice (a small file could otherwise take any amount of memory).
func TestSharedSheet(t *testing.T) {
	b := workbook(rec(recNumber, u16(0), u16(0), u16(0), make([]byte, 8)))
	name := []byte{5, 0, 'S', 'h', 'e', 'e', 't'}
	one := rec(recBoundSheet, u32(0), []byte{1, 0}, name)
	i := bytes.Index(b, one[:4])
	if i < 0 {
		t.Fatal("no BOUNDSHEET record")
	}
	bs := b[i : i+len(one)]
	// The same record again, with the offsets after it moved by its length.
	twice := bytes.Join([][]byte{b[:i], bs, bs, b[i+len(one):]}, nil)
	off := int(binary.LittleEndian.Uint32(bs[4:])) + len(one)
	for _, at := range []int{i + 4, i + len(one) + 4} {
		binary.LittleEndian.PutUint32(twice[at:], uint32(off))
	}
	g, err := readGlobals(twice)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.sheets) != 2 {
		t.Fatalf("%d sheets listed, want 2", len(g.sheets))
	}
	if _, err := readSheets(twice, g); !errors.Is(err, errSharedSheet) {
		t.Errorf("readSheets: %v, want %v", err, errSharedSheet)
	}
	g.sheets = g.sheets[:1]
	if sheets, err := readSheets(twice, g); err != nil || len(sheets) != 1 || len(sheets[0].Cells) != 1 {
		t.Errorf("one listing: %v, %v", sheets, err)
	}
}
