package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chitieu/catalog"
	"chitieu/msg"
)

// corpusDir holds real spreadsheets from many programs, beside the checkout
// in CI; a user's clone does not have it.
const corpusDir = "../../shared/corpus"

// corpusReasons is why each corpus file is refused. None of them is a ward
// report, so a file not listed must be read and found to hold no report
// table (no_header). The .xls files are read (calamine_biff5 holds a BIFF8
// Workbook stream beside its Excel 5.0 one, read as xlrd and calamine do).
var corpusReasons = map[string][]msg.Code{
	"calamine_any_sheets.ods":                        {msg.UnsupportedFormat},
	"calamine_any_sheets.xlsb":                       {msg.UnsupportedFormat},
	"calamine_too_small.xls":                         {msg.NotWorkbook}, // a text file
	"poi_SampleSS.ods":                               {msg.UnsupportedFormat},
	"calamine_pass_protected.xlsx":                   {msg.Encrypted},
	"excelize_encryptAES.xlsx":                       {msg.Encrypted},
	"excelize_encryptSHA1.xlsx":                      {msg.Encrypted},
	"poi_extenxls_pwd123.xlsx":                       {msg.Encrypted},
	"poi_protected_passtika.xlsx":                    {msg.Encrypted},
	"openpyxl_null_archive.xlsx":                     {msg.Truncated},
	"poi_invalid.xlsx":                               {msg.Truncated},
	"poi_xlsx-corrupted.xlsx":                        {msg.Truncated},
	"openpyxl_null_file.xlsx":                        {msg.NotWorkbook},
	"poi_clusterfuzz-POIXSSF-4828727001088000.xlsx":  {msg.Truncated},
	"poi_clusterfuzz-XLSX2CSV-5636439151607808.xlsx": {msg.Truncated},
	"tealeg_badfile_noWorkbookRels.xlsx":             {msg.CannotOpen, msg.CannotOpen, msg.CannotOpen, msg.NoHeader},
	"tealeg_badfile_noWorksheets.xlsx":               {msg.CannotOpen, msg.CannotOpen, msg.CannotOpen, msg.NoHeader},
}

// TestCorpus reads every file of the shared corpus: each is read or refused
// with the reason listed above; none panics (readFile would turn a panic
// into a cannot_open "internal error", which this test rejects) and none
// takes long.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*"))
	if len(files) == 0 {
		t.Skipf("%s is absent: the corpus is beside the checkout only in CI and the workplace", corpusDir)
	}
	for _, path := range files {
		name := filepath.Base(path)
		if name == "MANIFEST.tsv" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			res, err := Read([]string{path}, Options{Config: catalog.Builtin(), Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			var got []msg.Code
			for _, p := range res.Problems {
				msg := p.Format("en")
				t.Log(msg)
				if strings.Contains(msg, "internal error") {
					t.Errorf("panic inside: %s", msg)
				}
				got = append(got, p.Code)
			}
			want, listed := corpusReasons[name]
			if !listed {
				want = []msg.Code{msg.NoHeader}
			}
			if !slices.Equal(got, want) {
				t.Errorf("reasons %v, want %v", got, want)
			}
		})
	}
}
