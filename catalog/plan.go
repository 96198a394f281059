package catalog

import (
	"chitieu/msg"
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
		return fieldError("Mã chỉ tiêu", msg.ConfigPlanIndicator, p.Indicator)
	}
	if p.Op != ">=" && p.Op != "<=" {
		return fieldError("So sánh", msg.ConfigPlanOp, p.Indicator, p.Op)
	}
	if p.Value <= 0 {
		return fieldError("Kế hoạch", msg.ConfigPlanValue, p.Indicator, notation.Reading(p.Value))
	}
	known := notation.Fold(p.Unit) == notation.Fold(c.District)
	for _, u := range c.Units {
		known = known || u.Name == p.Unit
	}
	if !known {
		return fieldError("Đơn vị", msg.ConfigPlanUnit, p.Indicator, p.Unit, c.District)
	}
	return nil
}
