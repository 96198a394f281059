package legacy

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"", "Tong so", "Sè hé nghÌo", "Soá hoä ngheøo", "Doanh thu th\u00ad¬ng m¹i", "Số hộ nghèo",
		"Café", "\u0085\u0080€…", "aø", "ôù", "Ö", "\xff\xfe", "a\u0301", "ß", "Ý",
	} {
		f.Add(s)
	}
	for _, tt := range gsoTCVN3 {
		f.Add(tt.legacy)
		f.Add(tt.want)
	}
}

// FuzzDecode checks that decoding never panics and gives valid NFC UTF-8,
// and that Decode undoes Encode whenever Encode says it could.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, enc := range []Encoding{TCVN3, VNI} {
			for _, upper := range []bool{false, true} {
				out := Decode(s, enc, upper)
				if utf8.ValidString(s) && (!utf8.ValidString(out) || !norm.NFC.IsNormalString(out)) {
					t.Fatalf("Decode(%+q, %v, %v) = %+q: not valid NFC UTF-8", s, enc, upper, out)
				}
			}
			if !utf8.ValidString(s) {
				continue
			}
			legacy, ok := Encode(s, enc)
			if !ok {
				continue
			}
			if back := Decode(legacy, enc, false); back != norm.NFC.String(s) {
				t.Fatalf("Decode(Encode(%+q, %v)) = %+q (legacy %+q)", s, enc, back, legacy)
			}
		}
	})
}

// FuzzConvert checks that Convert never panics, gives valid UTF-8, reports
// None exactly when it changed nothing, and leaves Unicode Vietnamese alone,
// its own output included.
func FuzzConvert(f *testing.F) {
	fuzzSeeds(f)
	fonts := []string{".VnTime", ".VnTimeH", "VNI-Times", "Arial"}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			for _, font := range fonts {
				Convert(s, font)
			}
			return
		}
		for _, font := range fonts {
			out, enc, guessed := Convert(s, font)
			if !utf8.ValidString(out) {
				t.Fatalf("Convert(%+q, %q) = %+q: not UTF-8", s, font, out)
			}
			if (enc == None) != (out == s) {
				t.Fatalf("Convert(%+q, %q) = %+q, %v", s, font, out, enc)
			}
			if guessed && font != "Arial" {
				t.Fatalf("Convert(%+q, %q) guessed", s, font)
			}
			if IsUnicodeVietnamese(s) && enc != None {
				t.Fatalf("Convert(%+q, %q) converted Unicode Vietnamese to %+q", s, font, out)
			}
			if enc == None || !IsUnicodeVietnamese(out) {
				continue
			}
			for _, f2 := range fonts {
				if again, enc2, _ := Convert(out, f2); again != out || enc2 != None {
					t.Fatalf("Convert(%+q, %q) = %+q, then Convert(that, %q) = %+q, %v", s, font, out, f2, again, enc2)
				}
			}
		}
	})
}
