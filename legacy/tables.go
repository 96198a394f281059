package legacy

// The code tables. They are data, checked letter by letter against two
// published converters that were written independently of each other:
//
//   - UniKey's VnConv library, ukengine/data.cpp (SingleByteTables[TCVN3] and
//     DoubleByteTables[VNI-WIN]), as shipped in github.com/vn-input/ibus-unikey;
//   - xvnkb by Dao Hai Lam, tcvn.h (lower-case half) and vni.h, in
//     github.com/lamdao/xvnkb.
//
// Both list the same codes for every letter below.

// tcvn3Letters lists every letter TCVN3 (TCVN 5712:1993 VN3, the "ABC" code
// of the .Vn fonts) has a code for. VN3 has no code for capitals that carry
// a tone mark (Á, Ố, ...): typists used the upper-case .Vn...H fonts, which
// draw the lower-case codes as capitals. Plain capitals and lower-case
// letters without marks are ASCII and are not listed.
var tcvn3Letters = [...]struct {
	letter rune
	code   byte
}{
	{'Ă', 0xA1}, {'Â', 0xA2}, {'Ê', 0xA3}, {'Ô', 0xA4}, {'Ơ', 0xA5}, {'Ư', 0xA6}, {'Đ', 0xA7},
	{'ă', 0xA8}, {'â', 0xA9}, {'ê', 0xAA}, {'ô', 0xAB}, {'ơ', 0xAC}, {'ư', 0xAD}, {'đ', 0xAE},
	// Each row: grave, hook, tilde, acute, dot below.
	{'à', 0xB5}, {'ả', 0xB6}, {'ã', 0xB7}, {'á', 0xB8}, {'ạ', 0xB9},
	{'ằ', 0xBB}, {'ẳ', 0xBC}, {'ẵ', 0xBD}, {'ắ', 0xBE}, {'ặ', 0xC6},
	{'ầ', 0xC7}, {'ẩ', 0xC8}, {'ẫ', 0xC9}, {'ấ', 0xCA}, {'ậ', 0xCB},
	{'è', 0xCC}, {'ẻ', 0xCE}, {'ẽ', 0xCF}, {'é', 0xD0}, {'ẹ', 0xD1},
	{'ề', 0xD2}, {'ể', 0xD3}, {'ễ', 0xD4}, {'ế', 0xD5}, {'ệ', 0xD6},
	{'ì', 0xD7}, {'ỉ', 0xD8}, {'ĩ', 0xDC}, {'í', 0xDD}, {'ị', 0xDE},
	{'ò', 0xDF}, {'ỏ', 0xE1}, {'õ', 0xE2}, {'ó', 0xE3}, {'ọ', 0xE4},
	{'ồ', 0xE5}, {'ổ', 0xE6}, {'ỗ', 0xE7}, {'ố', 0xE8}, {'ộ', 0xE9},
	{'ờ', 0xEA}, {'ở', 0xEB}, {'ỡ', 0xEC}, {'ớ', 0xED}, {'ợ', 0xEE},
	{'ù', 0xEF}, {'ủ', 0xF1}, {'ũ', 0xF2}, {'ú', 0xF3}, {'ụ', 0xF4},
	{'ừ', 0xF5}, {'ử', 0xF6}, {'ữ', 0xF7}, {'ứ', 0xF8}, {'ự', 0xF9},
	{'ỳ', 0xFA}, {'ỷ', 0xFB}, {'ỹ', 0xFC}, {'ý', 0xFD}, {'ỵ', 0xFE},
}

// vniLetters lists every letter of VNI for Windows (the VNI-* fonts) that is
// not plain ASCII, with its bytes written as the Latin-1 characters they show
// as. Most letters are an ASCII base letter followed by one mark byte; đ, ơ,
// ư and some i/y letters have a byte of their own, and ơ/ư take marks too.
// í ì Í Ì are the Latin-1 letters themselves.
var vniLetters = [...]struct {
	letter rune
	seq    string
}{
	// Each row: acute, grave, hook, tilde, dot below (UniKey's order).
	{'á', "aù"}, {'à', "aø"}, {'ả', "aû"}, {'ã', "aõ"}, {'ạ', "aï"},
	{'â', "aâ"}, {'ấ', "aá"}, {'ầ', "aà"}, {'ẩ', "aå"}, {'ẫ', "aã"}, {'ậ', "aä"},
	{'ă', "aê"}, {'ắ', "aé"}, {'ằ', "aè"}, {'ẳ', "aú"}, {'ẵ', "aü"}, {'ặ', "aë"},
	{'đ', "ñ"},
	{'é', "eù"}, {'è', "eø"}, {'ẻ', "eû"}, {'ẽ', "eõ"}, {'ẹ', "eï"},
	{'ê', "eâ"}, {'ế', "eá"}, {'ề', "eà"}, {'ể', "eå"}, {'ễ', "eã"}, {'ệ', "eä"},
	{'í', "í"}, {'ì', "ì"}, {'ỉ', "æ"}, {'ĩ', "ó"}, {'ị', "ò"},
	{'ó', "où"}, {'ò', "oø"}, {'ỏ', "oû"}, {'õ', "oõ"}, {'ọ', "oï"},
	{'ô', "oâ"}, {'ố', "oá"}, {'ồ', "oà"}, {'ổ', "oå"}, {'ỗ', "oã"}, {'ộ', "oä"},
	{'ơ', "ô"}, {'ớ', "ôù"}, {'ờ', "ôø"}, {'ở', "ôû"}, {'ỡ', "ôõ"}, {'ợ', "ôï"},
	{'ú', "uù"}, {'ù', "uø"}, {'ủ', "uû"}, {'ũ', "uõ"}, {'ụ', "uï"},
	{'ư', "ö"}, {'ứ', "öù"}, {'ừ', "öø"}, {'ử', "öû"}, {'ữ', "öõ"}, {'ự', "öï"},
	{'ý', "yù"}, {'ỳ', "yø"}, {'ỷ', "yû"}, {'ỹ', "yõ"}, {'ỵ', "î"},

	{'Á', "AÙ"}, {'À', "AØ"}, {'Ả', "AÛ"}, {'Ã', "AÕ"}, {'Ạ', "AÏ"},
	{'Â', "AÂ"}, {'Ấ', "AÁ"}, {'Ầ', "AÀ"}, {'Ẩ', "AÅ"}, {'Ẫ', "AÃ"}, {'Ậ', "AÄ"},
	{'Ă', "AÊ"}, {'Ắ', "AÉ"}, {'Ằ', "AÈ"}, {'Ẳ', "AÚ"}, {'Ẵ', "AÜ"}, {'Ặ', "AË"},
	{'Đ', "Ñ"},
	{'É', "EÙ"}, {'È', "EØ"}, {'Ẻ', "EÛ"}, {'Ẽ', "EÕ"}, {'Ẹ', "EÏ"},
	{'Ê', "EÂ"}, {'Ế', "EÁ"}, {'Ề', "EÀ"}, {'Ể', "EÅ"}, {'Ễ', "EÃ"}, {'Ệ', "EÄ"},
	{'Í', "Í"}, {'Ì', "Ì"}, {'Ỉ', "Æ"}, {'Ĩ', "Ó"}, {'Ị', "Ò"},
	{'Ó', "OÙ"}, {'Ò', "OØ"}, {'Ỏ', "OÛ"}, {'Õ', "OÕ"}, {'Ọ', "OÏ"},
	{'Ô', "OÂ"}, {'Ố', "OÁ"}, {'Ồ', "OÀ"}, {'Ổ', "OÅ"}, {'Ỗ', "OÃ"}, {'Ộ', "OÄ"},
	{'Ơ', "Ô"}, {'Ớ', "ÔÙ"}, {'Ờ', "ÔØ"}, {'Ở', "ÔÛ"}, {'Ỡ', "ÔÕ"}, {'Ợ', "ÔÏ"},
	{'Ú', "UÙ"}, {'Ù', "UØ"}, {'Ủ', "UÛ"}, {'Ũ', "UÕ"}, {'Ụ', "UÏ"},
	{'Ư', "Ö"}, {'Ứ', "ÖÙ"}, {'Ừ', "ÖØ"}, {'Ử', "ÖÛ"}, {'Ữ', "ÖÕ"}, {'Ự', "ÖÏ"},
	{'Ý', "YÙ"}, {'Ỳ', "YØ"}, {'Ỷ', "YÛ"}, {'Ỹ', "YÕ"}, {'Ỵ', "Î"},
}

// cp1252 holds the Windows-1252 characters of the bytes 0x80..0x9F (0 where
// Windows-1252 leaves the byte undefined). Neither legacy code puts letters
// there; the .Vn and VNI fonts draw these bytes as the Windows symbols, and
// Excel hands them to us either as U+0080..U+009F or as these characters.
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// Derived lookup tables, built once from the data above.
var (
	tcvn3Dec  [256]rune       // byte -> letter, 0 if the byte is no letter
	tcvn3Enc  map[rune]byte   // letter -> byte
	vniPair   map[uint16]rune // base<<8 | mark -> letter
	vniOne    [256]rune       // single byte -> letter, 0 if none
	vniEnc    map[rune]string // letter -> bytes as U+00xx runes
	vniUsed   [256]bool       // bytes that take part in some letter
	vniBase   [256]bool       // bytes that take a mark after them
	cp1252Rev map[rune]byte   // Windows-1252 character -> byte 0x80..0x9F
)

func init() {
	tcvn3Enc = make(map[rune]byte, len(tcvn3Letters))
	for _, l := range tcvn3Letters {
		tcvn3Dec[l.code] = l.letter
		tcvn3Enc[l.letter] = l.code
	}
	vniPair = make(map[uint16]rune, len(vniLetters))
	vniEnc = make(map[rune]string, len(vniLetters))
	for _, l := range vniLetters {
		seq := []rune(l.seq)
		vniEnc[l.letter] = l.seq
		switch len(seq) {
		case 1:
			vniOne[seq[0]] = l.letter
			vniUsed[seq[0]] = true
		case 2:
			vniPair[uint16(seq[0])<<8|uint16(seq[1])] = l.letter
			vniBase[seq[0]] = true
			if seq[0] >= 0x80 {
				vniUsed[seq[0]] = true
			}
			vniUsed[seq[1]] = true
		}
	}
	cp1252Rev = make(map[rune]byte, len(cp1252))
	for i, r := range cp1252 {
		if r != 0 {
			cp1252Rev[r] = byte(0x80 + i)
		}
	}
}
