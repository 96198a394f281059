package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

func TestSafeSheetName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Phường 5", "Phường 5"},
		{"P5/2003", "P5-2003"},
		{`[Bảng] tổng: hợp*?\`, "(Bảng) tổng- hợp---"},
		{"'Trích'", "Trích"},
		{"a\tb", "a-b"},
		{"", "Sheet"},
		{"   ", "Sheet"},
		{"''", "Sheet"},
		{"History", "History_"},
		{"history", "history_"},
		{"Phu\u031bo\u031b\u0300ng 5", "Phường 5"}, // decomposed (NFD) Vietnamese
		{"Phường Phú Thọ Hòa thuộc quận Tân Phú", "Phường Phú Thọ Hòa thuộc quận T"},
		{"Phường Phú Thọ Hòa thuộc quận    Tân", "Phường Phú Thọ Hòa thuộc quận"},
		{"abcdefghijklmnopqrstuvwxyz1234'5678", "abcdefghijklmnopqrstuvwxyz1234"},
		{strings.Repeat("😀", 20), strings.Repeat("😀", 15)}, // two UTF-16 units each
	} {
		got := SafeSheetName(c.in)
		if got != c.want {
			t.Errorf("SafeSheetName(%q) = %q, want %q", c.in, got, c.want)
		}
		if utf8.RuneCountInString(got) > 31 {
			t.Errorf("SafeSheetName(%q) = %q: longer than 31", c.in, got)
		}
		// Excel's rules as excelize checks them.
		f := excelize.NewFile()
		if _, err := f.NewSheet(got); err != nil {
			t.Errorf("SafeSheetName(%q) = %q: %v", c.in, got, err)
		}
		f.Close()
	}
}

func TestSafeFileName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Phường 5 2003-H1", "Phường 5 2003-H1"},
		{`a<b>c:d"e/f\g|h?i*j`, "a-b-c-d-e-f-g-h-i-j"},
		{"báo cáo. . ", "báo cáo"},
		{"tong-hop.xlsx", "tong-hop.xlsx"},
		{"a\x00b\nc", "a-b-c"},
		{"", "_"},
		{"...", "_"},
		{"CON", "_CON"},
		{"con.xlsx", "_con.xlsx"},
		{"Nul .txt", "_Nul .txt"},
		{"LPT1", "_LPT1"},
		{"COM9.tar.gz", "_COM9.tar.gz"},
		{"COM10", "COM10"},
		{"CONSOLE", "CONSOLE"},
		{"Phường CON", "Phường CON"},
	} {
		if got := SafeFileName(c.in); got != c.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCSVSafe: CSV text a spreadsheet would run as a formula is escaped.
func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+84": "'+84", "-P01.xlsx": "'-P01.xlsx", "@SUM(A1)": "'@SUM(A1)",
		"\t=cmd": "'\t=cmd", "\r=cmd": "'\r=cmd",
		"Phường 1": "Phường 1", "": "", " =x": " =x", "a=b": "a=b",
	} {
		if got := safe(in); got != want {
			t.Errorf("safe(%q) = %q, want %q", in, got, want)
		}
	}
}
