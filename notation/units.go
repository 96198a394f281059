package notation

// unitScales says how to convert an amount written in another unit into an
// indicator's unit, by the folded unit names. Units without an entry here
// are not converted.
var unitScales = map[string]map[string]float64{
	"trieu dong": {
		"trieu dong": 1, "trieu": 1, "tr dong": 1, "trd": 1, "tr d": 1,
		"ty dong": 1000, "ty": 1000, "ti dong": 1000,
		"nghin dong": 0.001, "ngan dong": 0.001, "1000 dong": 0.001, "1 000 dong": 0.001,
		"dong": 0.000001, "vnd": 0.000001,
	},
}

// UnitScale is the factor that converts an amount written in unit written
// ("tỷ đồng") into unit want ("triệu đồng"). known is false when written
// is not a unit chitieu can convert into want; the same unit is factor 1.
func UnitScale(want, written string) (factor float64, known bool) {
	w, got := Fold(want), Fold(written)
	if w == got {
		return 1, true
	}
	f, ok := unitScales[w][got]
	return f, ok
}

// Scalable reports whether amounts in unit can arrive in other units that
// must be converted (money): an unknown unit written for such an indicator
// is a problem rather than a value taken as it is.
func Scalable(unit string) bool {
	_, ok := unitScales[Fold(unit)]
	return ok
}

// wholeUnits are the units of things counted one by one (folded): a figure
// in them cannot be fractional.
var wholeUnits = map[string]bool{
	"ho": true, "nguoi": true, "vu": true, "phuong": true, "xa": true, "truong hop": true,
	"doi tuong": true, "lan": true, "co so": true, "con": true, "chiec": true, "cai": true,
}

// WholeNumber reports whether a count in unit is a whole number (households,
// people, cases, wards), so that a fraction in it is impossible, not a figure.
func WholeNumber(unit string) bool { return wholeUnits[Fold(unit)] }
