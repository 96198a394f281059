// Package notation reads what ward staff write in their forms, apart from
// any workbook: numbers in Vietnamese or English notation ("1.234,5" and
// "1,234.5") and the evidence that decides between them (Decide),
// yes/no answers, units of measure ("tỷ đồng" against "triệu đồng"), and
// reporting periods, both in titles ("6 THÁNG ĐẦU NĂM 2003") and as the
// contract's ids ("2003-H1"). Fold and LabelKey give the folded text that
// labels and ward names are matched on.
//
// Start with ParseNumber and FindPeriod. The package has no state and does
// no I/O; package analysis and package ingest build on it.
package notation
