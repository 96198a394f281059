package report

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"chitieu/analysis"
	"chitieu/catalog"
)

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestWriteTableGolden(t *testing.T) {
	cases := []struct {
		name string
		o    Options
	}{
		{"table_vi.golden", Options{}},
		{"table_en_80.golden", Options{Lang: "en", Width: 80}},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := WriteTable(&b, fixture(), c.o); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "\x1b[") {
			t.Errorf("%s: colour codes without Options.Color", c.name)
		}
		golden(t, c.name, b.Bytes())
	}
}

func TestWriteTableContent(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTable(&b, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Cấu hình: mặc định (built-in)\n",
		"Quận — các chỉ tiêu so với Nghị quyết Đại hội\n",
		"│ 2002-H1 │",
		"│ (tạm    │",
		"2002-H1: 2/3 phường đã nộp; thiếu: Phường 3\n",
		"2003-H1: đủ 3/3 phường\n",
		"1 lỗi, 3 cảnh báo\n",
		"lỗi: 2003-H1/P03.xlsx:Báo cáo!D9: \"mười hai\": không đọc được số",
		"* chưa đạt chỉ tiêu Nghị quyết; — không có số liệu;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table output lacks %q", want)
		}
	}
	// Phường 2 row of the ward table: hungry 1, poor rate 130/3000 = 4.33,
	// growth 11.96 (shown with two decimals), change 0, detection 50: all
	// miss their targets; no drug figures.
	// Phường 3's poor households could not be read: the district's 138
	// (and its rate) lack them, and say so.
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "; † số của quận thiếu số liệu của một số phường (xem Vấn đề)") {
		t.Error("the legend does not explain †")
	}
	if !regexp.MustCompile(`│ Số hộ nghèo +│ hộ +│ +160 │ +138† │`).MatchString(out) {
		t.Errorf("the district's poor households are not marked as lacking a ward:\n%s", out)
	}
	row := regexp.MustCompile(`│ Phường 2 +│ +1\* │ +4,3\* │ +11,96\* │ +0,0\* │ +50,0\* │ +— │ +— │`)
	if !row.MatchString(out) {
		t.Errorf("ward table lacks the Phường 2 row:\n%s", out)
	}
	// Phường 3 sent only its rate, 0.21 %; it has no revenue last year.
	if !regexp.MustCompile(`│ Phường 3 +│ +0 │ +0,21 │ +— │ +-28,6 │ +70,0 │`).MatchString(out) {
		t.Errorf("ward table lacks the Phường 3 row:\n%s", out)
	}
}

func TestWriteTableColor(t *testing.T) {
	var plain, colored bytes.Buffer
	if err := WriteTable(&plain, fixture(), Options{Width: 90}); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&colored, fixture(), Options{Width: 90, Color: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\x1b[31m11,96*\x1b[0m", "\x1b[32m0,21\x1b[0m", "\x1b[90m—\x1b[0m", "\x1b[32mĐạt\x1b[0m"} {
		if !strings.Contains(colored.String(), want) {
			t.Errorf("coloured output lacks %q", want)
		}
	}
	// Colour changes nothing else, the layout included.
	if got := ansi.ReplaceAllString(colored.String(), ""); got != plain.String() {
		t.Errorf("coloured output without its colour codes differs from the plain output:\n%s\n%s", got, plain.String())
	}
}

// TestWriteTableWidth checks that no line is wider than the width, also
// with all 16 wards expected (a long list of missing wards).
func TestWriteTableWidth(t *testing.T) {
	full := analysis.Analyze(catalog.Builtin(), fixtureSubmissions(), fixtureProblems())
	for _, r := range []*analysis.Result{fixture(), full} {
		for _, width := range []int{100, 80} {
			for _, lang := range []string{"vi", "en"} {
				var b bytes.Buffer
				if err := WriteTable(&b, r, Options{Lang: lang, Width: width, Color: true}); err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(b.String(), "\n") {
					if n := utf8.RuneCountInString(ansi.ReplaceAllString(line, "")); n > width {
						t.Errorf("%s, width %d: line of %d columns: %q", lang, width, n, line)
					}
				}
			}
		}
	}
}

func TestWriteTableEmpty(t *testing.T) {
	for _, r := range []*analysis.Result{nil, {}, {Config: catalog.Builtin()}} {
		var b bytes.Buffer
		if err := WriteTable(&b, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "Không đọc được số liệu nào.\n") || !strings.Contains(b.String(), "Không có vấn đề nào.\n") {
			t.Errorf("empty result:\n%s", b.String())
		}
	}
	// Odd results print without panicking, at any width.
	odd := []*analysis.Result{
		{Periods: []analysis.PeriodResult{{Period: "2003-H1"}}},
		{Config: &catalog.Config{}, Periods: []analysis.PeriodResult{{Period: "x", Wards: []analysis.WardResult{{Name: "P"}}}}},
	}
	for _, r := range odd {
		for _, write := range []func(io.Writer, *analysis.Result, Options) error{WriteTable, WriteMarkdown, WriteCSV, WriteJSON} {
			if err := write(io.Discard, r, Options{}); err != nil {
				t.Error(err)
			}
		}
	}
	for width := 1; width <= 120; width++ {
		if err := WriteTable(io.Discard, fixture(), Options{Width: width}); err != nil {
			t.Fatal(err)
		}
	}

	// Without a configuration the catalog comes from the values.
	r := fixture()
	r.Config = nil
	var b bytes.Buffer
	if err := WriteTable(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "trade_services_growth") {
		t.Errorf("result without configuration:\n%s", b.String())
	}
}

func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "report_vi.md.golden", b.Bytes())

	// A pipe in a label is escaped, so each row keeps its columns.
	cfg := catalog.Builtin()
	cfg.Units = cfg.Units[:3]
	cfg.Indicators[0].Label = "Tổng số hộ | dân"
	r := analysis.Analyze(cfg, fixtureSubmissions(), nil)
	b.Reset()
	if err := WriteMarkdown(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| Tổng số hộ \\| dân | hộ | 5.000 | 6.000 |  | Không có chỉ tiêu |\n") {
		t.Errorf("markdown does not escape the pipe:\n%s", b.String())
	}
}

// TestLevelWords: the whole the wards add up to is named after the
// configured name's first words, so that a city's table says "Toàn thành
// phố", not "Toàn quận".
func TestLevelWords(t *testing.T) {
	for _, tt := range []struct{ name, vi, heading, en string }{
		{"Quận 11", "Toàn quận", "Quận — các chỉ tiêu so với Nghị quyết Đại hội", "District"},
		{"Thành phố Hồ Chí Minh", "Toàn thành phố", "Thành phố — các chỉ tiêu so với Nghị quyết Đại hội", "City"},
		{"TP. Thủ Đức", "Toàn thành phố", "Thành phố — các chỉ tiêu so với Nghị quyết Đại hội", "City"},
		{"Huyện Củ Chi", "Toàn huyện", "Huyện — các chỉ tiêu so với Nghị quyết Đại hội", "District"},
		{"Tỉnh Bình Dương", "Toàn tỉnh", "Tỉnh — các chỉ tiêu so với Nghị quyết Đại hội", "Province"},
		{"Quanh Hồ", "Toàn quận", "Quận — các chỉ tiêu so với Nghị quyết Đại hội", "District"},
	} {
		r := &analysis.Result{Config: &catalog.Config{District: tt.name}}
		vi, en := Options{}, Options{Lang: "en"}
		if got := vi.t("wholeDist", vi.level(r)); got != tt.vi {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.vi)
		}
		if got := vi.districtHeading(r); got != tt.heading {
			t.Errorf("%s: heading %q", tt.name, got)
		}
		if got := en.level(r); got != tt.en {
			t.Errorf("%s: %q in English, want %q", tt.name, got, tt.en)
		}
	}
}
