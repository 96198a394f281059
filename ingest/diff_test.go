package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
)

// The differential test: the lean reader must give exactly what excelize
// gives (the same Read result: every submission with its values, sources
// and times, every problem), or hand the file over to excelize and say so.
// The read helper of the other tests goes through readBoth, so every
// workbook the ingest tests build is compared too.
//
// Deliberate differences: none in the result. The lean path differs only
// in what it reads (it never opens the theme, the full style sheet or
// parts no reading needs), and it gives up instead of guessing; what makes
// it give up is listed in xlsx/book.go and shown on Options.Debug.

// leanFiles and fallbackFiles count, over the whole test run, the
// workbooks the lean reader read itself and those it handed to excelize.
var leanFiles, fallbackFiles atomic.Int64

// readBoth reads paths with both engines, fails the test on any difference
// and returns the lean result; fallbacks are the Debug lines.
func readBoth(t testing.TB, opt Options, paths ...string) (res *Result, fallbacks []string) {
	t.Helper()
	if opt.Config == nil {
		opt.Config = catalog.Builtin()
	}
	var debug bytes.Buffer
	lean, excel := opt, opt
	lean.Engine, lean.Debug = EngineLean, &debug
	excel.Engine = EngineExcelize
	rl, errL := Read(paths, lean)
	re, errE := Read(paths, excel)
	if fmt.Sprint(errL) != fmt.Sprint(errE) {
		t.Fatalf("errors differ: lean %v, excelize %v", errL, errE)
	}
	if errL != nil {
		return rl, nil
	}
	if d := diffResults(rl, re); d != "" {
		if !deliberateDifference(t, opt, paths, re) {
			t.Fatalf("lean and excelize differ on %v:\n%s", paths, d)
		}
	}
	if s := strings.TrimSpace(debug.String()); s != "" {
		fallbacks = strings.Split(s, "\n")
	}
	// The lean reader recovers its own panics and hands the file to
	// excelize, which hides a crash from every other check: the reason
	// given for the fallback shows it.
	for _, line := range fallbacks {
		if leanPanicked(line) {
			t.Fatalf("the lean reader panicked: %s", line)
		}
	}
	fallbackFiles.Add(int64(len(fallbacks)))
	leanFiles.Add(int64(rl.Opened + len(rl.Own) - len(fallbacks)))
	return rl, fallbacks
}

// leanPanicked reports whether a line of Options.Debug is the fallback of a
// lean reader that panicked.
func leanPanicked(line string) bool {
	return strings.Contains(line, ": read with excelize: "+internalError+":")
}

// Deliberate difference: a workbook whose data parts are sound but which
// has a damaged part the lean path never reads (the theme, app.xml, printer
// settings, the fonts and fills of styles.xml, the rows of a sheet after
// its first 61 when those hold no table; a bad checksum or bad XML there,
// or a value excelize reads as a number or a boolean that is neither, such
// as applyProtection="halse") is refused by excelize, which inflates and
// parses those parts at open, as cannot_open or truncated. The lean path
// reads its figures: excelize is wrong to refuse them.
//
// deliberateDifference reports whether the difference between the results
// is that one: each such workbook is refused by excelize with one problem,
// and the other files give the same result both ways.
func deliberateDifference(t testing.TB, opt Options, paths []string, excel *Result) bool {
	t.Helper()
	files, err := walk(paths, nil)
	if err != nil {
		return false
	}
	var damaged, rest []string
	for _, f := range files.workbooks {
		part, ok := damagedUnreadPart(f)
		if !ok {
			part, ok = badTypedValue(f, excel)
		}
		if ok {
			t.Logf("%s: part %s is damaged where the lean path does not read it: deliberate difference", f, part)
			damaged = append(damaged, f)
		} else {
			rest = append(rest, f)
		}
	}
	if len(damaged) == 0 {
		return false
	}
	for _, f := range damaged {
		n := 0
		for _, p := range excel.Problems {
			if p.File == f {
				n++
				if p.Code != msg.CannotOpen && p.Code != msg.Truncated {
					return false
				}
			}
		}
		if n != 1 {
			return false
		}
	}
	if len(rest) > 0 {
		readBoth(t, opt, rest...)
	}
	return true
}

// leanReads are the parts the lean path reads whole, besides the worksheets.
var leanReads = map[string]bool{"_rels/.rels": true, "xl/_rels/workbook.xml.rels": true, "xl/workbook.xml": true,
	"xl/sharedStrings.xml": true, "docProps/core.xml": true, "docProps/custom.xml": true, "[Content_Types].xml": true}

// damagedUnreadPart finds a part of the workbook at path that the lean path
// does not read (or reads only in part: styles.xml, and a worksheet whose
// first rows hold no table, which is read no further) and that fails to
// inflate or to parse as XML. A worksheet damaged where the lean path reads
// it makes the lean path give up, and no difference is left to explain.
func damagedUnreadPart(path string) (string, bool) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return "", false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if leanReads[f.Name] {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return f.Name, true
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return f.Name, true
		}
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := d.Token(); err != nil {
				if err != io.EOF {
					return f.Name, true
				}
				break
			}
		}
	}
	return "", false
}

// typedValueError is how excelize says that a value it reads as a number or
// a boolean is neither.
var typedValueError = regexp.MustCompile(`strconv\.Parse\w+: parsing "([^"]*)": invalid syntax`)

// badTypedValue finds the part of the workbook at path that holds the
// value excelize could not read as a number or a boolean, when that part is
// one the lean path does not read or reads only in part (styles.xml).
func badTypedValue(path string, excel *Result) (string, bool) {
	var value string
	for _, p := range excel.Problems {
		if p.File == path && p.Code == msg.CannotOpen {
			if m := typedValueError.FindStringSubmatch(p.Message("en")); m != nil {
				value = m[1]
			}
		}
	}
	if value == "" {
		return "", false
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return "", false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/styles.xml" && leanReads[f.Name] || strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(data, []byte(`="`+value+`"`)) {
			return f.Name, true
		}
	}
	return "", false
}

// diffResults describes how two results differ, "" if they do not.
func diffResults(a, b *Result) string {
	var out []string
	if !reflect.DeepEqual(a.Submissions, b.Submissions) {
		n := max(len(a.Submissions), len(b.Submissions))
		for i := range n {
			var sa, sb any
			if i < len(a.Submissions) {
				sa = a.Submissions[i]
			}
			if i < len(b.Submissions) {
				sb = b.Submissions[i]
			}
			if !reflect.DeepEqual(sa, sb) {
				out = append(out, fmt.Sprintf("submission %d:\n  lean     %+v\n  excelize %+v", i, sa, sb))
			}
		}
	}
	pa, pb := problemLines(a.Problems), problemLines(b.Problems)
	if !reflect.DeepEqual(pa, pb) {
		out = append(out, fmt.Sprintf("problems:\n  lean     %q\n  excelize %q", pa, pb))
	}
	if !reflect.DeepEqual(a.Skipped, b.Skipped) || !reflect.DeepEqual(a.Own, b.Own) || a.Opened != b.Opened {
		out = append(out, fmt.Sprintf("skipped/own/opened: lean %v %v %d, excelize %v %v %d",
			a.Skipped, a.Own, a.Opened, b.Skipped, b.Own, b.Opened))
	}
	return strings.Join(out, "\n")
}

func problemLines(ps []analysis.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s", p.Severity, p.Code, p.File, p.Sheet, p.Ref,
			p.Indicator, p.Text, p.Format("en")))
	}
	return out
}

// TestDifferentialSamples: the 48 samples are read by the lean path itself,
// with no fallback, and give what excelize gives.
func TestDifferentialSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "samples", "*", "*.xlsx"))
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, path := range files {
		if _, fb := readBoth(t, Options{Workers: 1}, path); len(fb) > 0 {
			t.Errorf("sample handed to excelize: %v", fb)
		}
	}
	// And all at once, with the default worker pool.
	readBoth(t, Options{}, filepath.Join("..", "samples"))
}

// corpusFallbacks is why the lean reader hands each corpus file over to
// excelize (the reason on Options.Debug); every other workbook of the corpus
// it reads itself. corpusLean is how many of those it reads itself and
// opens (the rest are refused: .ods, .xlsb, encrypted, not a zip...).
var corpusFallbacks = map[string]string{
	"calamine_any_sheets.xlsx":                       `sheet "Chart" is no worksheet part`,
	"calamine_has_x000D_inline.xlsx":                 "Sheet1: inline string with an _x escape",
	"calamine_minimal_package.xlsx":                  "workbook at workbook.xml",
	"calamine_strict_iso_paths.xlsx":                 "no officeDocument relationship",
	"excelize_BadWorkbook.xlsx":                      "no sheets",
	"openpyxl_null_archive.xlsx":                     "no officeDocument relationship",
	"poi_49609.xlsx":                                 `zip entry name "[content_types].xml"`,
	"poi_57181.xlsm":                                 `sheet "Detailed_graph" is no worksheet part`,
	"poi_60289.xlsx":                                 "TABLE: inline string with an _x escape",
	"poi_SampleSS.strict.xlsx":                       "no officeDocument relationship",
	"poi_clusterfuzz-POIXSSF-4828727001088000.xlsx":  "zip: zip: not a valid zip file",
	"poi_clusterfuzz-XLSX2CSV-5636439151607808.xlsx": "zip: zip: not a valid zip file",
	"poi_invalid.xlsx":                               "no officeDocument relationship",
	"poi_poc-shared-strings.xlsx":                    `Tabelle1: row "0"`,
	"poi_poc-xmlbomb.xlsx":                           "xl/sharedStrings.xml: DTD or directive",
	"poi_xlsx-corrupted.xlsx":                        "no officeDocument relationship",
	"tealeg_badfile_noWorkbookRels.xlsx":             "xl/_rels/workbook.xml.rels: absent",
	"tealeg_badfile_noWorksheets.xlsx":               `sheet "Tabelle1" at worksheets/sheet1.xml`,
}

const corpusLean = 58

// TestDifferentialCorpus compares both paths on every file of the shared
// corpus: the lean reader hands over to excelize exactly the files of
// corpusFallbacks, for the reason listed, and reads corpusLean itself.
func TestDifferentialCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*"))
	if len(files) == 0 {
		t.Skipf("%s is absent: the corpus is beside the checkout only in CI and the workplace", corpusDir)
	}
	lean := 0
	seen := map[string]bool{}
	for _, path := range files {
		name := filepath.Base(path)
		if name == "MANIFEST.tsv" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			res, fb := readBoth(t, Options{Workers: 1}, path)
			if res.Opened > 0 && len(fb) == 0 {
				lean++
			}
			var want []string
			if reason, listed := corpusFallbacks[name]; listed {
				seen[name] = true
				want = []string{"ingest: " + path + ": read with excelize: " + reason}
			}
			if !reflect.DeepEqual(fb, want) {
				t.Errorf("handed to excelize: %q, want %q", fb, want)
			}
		})
	}
	for name := range corpusFallbacks {
		if !seen[name] {
			t.Errorf("%s: listed in corpusFallbacks, not in the corpus", name)
		}
	}
	if lean != corpusLean {
		t.Errorf("%d workbooks read by the lean path, want %d", lean, corpusLean)
	}
}

// TestLeanFallsBackOnFormulaWithoutValue: a formula without a saved result
// is computed by excelize, and the Debug writer says so.
func TestLeanFallsBackOnFormulaWithoutValue(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "P05.xlsx"), sheetSpec{name: "Báo cáo", cells: standardForm(
		[]string{"PHƯỜNG 5", "NĂM 2002"}, [3]any{"Số hộ nghèo", formula("2+3"), nil})})
	res, fb := readBoth(t, Options{}, dir)
	if len(fb) != 1 || !strings.Contains(fb[0], "formula without a saved value") {
		t.Fatalf("fallback lines %q", fb)
	}
	if got := res.Submissions[0].Observations[0].Current; !got.Known || got.Value != 5 {
		t.Fatalf("figure %+v", got)
	}
}

// TestLeanZipBomb: a part that inflates past the limit is never read
// whole by the lean path; the file goes to excelize, which refuses it.
func TestLeanZipBomb(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "P05.xlsx")
	writeWorkbook(t, path, sheetSpec{name: "Báo cáo", cells: standardForm(
		[]string{"PHƯỜNG 5", "NĂM 2002"}, [3]any{"Số hộ nghèo", 5, nil})})
	patchZip(t, path, "xl/sharedStrings.xml", func(s string) string {
		return strings.Replace(s, "</sst>", "<!--"+strings.Repeat("x", unzipXMLSizeLimit+10)+"--></sst>", 1)
	})
	_, fb := readBoth(t, Options{}, dir)
	if len(fb) != 1 || !strings.Contains(fb[0], "over") {
		t.Fatalf("fallback lines %q", fb)
	}
}

// FuzzLeanVsExcelize feeds arbitrary bytes as a workbook: the lean path
// gives exactly excelize's result, or hands the file to excelize for a
// reason other than a panic (readBoth). Seeded with tiny workbooks, a few
// samples and the small files of the corpus.
func FuzzLeanVsExcelize(f *testing.F) {
	for _, data := range tinySeeds(f) {
		f.Add(data)
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "samples", "*", "*.xlsx"))
	more, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.xlsx"))
	addSmallFiles(f, append(seeds[:min(len(seeds), 6)], more...))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "P05.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		readBoth(t, Options{Workers: 1}, dir)
	})
}

// TestMain reports how many workbooks of the whole test run the lean path
// read itself.
func TestMain(m *testing.M) {
	code := m.Run()
	if testing.Verbose() {
		fmt.Printf("lean path: %d workbooks read, %d handed to excelize\n", leanFiles.Load(), fallbackFiles.Load())
	}
	os.Exit(code)
}

// TestLeanLongSheets: a long list with no table is read only as far as its
// first rows by the lean path, and a table whose header is near row 60 and
// whose rows go on past it is read whole; both give excelize's result, on
// the lean path itself.
func TestLeanLongSheets(t *testing.T) {
	dir := t.TempDir()
	list := map[string]any{}
	for r := 1; r <= 500; r++ {
		list["A"+itoa(r)] = r
		list["B"+itoa(r)] = "Hộ " + itoa(r)
		list["C"+itoa(r)] = float64(r) * 1.5
	}
	title := []string{"PHƯỜNG 7", "NĂM 2002"}
	for len(title) < 57 {
		title = append(title, "")
	}
	title[56] = "ghi chú"
	form := standardForm(title, [3]any{"Tổng số hộ dân", 4000, 3900}, [3]any{"Số hộ nghèo", 40, 45},
		[3]any{"Số hộ đói", 0, 1}, [3]any{"Số vụ phạm pháp hình sự", 12, 14})
	writeWorkbook(t, filepath.Join(dir, "P07.xlsx"), sheetSpec{name: "Danh sách", cells: list},
		sheetSpec{name: "Báo cáo", cells: form})
	res, fb := readBoth(t, Options{}, dir)
	if len(fb) != 0 {
		t.Fatalf("handed to excelize: %q", fb)
	}
	if len(res.Submissions) != 1 || len(res.Submissions[0].Observations) != 4 {
		t.Fatalf("submissions %+v, problems %+v", res.Submissions, res.Problems)
	}
	if o := observation(t, res.Submissions[0], "criminal_cases"); o.Current.Value != 12 || o.Current.Source.Ref != "D63" {
		t.Fatalf("criminal cases %+v", o)
	}
}

// TestLeanXMLEdges: hand-written XML that the gosax tokenizer of the lean
// path must read exactly as excelize does (lean), or hand to excelize
// (fallback): entities, character references, CDATA, rich text with
// phonetic runs, xml:space, CR LF, quoting and spacing of attributes,
// prefixes, comments, and what encoding/xml refuses.
func TestLeanXMLEdges(t *testing.T) {
	const (
		sheet = "xl/worksheets/sheet1.xml"
		sst   = "xl/sharedStrings.xml"
		label = "<t>Số hộ nghèo</t>"
		note  = "<t>Ghi chú</t>"
		d5    = `<c r="D5"><v>5</v></c>`
		// either is a case whose reading path is not asserted.
		lean, fallback, either = 1, 2, 3
	)
	cases := []struct {
		name, part, old, new string
		want                 int
	}{
		{"numeric references", sst, label, "<t>S&#7889; h&#x1ED9; ngh&#xe8;o</t>", lean},
		{"predefined entities", sst, note, "<t>Ghi &amp; &lt;ch&gt; &quot;&apos;</t>", lean},
		{"CDATA", sst, label, "<t><![CDATA[Số hộ nghèo]]></t>", lean},
		{"CDATA with markup", sst, note, "<t>Ghi <![CDATA[<b>chú</b> & ]]>x</t>", lean},
		{"CDATA with CR LF", sst, note, "<t><![CDATA[Ghi\r\nchú\r]]></t>", lean},
		{"rich text and phonetic runs", sst, "<si>" + label + "</si>",
			`<si><r><rPr><b/></rPr><t>Số hộ </t></r><r><t xml:space="preserve">nghèo</t></r><rPh sb="0" eb="1"><t>so</t></rPh><phoneticPr fontId="1"/></si>`, lean},
		{"xml:space", sst, note, "<t xml:space=\"preserve\">  Ghi\tchú \n</t>", lean},
		{"CR LF in text", sst, note, "<t>Ghi\r\nchú\rx\r</t>", lean},
		{"CR reference", sst, note, "<t>Ghi&#13;&#10;chú</t>", lean},
		{"single quotes, spaces around =", sheet, d5, "<c r = 'D5'\n><v>5</v></c >", lean},
		{"reference in an attribute", sheet, d5, `<c r="&#68;5"><v>5</v></c>`, lean},
		{"reference in a value", sheet, d5, `<c r="D5"><v>&#53;</v></c>`, lean},
		{"value split by a comment", sheet, d5, `<c r="D5"><v>1<!-- x -->2</v></c>`, lean},
		{"self-closing cell", sheet, d5, `<c r="C5" s="0" />` + d5, lean},
		{"comment", sheet, "<sheetData>", "<sheetData><!-- a - comment -->", lean},
		{"declaration in single quotes", sheet, `<?xml version="1.0" encoding="UTF-8"?>`,
			`<?xml version='1.0' encoding='utf-8' standalone='yes' ?>`, lean},
		{"prefixed elements", sheet, "<sheetData>", `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, either},
		{"comment with --", sheet, "<sheetData>", "<sheetData><!-- a -- b -->", fallback},
		{"comment ending in -", sheet, "<sheetData>", "<sheetData><!-- a --->", fallback},
		{"NUL reference", sst, note, "<t>Ghi&#0;chú</t>", fallback},
		{"surrogate reference", sst, note, "<t>Ghi&#xD800;chú</t>", fallback},
		{"U+FFFE reference", sst, note, "<t>Ghi&#xFFFE;chú</t>", fallback},
		{"upper-case X reference", sst, note, "<t>Ghi&#X41;chú</t>", fallback},
		{"empty reference", sst, note, "<t>Ghi&#;chú</t>", fallback},
		{"huge reference", sst, note, "<t>Ghi&#99999999999;chú</t>", fallback},
		{"undeclared entity", sst, note, "<t>Ghi&nbsp;chú</t>", fallback},
		{"no semicolon", sst, note, "<t>Ghi &amp chú</t>", fallback},
		{"]]> in text", sst, note, "<t>Ghi ]]> chú</t>", fallback},
		{"control character", sst, note, "<t>Ghi\x01chú</t>", fallback},
		{"invalid UTF-8", sst, note, "<t>Ghi\xffchú</t>", fallback},
		{"U+FFFF", sst, note, "<t>Ghi\uffffchú</t>", fallback},
		{"mismatched end tag", sheet, d5, `<c r="D5"><v>5</w></c>`, fallback},
		{"processing instruction", sheet, "<sheetData>", "<?foo bar?><sheetData>", fallback},
		{"DTD", sst, "<sst ", "<!DOCTYPE sst><sst ", fallback},
		{"unquoted attribute", sheet, d5, `<c r=D5><v>5</v></c>`, fallback},
		{"attribute without value", sheet, d5, `<c r="D5" x><v>5</v></c>`, fallback},
		{"< in an attribute", sheet, d5, `<c r="D5" x="<"><v>5</v></c>`, fallback},
		{"bad reference in an attribute", sheet, d5, `<c r="D5" x="&bad;"><v>5</v></c>`, fallback},
		{"space after <", sheet, d5, `< c r="D5"><v>5</v></c>`, fallback},
		{"name with two colons", sheet, d5, `<a:b:c r="D5"><v>5</v></a:b:c>`, fallback},
		{"Latin-1 declaration", sheet, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, fallback},
		{"XML 1.1", sheet, `version="1.0"`, `version="1.1"`, fallback},
		{"CDATA not closed", sst, note, "<t><![CDATA[Ghi chú</t>", fallback},
		{"CDATA look-alike", sst, note, "<t><![CDATX[Ghi chú]]></t>", fallback},
		{"truncated", sheet, "</worksheet>", "</workshe", fallback},
		{"unclosed element", sheet, "</worksheet>", "", fallback},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "P05.xlsx")
			writeWorkbook(t, path, sheetSpec{name: "Báo cáo", cells: standardForm(
				[]string{"PHƯỜNG 5", "NĂM 2002"}, [3]any{"Số hộ nghèo", 5, 4.5})})
			patchZip(t, path, c.part, func(s string) string { return strings.Replace(s, c.old, c.new, 1) })
			_, fb := readBoth(t, Options{Workers: 1}, dir)
			switch {
			case c.want == lean && len(fb) > 0:
				t.Fatalf("handed to excelize: %q", fb)
			case c.want == fallback && len(fb) == 0:
				t.Fatal("read by the lean path")
			}
		})
	}
}
