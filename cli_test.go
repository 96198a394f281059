package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"chitieu/catalog"
	"chitieu/report"
	"chitieu/workbook"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedNow keeps the date in the summary workbook stable.
var fixedNow = time.Date(2003, 9, 15, 8, 0, 0, 0, time.UTC)

type runResult struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, env map[string]string, args ...string) runResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, System{
		Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return fixedNow },
	})
	return runResult{code, stdout.String(), stderr.String()}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; run go test -update and review git diff testdata/\n%s", path, firstDifference(string(want), got))
	}
}

func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + wl + "\n got: " + gl
		}
	}
	return ""
}

func TestReportSamplesTable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	r := runCLI(t, nil, "samples", "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden(t, "samples-table.golden", r.stdout)
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.Contains(line, "\x1b[") {
			t.Fatalf("colour in piped output: %q", line)
		}
	}
	dump, err := report.DumpWorkbook(out)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "samples-summary.golden", strings.ReplaceAll(dump, out, "OUT"))

	en := runCLI(t, nil, "report", "--lang", "en", "--no-workbook", "samples")
	if en.code != 0 {
		t.Fatalf("exit %d: %s", en.code, en.stderr)
	}
	golden(t, "samples-table-en.golden", en.stdout)
}

// TestReportSamplesText: the term review's sentences, as staff paste them
// into the draft, in both languages; and the term table of one ward.
func TestReportSamplesText(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		r := runCLI(t, nil, "--format", "text", "--lang", lang, "--no-workbook", "samples")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		golden(t, "samples-text-"+lang+".golden", r.stdout)
	}
	r := runCLI(t, nil, "--no-workbook", "--ward", "P6", "--indicator", "detection_rate", "samples")
	// Phường 6 missed 55 % in 2003-H1: the target is at risk for the ward,
	// though not for the district.
	if r.code != 0 || !strings.Contains(r.stdout, "Nhiệm kỳ — Nhiệm kỳ 2000 – 2005 (Đại hội VIII) — Phường 6") ||
		!regexp.MustCompile(`│ Tỷ lệ khám phá .*│ +50,0\* │ .*khó đạt`).MatchString(r.stdout) {
		t.Errorf("ward term table: exit %d\n%s", r.code, r.stdout)
	}
}

// TestMeetingTable: seventeen months of forms give the meeting layout: the
// derived year 2002, then May 2003 with the same month last year, the year
// to date and the plans; never wider than the terminal. --by quarter shows
// the quarters of 2003 instead of the years.
func TestMeetingTable(t *testing.T) {
	for _, width := range []string{"100", "120"} {
		r := runCLI(t, map[string]string{"COLUMNS": width}, "--no-workbook", "samples-monthly")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		golden(t, "samples-monthly-"+width+".golden", r.stdout)
		w, _ := strconv.Atoi(width)
		for _, line := range strings.Split(r.stdout, "\n") {
			if n := utf8.RuneCountInString(line); n > w {
				t.Errorf("COLUMNS=%s: a line of %d: %s", width, n, line)
			}
		}
		header := regexp.MustCompile(`│ Chỉ tiêu +│ Đơn vị +│ 2002 +│ 2003-05 +│ Cùng +│ So +│ Lũy kế +│ Kế +│ % so +│`)
		if !header.MatchString(r.stdout) || !strings.Contains(r.stdout, "│ 817.647 │  41,7 │") {
			t.Errorf("COLUMNS=%s: no meeting layout with the revenue plan:\n%s", width, r.stdout)
		}
	}
	// The summary: Tổng hợp in the same layout, every period on Theo phường
	// with the derived ones marked.
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	if r := runCLI(t, nil, "--out", out, "samples-monthly"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	dump, err := report.DumpWorkbook(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Tổng hợp!C8 = 2002", "Tổng hợp!D8 = 2003-05", "Tổng hợp!G8 = Lũy kế từ đầu năm", "Tổng hợp!I8 = % so kế hoạch",
		"Tổng hợp!I12 = 41.7", // revenue: 341.094 of 817.647 by the end of May
		"Theo phường!A2 = 2002-01\n", "= 2002 (cộng từ 2002-01 … 2002-12)", "= 2003-Q1 (cộng từ 2003-01 … 2003-03)",
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	r := runCLI(t, map[string]string{"COLUMNS": "120"}, "--no-workbook", "--by", "quarter", "samples-monthly")
	if r.code != 0 || !regexp.MustCompile(`│ Đơn vị +│ 2003-Q1 +│ 2003-05 +│`).MatchString(r.stdout) {
		t.Errorf("--by quarter: exit %d\n%s", r.code, r.stdout)
	}
}

// TestReportSamplesJSON checks the seed's figures, recomputed by hand from
// the numbers samples/gen prints, and golden-compares the whole document.
func TestReportSamplesJSON(t *testing.T) {
	r := runCLI(t, nil, "--format", "json", "--no-workbook", "samples")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden(t, "samples.json.golden", r.stdout)
	var doc struct {
		Config  string
		Periods []struct {
			Period   string
			Complete bool
			Missing  []string
			District map[string]struct {
				Value  *float64
				Status string
			}
			Wards map[string]json.RawMessage
		}
		Problems []json.RawMessage
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Config != "built-in" || len(doc.Problems) != 0 || len(doc.Periods) != 3 {
		t.Fatalf("config %q, %d problems, %d periods", doc.Config, len(doc.Problems), len(doc.Periods))
	}
	want := []struct {
		period, id string
		value      float64
		status     string
	}{
		{"2001", "trade_services_growth", 621216.0/534150*100 - 100, "met"},
		{"2002", "trade_services_growth", 718747.0/621216*100 - 100, "met"},
		{"2003-H1", "trade_services_growth", 392524.0/339260*100 - 100, "met"},
		{"2001", "criminal_cases_change", 379.0/480*100 - 100, "met"},
		{"2002", "criminal_cases_change", 299.0/379*100 - 100, "met"},
		{"2001", "detection_rate", 227.0 / 379 * 100, "met"},
		{"2002", "detection_rate", 179.0 / 299 * 100, "met"},
		// Deadline targets before their deadline: ahead of or on the path
		// from the baseline (2000: 14 hungry households; 11.2 at the end of
		// 2001 on the straight path to 0 at the end of 2005).
		{"2001", "hungry_households", 6, "on_track"},
		{"2002", "hungry_households", 2, "on_track"},
		{"2003-H1", "poor_household_rate", 138.0 / 65892 * 100, "ahead"},
		{"2003-H1", "hungry_households", 0, "ahead"},
		{"2003-H1", "detailed_planning_wards", 14, "no_target"},
		{"2003-H1", "detox_placements", 230, "no_target"},
	}
	for i, p := range doc.Periods {
		if p.Period != []string{"2001", "2002", "2003-H1"}[i] || !p.Complete || len(p.Missing) != 0 || len(p.Wards) != 16 {
			t.Errorf("period %d: %s complete=%v missing=%v wards=%d", i, p.Period, p.Complete, p.Missing, len(p.Wards))
		}
	}
	for _, w := range want {
		for _, p := range doc.Periods {
			if p.Period != w.period {
				continue
			}
			got := p.District[w.id]
			if got.Value == nil || *got.Value-w.value > 1e-9 || w.value-*got.Value > 1e-9 || got.Status != w.status {
				t.Errorf("%s %s = %v %s, want %v %s", w.period, w.id, got.Value, got.Status, w.value, w.status)
			}
		}
	}
}

// TestUsageText pins the help texts the rows of TestCheckAndExitCodes
// expect after a usage error.
func TestUsageText(t *testing.T) {
	golden(t, "usage.golden", runCLI(t, nil, "--help").stdout)
	golden(t, "usage-en.golden", runCLI(t, nil, "--help", "--lang", "en").stdout)
	golden(t, "convert-usage.golden", runCLI(t, nil, "convert", "--help").stdout)
}

// TestCheckAndExitCodes checks the exit code and both streams, exactly, of
// each row. In the expected text {file} is a file that is no workbook, in
// the folder given to some rows; {usage}, {usage-en} and {convert-usage} are
// the help texts (TestUsageText), {go} is the Go version and {enoent} the
// system's words for a missing file (they differ on Windows).
func TestCheckAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "P05.xlsx"), []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, statErr := os.Stat("does-not-exist")
	var pathErr *fs.PathError
	if !errors.As(statErr, &pathErr) {
		t.Fatal(statErr)
	}
	expand := strings.NewReplacer("{file}", filepath.Join(dir, "P05.xlsx"), "{go}", runtime.Version(), "{enoent}", pathErr.Err.Error(),
		"{usage}", goldenText(t, "usage.golden"), "{usage-en}", goldenText(t, "usage-en.golden"),
		"{convert-usage}", goldenText(t, "convert-usage.golden"))
	const (
		skipped  = "Bỏ qua 1 tệp không phải bảng tính: samples/gen/main.go\n"
		notExcel = "{file}: không phải bảng tính Excel (tệp rỗng hoặc nội dung khác, dù có đuôi .xlsx hay .xls); xin phường gửi lại\n"
	)
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"check clean samples", []string{"check", "samples"}, 0, "Không có vấn đề nào.\n", skipped},
		{"check json", []string{"check", "--format", "json", "samples"}, 0, "{\n  \"problems\": []\n}\n", skipped},
		{"missing path", []string{"report", "does-not-exist"}, 2, "", "chitieu: không mở được does-not-exist: {enoent}\n"},
		{"help command", []string{"help"}, 0, "{usage}", ""},
		{"nothing readable", []string{"report", "--no-workbook", dir}, 2, "", "chitieu: không đọc được bảng tính nào\n  " + notExcel},
		{"check nothing readable", []string{"check", dir}, 2, "{file}\n  lỗi: " + notExcel + "1 lỗi, 0 cảnh báo\n",
			"chitieu: không đọc được bảng tính nào\n"},
		{"no paths", []string{"report"}, 2, "", "chitieu: chưa có đầu vào: cho biết các tệp hoặc thư mục báo cáo cần đọc\n\n{usage}"},
		{"no paths, English", []string{"report", "--lang", "en"}, 2, "", "chitieu: no input: give the workbooks or folders to read\n\n{usage-en}"},
		{"bad flag", []string{"--nope", "samples"}, 2, "", "chitieu: unknown flag: --nope\n\n{usage}"},
		{"bad lang", []string{"--lang", "fr", "samples"}, 2, "", "chitieu: --lang \"fr\": dùng vi hoặc en\n\n{usage}"},
		{"bad period", []string{"--period", "2003-H3", "samples"}, 2, "",
			"chitieu: --period \"2003-H3\": dùng mã kỳ như 2003, 2003-H1, 2003-Q3, 2003-9M hoặc 2003-05\n\n{usage}"},
		{"help", []string{"--help"}, 0, "{usage}", ""},
		{"help, English", []string{"--help", "--lang", "en"}, 0, "{usage-en}", ""},
		// The excelize version is go.mod's: update this row with it.
		{"version", []string{"version"}, 0, "chitieu dev ({go}, excelize v2.11.1)\n", ""},
		{"convert missing input", []string{"convert", "a.xlsx", "b.xlsx"}, 2, "", "chitieu: không có tệp a.xlsx\n"},
		{"convert one path", []string{"convert", "a.xlsx"}, 2, "",
			"chitieu: convert cần tệp vào và tệp ra: chitieu convert CU.xls MOI.xlsx\n\n{convert-usage}"},
		{"convert to xls", []string{"convert", "samples/2002/P01.xlsx", "b.xls"}, 2, "",
			"chitieu: tệp ra \"b.xls\" phải có đuôi .xlsx\n\n{convert-usage}"},
		{"watch needs a folder", []string{"watch", "samples/2002/P01.xlsx"}, 2, "", "chitieu: samples/2002/P01.xlsx không phải thư mục\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, nil, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d", r.code, tt.code)
			}
			if want := expand.Replace(tt.out); r.stdout != want {
				t.Errorf("stdout:\n%s", firstDifference(want, r.stdout))
			}
			if want := expand.Replace(tt.err); r.stderr != want {
				t.Errorf("stderr:\n%s", firstDifference(want, r.stderr))
			}
		})
	}
}

// goldenText is the content of testdata/name.
func goldenText(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%v (run go test -run TestUsageText -update to create it)", err)
	}
	return string(data)
}

func TestSummaryNeverOverwritesInputs(t *testing.T) {
	dir := t.TempDir()
	ward := filepath.Join("samples", "2002", "P01.xlsx")
	data, err := os.ReadFile(ward)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "P01.xlsx")
	if err := os.WriteFile(target, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "--out", target, "samples/2002")
	if r.code != 1 || !strings.Contains(r.stderr, "không ghi đè") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(target)
	if !bytes.Equal(after, data) {
		t.Error("a ward workbook was overwritten")
	}
	// A summary written into the input folder is skipped when read back.
	summary := filepath.Join(dir, "tong-hop.xlsx")
	if r := runCLI(t, nil, "--out", summary, "--no-workbook=false", dir); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, nil, "check", dir)
	if r.code != 0 || !strings.Contains(r.stderr, "tong-hop.xlsx") {
		t.Errorf("reading back its own summary: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	// A summary is replaced by the next; a configuration workbook is not,
	// nor is a summary replaced by a configuration.
	if r := runCLI(t, nil, "--out", summary, "samples/2002"); r.code != 0 {
		t.Errorf("replacing its own summary: exit %d: %s", r.code, r.stderr)
	}
	cfg := filepath.Join(dir, "cau-hinh.xlsx")
	if r := runCLI(t, nil, "config", "--out", cfg); r.code != 0 {
		t.Fatalf("config: exit %d: %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "--out", cfg, "samples/2002"); r.code != 1 || !strings.Contains(r.stderr, "không ghi đè") {
		t.Errorf("summary over the configuration: exit %d: %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "config", "--force", "--out", summary); r.code != 1 || !strings.Contains(r.stderr, "không ghi đè") {
		t.Errorf("configuration over a summary: exit %d: %s", r.code, r.stderr)
	}
}

func TestConfigRoundTrip(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "cau-hinh.xlsx")
	if r := runCLI(t, nil, "config", "--out", cfg); r.code != 0 {
		t.Fatalf("config: exit %d: %s", r.code, r.stderr)
	}
	// Staff may have edited it: not overwritten without --force.
	if r := runCLI(t, nil, "config", "--out", cfg); r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("config over an existing file: exit %d: %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "config", "--force", "--out", cfg); r.code != 0 {
		t.Errorf("config --force: exit %d: %s", r.code, r.stderr)
	}
	a := runCLI(t, nil, "--format", "json", "--no-workbook", "samples")
	b := runCLI(t, nil, "--format", "json", "--no-workbook", "--config", cfg, "samples")
	if b.code != 0 {
		t.Fatalf("exit %d: %s", b.code, b.stderr)
	}
	if strings.Replace(b.stdout, `"config": "`+cfg+`"`, `"config": "built-in"`, 1) != a.stdout {
		t.Error("the written configuration does not reproduce the built-in one")
	}
}

func TestDisplayFilters(t *testing.T) {
	r := runCLI(t, nil, "--no-workbook", "--only-not-met", "--show-period", "2003-H1", "--sort", "detection_rate", "samples")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden(t, "samples-only-not-met.golden", r.stdout)
	// The three wards that miss a target in 2003-H1, worst detection last.
	i6, i10, i13 := strings.Index(r.stdout, "│ Phường 6 "), strings.Index(r.stdout, "│ Phường 10 "), strings.Index(r.stdout, "│ Phường 13 ")
	if i6 < 0 || i10 < 0 || i13 < 0 || strings.Contains(r.stdout, "│ Phường 1 ") || strings.Contains(r.stdout, "2002") {
		t.Errorf("only-not-met shows the wrong wards or periods:\n%s", r.stdout)
	}

	r = runCLI(t, nil, "--no-workbook", "--format", "csv", "--ward", "P.06", "--indicator", "Tỷ lệ khám phá", "samples")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	// Header, then for each of 3 periods: the district row and Phường 6's;
	// then Phường 6's term review of it (its 2003-H1 miss puts the target
	// at risk).
	if r.code != 0 || len(lines) != 1+3*2+1 || !strings.Contains(lines[2], "Phường 6,detection_rate") ||
		lines[7] != "2003-H1,term,Phường 6,detection_rate,Tỷ lệ khám phá,%,60,,>= 55,at_risk,,," {
		t.Errorf("csv narrowed to one ward and indicator: exit %d\n%s", r.code, r.stdout)
	}

	full := runCLI(t, nil, "--no-workbook", "--format", "json", "samples")
	narrowed := runCLI(t, nil, "--no-workbook", "--format", "json", "--ward", "P6", "--only-not-met", "samples")
	if full.stdout != narrowed.stdout {
		t.Error("filters changed the JSON, which must stay complete")
	}
	for _, bad := range [][]string{{"--indicator", "nope"}, {"--ward", "Phường 99"}, {"--sort", "x"}, {"--show-period", "2003-H9"}} {
		if r := runCLI(t, nil, append(bad, "samples")...); r.code != 2 {
			t.Errorf("%v: exit %d", bad, r.code)
		}
	}
	// A period the input does not have is said so, with those it has.
	r = runCLI(t, nil, "--no-workbook", "--show-period", "2004", "samples")
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--show-period 2004: không có kỳ này trong số liệu đã đọc; có: 2001, 2002, 2003-H1\n") {
		t.Errorf("--show-period 2004: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}

// TestTerminalOutput: on a terminal, tables take the terminal's width and
// colour statuses; NO_COLOR and pipes get none. Every line fits.
func TestTerminalOutput(t *testing.T) {
	run := func(tty bool, width int, env map[string]string) string {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"--no-workbook", "samples"}, System{Stdout: &stdout, Stderr: &stderr, StdoutTTY: tty, TermWidth: width,
			Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return fixedNow }})
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		return stdout.String()
	}
	fits := func(out string, width int) {
		t.Helper()
		for _, line := range strings.Split(out, "\n") {
			plain := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(line, "")
			if n := utf8.RuneCountInString(plain); n > width {
				t.Errorf("line of %d > %d columns: %q", n, width, plain)
			}
		}
	}
	tty80 := run(true, 80, nil)
	fits(tty80, 80)
	if !strings.Contains(tty80, "\x1b[32m") || !strings.Contains(tty80, "\x1b[31m") {
		t.Error("no colour on a terminal")
	}
	golden(t, "samples-tty-80.golden", tty80)
	fits(run(true, 120, nil), 120)
	if out := run(true, 80, map[string]string{"NO_COLOR": "1"}); strings.Contains(out, "\x1b[") {
		t.Error("colour with NO_COLOR set")
	}
	piped := run(false, 80, map[string]string{"COLUMNS": "120"})
	fits(piped, 120)
	if strings.Contains(piped, "\x1b[") {
		t.Error("colour in piped output")
	}
}

// TestDroppedOnTheExe: started by Explorer with a folder dropped on
// chitieu.exe, the summary goes into that folder (and is not read back on
// the next run), and the window waits for Enter.
func TestDroppedOnTheExe(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"P01.xlsx", "P02.xlsx"} {
		data, err := os.ReadFile(filepath.Join("samples", "2002", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		var stdout, stderr bytes.Buffer
		code := Main([]string{dir}, System{Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
			Now: func() time.Time { return fixedNow }, OwnConsole: true, Stdin: strings.NewReader("\n")})
		if code != 0 || !strings.Contains(stderr.String(), "Nhấn Enter") {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		if strings.Contains(stdout.String(), "lỗi:") { // an error line; "0 lỗi" counts none
			t.Errorf("the summary was read back:\n%s", stdout.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "tong-hop.xlsx")); err != nil {
		t.Errorf("no summary in the dropped folder: %v", err)
	}
}

// TestTemplateRoundTrip: every ward's blank form for a period, filled in
// by nobody, reads back as 16 submissions of that period with no problems;
// a form is never written over an existing file.
func TestTemplateRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mau")
	if r := runCLI(t, nil, "template", "--all", "--period", "2003-Q3", "--out", dir); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r := runCLI(t, nil, "--format", "json", "--no-workbook", dir)
	var doc struct {
		Periods []struct {
			Period    string
			Submitted []string
		}
		Problems []json.RawMessage
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Periods) != 1 || doc.Periods[0].Period != "2003-Q3" || len(doc.Periods[0].Submitted) != 16 || len(doc.Problems) != 0 {
		t.Errorf("read back: %s", r.stdout[:min(len(r.stdout), 400)])
	}
	one := filepath.Join(t.TempDir(), "mau.xlsx")
	if r := runCLI(t, nil, "template", "--ward", "P5", "--period", "2003-H1", "--out", one); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r := runCLI(t, nil, "template", "--ward", "P5", "--period", "2003-H1", "--out", one); r.code != 1 {
		t.Errorf("over an existing file: exit %d", r.code)
	}
	for _, bad := range [][]string{{"template", "--period", "2003", "--out", one}, {"template", "--ward", "P5", "--out", one},
		{"template", "--ward", "Phường 99", "--period", "2003", "--out", filepath.Join(t.TempDir(), "x.xlsx")}} {
		if r := runCLI(t, nil, bad...); r.code == 0 {
			t.Errorf("%v: exit 0", bad)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the watch goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestWatch drops a ward's workbook into a watched folder: the report is
// printed again with that ward, the summary is rewritten, and cancelling
// (Ctrl-C) ends the command with exit 0.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(name string) {
		data, err := os.ReadFile(filepath.Join("samples", "2002", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("P01.xlsx")
	summary := filepath.Join(dir, "tong-hop.xlsx") // in the watched folder: must not loop
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main([]string{"watch", "--out", summary, dir}, System{Stdout: &stdout, Stderr: &stderr, Context: ctx,
			Getenv: func(string) string { return "" }, Now: func() time.Time { return fixedNow }})
	}()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); !cond(); time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s\nstdout:\n%s\nstderr:\n%s", what, stdout.String(), stderr.String())
			}
		}
	}
	reports := func() int { return strings.Count(stdout.String(), "Tình hình nộp báo cáo") }
	waitFor("the first report", func() bool { return reports() == 1 })
	if !strings.Contains(stdout.String(), "1/16 phường") {
		t.Errorf("first report:\n%s", stdout.String())
	}
	copyFile("P02.xlsx")
	waitFor("the report after a workbook was dropped", func() bool { return reports() == 2 })
	if !strings.Contains(stdout.String(), "2/16 phường") {
		t.Errorf("second report:\n%s", stdout.String())
	}
	time.Sleep(2 * time.Second) // writing the summary must not cause another report
	if n := reports(); n != 2 {
		t.Errorf("%d reports, want 2", n)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after Ctrl-C: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("watch did not stop")
	}
}

// TestInto writes the summary sheets into the district's own workbook: its
// own sheet stays, a backup is kept, and an open file is refused.
func TestInto(t *testing.T) {
	dir := t.TempDir()
	master := filepath.Join(dir, "so-lieu-quan.xlsx")
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "Kế hoạch"); err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Kế hoạch", "A1", "Kế hoạch năm 2003")
	f.SetCellFormula("Kế hoạch", "B2", "1+1")
	if err := f.SaveAs(master); err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ {
		r := runCLI(t, nil, "--into", master, "samples")
		if r.code != 0 || !strings.Contains(r.stderr, "Đã ghi các trang tổng hợp vào") {
			t.Fatalf("run %d: exit %d: %s", run, r.code, r.stderr)
		}
	}
	g, err := excelize.OpenFile(master)
	if err != nil {
		t.Fatal(err)
	}
	a1, _ := g.GetCellValue("Kế hoạch", "A1")
	b2, _ := g.GetCellFormula("Kế hoạch", "B2")
	sheets := strings.Join(g.GetSheetList(), "|")
	g.Close()
	if a1 != "Kế hoạch năm 2003" || b2 != "1+1" || sheets != "Kế hoạch|Tổng hợp|Nhiệm kỳ|Theo phường|Vấn đề|Nguồn|Biểu đồ" {
		t.Errorf("master after two runs: A1 %q, B2 %q, sheets %s", a1, b2, sheets)
	}
	if _, err := os.Stat(master + ".bak"); err != nil {
		t.Errorf("no backup: %v", err)
	}
	// The master among the inputs is not read as a ward report.
	if r := runCLI(t, nil, "check", dir); r.code != 2 || !strings.Contains(r.stderr, "so-lieu-quan.xlsx") {
		t.Errorf("check on the master's folder: exit %d\n%s", r.code, r.stderr)
	}
	// Open in Excel: refused, nothing changed.
	before, _ := os.ReadFile(master)
	if err := os.WriteFile(filepath.Join(dir, "~$so-lieu-quan.xlsx"), []byte("lock"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "--into", master, "samples")
	after, _ := os.ReadFile(master)
	if r.code != 1 || !strings.Contains(r.stderr, "đang mở trong Excel") || !bytes.Equal(before, after) {
		t.Errorf("with a lock file: exit %d, %s, changed %v", r.code, r.stderr, !bytes.Equal(before, after))
	}
	if r := runCLI(t, nil, "--into", master, "--no-workbook", "samples"); r.code != 2 {
		t.Errorf("--into with --no-workbook: exit %d", r.code)
	}
}

// TestTermReviewFindings: what a review of the term review found. A period
// that lacks wards is provisional in the term table and in the sentences;
// a deadline that has passed is told with the deadline year's figure;
// --only-not-met keeps a total over the term that is at risk.
func TestTermReviewFindings(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"2001", "2002", "2003-H1"} {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join("samples", p, "*.xlsx"))
		for _, f := range files {
			if p == "2002" && filepath.Base(f) == "P03.xlsx" {
				continue // Phường 3 did not send its 2002 report
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, p, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	r := runCLI(t, nil, "--no-workbook", "--format", "text", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "năm 2002 (tạm tính) tăng") {
		t.Errorf("the sentences do not say 2002 is provisional: exit %d\n%s", r.code, r.stdout)
	}
	r = runCLI(t, nil, "--no-workbook", dir)
	if !regexp.MustCompile(`│ 2001 +│ 2002 \(tạm +│`).MatchString(r.stdout) {
		t.Errorf("the term table does not mark 2002:\n%s", r.stdout)
	}

	// A configuration with an earlier deadline and a total over the term.
	cfg := catalog.Builtin()
	for i := range cfg.Targets {
		if cfg.Targets[i].Indicator == "hungry_households" {
			cfg.Targets[i].Deadline = 2002
		}
	}
	cfg.Targets = append(cfg.Targets, catalog.Target{Indicator: "detox_placements", Kind: catalog.KindCumulative, Op: ">=", Value: 3000})
	f, err := workbook.Config(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, nil, "--no-workbook", "--format", "text", "--config", path, "samples")
	if !strings.Contains(r.stdout, "Số hộ đói từ 14 hộ năm 2000 giảm xuống còn 2 hộ vào năm 2002") || !strings.Contains(r.stdout, "): không đạt.") {
		t.Errorf("a passed deadline is not told with its year's figure:\n%s", r.stdout)
	}
	r = runCLI(t, nil, "--no-workbook", "--only-not-met", "--config", path, "samples")
	if !regexp.MustCompile(`│ Số người được[^│]*│ cộng dồn ≥ 3\.000 +│.*│ khó đạt +│`).MatchString(r.stdout) {
		t.Errorf("--only-not-met drops the total at risk:\n%s", r.stdout)
	}
}

// TestParseOptions: the command line as parsed, argument by argument, into
// the options the commands run with.
func TestParseOptions(t *testing.T) {
	report := func(o options) options {
		o.command = "report"
		if o.lang == "" {
			o.lang = "vi"
		}
		o.color, o.format = "auto", "table"
		return o
	}
	tests := []struct {
		args []string
		want options
	}{
		{[]string{"samples"}, report(options{paths: []string{"samples"}})},
		{[]string{"report", "a", "b"}, report(options{paths: []string{"a", "b"}})},
		{[]string{"--lang", "en", "--no-workbook", "samples"}, report(options{lang: "en", noWorkbook: true, paths: []string{"samples"}})},
		{[]string{"samples", "-o", "x.xlsx", "--period", "2003-H1", "--password", "pw"},
			report(options{paths: []string{"samples"}, out: "x.xlsx", period: "2003-H1", password: "pw"})},
		{[]string{"--ward", "P5", "--ward", "Phường 7", "--indicator", "poor_households", "--only-not-met", "--sort", "detection_rate", "--show-period", "2003", "s"},
			report(options{wards: []string{"P5", "Phường 7"}, indicators: []string{"poor_households"}, onlyNotMet: true,
				sortBy: "detection_rate", showPeriod: "2003", paths: []string{"s"}})},
		{[]string{"--into", "quan.xlsx", "--config", "c.xlsx", "samples"}, report(options{into: "quan.xlsx", configPath: "c.xlsx", paths: []string{"samples"}})},
		{[]string{"--", "check"}, report(options{paths: []string{"check"}})}, // a folder named like a command
		{[]string{"check", "--format", "json", "samples"},
			options{command: "check", lang: "vi", color: "auto", format: "json", paths: []string{"samples"}}},
		{[]string{"config", "--force", "-o", "c.xlsx"}, options{command: "config", lang: "vi", force: true, out: "c.xlsx"}},
		{[]string{"template", "--ward", "P5", "--period", "2003-H1", "--out", "p5.xlsx"},
			options{command: "template", lang: "vi", ward: "P5", period: "2003-H1", out: "p5.xlsx"}},
		{[]string{"template", "--all", "--period", "2003", "--out", "forms"}, options{command: "template", lang: "vi", all: true, period: "2003", out: "forms"}},
		{[]string{"convert", "--password", "pw", "a.xls", "b.xlsx"}, options{command: "convert", lang: "vi", password: "pw", paths: []string{"a.xls", "b.xlsx"}}},
		{[]string{"watch", "--lang", "en", "folder"}, options{command: "watch", lang: "en", color: "auto", format: "table", paths: []string{"folder"}}},
		{[]string{"version"}, options{command: "version", lang: "vi"}},
	}
	for _, tt := range tests {
		got, _, err := parse(tt.args)
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if len(got.paths) == 0 {
			got.paths = nil // no arguments: empty, not nil
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got  %+v\n want %+v", tt.args, got, tt.want)
		}
	}
}
