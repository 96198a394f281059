package catalog

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"chitieu/notation"
)

// Matcher finds catalog indicators and reporting units from the text found
// in workbooks. Build one with NewMatcher; it is safe for concurrent use.
type Matcher struct {
	labels   map[string]string // label key -> indicator id
	codes    map[string]string // "01" -> indicator id
	units    map[string]string // unit key -> canonical name
	origins  map[string]string // unit key -> the configured name or alias it comes from
	unitKeys []string          // unit keys, longest first
}

// NewMatcher indexes the labels, aliases, codes and unit names of c.
func NewMatcher(c *Config) *Matcher {
	m := &Matcher{labels: map[string]string{}, codes: map[string]string{}, units: map[string]string{}, origins: map[string]string{}}
	for _, ind := range c.Indicators {
		for _, l := range append([]string{ind.Label, ind.ID, ind.LabelEN}, ind.Aliases...) {
			if k := notation.LabelKey(l); k != "" {
				if _, dup := m.labels[k]; !dup {
					m.labels[k] = ind.ID
				}
			}
		}
		if ind.Code != "" {
			m.codes[strings.TrimLeft(ind.Code, "0")] = ind.ID
		}
	}
	for _, u := range c.Units {
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			for _, k := range unitKeys(name) {
				if _, dup := m.units[k]; !dup {
					m.units[k], m.origins[k] = u.Name, unitKeys(name)[0]
				}
			}
		}
	}
	for k := range m.units {
		m.unitKeys = append(m.unitKeys, k)
	}
	sortLongestFirst(m.unitKeys)
	return m
}

func sortLongestFirst(keys []string) {
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
}

// Indicator returns the id of the indicator a row label names: the catalog
// label or alias with the same LabelKey. Only whole labels match, so "Số vụ
// phạm pháp hình sự đã khám phá" is the solved cases and never the cases,
// and "Số hộ nghèo đã thoát nghèo" is no indicator at all (staff add such
// variants as aliases in the configuration workbook).
func (m *Matcher) Indicator(label string) (string, bool) {
	id, ok := m.labels[notation.LabelKey(label)]
	return id, ok
}

// IndicatorByCode returns the indicator with a "Mã số" code such as "05".
func (m *Matcher) IndicatorByCode(code string) (string, bool) {
	c := strings.TrimLeft(strings.TrimSpace(code), "0")
	if c == "" {
		return "", false
	}
	id, ok := m.codes[c]
	return id, ok
}

// numberedUnit finds "phuong 5", "p 05", "p5" in folded text.
var numberedUnit = regexp.MustCompile(`(?:^| )(?:phuong|p) ?0*(\d{1,3})(?: |$)`)

// unitKeys gives the keys a unit name is known by: its folded form, and for
// "Phường 5" also "phuong 5"; for "Phường Phú Thọ" also "phu tho".
func unitKeys(name string) []string {
	f := notation.Fold(name)
	if f == "" {
		return nil
	}
	if m := numberedUnit.FindStringSubmatch(f); m != nil && len(m[0]) >= len(f) {
		return []string{"phuong " + m[1]}
	}
	keys := []string{f}
	if rest, ok := strings.CutPrefix(f, "phuong "); ok {
		keys = append(keys, rest)
	}
	return keys
}

// Unit returns the canonical name of the reporting unit named by text, which
// may be a whole title line ("ỦY BAN NHÂN DÂN PHƯỜNG 5"), a sheet name
// ("P05") or a file name ("phuong-05.xlsx"). found reports whether text names
// a unit at all; ok whether that unit is configured (name is then canonical;
// otherwise name is what was found, for the problem message).
func (m *Matcher) Unit(text string) (name string, found, ok bool) {
	name, _, found, ok = m.UnitOrigin(text)
	return name, found, ok
}

// UnitOrigin is Unit, and also tells which configured name or alias matched
// (folded). Two wards merged into one unit (the old one listed as an alias
// of the new) have different origins, so their figures are added up rather
// than taken for a resubmission.
func (m *Matcher) UnitOrigin(text string) (name, origin string, found, ok bool) {
	f := notation.Fold(text)
	if f == "" {
		return "", "", false, false
	}
	padded := " " + f + " "
	for _, k := range m.unitKeys {
		if strings.Contains(padded, " "+k+" ") && !strings.HasPrefix(k, "phuong ") {
			return m.units[k], m.origins[k], true, true
		}
	}
	if sm := numberedUnit.FindStringSubmatch(f); sm != nil {
		n, _ := strconv.Atoi(sm[1])
		key := "phuong " + strconv.Itoa(n)
		if canon, ok := m.units[key]; ok {
			return canon, m.origins[key], true, true
		}
		return "Phường " + strconv.Itoa(n), key, true, false
	}
	return "", "", false, false
}
