package report

import (
	"testing"

	"chitieu/catalog"
)

func TestFormatValue(t *testing.T) {
	atLeast12 := &catalog.Target{Op: ">=", Value: 12}
	atMost4 := &catalog.Target{Op: "<=", Value: 4}
	atMostMinus20 := &catalog.Target{Op: "<=", Value: -20}
	cases := []struct {
		v      *float64
		unit   string
		target *catalog.Target
		vi, en string
	}{
		{f(1234), "hộ", nil, "1.234", "1,234"},
		{f(1234567), "người", nil, "1.234.567", "1,234,567"},
		{f(0), "hộ", nil, "0", "0"},
		{f(1234.5), "triệu đồng", nil, "1.234,5", "1,234.5"},
		{f(16.3), "%", nil, "16,3", "16.3"},
		{f(15.7), "%", atLeast12, "15,7", "15.7"},
		{f(15), "%", atLeast12, "15,0", "15.0"},
		// Rounding 11.96 to one decimal would show 12.0 and hide the miss.
		{f(11.96), "%", atLeast12, "11,96", "11.96"},
		{f(11.996), "%", atLeast12, "11,996", "11.996"},
		{f(12.04), "%", atLeast12, "12,0", "12.0"},
		{f(4.04), "%", atMost4, "4,04", "4.04"},
		{f(-19.96), "%", atMostMinus20, "-19,96", "-19.96"},
		{f(-21), "%", atMostMinus20, "-21,0", "-21.0"},
		// Below one percent point: two decimals.
		{f(0.21), "%", atMost4, "0,21", "0.21"},
		{f(0.4), "%", nil, "0,40", "0.40"},
		{f(-0.001), "%", nil, "0,00", "0.00"},
		{f(1234.56), "%", nil, "1.234,6", "1,234.6"},
		{nil, "%", atLeast12, "—", "—"},
	}
	for _, c := range cases {
		for _, lang := range []string{"vi", "en"} {
			want := c.vi
			if lang == "en" {
				want = c.en
			}
			var v any = nil
			if c.v != nil {
				v = *c.v
			}
			if got := (Options{Lang: lang}).formatValue(c.v, c.unit, c.target); got != want {
				t.Errorf("%s: formatValue(%v %s, %v) = %q, want %q", lang, v, c.unit, c.target, got, want)
			}
		}
	}
}

func TestFormatTarget(t *testing.T) {
	cases := []struct {
		target *catalog.Target
		vi, en string
	}{
		{&catalog.Target{Op: ">=", Value: 12}, "≥ 12", "≥ 12"},
		{&catalog.Target{Op: "<=", Value: -20}, "≤ -20", "≤ -20"},
		{&catalog.Target{Op: "<=", Value: 3.5}, "≤ 3,5", "≤ 3.5"},
		{&catalog.Target{Op: ">=", Value: 1000}, "≥ 1.000", "≥ 1,000"},
		{nil, "", ""},
	}
	for _, c := range cases {
		if got := (Options{}).formatTarget(c.target); got != c.vi {
			t.Errorf("vi: formatTarget(%v) = %q, want %q", c.target, got, c.vi)
		}
		if got := (Options{Lang: "en"}).formatTarget(c.target); got != c.en {
			t.Errorf("en: formatTarget(%v) = %q, want %q", c.target, got, c.en)
		}
	}
}

func TestNumFormat(t *testing.T) {
	atLeast12 := &catalog.Target{Op: ">=", Value: 12}
	cases := []struct {
		v      float64
		unit   string
		target *catalog.Target
		want   string
	}{
		{1234, "hộ", nil, "#,##0"},
		{1234.5, "triệu đồng", nil, "#,##0.0"},
		{16.3, "%", atLeast12, "0.0"},
		{11.96, "%", atLeast12, "0.00"},
		{0.21, "%", nil, "0.00"},
	}
	for _, c := range cases {
		if got := numFormat(c.v, c.unit, c.target); got != c.want {
			t.Errorf("numFormat(%v %s) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

func TestWrap(t *testing.T) {
	got := wrap("cảnh báo: số của quận chỉ tính trên các phường", 20, 2)
	want := []string{"cảnh báo: số của", "  quận chỉ tính trên", "  các phường"}
	if len(got) != len(want) {
		t.Fatalf("wrap = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("wrap line %d = %q, want %q", i, got[i], want[i])
		}
	}
	// A word longer than the line is cut rather than left overflowing.
	for _, line := range wrap("x samples/2003-H1/phuong-05-sua-lan-2.xlsx", 12, 0) {
		if displayWidth(line) > 12 {
			t.Errorf("line %q is wider than 12", line)
		}
	}
}
