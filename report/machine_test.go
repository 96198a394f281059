package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
)

func near(got any, want float64) bool {
	v, ok := got.(float64)
	return ok && math.Abs(v-want) < 1e-9
}

// keys lists the keys of a JSON object in the order written.
func keys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var out []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json.golden", b.Bytes())
	if !strings.HasPrefix(b.String(), "{\n  \"config\": \"built-in\",\n  \"periods\": [\n") {
		t.Errorf("not indented by two spaces:\n%.80s", b.String())
	}

	var doc struct {
		Config   string
		Periods  []json.RawMessage
		Problems []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Config != "built-in" || len(doc.Periods) != 2 || len(doc.Problems) != 4 {
		t.Fatalf("config %q, %d periods, %d problems", doc.Config, len(doc.Periods), len(doc.Problems))
	}
	if got := keys(t, json.RawMessage(b.Bytes())); strings.Join(got, " ") != "config periods term problems" {
		t.Errorf("top-level keys %v", got)
	}
	var p1, p2 map[string]json.RawMessage
	if err := json.Unmarshal(doc.Periods[0], &p1); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc.Periods[1], &p2); err != nil {
		t.Fatal(err)
	}
	if got := keys(t, doc.Periods[0]); strings.Join(got, " ") != "period expected submitted missing complete derived district wards" {
		t.Errorf("period keys %v", got)
	}
	for raw, want := range map[string]string{
		string(p1["period"]): `"2002-H1"`, string(p1["expected"]): `3`, string(p1["missing"]): `["Phường 3"]`,
		string(p1["complete"]): `false`, string(p2["missing"]): `[]`, string(p2["complete"]): `true`,
		string(p2["submitted"]): `["Phường 1","Phường 2","Phường 3"]`,
	} {
		if compact(t, raw) != want {
			t.Errorf("got %s, want %s", raw, want)
		}
	}

	// District keys in catalog order, the district-only one included.
	var ids []string
	for _, ind := range catalog.Builtin().Indicators {
		ids = append(ids, ind.ID)
	}
	if got := keys(t, p2["district"]); strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("district keys %v, want %v", got, ids)
	}
	var district map[string]map[string]any
	if err := json.Unmarshal(p2["district"], &district); err != nil {
		t.Fatal(err)
	}
	// Growth 2003-H1: (1150 + 2239.2) / (1000 + 2000) - 1 = 12.9733 %, met;
	// previous = 2002-H1's 3000 / 2680 - 1 = 11.9403 %.
	g := district["trade_services_growth"]
	if !near(g["value"], 3389.2/3000*100-100) || !near(g["gap"], 3389.2/3000*100-112) ||
		!near(g["previous"], 3000.0/2680*100-100) || g["status"] != "met" || g["target"] != ">= 12" || g["unit"] != "%" {
		t.Errorf("district growth %v", g)
	}
	if _, has := g["source"]; has {
		t.Errorf("district entries carry no source: %v", g)
	}
	// Hungry households 0 + 1 + 0 = 1 against <= 0: not met, gap -1.
	if h := district["hungry_households"]; !near(h["value"], 1) || h["status"] != "not_met" || !near(h["gap"], -1) || h["target"] != "<= 0" {
		t.Errorf("district hungry households %v", h)
	}
	// Nobody reported drug cases: null, no_data, no target.
	if d := district["drug_cases_change"]; d["value"] != nil || d["previous"] != nil || d["gap"] != nil || d["target"] != nil || d["status"] != "no_data" {
		t.Errorf("district drug case change %v", d)
	}
	if d := district["detailed_planning_wards"]; !near(d["value"], 1) || d["status"] != "no_target" {
		t.Errorf("wards with a plan %v", d)
	}

	var wards map[string]struct {
		Files      []string
		Indicators map[string]map[string]any
	}
	if err := json.Unmarshal(p2["wards"], &wards); err != nil {
		t.Fatal(err)
	}
	if got := keys(t, p2["wards"]); strings.Join(got, "|") != "Phường 1|Phường 2|Phường 3" {
		t.Errorf("ward keys %v", got)
	}
	p2w := wards["Phường 2"]
	if len(p2w.Files) != 1 || p2w.Files[0] != "2003-H1/P02.xlsx" {
		t.Errorf("Phường 2 files %v", p2w.Files)
	}
	if g := p2w.Indicators["trade_services_growth"]; !near(g["value"], 2239.2/2000*100-100) || g["status"] != "not_met" || g["source"] != nil {
		t.Errorf("Phường 2 growth %v", g)
	}
	if g := p2w.Indicators["trade_services_revenue"]; !near(g["value"], 2239.2) || !near(g["previous"], 2000) ||
		g["source"] != "2003-H1/P02.xlsx!Báo cáo!D11" || g["previous_source"] != "2003-H1/P02.xlsx!Báo cáo!E11" || g["status"] != "no_target" {
		t.Errorf("Phường 2 revenue %v", g)
	}
	if _, has := p2w.Indicators["detailed_planning_wards"]; has {
		t.Errorf("a district-only indicator in a ward")
	}
	p3 := wards["Phường 3"].Indicators
	if r := p3["poor_household_rate"]; !near(r["value"], 0.21) || r["source"] != "2003-H1/P03.xlsx!Báo cáo!D14" || r["status"] != "met" {
		t.Errorf("Phường 3 rate %v", r)
	}
	if r := p3["poor_households"]; r["value"] != nil || r["status"] != "no_data" || r["source"] != nil {
		t.Errorf("Phường 3 poor households %v", r)
	}

	want := map[string]any{"severity": "error", "file": "2003-H1/P03.xlsx", "sheet": "Báo cáo", "cell": "D9",
		"ward": "Phường 3", "period": "2003-H1", "indicator": "poor_households", "text": "mười hai",
		"message": "không đọc được số; ô này được coi là không có số liệu"}
	for k, v := range want {
		if doc.Problems[0][k] != v {
			t.Errorf("problem %s = %v, want %v", k, doc.Problems[0][k], v)
		}
	}
	if w := doc.Problems[2]; w["severity"] != "warning" || w["file"] != "" || w["indicator"] != "trade_services_growth" {
		t.Errorf("district warning %v", w)
	}
}

func compact(t *testing.T, s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteJSONEmpty(t *testing.T) {
	for _, r := range []*analysis.Result{nil, {}} {
		var b bytes.Buffer
		if err := WriteJSON(&b, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if want := "{\n  \"config\": \"\",\n  \"periods\": [],\n  \"term\": null,\n  \"problems\": []\n}\n"; b.String() != want {
			t.Errorf("empty result: %q, want %q", b.String(), want)
		}
	}
}

func TestWriteProblems(t *testing.T) {
	problems := fixture().Problems
	var b bytes.Buffer
	if err := WriteProblems(&b, problems[:3], Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	want := `2003-H1/P03.xlsx
  error: 2003-H1/P03.xlsx:Báo cáo!D9: "mười hai": not a number; the cell is treated as no data
  warning: 2003-H1/P03.xlsx:Báo cáo!D14: only the rate was sent, not its counts; used for the ward but not weighted into the district figure
District figures
  warning: 2003-H1, Trade and services growth: the district figure covers only the wards that sent this; missing: Phường 3
1 error, 2 warnings
By ward: Phường 3: 1 error, 1 warning
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteProblems(&b, problems[:1], Options{}); err != nil {
		t.Fatal(err)
	}
	want = "2003-H1/P03.xlsx\n  lỗi: 2003-H1/P03.xlsx:Báo cáo!D9: \"mười hai\": không đọc được số; ô này được coi là không có số liệu\n1 lỗi, 0 cảnh báo\nTheo phường: Phường 3: 1 lỗi, 0 cảnh báo\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteProblems(&b, nil, Options{}); err != nil || b.String() != "Không có vấn đề nào.\n" {
		t.Errorf("no problems: %q, %v", b.String(), err)
	}

	b.Reset()
	if err := WriteProblemsJSON(&b, nil, Options{}); err != nil || b.String() != "{\n  \"problems\": []\n}\n" {
		t.Errorf("no problems as JSON: %q, %v", b.String(), err)
	}
	b.Reset()
	if err := WriteProblemsJSON(&b, problems, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc map[string][]map[string]string
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc["problems"]) != 4 || doc["problems"][0]["message"] != "not a number; the cell is treated as no data" ||
		doc["problems"][1]["cell"] != "D14" || doc["problems"][2]["indicator"] != "trade_services_growth" {
		t.Errorf("problems as JSON: %v", doc)
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("no byte order mark: %.20q", data)
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.csv.golden", b.Bytes())
	rows := readCSV(t, b.Bytes())
	if got := strings.Join(rows[0], ","); got != "period,scope,ward,indicator,label,unit,value,previous,target,status,gap,source,previous_source" {
		t.Errorf("header %s", got)
	}
	// 17 catalog indicators for the district, 16 for each ward: 2002-H1 has
	// two wards, 2003-H1 three.
	if want := 1 + (17 + 2*16) + (17 + 3*16); len(rows) != want {
		t.Errorf("%d rows, want %d", len(rows), want)
	}
	find := func(period, scope, ward, id string) []string {
		for _, r := range rows {
			if r[0] == period && r[1] == scope && r[2] == ward && r[3] == id {
				return r
			}
		}
		t.Fatalf("no row %s %s %s %s", period, scope, ward, id)
		return nil
	}
	r := find("2003-H1", "ward", "Phường 2", "trade_services_growth")
	if v, _ := strconv.ParseFloat(r[6], 64); math.Abs(v-11.96) > 1e-9 || r[8] != ">= 12" || r[9] != "not_met" || r[4] != "Tăng trưởng thương mại - dịch vụ" {
		t.Errorf("Phường 2 growth %v", r)
	}
	// A negative number is a number: not escaped.
	r = find("2003-H1", "district", "", "criminal_cases_change")
	if v, err := strconv.ParseFloat(r[6], 64); err != nil || math.Abs(v-(70.0/84*100-100)) > 1e-9 || r[8] != "<= -20" {
		t.Errorf("district change %v", r)
	}
	r = find("2003-H1", "district", "", "drug_cases")
	if r[6] != "" || r[9] != "no_data" || r[11] != "" {
		t.Errorf("district drug cases %v", r)
	}
	r = find("2003-H1", "ward", "Phường 1", "trade_services_revenue")
	if r[6] != "1150" || r[7] != "1000" || r[11] != "2003-H1/P01.xlsx!Báo cáo!D11" || r[12] != "2003-H1/P01.xlsx!Báo cáo!E11" {
		t.Errorf("Phường 1 revenue %v", r)
	}
	b.Reset()
	if err := WriteCSV(&b, fixture(), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if rows := readCSV(t, b.Bytes()); rows[1][4] != "Households" || rows[1][5] != "hộ" {
		t.Errorf("English label: %v", rows[1])
	}
}

// formulaResult is a result whose texts look like formulas: a ward named
// "=HYPERLINK(...)", a label starting with "+", a file starting with "-".
func formulaResult() *analysis.Result {
	cfg := catalog.Builtin()
	cfg.Units = []catalog.Unit{{Name: `=HYPERLINK("http://x","P1")`}}
	cfg.Indicators[0].Label = "+Tổng số hộ"
	cfg.Indicators[1].Label = "@Số hộ nghèo"
	s := submission("-P01.xlsx", `=HYPERLINK("http://x","P1")`, "2003-H1",
		obs{"households", f(2000), nil}, obs{"poor_households", f(10), nil},
		obs{"criminal_cases", f(30), f(40)})
	return analysis.Analyze(cfg, []analysis.Submission{s}, nil)
}

func TestWriteCSVEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, formulaResult(), Options{}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	var ward []string
	for _, r := range rows {
		if r[1] == "ward" && r[3] == "households" {
			ward = r
		}
	}
	if ward == nil {
		t.Fatalf("no ward row in %v", rows)
	}
	if ward[2] != `'=HYPERLINK("http://x","P1")` || ward[4] != "'+Tổng số hộ" || ward[11] != "'-P01.xlsx!Báo cáo!D8" || ward[6] != "2000" {
		t.Errorf("ward row not escaped: %q", ward)
	}
	for _, r := range rows {
		if r[3] == "poor_households" && r[4] != "'@Số hộ nghèo" {
			t.Errorf("label not escaped: %q", r)
		}
		// 30/40 - 1 = -25 %: a number, written as is.
		if r[1] == "ward" && r[3] == "criminal_cases_change" && r[6] != "-25" {
			t.Errorf("negative number: %q", r)
		}
	}
}
