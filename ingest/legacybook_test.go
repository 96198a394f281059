package ingest

import (
	"reflect"
	"strconv"
	"testing"

	"chitieu/msg"
)

// fontBook is a book of fixed rows and fonts, for unicodeBook's tests.
type fontBook struct {
	book
	cells [][]string
	fonts map[string]string // ref -> font
	reads int
	asked int // font calls
}

func (b *fontBook) rows(string) ([][]string, error) { b.reads++; return b.cells, nil }
func (b *fontBook) head(_ string, n int) ([][]string, error) {
	return b.cells[:min(n, len(b.cells))], nil
}
func (b *fontBook) font(_, ref string) string { b.asked++; return b.fonts[ref] }

func TestUnicodeBook(t *testing.T) {
	// The legacy texts are the examples, as the encodings' charts
	// give them, not made by package legacy.
	inner := &fontBook{
		cells: [][]string{
			{"STT", "Chỉ tiêu", "Kỳ báo cáo"},
			{"1", "Sè hé nghÌo", "12"},
			{"2", "Soá hoä ngheøo", "13"},
			{"3", "Số hộ nghèo", "14"},      // Unicode in a legacy font: left alone
			{"4", "Café", "15"},             // no legacy font, nothing Vietnamese: left alone
			{"5", "Tæng sè hé d©n", "4559"}, // TCVN3 without its font: guessed
		},
		fonts: map[string]string{"B2": ".VnTime", "B3": "VNI-Times", "B4": ".VnTime", "B5": "Arial", "B6": "Arial"},
	}
	original := clone(inner.cells)
	b := newUnicodeBook(inner)
	head, err := b.head("S", 3)
	if err != nil {
		t.Fatal(err)
	}
	if got := head[1][1]; got != "Số hộ nghèo" {
		t.Errorf("head B2 = %q, want Số hộ nghèo", got)
	}
	rows, err := b.rows("S")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Chỉ tiêu", "Số hộ nghèo", "Số hộ nghèo", "Số hộ nghèo", "Café", "Tổng số hộ dân"}
	for r, w := range want {
		if rows[r][1] != w {
			t.Errorf("B%d = %q, want %q", r+1, rows[r][1], w)
		}
	}
	if !reflect.DeepEqual(inner.cells, original) {
		t.Errorf("the wrapped book's rows were modified: %q", inner.cells)
	}
	if again, _ := b.rows("S"); &again[0] != &rows[0] || inner.reads != 1 {
		t.Errorf("rows read again (%d reads)", inner.reads)
	}

	problems := b.conversionProblems("P.xlsx", "S")
	var got [][]any
	for _, p := range problems {
		got = append(got, append([]any{p.Code, p.Ref, p.Text}, p.Args...))
	}
	wantProblems := [][]any{
		{msg.LegacyText, "B2", "Sè hé nghÌo", "TCVN3", ".VnTime", 1, "B2", "Số hộ nghèo"},
		{msg.LegacyGuessed, "B6", "Tæng sè hé d©n", "TCVN3", "Arial", 1, "B6", "Tổng số hộ dân"},
		{msg.LegacyText, "B3", "Soá hoä ngheøo", "VNI", "VNI-Times", 1, "B3", "Số hộ nghèo"},
	}
	if !reflect.DeepEqual(got, wantProblems) {
		t.Errorf("problems:\n got %v\nwant %v", got, wantProblems)
	}
}

func clone(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

func TestCellRanges(t *testing.T) {
	tests := []struct {
		refs []string
		want string
	}{
		{[]string{"B5"}, "B5"},
		{[]string{"B5", "B6", "B7", "C2"}, "B5:B7, C2"},
		{[]string{"B7", "A1", "B5", "B6", "B9"}, "A1, B5:B7, B9"},
		{[]string{"AA10", "Z10", "AA11"}, "Z10, AA10:AA11"},
	}
	for _, tt := range tests {
		refs := append([]string(nil), tt.refs...)
		sortRefs(refs)
		if got := cellRanges(refs); got != tt.want {
			t.Errorf("cellRanges(%v) = %q, want %q", tt.refs, got, tt.want)
		}
	}
}

// TestUnicodeBookEither: text that reads as Vietnamese both ways follows
// the other cells of its sheet.
func TestUnicodeBookEither(t *testing.T) {
	tests := []struct {
		name  string
		cells []string // column A, rows 1..
		font  string   // of every cell
		want  []string
	}{
		{"Unicode retyped in .VnTime keeps its Tháng",
			[]string{"BÁO CÁO CHỈ TIÊU KINH TẾ - XÃ HỘI", "Tháng 5/2003", "Ghi chú"}, ".VnTime",
			[]string{"BÁO CÁO CHỈ TIÊU KINH TẾ - XÃ HỘI", "Tháng 5/2003", "Ghi chú"}},
		{"TCVN3 in .VnTime decodes its Sè",
			[]string{"Sè hé nghÌo", "Tæng sè hé d©n", "Sè"}, ".VnTime",
			[]string{"Số hộ nghèo", "Tổng số hộ dân", "Số"}},
		{"a lone ambiguous cell goes by its font",
			[]string{"Sè"}, ".VnTime",
			[]string{"Số"}},
		{"TCVN3 in Arial: the short units follow the sure guesses",
			[]string{"Tæng sè hé d©n", "Sè ng\u00adêi nghiÖn ma tóy", "hé"}, "Arial",
			[]string{"Tổng số hộ dân", "Số người nghiện ma túy", "hộ"}},
		{"Unicode in Arial: hé stays",
			[]string{"Số hộ nghèo", "hé"}, "Arial",
			[]string{"Số hộ nghèo", "hé"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := &fontBook{fonts: map[string]string{}}
			for i, text := range tt.cells {
				inner.cells = append(inner.cells, []string{text})
				inner.fonts["A"+strconv.Itoa(i+1)] = tt.font
			}
			rows, err := newUnicodeBook(inner).rows("S")
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range tt.want {
				if rows[i][0] != w {
					t.Errorf("A%d = %q, want %q", i+1, rows[i][0], w)
				}
			}
		})
	}
}

// TestUnicodeBookAsksFewFonts: Unicode Vietnamese and ASCII cells never
// ask their font (excelize loads a whole sheet to answer, and a household
// list of 200,000 rows made a check take 2 GB).
func TestUnicodeBookAsksFewFonts(t *testing.T) {
	inner := &fontBook{cells: [][]string{{"Họ và tên", "Số nhà", "STT"}, {"Nguyễn Văn Ấn", "12", "1"}, {"Sè hé", "13", "2"}}}
	if _, err := newUnicodeBook(inner).rows("S"); err != nil {
		t.Fatal(err)
	}
	if inner.asked != 1 {
		t.Errorf("%d fonts asked, want 1 (A3's)", inner.asked)
	}
}
