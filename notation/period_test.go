package notation

import "testing"

func TestFindPeriod(t *testing.T) {
	tests := []struct{ text, want string }{
		{"BÁO CÁO TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NĂM 2002", "2002"},
		{"BÁO CÁO 6 THÁNG ĐẦU NĂM 2003", "2003-H1"},
		{"Sơ kết 6 tháng cuối năm 2002", "2002-H2"},
		{"BÁO CÁO QUÝ III/2003", "2003-Q3"},
		{"Quý 2 năm 2003", "2003-Q2"},
		{"3 THÁNG ĐẦU NĂM 2003", "2003-Q1"},
		{"BÁO CÁO THÁNG 5/2003", "2003-05"},
		{"tháng 11 năm 2002", "2002-11"},
		{"9 THÁNG ĐẦU NĂM 2003", "2003-9M"},
		{"BÁO CÁO 6 THÁNG NĂM 2003", "2003-H1"},
		{"9 THÁNG NĂM 2003", "2003-9M"},
		{"3 THÁNG CUỐI NĂM 2003", "2003-Q4"},
		{"4 THÁNG ĐẦU NĂM 2003", ""},
		{"2003-H1", "2003-H1"},
		{"2001", "2001"},
		{"bao-cao-2003-Q3", "2003-Q3"},
		{"Phường 7, ngày 5 tháng 1 năm 2002", ""},
		{"samples", ""},
		{"(Kèm theo Công văn số 123/UBND ngày 20/12/2001)", ""},
	}
	for _, tt := range tests {
		p, ok := FindPeriod(tt.text)
		got := ""
		if ok {
			got = p.ID()
		}
		if got != tt.want {
			t.Errorf("FindPeriod(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestPeriodLess(t *testing.T) {
	// Sorted by end date, then the shorter span first.
	ordered := []string{"2001", "2002-05", "2002-Q2", "2002-H1", "2002-9M", "2002-Q4", "2002-H2", "2002", "2003-H1"}
	for i := range ordered {
		for j := range ordered {
			if got := PeriodLess(ordered[i], ordered[j]); got != (i < j) {
				t.Errorf("PeriodLess(%s, %s) = %v", ordered[i], ordered[j], got)
			}
		}
	}
	p, _ := ParsePeriodID("2003-H1")
	if got := p.LastYear().ID(); got != "2002-H1" {
		t.Errorf("LastYear of 2003-H1 = %s", got)
	}
}

// FuzzPeriodIDFastPath: the parser without the regular expression agrees
// with the one with it on every id it accepts.
func FuzzPeriodIDFastPath(f *testing.F) {
	for _, s := range []string{"2003", "2003-H1", "2003-H3", "2003-Q4", "2003-9M", "2003-05", "2003-13", "2003-00", "1949", "20a3", "2003-h1", "2003_05"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := parseCanonicalID(s)
		if !ok {
			return
		}
		m := periodID.FindStringSubmatch(s)
		if m == nil || fast.ID() != s {
			t.Errorf("%q: the fast path gives %+v, the expression %v", s, fast, m)
		}
	})
}
