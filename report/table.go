package report

import (
	"bytes"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"

	"chitieu/analysis"
)

// WriteTable prints the report for the terminal: the configuration in
// force, the district table, the ward table of the latest period, the
// completeness of each period and the problems. Every line fits o.Width
// display columns (unless a single word is wider than a table column can
// be made); cells are wrapped at spaces, never truncated.
func WriteTable(w io.Writer, r *analysis.Result, o Options) error {
	r = orEmpty(r)
	width := o.width()
	var b bytes.Buffer
	for i, bl := range build(r, o) {
		switch bl.kind {
		case headingBlock:
			if i > 0 {
				b.WriteString("\n")
			}
			writeLines(&b, wrap(bl.lines[0], width, 0))
		case textBlock:
			writeLines(&b, wrap(bl.lines[0], width, 0))
		case listBlock:
			for _, item := range bl.lines {
				writeLines(&b, wrap(item, width, 2))
			}
		case gridBlock:
			if err := renderGrid(&b, bl.grid, width, o.Color); err != nil {
				return err
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeLines(b *bytes.Buffer, lines []string) {
	for _, l := range lines {
		b.WriteString(l)
		b.WriteString("\n")
	}
}

// renderGrid draws g with tablewriter, its cells wrapped beforehand to
// column widths that make the table fit width.
func renderGrid(w io.Writer, g *grid, width int, color bool) error {
	widths := layout(g, width)
	fit := func(c cell, col int) string {
		lines := []string{c.text}
		if c.wrap {
			lines = wrap(c.text, widths[col], 0)
		}
		if color && c.color != "" {
			for i, l := range lines {
				lines[i] = "\x1b[" + c.color + "m" + l + "\x1b[0m"
			}
		}
		return strings.Join(lines, "\n")
	}
	aligns := make([]tw.Align, len(g.header))
	header := make([]any, len(g.header))
	for i, h := range g.header {
		header[i] = fit(cell{text: h, wrap: true}, i)
		aligns[i] = tw.AlignLeft
		if g.right[i] {
			aligns[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
	)
	t.Header(header...)
	for _, row := range g.rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = fit(c, i)
		}
		if err := t.Append(cells); err != nil {
			return err
		}
	}
	return t.Render()
}

// layout gives the content width of each column: the natural width when
// the table fits; else the widest columns are narrowed one step at a time,
// headers first (down to the width of the column's cells), then wrappable
// cells down to their longest word, and only then, as a last resort, words
// are cut. Unbreakable cells (numbers, names) always keep their width.
func layout(g *grid, width int) []int {
	n := len(g.header)
	widths, body, word, hard := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	measure := func(col int, c cell, header bool) {
		for _, line := range strings.Split(c.text, "\n") {
			w := displayWidth(line)
			widths[col] = max(widths[col], w)
			if !header {
				body[col] = max(body[col], w)
			}
			if !c.wrap {
				hard[col] = max(hard[col], w)
				continue
			}
			for _, f := range strings.Fields(line) {
				word[col] = max(word[col], displayWidth(f))
			}
		}
	}
	for i, h := range g.header {
		measure(i, cell{text: h, wrap: true}, true)
	}
	for _, row := range g.rows {
		for i, c := range row {
			measure(i, c, false)
		}
	}
	// Each column takes its content, a space either side and a border.
	avail := width - 3*n - 1
	total := 0
	for _, w := range widths {
		total += w
	}
	shrink := func(floor func(int) int) {
		for total > avail {
			widest := -1
			for i, w := range widths {
				if w > floor(i) && (widest < 0 || w > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				return
			}
			widths[widest]--
			total--
		}
	}
	shrink(func(i int) int { return max(hard[i], word[i], body[i]) })
	shrink(func(i int) int { return max(hard[i], word[i]) })
	shrink(func(i int) int { return max(hard[i], 4) })
	return widths
}

// wrap breaks s at spaces into lines of at most width display columns;
// lines after the first are indented by indent spaces. A word longer than
// a line is cut.
func wrap(s string, width, indent int) []string {
	var lines []string
	line, limit := "", width
	flush := func() {
		if len(lines) > 0 {
			line = strings.Repeat(" ", indent) + line
		}
		lines = append(lines, line)
		line, limit = "", width-indent
	}
	for _, word := range strings.Fields(s) {
		for limit > 0 && displayWidth(word) > limit {
			if line != "" {
				flush()
			}
			head, tail := cut(word, limit)
			line, word = head, tail
			flush()
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case displayWidth(line)+1+displayWidth(word) <= limit:
			line += " " + word
		default:
			flush()
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		flush()
	}
	return lines
}

// cut splits word after as many runes as fit in width columns (at least one).
func cut(word string, width int) (string, string) {
	used := 0
	for i, r := range word {
		rw := displayWidth(string(r))
		if i > 0 && used+rw > width {
			return word[:i], word[i:]
		}
		used += rw
	}
	return word, ""
}

// displayWidth is the terminal width of s without East Asian wide
// ambiguous characters, the way the tables are drawn.
func displayWidth(s string) int {
	return twwidth.WidthWithOptions(s, twwidth.Options{})
}
