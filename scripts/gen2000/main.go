// Command gen2000 writes the benchmark set of scripts/bench.sh: 16 wards x
// 125 monthly reports (1993-01 .. 2003-05), one workbook each, the blank
// form of `chitieu template` filled in with realistic values (counts that
// move a little month to month, solved cases below cases, 0/1 flags).
//
//	go run ./scripts/gen2000 -out /tmp/chitieu-bench/many
//	go run ./scripts/gen2000 -out /tmp/chitieu-bench/city -wards 168 -months 60
//	go run ./scripts/gen2000 -out /tmp/chitieu-bench/noisy -noisy
//
// With more wards than the 16 built in (a city of 168 wards and communes),
// the wards Phường 17 … are added to the configuration, which is written
// beside the forms as cau-hinh.xlsx, where chitieu finds it.
//
// The output is deterministic (fixed seed).
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"chitieu/catalog"
	"chitieu/notation"
	"chitieu/workbook"
)

func main() {
	out := flag.String("out", "bench-data/many", "folder to write (replaced)")
	wards := flag.Int("wards", 16, "wards")
	months := flag.Int("months", 125, "monthly reports per ward")
	flag.BoolVar(&noisy, "noisy", false, "figures that jump from month to month and against last year")
	flag.Parse()
	if err := run(*out, *wards, *months); err != nil {
		fmt.Fprintln(os.Stderr, "gen2000:", err)
		os.Exit(1)
	}
}

func run(out string, wards, months int) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	cfg := catalog.Builtin()
	if wards > len(cfg.Units) {
		for w := len(cfg.Units) + 1; w <= wards; w++ {
			cfg.Units = append(cfg.Units, catalog.Unit{Name: "Phường " + strconv.Itoa(w)})
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		f, err := workbook.Config(cfg)
		if err != nil {
			return err
		}
		if err := f.SaveAs(filepath.Join(out, "cau-hinh.xlsx")); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(2003, 5))
	var submitted []catalog.Indicator
	for _, ind := range cfg.Indicators {
		if ind.Submitted() {
			submitted = append(submitted, ind)
		}
	}
	n := 0
	for w := 1; w <= wards; w++ {
		// Each ward's size: its household count, and everything else
		// proportional to it.
		size := 3000 + rng.IntN(2500)
		// This ward's figures by period, so that a form's same-month-last-
		// year column repeats what last year's form reported, as real forms
		// do (chitieu warns where they differ).
		reported := map[string][]any{}
		for m := range months {
			year, month := 1993+m/12, 1+m%12
			period, ok := notation.ParsePeriodID(fmt.Sprintf("%d-%02d", year, month))
			if !ok {
				return fmt.Errorf("period %d-%02d", year, month)
			}
			f, err := workbook.Template(cfg, "Phường "+strconv.Itoa(w), period)
			if err != nil {
				return err
			}
			values := map[string]float64{}
			current := make([]any, len(submitted))
			for i, ind := range submitted {
				row := strconv.Itoa(6 + i)
				cur, prev := value(rng, ind, size, values)
				if last, ok := reported[period.LastYear().ID()]; ok {
					prev = last[i]
				}
				current[i] = cur
				var typed any = cur
				if n, ok := cur.(int); ok && noisy && rng.IntN(4) == 0 {
					typed = "khoảng " + strconv.Itoa(n) // an estimate: read, with a warning
				}
				if err := f.SetCellValue("Báo cáo", "E"+row, typed); err != nil {
					return err
				}
				if err := f.SetCellValue("Báo cáo", "F"+row, prev); err != nil {
					return err
				}
			}
			reported[period.ID()] = current
			dir := filepath.Join(out, period.ID())
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			if err := f.SaveAs(filepath.Join(dir, fmt.Sprintf("P%0*d.xlsx", len(strconv.Itoa(wards)), w))); err != nil {
				return err
			}
			f.Close()
			n++
		}
	}
	fmt.Printf("gen2000: %d workbooks in %s\n", n, out)
	return nil
}

// scale is each indicator's monthly figure per household of the ward.
var scale = map[string]float64{
	"households": 1, "poor_households": 0.005, "hungry_households": 0.0002, "trade_services_revenue": 0.3,
	"criminal_cases": 0.002, "criminal_cases_solved": 0.0012, "drug_cases": 0.0005,
	"drug_users_registered": 0.004, "detox_placements": 0.0036,
}

// noisy makes every figure jump: a month's anywhere from a fifth to three
// times the ward's usual, last year's likewise, as on forms that nobody
// checked before sending: the value rules have figures to question and
// parts above their wholes to refuse. A quarter of the counts are typed as
// estimates ("khoảng 45"), each read with a warning: thousands in all.
var noisy bool

// value is this month's and the same month last year's figure: near the
// ward's size times the indicator's scale, last year within 10 %.
func value(rng *rand.Rand, ind catalog.Indicator, size int, seen map[string]float64) (any, any) {
	if ind.Kind == catalog.KindFlag {
		return rng.IntN(2), rng.IntN(2)
	}
	k, ok := scale[ind.ID]
	if !ok {
		k = 0.001
	}
	v := float64(size) * k * (0.9 + 0.2*rng.Float64())
	p := v * (0.92 + 0.16*rng.Float64())
	if noisy {
		v, p = v*(0.2+2.8*rng.Float64()), v*(0.2+2.8*rng.Float64())
	}
	if ind.Unit == "triệu đồng" {
		return float64(int(v*10)) / 10, float64(int(p*10)) / 10
	}
	cur, prev := int(v+0.5), int(p+0.5)
	if limit, ok := seen[ind.AtMost]; ok {
		cur, prev = min(cur, int(limit)), min(prev, int(limit))
	}
	seen[ind.ID] = float64(cur)
	return cur, prev
}
