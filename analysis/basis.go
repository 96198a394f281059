package analysis

import (
	"strings"

	"chitieu/catalog"
)

// Basis says how a figure compared across a change was had.
type Basis string

const (
	BasisReported  Basis = "reported"  // as the forms give it
	BasisRebased   Basis = "rebased"   // added up from the old units' forms, all shares 1
	BasisEstimated Basis = "estimated" // some share below 1 is involved
)

// worse is the less certain of two bases ("" counts as reported).
func worse(a, b Basis) Basis {
	rank := map[Basis]int{"": 0, BasisReported: 0, BasisRebased: 1, BasisEstimated: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// basisOf is rebased when every share is 1, else estimated.
func basisOf(srcs []catalog.Part) Basis {
	for _, s := range srcs {
		if s.Share < 1 {
			return BasisEstimated
		}
	}
	return BasisRebased
}

// changesText lists changes for messages: "Phường 5 → Phường Minh Phụng".
func changesText(srcs []catalog.Part) string {
	var parts []string
	for _, s := range srcs {
		parts = append(parts, s.Unit+" ×"+plain(s.Share))
	}
	return strings.Join(parts, " + ")
}
