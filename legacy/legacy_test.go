package legacy

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// vietnameseLower is the Vietnamese alphabet's vowels with every tone, plus
// đ, typed by hand (not taken from the package's tables).
const vietnameseLower = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"

func vietnameseLetters(t *testing.T) []rune {
	t.Helper()
	lower := []rune(vietnameseLower)
	upper := []rune(strings.ToUpper(vietnameseLower))
	if len(lower) != 73 || len(upper) != 73 || !norm.NFC.IsNormalString(vietnameseLower) {
		t.Fatalf("letter list: %d lower, %d upper, NFC %v", len(lower), len(upper), norm.NFC.IsNormalString(vietnameseLower))
	}
	return append(lower, upper...)
}

func TestEncodingString(t *testing.T) {
	for enc, want := range map[Encoding]string{None: "", TCVN3: "TCVN3", VNI: "VNI", Encoding(7): ""} {
		if got := enc.String(); got != want {
			t.Errorf("Encoding(%d).String() = %q, want %q", int(enc), got, want)
		}
	}
}

func TestFromFont(t *testing.T) {
	tests := []struct {
		font  string
		enc   Encoding
		upper bool
	}{
		{".VnTime", TCVN3, false},
		{".VnTimeH", TCVN3, true},
		{".VnArial", TCVN3, false},
		{".VnArialH", TCVN3, true},
		{".VnArial Narrow", TCVN3, false},
		{".VnBook-AntiquaH", TCVN3, true},
		{".vntime", TCVN3, false},
		{".VNTIME", TCVN3, false},
		{" .VnTimeH ", TCVN3, true},
		{".Vn3DH", TCVN3, true},
		{"VNI-Times", VNI, false},
		{"VNI-Helve", VNI, false},
		{"vni-times", VNI, false},
		{"VnTime", None, false}, // dotless: left to Guess, see FromFont
		{"VNTime", None, false},
		{"VNTimeH", None, false},
		{"UVnTime", None, false},
		{"VNtimes new roman", None, false},
		{"Arial", None, false},
		{"Times New Roman", None, false},
		{"", None, false},
		{".Vn", TCVN3, false},
	}
	for _, tt := range tests {
		enc, upper := FromFont(tt.font)
		if enc != tt.enc || upper != tt.upper {
			t.Errorf("FromFont(%q) = %v, %v; want %v, %v", tt.font, enc, upper, tt.enc, tt.upper)
		}
	}
}

// TestPublishedCodes checks a few letters against codes typed from the
// published charts (UniKey's data.cpp and xvnkb's tcvn.h / vni.h), written
// here as hex so they do not depend on the package's tables.
func TestPublishedCodes(t *testing.T) {
	tests := []struct {
		enc    Encoding
		letter string
		legacy string
	}{
		{TCVN3, "ố", "\u00e8"},
		{TCVN3, "ộ", "\u00e9"},
		{TCVN3, "è", "\u00cc"},
		{TCVN3, "ổ", "\u00e6"},
		{TCVN3, "ư", "\u00ad"},
		{TCVN3, "ơ", "\u00ac"},
		{TCVN3, "ạ", "\u00b9"},
		{TCVN3, "à", "\u00b5"},
		{TCVN3, "á", "\u00b8"},
		{TCVN3, "đ", "\u00ae"},
		{TCVN3, "Đ", "\u00a7"},
		{TCVN3, "Ă", "\u00a1"},
		{TCVN3, "ặ", "\u00c6"},
		{TCVN3, "ị", "\u00de"},
		{TCVN3, "ỉ", "\u00d8"},
		{TCVN3, "ý", "\u00fd"},
		{TCVN3, "ỵ", "\u00fe"},
		{VNI, "ố", "o\u00e1"},
		{VNI, "ộ", "o\u00e4"},
		{VNI, "Ộ", "O\u00c4"},
		{VNI, "ă", "a\u00ea"},
		{VNI, "ắ", "a\u00e9"},
		{VNI, "ẳ", "a\u00fa"},
		{VNI, "è", "e\u00f8"},
		{VNI, "ư", "\u00f6"},
		{VNI, "ơ", "\u00f4"},
		{VNI, "ớ", "\u00f4\u00f9"},
		{VNI, "đ", "\u00f1"},
		{VNI, "Đ", "\u00d1"},
		{VNI, "ị", "\u00f2"},
		{VNI, "ĩ", "\u00f3"},
		{VNI, "ỵ", "\u00ee"},
		{VNI, "ỉ", "\u00e6"},
		{VNI, "í", "\u00ed"},
		{VNI, "Í", "\u00cd"},
		{VNI, "Ĩ", "\u00d3"},
		{VNI, "Ị", "\u00d2"},
		{VNI, "Ỵ", "\u00ce"},
		{VNI, "Ỉ", "\u00c6"},
	}
	for _, tt := range tests {
		if got, ok := Encode(tt.letter, tt.enc); got != tt.legacy || !ok {
			t.Errorf("Encode(%q, %v) = %+q, %v; want %+q, true", tt.letter, tt.enc, got, ok, tt.legacy)
		}
		if got := Decode(tt.legacy, tt.enc, false); got != tt.letter {
			t.Errorf("Decode(%+q, %v) = %q, want %q", tt.legacy, tt.enc, got, tt.letter)
		}
	}
}

// TestAllLetters sends each of the 134 letters through Encode and Decode.
func TestAllLetters(t *testing.T) {
	for _, r := range vietnameseLetters(t) {
		letter := string(r)
		for _, enc := range []Encoding{TCVN3, VNI} {
			out, ok := Encode(letter, enc)
			// TCVN3 has no code for capitals with marks other than the seven
			// plain ones; those are written with the lower-case code.
			noCode := enc == TCVN3 && r >= 0x80 && strings.ToUpper(letter) == letter &&
				!strings.ContainsRune("ĂÂÊÔƠƯĐ", r)
			if ok == noCode {
				t.Errorf("Encode(%q, %v) ok = %v", letter, enc, ok)
			}
			for _, o := range out {
				if o > 0xFF {
					t.Errorf("Encode(%q, %v) = %+q: not 8-bit", letter, enc, out)
				}
			}
			if noCode {
				if got := Decode(out, enc, true); got != letter {
					t.Errorf("Decode(Encode(%q), %v, upper) = %q", letter, enc, got)
				}
				continue
			}
			if got := Decode(out, enc, false); got != letter {
				t.Errorf("Decode(Encode(%q), %v) = %q (legacy %+q)", letter, enc, got, out)
			}
		}
	}
	// Every letter of one encoding must have a distinct legacy form.
	for _, enc := range []Encoding{TCVN3, VNI} {
		seen := map[string]rune{}
		for _, r := range vietnameseLower {
			out, _ := Encode(string(r), enc)
			if prev, dup := seen[out]; dup {
				t.Errorf("%v: %q and %q are both %+q", enc, prev, r, out)
			}
			seen[out] = r
		}
	}
}

// Strings copied from /work/shared/corpus/vietnamese/gso_2011-08_Bieu-8.2011.xlsx
// (xl/sharedStrings.xml, sheet 10), in .VnArial and .VnArialH cells, with
// their meaning as read by a person.
var gsoTCVN3 = []struct{ legacy, want string }{
	{"ChØ sè gi¸ tiªu dïng", "Chỉ số giá tiêu dùng"},
	{"Hµng ¨n vµ dÞch vô ¨n uèng", "Hàng ăn và dịch vụ ăn uống"},
	{"    Trong ®ã:", "    Trong đó:"},
	{"L\u00ad¬ng thùc", "Lương thực"},
	{"Thùc phÈm", "Thực phẩm"},
	{"¡n uèng ngoµi gia ®×nh", "Ăn uống ngoài gia đình"},
	{"§å uèng vµ thuèc l¸", "Đồ uống và thuốc lá"},
	{"May mÆc, giµy dÐp vµ mò nãn", "May mặc, giày dép và mũ nón"},
	{"Nhµ ë vµ vËt liÖu x©y dùng", "Nhà ở và vật liệu xây dựng"},
	{"ThiÕt bÞ vµ ®å dïng gia ®×nh", "Thiết bị và đồ dùng gia đình"},
	{"Thuèc vµ dÞch vô y tÕ", "Thuốc và dịch vụ y tế"},
	{"Giao th«ng", "Giao thông"},
	{"B\u00adu chÝnh viÔn th«ng", "Bưu chính viễn thông"},
	{"Gi¸o dôc", "Giáo dục"},
	{"V¨n ho¸, gi¶i trÝ vµ du lÞch", "Văn hoá, giải trí và du lịch"},
	{"§å dïng vµ dÞch vô kh¸c", "Đồ dùng và dịch vụ khác"},
	{"ChØ sè gi¸ vµng", "Chỉ số giá vàng"},
	{"ChØ sè gi¸ ®« la mü", "Chỉ số giá đô la mỹ"},
}

// Unicode strings from the same workbook, in Arial cells, whose only marked
// letters are Latin-1 ones: the hard case for Guess.
var gsoLatin1Unicode = []string{
	"Tháng 8", "Tháng 12", "A. HÀNH KHÁCH", "Nghìn HK", "B. HÀNG HOÁ", "Ôx-trây-li-a",
	"Pháp", "(Nghìn ha)", "8 tháng ", "tháng 7", "tính", "Nghìn cái",
	"Thép thanh, thép góc", "Xe máy", "Lào Cai", "Khánh Hoà", "Tây Ninh", "Síp",
	"Thái Lan", "Hà Lan", "Bru-nây", "    Hàng hoá khác", "Cà phê", "Chè", "Giày dép",
	"Phân bón ", "Bông ", "Ô tô(*)", "Xe máy(*)",
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		enc   Encoding
		upper bool
		want  string
	}{
		{"TCVN3 phrase", "Sè hé nghÌo", TCVN3, false, "Số hộ nghèo"},
		{"VNI phrase", "Soá hoä ngheøo", VNI, false, "Số hộ nghèo"},
		{"TCVN3 soft hyphen is ư", "Doanh thu th\u00ad¬ng m¹i", TCVN3, false, "Doanh thu thương mại"},
		{"TCVN3 capitals", "§µ N½ng, ¡n, ¢u, £, ¤, ¥, ¦", TCVN3, false, "Đà Nẵng, Ăn, Âu, Ê, Ô, Ơ, Ư"},
		{"TCVN3 upper-case font", "ChØ sè gi¸ tiªu dïng", TCVN3, true, "CHỈ SỐ GIÁ TIÊU DÙNG"},
		{"TCVN3 upper-case font, ư and đ", "®\u00adêng", TCVN3, true, "ĐƯỜNG"},
		{"VNI upper case", "TOÅNG SOÁ HOÄ", VNI, false, "TỔNG SỐ HỘ"},
		{"VNI ươ", "ngöôøi", VNI, false, "người"},
		{"VNI đ Đ ơ", "ñoâ Ñaø Naüng ôû", VNI, false, "đô Đà Nẵng ở"},
		{"VNI standalone i and y", "kòp, nhieàu, Ó, lyù, Ò, Î, Æ, î, æ", VNI, false, "kịp, nhiều, Ĩ, lý, Ị, Ỵ, Ỉ, ỵ, ỉ"},
		{"VNI upper ignored", "Soá", VNI, true, "Số"},
		{"ASCII", "Tong so 12,5 %", TCVN3, false, "Tong so 12,5 %"},
		{"ASCII in upper-case font", "Tong so 12,5 %", TCVN3, true, "TONG SO 12,5 %"},
		{"None", "Sè hé", None, false, "Sè hé"},
		{"TCVN3 byte 0x85 as U+0085", "Sè hé\u0085", TCVN3, false, "Số hộ…"},
		{"TCVN3 byte 0x85 as …", "Sè hé…", TCVN3, false, "Số hộ…"},
		{"VNI byte 0x80 as U+0080 and €", "\u0080 10 ñoàng, € 5", VNI, false, "€ 10 đồng, € 5"},
		{"undefined cp1252 byte passes", "a\u0081b", TCVN3, false, "a\u0081b"},
		{"unused byte passes", "µ \u00e0 \u00c0", TCVN3, false, "à \u00e0 \u00c0"},
		{"other text passes", "Sè 日本 ư", TCVN3, false, "Số 日本 ư"},
		{"combining mark after decoded letter composes", "a\u0301 ©\u0301", TCVN3, false, "á ấ"},
	}
	for _, tt := range tests {
		got := Decode(tt.in, tt.enc, tt.upper)
		if got != tt.want {
			t.Errorf("%s: Decode(%+q, %v, %v) = %q, want %q", tt.name, tt.in, tt.enc, tt.upper, got, tt.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("%s: Decode gave %+q, not NFC", tt.name, got)
		}
	}
	for _, tt := range gsoTCVN3 {
		if got := Decode(tt.legacy, TCVN3, false); got != tt.want {
			t.Errorf("Decode(%q, TCVN3) = %q, want %q", tt.legacy, got, tt.want)
		}
	}
}

func TestDecodeCP1252FormsAgree(t *testing.T) {
	for b := 0x80; b < 0xA0; b++ {
		c1 := "Sè" + string(rune(b)) + "hé"
		win := c1
		if r := cp1252[b-0x80]; r != 0 {
			win = "Sè" + string(r) + "hé"
		}
		for _, enc := range []Encoding{TCVN3, VNI} {
			if a, w := Decode(c1, enc, false), Decode(win, enc, false); a != w {
				t.Errorf("byte %#x under %v: %+q from U+00%X but %+q from the Windows-1252 form", b, enc, a, b, w)
			}
		}
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		in   string
		enc  Encoding
		want string
		ok   bool
	}{
		{"Số hộ nghèo", TCVN3, "Sè hé nghÌo", true},
		{"Số hộ nghèo", VNI, "Soá hoä ngheøo", true},
		{"Doanh thu thương mại", TCVN3, "Doanh thu th\u00ad¬ng m¹i", true},
		{"SỐ HỘ", TCVN3, "Sè Hé", false}, // no codes for Ố, Ộ
		{"SỐ HỘ", VNI, "SOÁ HOÄ", true},
		{"So\u0302\u0301", VNI, "Soá", true}, // decomposed input
		{"…", TCVN3, "\u0085", true},
		{"\u0085", TCVN3, "\u0085", false}, // drawn as …, would not come back
		{"ß", TCVN3, "ß", false},           // 0xDF is ò
		{"ß", VNI, "ß", true},              // VNI leaves 0xDF alone
		{"ø", VNI, "ø", false},             // a VNI mark
		{"\u00ad", TCVN3, "\u00ad", false}, // TCVN3 ư
		{"日本", VNI, "日本", false},
		{"abc", None, "abc", true},
	}
	for _, tt := range tests {
		got, ok := Encode(tt.in, tt.enc)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Encode(%+q, %v) = %+q, %v; want %+q, %v", tt.in, tt.enc, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsUnicodeVietnamese(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Số hộ nghèo", true},
		{"Đà Nẵng", true},
		{"thương", true},
		{"so\u0302\u0301", true}, // decomposed ố
		{"Tháng 8", false},       // Latin-1 letters only
		{"Sè hé nghÌo", false},
		{"Soá hoä ngheøo", false},
		{"Café", false},
		{"\u0301abc", false}, // a mark with no letter before it
		{"", false},
		{"ASCII", false},
	}
	for _, tt := range tests {
		if got := IsUnicodeVietnamese(tt.in); got != tt.want {
			t.Errorf("IsUnicodeVietnamese(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestGuess(t *testing.T) {
	tests := []struct {
		in   string
		want Encoding
	}{
		{"Sè hé nghÌo", TCVN3},
		{"Tæng sè", TCVN3},
		{"Doanh thu th\u00ad¬ng m¹i", TCVN3},
		{"Sè hé nghÌo…", TCVN3},
		{"Soá hoä ngheøo", VNI},
		{"Toång soá", VNI},
		{"Doanh thu thöông maïi", VNI},
		{"Tyû leä hoä ngheøo", VNI},
		{"", None},
		{"Tong so ho ngheo", None},
		{"12,5 %", None},
		{"©2024", None},
		{"25°C", None},
		{"€100", None},
		{"“quoted” – dash", None},
		{"Café", None},
		{"Müller", None},
		{"naïve", None},
		{"São Paulo", None},
		{"Grüße aus Köln", None},
		{"Élève à l'école", None},
		{"año", None},
		{"Số hộ nghèo", None},
		{"Chỉ số giá tiêu dùng", None},
		// Too short to tell from its own letters: "sè" is as good as "số".
		{"Sè", None},
	}
	for _, tt := range tests {
		if got := Guess(tt.in); got != tt.want {
			t.Errorf("Guess(%+q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	for _, tt := range gsoTCVN3 {
		if got := Guess(tt.legacy); got != TCVN3 {
			t.Errorf("Guess(%q) = %v, want TCVN3", tt.legacy, got)
		}
		if got := Guess(tt.want); got != None {
			t.Errorf("Guess(%q) = %v, want None", tt.want, got)
		}
		vni, _ := Encode(tt.want, VNI)
		if got := Guess(vni); got != VNI {
			t.Errorf("Guess(%q) = %v, want VNI", vni, got)
		}
	}
	for _, s := range gsoLatin1Unicode {
		if got := Guess(s); got != None {
			t.Errorf("Guess(%q) = %v, want None", s, got)
		}
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		in, font string
		want     string
		enc      Encoding
		guessed  bool
	}{
		{"Sè hé nghÌo", ".VnTime", "Số hộ nghèo", TCVN3, false},
		{"ChØ sè gi¸ tiªu dïng", ".VnArialH", "CHỈ SỐ GIÁ TIÊU DÙNG", TCVN3, false},
		{"ChØ sè gi¸ tiªu dïng", "Arial", "Chỉ số giá tiêu dùng", TCVN3, true},
		{"ChØ sè gi¸ tiªu dïng", "VNTime", "Chỉ số giá tiêu dùng", TCVN3, true},
		{"Soá hoä ngheøo", "VNI-Times", "Số hộ nghèo", VNI, false},
		{"Soá hoä ngheøo", "Arial", "Số hộ nghèo", VNI, true},
		{"Sè", ".VnTime", "Số", TCVN3, false}, // the font decides what Guess cannot
		// Unicode text in a legacy font is left alone.
		{"Số hộ nghèo", ".VnTime", "Số hộ nghèo", None, false},
		{"Số hộ nghèo", "VNI-Times", "Số hộ nghèo", None, false},
		{"Cà phê", ".VnTime", "Cà phê", None, false},
		{"Công ty", "VNI-Times", "Công ty", None, false},
		{"Tháng 8", "Arial", "Tháng 8", None, false},
		{"Café", "", "Café", None, false},
		// Nothing to convert.
		{"Tong so 12,5", ".VnTime", "Tong so 12,5", None, false},
		{"Tong so 12,5", "Arial", "Tong so 12,5", None, false},
		{"12,5", ".VnTimeH", "12,5", None, false},
		{"Tong so", ".VnTimeH", "TONG SO", TCVN3, false},
		{"Nghìn", "VNI-Times", "Nghìn", None, false}, // í ì are themselves in VNI
	}
	for _, tt := range tests {
		out, enc, guessed := Convert(tt.in, tt.font)
		if out != tt.want || enc != tt.enc || guessed != tt.guessed {
			t.Errorf("Convert(%q, %q) = %q, %v, %v; want %q, %v, %v",
				tt.in, tt.font, out, enc, guessed, tt.want, tt.enc, tt.guessed)
		}
	}
	for _, tt := range gsoTCVN3 {
		for _, font := range []string{".VnArial", "Arial"} {
			if out, enc, _ := Convert(tt.legacy, font); out != tt.want || enc != TCVN3 {
				t.Errorf("Convert(%q, %q) = %q, %v; want %q, TCVN3", tt.legacy, font, out, enc, tt.want)
			}
		}
	}
	for _, s := range gsoLatin1Unicode {
		if out, enc, _ := Convert(s, "Arial"); out != s || enc != None {
			t.Errorf("Convert(%q, Arial) = %q, %v; want it unchanged", s, out, enc)
		}
	}
}

func TestConvertNoOpDoesNotAllocate(t *testing.T) {
	for _, tt := range []struct{ s, font string }{
		{"Tổng số hộ dân", "Arial"},
		{"Tong so ho dan 12,5 %", ".VnTime"},
		{"Tong so ho dan 12,5 %", "Arial"},
		{"Số hộ nghèo", ".VnTime"},
		{"Tháng 8 năm 2011", "Arial"},
		{"Tháng 8", "Arial"},
		{"A. HÀNH KHÁCH", "Arial"},
	} {
		if n := testing.AllocsPerRun(100, func() { Convert(tt.s, tt.font) }); n != 0 {
			t.Errorf("Convert(%q, %q) allocates %v times", tt.s, tt.font, n)
		}
	}
}

func TestOutputIsValidUTF8(t *testing.T) {
	for _, s := range []string{"\xff\xfe", "S\xe8 h\xe9", "a\xc3", "Soá\xc3"} {
		for _, enc := range []Encoding{TCVN3, VNI} {
			if got := Decode(s, enc, true); !utf8.ValidString(got) {
				t.Errorf("Decode(%+q, %v) = %+q, not UTF-8", s, enc, got)
			}
		}
	}
}

func BenchmarkConvert(b *testing.B) {
	for _, bc := range []struct{ name, s, font string }{
		{"ASCII no-op", "Tong so ho dan tren dia ban 12,5 %", ".VnTime"},
		{"Unicode no-op", "Tổng số hộ dân trên địa bàn", "Arial"},
		{"TCVN3 label", "Tæng sè hé d©n trªn ®Þa bµn", ".VnTime"},
		{"TCVN3 label guessed", "Tæng sè hé d©n trªn ®Þa bµn", "Arial"},
		{"VNI label", "Toång soá hoä daân treân ñòa baøn", "VNI-Times"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Convert(bc.s, bc.font)
			}
		})
	}
}

func TestJudge(t *testing.T) {
	tests := []struct {
		s, font string
		enc     Encoding
		r       Reading
		guessed bool
	}{
		{"Sè hé nghÌo", ".VnTime", TCVN3, Legacy, false},
		{"Tháng 5/2003", ".VnTime", TCVN3, Either, false}, // also TCVN3 for "Thỏng"
		{"Số hộ nghèo", ".VnTime", None, Plain, false},
		{"Cà phê", ".VnTime", None, Plain, false}, // TCVN3 has no à
		{"Tæng sè hé d©n", "Arial", TCVN3, Legacy, true},
		{"hé", "Arial", TCVN3, Either, true}, // "hộ" in TCVN3
		{"Café", "Arial", None, Plain, false},
		{"Tháng 8", "Arial", TCVN3, Either, true}, // kept unless its sheet is surely TCVN3
		{"tong so", ".VnTimeH", TCVN3, Legacy, false},
		{"Soá hoä ngheøo", "VNI-Times", VNI, Legacy, false},
	}
	for _, tt := range tests {
		enc, _, r, guessed := Judge(tt.s, tt.font)
		if enc != tt.enc || r != tt.r || guessed != tt.guessed {
			t.Errorf("Judge(%q, %q) = %v, %v, %v; want %v, %v, %v", tt.s, tt.font, enc, r, guessed, tt.enc, tt.r, tt.guessed)
		}
	}
}
