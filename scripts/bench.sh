#!/usr/bin/env bash
# scripts/bench.sh: measure chitieu against the floor and what users would
# pick instead (an openpyxl read_only script, pandas.read_excel), on the
# 2,000-workbook set (16 wards x 125 monthly reports) and the samples.
#
#   scripts/bench.sh                 # data, binaries and raw times in /tmp/chitieu-bench
#   RUNS=5 DATA=/some/dir scripts/bench.sh
#   BIG=1 scripts/bench.sh           # also one workbook with a 50,000 and a 200,000 x 20 sheet
#   BIG=1 ONLY_BIG=1 scripts/bench.sh
#   CITY=1 scripts/bench.sh          # also a city: 168 wards x 60 monthly reports (10,080 forms)
#   NOISY=1 scripts/bench.sh         # also 2,000 forms whose figures jump (and parts above wholes)
#   CITY=1 NOISY=1 ONLY_SCALE=1 scripts/bench.sh   # those two sets only
#
# Every tool runs RUNS times (default 5), interleaved (run 1 of each tool,
# then run 2 of each...), so that the machine's drift hits them alike; the
# table gives the median wall time, its ratio to chitieu's, and the largest
# peak RSS of the runs (GNU time's "Maximum resident set size").
# Installs GNU time, python3-openpyxl and python3-pandas with apt-get when
# missing. The floor is scripts/floor: archive/zip + the gosax tokenizer on
# 2 workers, as the issue and ../shared/bench.md define it.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DATA=${DATA:-/tmp/chitieu-bench}
RUNS=${RUNS:-5}
PY=/usr/bin/python3
mkdir -p "$DATA/bin" "$DATA/times"

need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
$PY -c 'import openpyxl' 2>/dev/null || need_apt+=(python3-openpyxl)
$PY -c 'import pandas' 2>/dev/null || need_apt+=(python3-pandas)
if [ ${#need_apt[@]} -gt 0 ]; then
	echo "installing ${need_apt[*]}" >&2
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

echo "building" >&2
go build -o "$DATA/bin/chitieu" .
go build -o "$DATA/bin/floor" ./scripts/floor
# The committed version (HEAD) as "before", when this is a git checkout.
if git rev-parse -q --verify HEAD >/dev/null 2>&1; then
	rm -rf "$DATA/head" && mkdir -p "$DATA/head"
	git archive HEAD | tar -x -C "$DATA/head"
	(cd "$DATA/head" && go build -o "$DATA/bin/chitieu-head" .)
fi

if [ ! -f "$DATA/many/.complete" ]; then
	echo "generating the 2,000 workbooks" >&2
	go run ./scripts/gen2000 -out "$DATA/many" >&2
	touch "$DATA/many/.complete"
fi
rm -rf "$DATA/s16" && mkdir -p "$DATA/s16" && cp samples/2003-H1/*.xlsx "$DATA/s16/"
SETS=(s16 many)
[ "${ONLY_BIG:-}" = 1 ] && SETS=()
[ "${ONLY_SCALE:-}" = 1 ] && SETS=() # with CITY=1 and/or NOISY=1: those sets only
if [ "${CITY:-}" = 1 ]; then
	if [ ! -f "$DATA/city/.complete" ]; then
		echo "generating the city's 10,080 workbooks" >&2
		go run ./scripts/gen2000 -out "$DATA/city" -wards 168 -months 60 >&2
		touch "$DATA/city/.complete"
	fi
	SETS+=(city)
fi
if [ "${NOISY:-}" = 1 ]; then
	if [ ! -f "$DATA/noisy/.complete" ]; then
		echo "generating the 2,000 noisy workbooks" >&2
		go run ./scripts/gen2000 -out "$DATA/noisy" -noisy >&2
		touch "$DATA/noisy/.complete"
	fi
	SETS+=(noisy)
fi
if [ "${BIG:-}" = 1 ]; then
	for rows in 50000 200000; do
		if [ ! -f "$DATA/big$rows/P05.xlsx" ]; then
			echo "generating the $rows-row workbook" >&2
			go run ./scripts/genbig -rows $rows -out "$DATA/big$rows/P05.xlsx" >&2
		fi
	done
	SETS+=(big50000 big200000)
fi

# measure SET NAME COMMAND...: one run, wall seconds and peak RSS appended
# to $DATA/times/SET.NAME.
measure() {
	local set=$1 name=$2
	shift 2
	# chitieu check exits 1 when it finds an error in the forms: a result,
	# not a failure.
	local rc=0
	(cd "$DATA" && /usr/bin/time -f "%e %M" -o "$DATA/times/last" "$@" >/dev/null 2>"$DATA/times/stderr") || rc=$?
	if [ $rc -gt 1 ]; then
		echo "$set $name failed:" >&2
		cat "$DATA/times/stderr" >&2
		exit 1
	fi
	tail -1 "$DATA/times/last" >>"$DATA/times/$set.$name"
}

# table SET NAME...: median wall, ratio to the first NAME, max peak RSS.
table() {
	local set=$1
	shift
	local base
	base=$(sort -n "$DATA/times/$set.$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
	printf '| %-44s | %13s | %16s | %13s |\n' "$set: tool" "median wall s" "ratio to chitieu" "peak RSS MiB"
	printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "--------------:" "-----------------:" "--------------:"
	for name in "$@"; do
		sort -n "$DATA/times/$set.$name" | awk -v name="$name" -v base="$base" '
			{ w[NR]=$1; if ($2 > rss) rss=$2 }
			END {
				m = (NR%2 ? w[(NR+1)/2] : (w[NR/2]+w[NR/2+1])/2)
				printf "| %-44s | %13.3f | %16.2f | %13.1f |\n", name, m, m/base, rss/1024
			}'
	done
	echo
}

rm -f "$DATA"/times/*
# The drop folder's summary workbook goes to $DATA/out (outside the inputs).
mkdir -p "$DATA/out"
MANY=(chitieu-report chitieu-report-no-workbook chitieu-check chitieu-check-excelize floor-gosax-2w floor-stdxml-2w floor-inflate-2w openpyxl pandas)
SMALL=(chitieu-report chitieu-check chitieu-check-excelize floor-gosax-2w openpyxl pandas)
[ -x "$DATA/bin/chitieu-head" ] && MANY+=(chitieu-head-report chitieu-head-check) && SMALL+=(chitieu-head-report)
for run in $(seq "$RUNS"); do
	echo "run $run of $RUNS" >&2
	for set in "${SETS[@]}"; do
		if [[ $set == big* ]]; then
			measure $set chitieu-check bin/chitieu check $set
			measure $set chitieu-check-excelize env CHITIEU_READER=excelize bin/chitieu check $set
			measure $set floor-gosax-2w bin/floor -workers 2 $set
			continue
		fi
		if [ $set = city ] || [ $set = noisy ]; then
			measure $set chitieu-report-json bin/chitieu report --format json --out out/tong-hop-$run.xlsx $set
			measure $set chitieu-report bin/chitieu report --out out/tong-hop-$run.xlsx $set
			measure $set chitieu-check bin/chitieu check $set
			measure $set floor-gosax-2w bin/floor -workers 2 $set
			measure $set openpyxl $PY "$REPO/scripts/read_openpyxl.py" $set
			rm -f "$DATA"/out/*.xlsx
			continue
		fi
		measure $set chitieu-report bin/chitieu report --out out/tong-hop-$run.xlsx $set
		measure $set chitieu-check bin/chitieu check $set
		[ $set = many ] && measure $set chitieu-report-no-workbook bin/chitieu report --no-workbook $set
		measure $set chitieu-check-excelize env CHITIEU_READER=excelize bin/chitieu check $set
		measure $set floor-gosax-2w bin/floor -workers 2 $set
		[ $set = many ] && measure $set floor-stdxml-2w bin/floor -workers 2 -mode stdxml $set
		[ $set = many ] && measure $set floor-inflate-2w bin/floor -workers 2 -mode inflate $set
		if [ -x "$DATA/bin/chitieu-head" ]; then
			measure $set chitieu-head-report bin/chitieu-head report --out out/tong-hop-head-$run.xlsx $set
			[ $set = many ] && measure $set chitieu-head-check bin/chitieu-head check $set
		fi
		measure $set openpyxl $PY "$REPO/scripts/read_openpyxl.py" $set
		measure $set pandas $PY "$REPO/scripts/read_pandas.py" $set
		rm -f "$DATA"/out/*.xlsx
	done
done

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%d)"
echo "runs: $RUNS each, interleaved; whole processes, start-up included"
echo
for set in "${SETS[@]}"; do
	case $set in
	s16) table s16 "${SMALL[@]}" ;;
	many) table many "${MANY[@]}" ;;
	city | noisy) table $set chitieu-report-json chitieu-report chitieu-check floor-gosax-2w openpyxl ;;
	*) table $set chitieu-check chitieu-check-excelize floor-gosax-2w ;;
	esac
done
cat <<'NOTE'
chitieu-report: `chitieu report --out FILE` (read, analyse, print, write the summary workbook);
chitieu-check: `chitieu check` (the same reading and analysis, prints problems only);
chitieu-report-json: `chitieu report --format json --out FILE` (the city: JSON and the summary workbook);
*-excelize: the same binary with CHITIEU_READER=excelize (the old read path);
chitieu-head-*: the committed version (git HEAD) built from `git archive`;
chitieu-report-no-workbook: `chitieu report --no-workbook` (all but the summary workbook);
floor-gosax-2w: scripts/floor, archive/zip + gosax over the sheet XML and shared strings,
2 workers (the floor); floor-stdxml-2w: the same with encoding/xml RawToken;
floor-inflate-2w: decompression only.
NOTE
