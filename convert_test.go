package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chitieu/legacy"

	"github.com/xuri/excelize/v2"
)

// TestConvert: a ward form typed in TCVN3 (.xlsx) and one in VNI saved as
// .xls become Unicode .xlsx copies that read as the samples they were made
// from, without a conversion warning, in no legacy font; the input is
// untouched and an existing output is never overwritten.
func TestConvert(t *testing.T) {
	tests := []struct{ in, sample, enc string }{
		{"testdata/legacy/2003-H1/P06.xlsx", "samples/2003-H1/P06.xlsx", "TCVN3"},
		{"testdata/legacy/2003-H1/P03.xls", "samples/2003-H1/P03.xlsx", "VNI"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.in), func(t *testing.T) {
			before, err := os.ReadFile(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "moi.xlsx")
			r := runCLI(t, nil, "convert", tt.in, out)
			if r.code != 0 || !strings.Contains(r.stderr, "từ "+tt.enc) {
				t.Fatalf("exit %d\nstderr: %s", r.code, r.stderr)
			}
			if after, _ := os.ReadFile(tt.in); !bytes.Equal(before, after) {
				t.Errorf("%s was changed", tt.in)
			}
			if got, want := districtJSON(t, out), districtJSON(t, tt.sample); got != want {
				t.Errorf("the converted copy reads\n%s\nthe sample\n%s", got, want)
			}
			r = runCLI(t, nil, "check", out)
			if r.code != 0 || !strings.Contains(r.stdout, "Không có vấn đề nào") {
				t.Errorf("check of the copy: exit %d\n%s", r.code, r.stdout)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.GetStyle(0); err != nil {
				t.Fatal(err)
			}
			for _, font := range f.Styles.Fonts.Font {
				if font.Name != nil && font.Name.Val != nil {
					if enc, _ := legacy.FromFont(*font.Name.Val); enc != legacy.None {
						t.Errorf("font %s left in the copy", *font.Name.Val)
					}
				}
			}
			if r := runCLI(t, nil, "convert", tt.in, out); r.code != 1 || !strings.Contains(r.stderr, "không ghi đè") {
				t.Errorf("converting over the copy: exit %d\n%s", r.code, r.stderr)
			}
		})
	}
}

// districtJSON is the district figures of a report on path, as JSON.
func districtJSON(t *testing.T, path string) string {
	t.Helper()
	r := runCLI(t, nil, "--format", "json", "--no-workbook", "--period", "2003-H1", path)
	if r.code != 0 {
		t.Fatalf("report %s: exit %d\n%s", path, r.code, r.stderr)
	}
	var doc struct {
		Periods []struct {
			District json.RawMessage `json:"district"`
		} `json:"periods"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Periods) != 1 {
		t.Fatalf("report %s: %v\n%s", path, err, r.stdout)
	}
	var district map[string]map[string]any
	if err := json.Unmarshal(doc.Periods[0].District, &district); err != nil {
		t.Fatal(err)
	}
	for _, v := range district {
		delete(v, "sources")
		delete(v, "source")
	}
	b, _ := json.MarshalIndent(district, "", " ")
	return string(b)
}
