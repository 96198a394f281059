package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chitieu/analysis"
	"chitieu/catalog"
)

// corpusDir holds real spreadsheets from many programs, beside the checkout
// in CI; a user's clone does not have it.
const corpusDir = "../../shared/corpus"

// corpusReasons is why each corpus file is refused. None of them is a ward
// report, so a file not listed must be read and found to hold no report
// table (no_header). The .xls files are read (calamine_biff5 holds a BIFF8
// Workbook stream beside its Excel 5.0 one, read as xlrd and calamine do).
var corpusReasons = map[string][]analysis.MessageCode{
	"calamine_any_sheets.ods":                        {analysis.MsgUnsupportedFormat},
	"calamine_any_sheets.xlsb":                       {analysis.MsgUnsupportedFormat},
	"calamine_too_small.xls":                         {analysis.MsgNotWorkbook}, // a text file
	"poi_SampleSS.ods":                               {analysis.MsgUnsupportedFormat},
	"calamine_pass_protected.xlsx":                   {analysis.MsgEncrypted},
	"excelize_encryptAES.xlsx":                       {analysis.MsgEncrypted},
	"excelize_encryptSHA1.xlsx":                      {analysis.MsgEncrypted},
	"poi_extenxls_pwd123.xlsx":                       {analysis.MsgEncrypted},
	"poi_protected_passtika.xlsx":                    {analysis.MsgEncrypted},
	"openpyxl_null_archive.xlsx":                     {analysis.MsgTruncated},
	"poi_invalid.xlsx":                               {analysis.MsgTruncated},
	"poi_xlsx-corrupted.xlsx":                        {analysis.MsgTruncated},
	"openpyxl_null_file.xlsx":                        {analysis.MsgNotWorkbook},
	"poi_clusterfuzz-POIXSSF-4828727001088000.xlsx":  {analysis.MsgTruncated},
	"poi_clusterfuzz-XLSX2CSV-5636439151607808.xlsx": {analysis.MsgTruncated},
	"tealeg_badfile_noWorkbookRels.xlsx":             {analysis.MsgCannotOpen, analysis.MsgCannotOpen, analysis.MsgCannotOpen, analysis.MsgNoHeader},
	"tealeg_badfile_noWorksheets.xlsx":               {analysis.MsgCannotOpen, analysis.MsgCannotOpen, analysis.MsgCannotOpen, analysis.MsgNoHeader},
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
			var got []analysis.MessageCode
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
				want = []analysis.MessageCode{analysis.MsgNoHeader}
			}
			if !slices.Equal(got, want) {
				t.Errorf("reasons %v, want %v", got, want)
			}
		})
	}
}
