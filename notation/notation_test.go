package notation

import (
	"fmt"
	"testing"
)

func TestDecide(t *testing.T) {
	num := func(v float64) *float64 { return &v }
	text := func(s string, row, col int, whole bool) Cell {
		return Cell{Text: s, Row: row, Column: col, Whole: whole}
	}
	const (
		vi, en, none = Vietnamese, English, Undecided
	)
	tests := []struct {
		name  string
		cells []Cell
		want  []Notation // per cell; only ambiguous cells are checked
		mixed bool
	}{
		{"English counts and money: the counts tell", []Cell{
			text("5,938", 0, 0, true), text("5,900", 0, 1, true),
			text("39,887", 1, 0, false), text("35,120", 1, 1, false),
		}, []Notation{en, en, en, en}, false},
		{"Vietnamese counts and money", []Cell{
			text("5.938", 0, 0, true), text("39.887", 1, 0, false),
		}, []Notation{vi, vi}, false},
		{"no evidence: the Vietnamese default", []Cell{
			text("39,887", 0, 0, false), text("1.234", 1, 0, false),
		}, []Notation{vi, vi}, false},
		{"a count with a round thousand has no decimals", []Cell{
			text("5,000", 0, 0, true), text("12,500", 1, 0, false),
		}, []Notation{en, en}, false},
		{"the other column decides money", []Cell{
			text("39,887", 0, 0, false), {Number: num(35000), Row: 0, Column: 1},
		}, []Notation{en, vi}, false},
		{"the other column close under both readings decides nothing", []Cell{
			text("39,887", 0, 0, false), {Number: num(400), Row: 0, Column: 1},
		}, []Notation{vi, vi}, false},
		{"an unambiguous English decimal decides the sheet", []Cell{
			text("16.3%", 0, 0, false), text("1,234", 1, 0, false),
		}, []Notation{vi, en}, false},
		{"columns written each their own way", []Cell{
			text("16,3", 0, 0, false), text("16.3", 0, 1, false),
			text("1,234", 1, 0, false), text("1,234", 1, 1, false),
		}, []Notation{vi, vi, vi, en}, true},
		{"a sheet and column that write both ways: not read", []Cell{
			text("16,3", 0, 0, false), text("0.5", 1, 0, false), text("1,234", 2, 0, false),
		}, []Notation{vi, vi, none}, true},
		{"a count decides itself even there", []Cell{
			text("16,3", 0, 0, false), text("0.5", 1, 0, false), text("1,234", 2, 0, true),
		}, []Notation{vi, vi, en}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decide(tt.cells, nil)
			if got.Mixed != tt.mixed {
				t.Errorf("mixed = %v, want %v", got.Mixed, tt.mixed)
			}
			for i, d := range got.Cells {
				if d.Ambiguous && d.Notation != tt.want[i] {
					t.Errorf("cell %d %q: notation %v, want %v (%+v)", i, tt.cells[i].Text, d.Notation, tt.want[i], d)
				}
			}
		})
	}
}

func TestDecideReadings(t *testing.T) {
	got := Decide([]Cell{{Text: "1,234"}, {Text: "420"}, {Text: "12,5"}}, nil)
	if d := got.Cells[0]; !d.Ambiguous || d.Readings != [2]float64{1.234, 1234} {
		t.Errorf("1,234: %+v", d)
	}
	for _, d := range got.Cells[1:] {
		if d.Ambiguous {
			t.Errorf("an unambiguous text is ambiguous: %+v", d)
		}
	}
	if s := fmt.Sprint(Reading(1.234).In("vi"), " ", Reading(1.234).In("en"), " ", Reading(1234).In("vi")); s != "1,234 1.234 1234" {
		t.Errorf("readings written %s", s)
	}
}
