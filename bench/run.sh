#!/usr/bin/env bash
# The scale benchmark (issue 6): a one-month board briefing on a small, medium and large
# database, several runs each, against the scan floor measured with the sqlite3 command-line
# tool on the same file in the same run. Prints the table and writes docs/performance.md.
#
# Usage: bench/run.sh [BUILD_DIR]   (make bench)
# Then the import benchmark (bench/import.sh; BENCH_IMPORT=0 skips it).
# Environment: BENCH_DIR (databases, default build-bench), BENCH_SIZES ("small medium large"),
#              BENCH_RUNS_SMALL / BENCH_RUNS_MEDIUM / BENCH_RUNS_LARGE, BENCH_DOC (output file;
#              empty = print only).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/boardbrief
DIR=${BENCH_DIR:-build-bench}
SIZES=${BENCH_SIZES:-small medium large}
DOC=${BENCH_DOC-docs/performance.md}
CHANNELS=200
DAYS=1096  # 2023-11-01 .. 2026-10-31
PERIOD=2026-10
AS_OF=2026-11-02
# The scan bounds of a 2026-10 report in Europe/Copenhagen: the trailing 13 months
# (October 2025 .. October 2026, which holds the year-earlier month) as UTC instants and days.
SCAN_BEGIN=2025-09-30T22:00:00Z
SCAN_END=2026-10-31T23:00:00Z
DAY_FIRST=2025-10-01
DAY_LAST=2026-10-31

for tool in sqlite3 /usr/bin/time awk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run scripts/install-deps.sh)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench: $BIN is missing (run make build)" >&2; exit 1; }
mkdir -p "$DIR"

interactions_of() { case $1 in small) echo 200000 ;; medium) echo 2000000 ;; large) echo 10000000 ;; esac; }
runs_of() {
  case $1 in
    small) echo "${BENCH_RUNS_SMALL:-5}" ;; medium) echo "${BENCH_RUNS_MEDIUM:-5}" ;; large) echo "${BENCH_RUNS_LARGE:-5}" ;;
  esac
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One plain SQLite pass over every row and column the report needs, folded into trivial sums:
# the daily metrics of the window by primary-key range, the interactions of the window by the
# received_at index.
FLOOR_SQL="
SELECT count(*), sum(d.value), sum(length(d.day)) FROM channel c NOT INDEXED CROSS JOIN metric m CROSS JOIN daily_metric d
 WHERE d.channel_id = c.id AND d.metric = m.key AND d.day BETWEEN '$DAY_FIRST' AND '$DAY_LAST';
SELECT count(*), sum(channel_id), sum(length(received_at)), sum(needs_reply), sum(length(first_reply_at)), sum(sentiment)
 FROM interaction WHERE received_at >= '$SCAN_BEGIN' AND received_at < '$SCAN_END';"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
STAGES="open metrics scan store_rest analysis document pdf_fonts layout pdf write"
rows=()

for size in $SIZES; do
  n=$(interactions_of "$size")
  db=$DIR/$size-${CHANNELS}ch-${DAYS}d-$n.db
  if [ ! -f "$db" ]; then
    echo "bench: generating $db (once; cached)" >&2
    start=$(date +%s)
    "$BIN" sample --out "$db" --channels $CHANNELS --days $DAYS --interactions "$n" --seed 1 --force
    echo "bench: generated $db in $(( $(date +%s) - start )) s" >&2
  fi
  in_window=$(sqlite3 "$db" "SELECT count(*) FROM interaction WHERE received_at >= '$SCAN_BEGIN' AND received_at < '$SCAN_END'")
  total=$(sqlite3 "$db" "SELECT count(*) FROM interaction")
  daily=$(sqlite3 "$db" "SELECT count(*) FROM daily_metric")
  runs=$(runs_of "$size")
  # Warm the page cache once so that every run, and the floor, read from memory.
  cat "$db" >/dev/null
  : >"$tmp/$size.wall"; : >"$tmp/$size.rss"; : >"$tmp/$size.floor"; : >"$tmp/$size.load"
  : >"$tmp/$size.cpu"; : >"$tmp/$size.floor_cpu"
  for s in $STAGES; do : >"$tmp/$size.$s"; done
  for ((i = 1; i <= runs; i++)); do
    # Alternate tool and floor so that both see the same load.
    cut -d' ' -f1 /proc/loadavg >>"$tmp/$size.load"
    BOARDBRIEF_TIMINGS=1 /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" \
      "$BIN" report --db "$db" --period $PERIOD --as-of $AS_OF --out "$tmp/briefing.pdf" --quiet 2>"$tmp/stderr" || {
      cat "$tmp/stderr" >&2; exit 1; }
    read -r wall rss user sys <"$tmp/time"
    echo "$wall" >>"$tmp/$size.wall"
    awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }' >>"$tmp/$size.cpu"
    echo "$rss" >>"$tmp/$size.rss"
    for s in $STAGES; do awk -v s="$s" '$1 == "timing" && $2 == s { print $3 }' "$tmp/stderr" >>"$tmp/$size.$s"; done
    /usr/bin/time -f "%e %U %S" -o "$tmp/floor_time" sqlite3 "$db" "$FLOOR_SQL" >/dev/null
    read -r fwall fuser fsys <"$tmp/floor_time"
    echo "$fwall" >>"$tmp/$size.floor"
    awk -v u="$fuser" -v s="$fsys" 'BEGIN { print u + s }' >>"$tmp/$size.floor_cpu"
  done
  med() { median <"$tmp/$size.$1"; }
  wall=$(med wall); floor=$(med floor)
  rss_mib=$(awk -v k="$(med rss)" 'BEGIN { printf "%.1f", k / 1024 }')
  ratio=$(awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
  cpu=$(med cpu); floor_cpu=$(med floor_cpu)
  cpu_ratio=$(awk -v a="$cpu" -v b="$floor_cpu" 'BEGIN { printf "%.2f", a / b }')
  ms() { awk -v v="$(med "$1")" 'BEGIN { printf "%.0f", v }'; }
  store=$(awk -v a="$(med open)" -v b="$(med metrics)" -v c="$(med scan)" -v d="$(med store_rest)" 'BEGIN { printf "%.0f", a + b + c + d }')
  lp=$(awk -v a="$(med pdf_fonts)" -v b="$(med layout)" -v c="$(med pdf)" 'BEGIN { printf "%.0f", a + b + c }')
  loads=$(sort -g "$tmp/$size.load" | awk '{ v[NR] = $1 } END { print v[1] "–" v[NR] }')
  rows+=("| $size | $total | $in_window | $daily | $runs | ${wall} s | ${rss_mib} MiB | $store ($(ms metrics) + $(ms scan) + $(ms store_rest)) | $(ms analysis) | $lp ($(ms pdf_fonts) + $(ms layout) + $(ms pdf)) | ${floor} s | $ratio | ${cpu} / ${floor_cpu} s = $cpu_ratio | $loads |")
  echo "bench: $size: median ${wall} s, peak ${rss_mib} MiB, floor ${floor} s, ratio $ratio (CPU $cpu_ratio)" >&2
done

header="| database | interactions | in window | daily rows | runs | median wall | peak RSS | store ms (metrics + scan + rest) | analysis ms | layout + PDF ms (fonts + layout + pdf) | scan floor (sqlite3) | wall / floor | CPU tool / floor | load avg (1 min) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
cores=$(nproc)
ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
when=$(date -u +"%Y-%m-%d %H:%M UTC")
sqlite_version=$(sqlite3 --version | cut -d' ' -f1)
table=$(printf '%s\n' "$header" "${rows[@]}")
echo
echo "$table"

# The import section: bench/import.sh writes its own table (BENCH_IMPORT=0 skips it).
[ "${BENCH_IMPORT:-1}" = 0 ] || BENCH_DIR=$DIR BENCH_DOC=$DOC bench/import.sh "$BUILD"

[ -n "$DOC" ] || exit 0
{
  sed -n '1,/^<!-- bench:begin -->$/p' docs/performance.md
  echo
  echo "Measured $when on $cpu, $cores cores, $ram RAM; SQLite $sqlite_version; \`$BIN\` built $(stat -c %y "$BIN" | cut -d. -f1)."
  echo "Report: \`--period $PERIOD --as-of $AS_OF\`, full board template; databases of $CHANNELS channels and $DAYS days"
  echo "(\`boardbrief sample --channels $CHANNELS --days $DAYS --interactions N --seed 1\`). Times are medians over the runs;"
  echo "peak RSS is the median of /usr/bin/time's maximum resident set size."
  echo
  echo "$table"
  echo
  sed -n '/^<!-- bench:end -->$/,$p' docs/performance.md
} >"$tmp/doc"
mv "$tmp/doc" "$DOC"
echo "bench: wrote $DOC" >&2
