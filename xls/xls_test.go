package xls_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"chitieu/xls"
)

func open(t testing.TB, path string) *xls.Workbook {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := xls.Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return wb
}

func sheet(t *testing.T, wb *xls.Workbook, name string) *xls.Sheet {
	t.Helper()
	for _, s := range wb.Sheets {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no sheet %q", name)
	return nil
}

// cellAt returns the cell at row r, column c of s, or nil.
func cellAt(s *xls.Sheet, r, c int) *xls.Cell {
	for i := range s.Cells {
		if s.Cells[i].Row == r && s.Cells[i].Col == c {
			return &s.Cells[i]
		}
	}
	return nil
}

// want is an expected cell; zero fields of FormatCode and Font are not checked.
type want struct {
	ref     string // A1 style
	kind    xls.Kind
	num     float64
	str     string
	formula bool
	code    string
	font    string
}

func ref(s string) (row, col int) {
	col = int(s[0] - 'A')
	fmt.Sscan(s[1:], &row)
	return row - 1, col
}

func checkCells(t *testing.T, s *xls.Sheet, wants []want) {
	t.Helper()
	for _, w := range wants {
		r, c := ref(w.ref)
		got := cellAt(s, r, c)
		if got == nil {
			t.Errorf("%s!%s: no cell", s.Name, w.ref)
			continue
		}
		if got.Kind != w.kind || got.Num != w.num || got.Str != w.str || got.Formula != w.formula {
			t.Errorf("%s!%s = {kind %d, num %v, str %.40q, formula %v}, want {kind %d, num %v, str %.40q, formula %v}",
				s.Name, w.ref, got.Kind, got.Num, got.Str, got.Formula, w.kind, w.num, w.str, w.formula)
		}
		if w.code != "" && got.FormatCode != w.code {
			t.Errorf("%s!%s: format code %q, want %q", s.Name, w.ref, got.FormatCode, w.code)
		}
		if w.font != "" && got.Font != w.font {
			t.Errorf("%s!%s: font %q, want %q", s.Name, w.ref, got.Font, w.font)
		}
	}
}

// longString is what testdata/make.go writes in Data!A4.
func longString() string {
	var b strings.Builder
	for i := 0; b.Len() < 12000; i++ {
		fmt.Fprintf(&b, "dòng số %04d; ", i)
	}
	return b.String()
}

// TestBook checks testdata/book.xls against what testdata/make.go wrote.
// LibreOffice renumbers number formats (it writes "0%" as a custom format
// 165, not built-in 9), so the tests check format codes, not ids.
func TestBook(t *testing.T) {
	wb := open(t, "testdata/book.xls")
	if wb.Date1904 {
		t.Error("Date1904 = true, want false")
	}
	if wb.Codepage != 1200 {
		t.Errorf("Codepage = %d, want 1200", wb.Codepage)
	}
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, fmt.Sprintf("%s hidden=%v", s.Name, s.Hidden))
	}
	if got, want := strings.Join(names, "; "), "Data hidden=false; Hidden hidden=true; Bảng 2 hidden=false"; got != want {
		t.Errorf("sheets: %s, want %s", got, want)
	}

	data := sheet(t, wb, "Data")
	checkCells(t, data, []want{
		{ref: "A1", kind: xls.String, str: "Hello", code: "General"},
		{ref: "A2", kind: xls.String, str: "Số hộ nghèo", font: "Arial"},
		{ref: "A3", kind: xls.String, str: "Sè hé nghÌo", font: ".VnTime"},
		{ref: "A4", kind: xls.String, str: longString()},
		{ref: "A5", kind: xls.String, str: strings.Repeat("x", 9000)},
		{ref: "B1", kind: xls.Number, num: 42, code: "General"},
		{ref: "B2", kind: xls.Number, num: 3.14159},
		{ref: "B3", kind: xls.Number, num: -7},
		{ref: "B4", kind: xls.Number, num: -2.5},
		{ref: "B5", kind: xls.Number, num: 1e10},
		{ref: "B6", kind: xls.Number, num: 123456789},
		{ref: "B7", kind: xls.Number, num: 0.1},
		{ref: "C1", kind: xls.Number, num: 0.25, code: "0%"},
		{ref: "C2", kind: xls.Number, num: 0.1234, code: "0.00%"},
		{ref: "C3", kind: xls.Number, num: 0.456, code: "0.0%"},
		{ref: "D1", kind: xls.Number, num: 84, formula: true},
		{ref: "D2", kind: xls.String, str: "Hello world", formula: true},
		{ref: "D3", kind: xls.Error, str: "#DIV/0!", formula: true},
		{ref: "D4", kind: xls.Bool, num: 1, formula: true},
		{ref: "D5", kind: xls.String, str: "", formula: true},
		// LibreOffice has no boolean cells: it saves TRUE as =TRUE().
		{ref: "E1", kind: xls.Bool, num: 1, formula: true},
		{ref: "E2", kind: xls.Bool, num: 0, formula: true},
		{ref: "A20", kind: xls.String, str: "Merged"},
	})
	// 1500 distinct strings fill the SST across several CONTINUE records.
	for i := range 1500 {
		c := cellAt(data, i, 6)
		if want := fmt.Sprintf("chuỗi số %04d", i); c == nil || c.Str != want {
			t.Fatalf("Data!G%d = %v, want %q", i+1, c, want)
		}
	}
	if want := []xls.Range{{FirstRow: 19, LastRow: 20, FirstCol: 0, LastCol: 2}}; fmt.Sprint(data.Merges) != fmt.Sprint(want) {
		t.Errorf("merges = %v, want %v", data.Merges, want)
	}
	for i := 1; i < len(data.Cells); i++ {
		a, b := data.Cells[i-1], data.Cells[i]
		if a.Row > b.Row || a.Row == b.Row && a.Col >= b.Col {
			t.Fatalf("cells not sorted: (%d,%d) before (%d,%d)", a.Row, a.Col, b.Row, b.Col)
		}
	}

	checkCells(t, sheet(t, wb, "Hidden"), []want{
		{ref: "A1", kind: xls.String, str: "secret"},
		{ref: "B2", kind: xls.Number, num: 7},
	})
	checkCells(t, sheet(t, wb, "Bảng 2"), []want{
		{ref: "A1", kind: xls.String, str: "Phường"},
		{ref: "B1", kind: xls.Number, num: 16},
		{ref: "A2", kind: xls.String, str: "Tổng"},
		{ref: "B2", kind: xls.Number, num: 1.5},
	})
}

func TestDate1904(t *testing.T) {
	wb := open(t, "testdata/date1904.xls")
	if !wb.Date1904 {
		t.Error("Date1904 = false, want true")
	}
	checkCells(t, wb.Sheets[0], []want{
		{ref: "A1", kind: xls.String, str: "Ngày"},
		{ref: "B1", kind: xls.Number, num: 1},
	})
}

func TestRows(t *testing.T) {
	wb := open(t, "testdata/book.xls")
	rows := sheet(t, wb, "Hidden").Rows()
	if len(rows) != 2 || len(rows[0]) != 1 || len(rows[1]) != 2 {
		t.Fatalf("Rows shape: %d rows, want 2 (of 1 and 2 cells)", len(rows))
	}
	if rows[0][0].Str != "secret" || rows[1][0] != nil || rows[1][1].Num != 7 {
		t.Errorf("Rows = %v", rows)
	}
}

// corpus is the shared corpus of real workbooks, next to the repository.
const corpus = "../../shared/corpus"

// TestCorpus reads real workbooks. The expected values were checked with
// xlrd 1.2.0 and LibreOffice, not with this package.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not found at %s: %v", corpus, err)
	}
	tests := []struct {
		file   string
		err    error // wanted error, for refused files
		date   bool
		sheets int
		sheet  string
		cells  []want
	}{{
		// A FORMAT record whose character count is one too high.
		file: "realworld/poi_61045_govdocs1_626534.xls", sheets: 1, sheet: "Sheet1",
		cells: []want{
			{ref: "A8", kind: xls.String, str: " YEAR", font: "Courier New"},
			{ref: "G8", kind: xls.String, str: "     TOTAL"},
		},
	}, {
		file: "realworld/poi_1904DateWindowing.xls", date: true, sheets: 3, sheet: "Sheet1",
		cells: []want{{ref: "A1", kind: xls.Number, num: 35064, code: "m/d/yy", font: "Verdana"}},
	}, {
		file: "realworld/calamine_too_small.xls", err: xls.ErrDamaged,
	}, {
		// Despite its name this file also has a BIFF8 "Workbook" stream
		// next to the BIFF5 "Book" one (Excel's "97 & 5.0/95" format), and
		// the BIFF8 one is read, as xlrd and calamine do.
		file: "realworld/calamine_biff5-rich-text-string.xls", sheets: 1, sheet: "Sheet1",
		cells: []want{
			{ref: "A3", kind: xls.String, str: "No.", font: "Times New Roman"},
			{ref: "B3", kind: xls.String, str: "Surname in full."},
		},
	}, {
		file: "vietnamese/gso_2000-01_bieu-thang-1.xls", sheets: 28, sheet: "5gia",
		cells: []want{
			// TCVN3 for "Chỉ số giá tiêu dùng", as Latin-1 code points.
			{ref: "A9", kind: xls.String, str: "ChØ sè gi¸ tiªu dïng", font: ".VnTimeH"},
		},
	}, {
		file: "vietnamese/gso_2007-04_Bieu04.07.xls", sheets: 14, sheet: "Gia",
		cells: []want{{ref: "A10", kind: xls.String, str: "ChØ sè gi¸ tiªu dïng", font: ".VnArialH"}},
	}, {
		file: "vietnamese/gso_2010-02_Bieu-0210.xls", sheets: 12, sheet: "01NN",
		cells: []want{{ref: "A1", kind: xls.String, str: "1. Sản xuất nông nghiệp đến ngày 15 tháng 02 năm 2010", font: "Arial"}},
	}}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(corpus, tt.file))
			if err != nil {
				t.Skip(err)
			}
			wb, err := xls.Open(bytes.NewReader(b), int64(len(b)))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Open: %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if wb.Date1904 != tt.date || len(wb.Sheets) != tt.sheets {
				t.Errorf("Date1904 %v, %d sheets; want %v, %d", wb.Date1904, len(wb.Sheets), tt.date, tt.sheets)
			}
			checkCells(t, sheet(t, wb, tt.sheet), tt.cells)
		})
	}

	t.Run("gso numbers", func(t *testing.T) {
		wb := open(t, filepath.Join(corpus, "vietnamese/gso_2000-01_bieu-thang-1.xls"))
		checkCells(t, sheet(t, wb, "NN"), []want{
			{ref: "C8", kind: xls.Number, num: 1721.5, code: "0.0", font: ".VnTime"},
			{ref: "D8", kind: xls.Number, num: 1754.8},
		})
	})
}

// TestTruncated opens prefixes of the fixtures: each must give a workbook
// or an error, never a panic.
func TestTruncated(t *testing.T) {
	for _, name := range []string{"testdata/date1904.xls", "testdata/book.xls"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		step := max(1, len(b)/2000)
		refused := 0
		for n := 0; n < len(b); n += step {
			wb, err := xls.Open(bytes.NewReader(b[:n]), int64(n))
			if (wb == nil) == (err == nil) {
				t.Fatalf("%s cut to %d bytes: workbook %v, error %v", name, n, wb != nil, err)
			}
			if err != nil {
				refused++
			}
		}
		if refused == 0 {
			t.Errorf("%s: no cut was refused", name)
		}
	}
}

// patch returns a copy of b with the first old replaced by new.
func patch(t *testing.T, b, old, new []byte) []byte {
	t.Helper()
	i := bytes.Index(b, old)
	if i < 0 || len(old) != len(new) {
		t.Fatalf("cannot patch % x", old)
	}
	out := bytes.Clone(b)
	copy(out[i:], new)
	return out
}

func TestRefused(t *testing.T) {
	b, err := os.ReadFile("testdata/date1904.xls")
	if err != nil {
		t.Fatal(err)
	}
	utf16le := func(s string) []byte {
		var out []byte
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u), byte(u>>8))
		}
		return out
	}
	// The directory entry: "Workbook" and its name length of 18 bytes at
	// offset 64. Renamed "Book", it is an Excel 5.0/95 file.
	entry := append(utf16le("Workbook"), make([]byte, 64-16)...)
	entry = append(entry, 18, 0)
	book := append(utf16le("Book"), make([]byte, 64-8)...)
	book = append(book, 10, 0)
	noWorkbook := append(utf16le("Xorkbook"), make([]byte, 64-16)...)
	noWorkbook = append(noWorkbook, 18, 0)

	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, xls.ErrDamaged},
		{"xlsx", []byte("PK\x03\x04 not a compound file"), xls.ErrDamaged},
		{"cut short", b[:len(b)/2], xls.ErrDamaged},
		{"no Workbook stream", patch(t, b, entry, noWorkbook), xls.ErrNotXLS},
		{"Book stream", patch(t, b, entry, book), xls.ErrOldFormat},
		// BOF version 0x0600 made 0x0500.
		{"BIFF5 BOF", patch(t, b, []byte{0x09, 0x08, 0x10, 0, 0, 6, 5, 0}, []byte{0x09, 0x08, 0x10, 0, 0, 5, 5, 0}), xls.ErrOldFormat},
		// CODEPAGE 1200 made a FILEPASS record of the same size.
		{"FILEPASS", patch(t, b, []byte{0x42, 0, 2, 0, 0xB0, 4}, []byte{0x2F, 0, 2, 0, 0xB0, 4}), xls.ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := xls.Open(bytes.NewReader(tt.in), int64(len(tt.in)))
			if !errors.Is(err, tt.want) {
				t.Errorf("Open: %v, want %v", err, tt.want)
			}
		})
	}
}

func TestFormatError(t *testing.T) {
	b, err := os.ReadFile("testdata/date1904.xls")
	if err != nil {
		t.Fatal(err)
	}
	// The sheet's BOF record made an unknown record type: its substream no
	// longer starts with BOF.
	b = patch(t, b, []byte{0x09, 0x08, 0x10, 0, 0, 6, 0x10, 0}, []byte{0x99, 0x09, 0x10, 0, 0, 6, 0x10, 0})
	_, err = xls.Open(bytes.NewReader(b), int64(len(b)))
	var fe *xls.FormatError
	if !errors.As(err, &fe) || fe.Record != 0x0999 {
		t.Fatalf("Open: %v, want a *FormatError for record 0x0999", err)
	}
	if !strings.Contains(err.Error(), "record 0x0999 at offset") {
		t.Errorf("Error() = %q", err)
	}
}

// FuzzOpen checks that no input makes Open panic. Run it with a short
// -fuzzminimizetime: minimizing the large seeds takes the default minute
// per new input and stalls the workers:
//
//	go test ./xls/ -run='^$' -fuzz=FuzzOpen -fuzztime=60s -fuzzminimizetime=2s
func FuzzOpen(f *testing.F) {
	for _, name := range []string{"testdata/date1904.xls", "testdata/book.xls"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		wb, err := xls.Open(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			if wb != nil {
				t.Fatal("workbook and error both returned")
			}
			return
		}
		for _, s := range wb.Sheets {
			s.Rows()
		}
	})
}

func BenchmarkOpen(b *testing.B) {
	data, err := os.ReadFile("testdata/book.xls")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := xls.Open(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}
