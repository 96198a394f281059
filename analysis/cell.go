package analysis

// Cell is where a value was read: file (path as found), sheet and A1 cell.
// A value added up from wards merged into one unit has its other cells in
// Plus.
type Cell struct {
	File, Sheet, Ref string
	Plus             string  // "file!sheet!cell + ..." of the other parts, if any
	Share            float64 // a rebased figure's share of this cell (0: none); see rebase.go
}

// String is "file!sheet!cell" (with " + " and the other parts' cells for
// a sum), or "" for no cell.
func (c Cell) String() string {
	if c.File == "" {
		return ""
	}
	s := c.File + "!" + c.Sheet + "!" + c.Ref
	if c.Share > 0 {
		s += " ×" + plain(c.Share)
	}
	if c.Plus != "" {
		s += " + " + c.Plus
	}
	return s
}

// Position is "file:sheet!cell" as far as it is known: how a problem line
// names its place, where String names a figure's source.
func (c Cell) Position() string {
	pos := c.File
	if c.Sheet != "" {
		pos += ":" + c.Sheet
		if c.Ref != "" {
			pos += "!" + c.Ref
		}
	}
	return pos
}
