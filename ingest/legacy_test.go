package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/catalog"
	"chitieu/msg"
	"chitieu/xls"
)

// TestOldOfficeForms: the 2003-H1 forms saved as .xls and typed in TCVN3
// and VNI (testdata/legacy, made by scripts/genlegacy) read as the same
// figures, from the same cells, as the Unicode .xlsx samples; each form
// typed in a legacy encoding gets one warning naming its encoding and
// fonts, and nothing else differs.
func TestOldOfficeForms(t *testing.T) {
	want, err := Read([]string{"../samples/2003-H1"}, Options{Config: catalog.Builtin()})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read([]string{"../testdata/legacy/2003-H1"}, Options{Config: catalog.Builtin()})
	if err != nil {
		t.Fatal(err)
	}
	figures := func(r *Result) map[string]string {
		out := map[string]string{}
		for _, s := range r.Submissions {
			base := strings.TrimSuffix(filepath.Base(s.File), filepath.Ext(s.File))
			for _, o := range s.Observations {
				key := base + " " + s.Ward + " " + s.Period + " " + o.Indicator
				out[key] = fmt.Sprintf("%v %v %s!%s | %v %v %s!%s", o.Current.Known, o.Current.Value, o.Current.Source.Sheet, o.Current.Source.Ref,
					o.Previous.Known, o.Previous.Value, o.Previous.Source.Sheet, o.Previous.Source.Ref)
			}
		}
		return out
	}
	w, g := figures(want), figures(got)
	if len(w) < 16*10 {
		t.Fatalf("only %d figures in the samples", len(w))
	}
	for k, v := range w {
		if g[k] != v {
			t.Errorf("%s: got %q, want %q", k, g[k], v)
		}
	}
	if len(g) != len(w) {
		t.Errorf("%d figures, want %d", len(g), len(w))
	}

	// The generator's cycle: .xls Unicode, TCVN3, VNI, .xls TCVN3, .xls VNI.
	wantEnc := map[string]string{
		"Book1.xlsx": "TCVN3", "P02.xls": "TCVN3", "P03.xls": "VNI", "P06.xlsx": "TCVN3", "P07.xlsx": "VNI",
		"P08.xls": "TCVN3", "P10.xls": "VNI", "P12.xlsx": "TCVN3", "P13.xlsx": "VNI", "P14.xls": "TCVN3", "P16.xls": "VNI",
	}
	seen := map[string]bool{}
	for _, p := range got.Problems {
		file := filepath.Base(p.File)
		if p.Code != msg.LegacyText {
			t.Errorf("unexpected problem: %s", p.Format("en"))
			continue
		}
		if enc := fmt.Sprint(p.Args[0]); enc != wantEnc[file] || seen[file] {
			t.Errorf("%s: %s conversion warning, want one for %s", file, enc, wantEnc[file])
		}
		seen[file] = true
	}
	for file := range wantEnc {
		if !seen[file] {
			t.Errorf("%s: no conversion warning", file)
		}
	}
	if len(want.Problems) != 0 {
		t.Errorf("the samples have problems: %v", want.Problems)
	}
}

// TestXLSRefused: an .xls that cannot be read gets one problem saying why.
// The damaged forms are the P02.xls fixture patched as package xls's tests
// do: CODEPAGE made FILEPASS (encrypted), the Workbook stream renamed
// Book (Excel 5.0/95), cut short.
func TestXLSRefused(t *testing.T) {
	good, err := os.ReadFile("../testdata/legacy/2003-H1/P02.xls")
	if err != nil {
		t.Fatal(err)
	}
	patch := func(old, new []byte) []byte {
		i := bytes.Index(good, old)
		if i < 0 || len(old) != len(new) {
			t.Fatalf("cannot patch % x", old)
		}
		out := bytes.Clone(good)
		copy(out[i:], new)
		return out
	}
	utf16le := func(s string, size int) []byte {
		var out []byte
		for _, r := range s {
			out = append(out, byte(r), 0)
		}
		return append(out, make([]byte, size-len(out))...)
	}
	tests := []struct {
		name string
		data []byte
		want msg.Code
	}{
		{"encrypted", patch([]byte{0x42, 0, 2, 0, 0xB0, 4}, []byte{0x2F, 0, 2, 0, 0xB0, 4}), msg.EncryptedXLS},
		{"excel95", patch(append(utf16le("Workbook", 64), 18, 0), append(utf16le("Book", 64), 10, 0)), msg.UnsupportedFormat},
		{"cut", good[:len(good)*2/3], msg.Truncated},
		{"html", []byte("<html><table><tr><td>Số hộ</td></tr></table></html>"), msg.NotWorkbook},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name+".xls")
		if err := os.WriteFile(path, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Read([]string{path}, Options{Config: catalog.Builtin()})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Problems) != 1 || res.Problems[0].Code != tt.want {
			t.Errorf("%s: problems %v, want one %s", tt.name, res.Problems, tt.want)
		} else {
			t.Log(res.Problems[0].Format("en"))
		}
	}
}

// TestGSOLegacyText: real GSO tables typed in TCVN3 (.VnTime fonts, the
// capitals in .VnTimeH/.VnArialH) read as Unicode through the book every
// workbook is read through; Unicode text beside them is left alone.
func TestGSOLegacyText(t *testing.T) {
	tests := []struct {
		file string
		want []string // texts that must appear
	}{
		{"gso_2000-01_bieu-thang-1.xls", []string{"CHỈ SỐ GIÁ TIÊU DÙNG"}},
		{"gso_2007-04_Bieu04.07.xls", []string{"CHỈ SỐ GIÁ TIÊU DÙNG"}},
		{"gso_2010-02_Bieu-0210.xls", []string{"1. Sản xuất nông nghiệp đến ngày 15 tháng 02 năm 2010"}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(corpusDir, "vietnamese", tt.file))
		if err != nil {
			t.Skipf("%s is absent: the corpus is beside the checkout only in CI and the workplace", corpusDir)
		}
		wb, err := xls.Open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		b := newUnicodeBook(newXLSBook(wb))
		texts := map[string]bool{}
		converted := 0
		for _, sh := range b.sheets() {
			rows, err := b.rows(sh.name)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				for _, text := range row {
					texts[strings.Join(strings.Fields(text), " ")] = true
				}
			}
			converted += len(b.notes[sh.name])
		}
		for _, w := range tt.want {
			if !texts[w] {
				t.Errorf("%s: no cell reads %q", tt.file, w)
			}
		}
		t.Logf("%s: %d cells converted", tt.file, converted)
	}
}
