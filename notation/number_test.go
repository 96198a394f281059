package notation

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

func TestParseNumber(t *testing.T) {
	vi, en := Vietnamese, English
	tests := []struct {
		name string
		in   string
		n    Notation
		want Number
		err  error
	}{
		{"integer", "420", vi, Number{Value: 420}, nil},
		{"vi thousands", "1.234", vi, Number{Value: 1234}, nil},
		{"en reads the same text as a decimal", "1.234", en, Number{Value: 1.234}, nil},
		{"vi thousands and decimal", "12.345,5", vi, Number{Value: 12345.5, Reveals: vi}, nil},
		{"vi decimal comma", "16,3", vi, Number{Value: 16.3, Reveals: vi}, nil},
		{"vi percent", "16,3%", vi, Number{Value: 16.3, Percent: true, Reveals: vi}, nil},
		{"vi percent with space", "12,5 %", vi, Number{Value: 12.5, Percent: true, Reveals: vi}, nil},
		{"en thousands", "1,234,567", vi, Number{Value: 1234567, Reveals: en}, nil},
		{"en single thousands in en file", "1,234", en, Number{Value: 1234}, nil},
		{"single comma in vi file is a decimal", "1,234", vi, Number{Value: 1.234}, nil},
		{"en decimal", "16.3%", vi, Number{Value: 16.3, Percent: true, Reveals: en}, nil},
		{"en thousands and decimal", "12,345.5", vi, Number{Value: 12345.5, Reveals: en}, nil},
		{"leading zero decimal", "0.215", vi, Number{Value: 0.215, Reveals: en}, nil},
		{"space thousands", "1 234 567", vi, Number{Value: 1234567}, nil},
		{"no-break space thousands", "12\u00a0345", vi, Number{Value: 12345}, nil},
		{"unit words", "420 người", vi, Number{Value: 420, Suffix: "nguoi"}, nil},
		{"money unit", "1.163 triệu đồng", vi, Number{Value: 1163, Suffix: "trieu dong"}, nil},
		{"nearly", "gần 1.000", vi, Number{Value: 1000, Approx: true}, nil},
		{"about", "khoảng 45", vi, Number{Value: 45, Approx: true}, nil},
		{"over percent", "trên 90%", vi, Number{Value: 90, Percent: true, Approx: true}, nil},
		{"negative", "-21", vi, Number{Value: -21}, nil},
		{"negative percent", "-21,5%", vi, Number{Value: -21.5, Percent: true, Reveals: vi}, nil},
		{"dash is none", "-", vi, Number{}, nil},
		{"blank is no data", "  ", vi, Number{Empty: true}, nil},
		{"dots are no data", "...", vi, Number{Empty: true}, nil},
		{"x is not applicable", "x", vi, Number{Empty: true}, nil},
		{"range", "3 - 4%", vi, Number{}, ErrNotNumber},
		{"fraction", "14/16", vi, Number{}, ErrNotNumber},
		{"word", "không rõ", vi, Number{}, ErrNotNumber},
		{"bad grouping", "1.23.4", vi, Number{}, ErrNotNumber},
		{"bad space grouping", "12 34", vi, Number{}, ErrNotNumber},
		{"two decimal marks", "1,2,3.4,5", vi, Number{}, ErrNotNumber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.in, tt.n)
			if !errors.Is(err, tt.err) {
				t.Fatalf("ParseNumber(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			if got != tt.want {
				t.Errorf("ParseNumber(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseYesNo(t *testing.T) {
	for in, want := range map[string]float64{"Có": 1, "CO": 1, "Không": 0, "chưa": 0, "Đã hoàn thành": 1} {
		if got, ok := ParseYesNo(in); !ok || got != want {
			t.Errorf("ParseYesNo(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := ParseYesNo("1.000"); ok {
		t.Error("ParseYesNo read a number as yes/no")
	}
}

// FuzzParseNumber: never panics, and a number it accepts, written back in
// the notation it was read in, reads back as the same number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234", "12.345,5", "16,3%", "1,234", "gần 1.000", "420 người", "-", "...", "3 - 4%", "0.215", "1 234"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, vietnamese bool) {
		n := English
		if vietnamese {
			n = Vietnamese
		}
		got, err := ParseNumber(s, n)
		if err != nil || got.Empty || math.IsInf(got.Value, 0) || math.IsNaN(got.Value) {
			return
		}
		text := strconv.FormatFloat(got.Value, 'f', -1, 64)
		if vietnamese {
			text = swapSeparators(text)
		}
		again, err := ParseNumber(text, n)
		if err != nil {
			t.Fatalf("%q read as %v, but %q does not read back: %v", s, got.Value, text, err)
		}
		if again.Value != got.Value {
			t.Fatalf("%q read as %v, %q reads back as %v", s, got.Value, text, again.Value)
		}
	})
}

func swapSeparators(s string) string {
	out := []byte(s)
	for i, c := range out {
		if c == '.' {
			out[i] = ','
		}
	}
	return string(out)
}
