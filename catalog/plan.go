package catalog

import (
	"fmt"

	"chitieu/notation"
)

// Plan is a year's plan (kế hoạch năm) of one unit for one indicator, from
// the configuration's Kế hoạch sheet. Unit is a ward, or the district by
// the name Config.District gives it.
type Plan struct {
	Year      int
	Unit      string
	Indicator string
	Value     float64
	Op        string // ">=" to reach at least the plan (the default), "<=" to stay within it
}

// Check refuses a plan that cannot be judged against.
func (p Plan) Check(c *Config) error {
	if _, ok := c.Indicator(p.Indicator); !ok {
		return &FieldError{"Mã chỉ tiêu", fmt.Sprintf("plan for unknown indicator %q", p.Indicator)}
	}
	if p.Op != ">=" && p.Op != "<=" {
		return &FieldError{"So sánh", fmt.Sprintf("plan for %s: comparison %q is neither >= nor <=", p.Indicator, p.Op)}
	}
	if p.Value <= 0 {
		return &FieldError{"Kế hoạch", fmt.Sprintf("plan for %s: %s is no plan to measure against", p.Indicator, fmtNum(p.Value))}
	}
	known := notation.Fold(p.Unit) == notation.Fold(c.District)
	for _, u := range c.Units {
		known = known || u.Name == p.Unit
	}
	if !known {
		return &FieldError{"Đơn vị", fmt.Sprintf("plan for %s: %q is neither a reporting unit nor the district (%s)", p.Indicator, p.Unit, c.District)}
	}
	return nil
}
