package report

import (
	"bytes"
	"io"
	"strings"

	"chitieu/analysis"
)

// WriteMarkdown writes the content of WriteTable as markdown: headings,
// paragraphs, lists and pipe tables (numbers right-aligned). Text is
// escaped so that pipes and markdown characters in labels, names and
// messages show as written.
func WriteMarkdown(w io.Writer, r *analysis.Result, o Options) error {
	r = orEmpty(r)
	var parts []string
	for _, bl := range build(r, o) {
		switch bl.kind {
		case headingBlock:
			parts = append(parts, "## "+mdEscape(bl.lines[0]))
		case textBlock:
			parts = append(parts, mdEscape(bl.lines[0]))
		case listBlock:
			items := make([]string, len(bl.lines))
			for i, item := range bl.lines {
				items[i] = "- " + mdEscape(item)
			}
			parts = append(parts, strings.Join(items, "\n"))
		case gridBlock:
			parts = append(parts, mdTable(bl.grid))
		}
	}
	_, err := io.WriteString(w, strings.Join(parts, "\n\n")+"\n")
	return err
}

func mdTable(g *grid) string {
	var b bytes.Buffer
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdEscape(c) + " |")
		}
		b.WriteString("\n")
	}
	row(g.header)
	b.WriteString("|")
	for _, right := range g.right {
		if right {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range g.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = c.text
		}
		row(cells)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "\n", " ", "\r", "")

// mdEscape makes s show as written in a markdown cell, heading or list item.
func mdEscape(s string) string { return mdEscaper.Replace(s) }
