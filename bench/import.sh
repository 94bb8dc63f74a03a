#!/usr/bin/env bash
# The import benchmark: `boardbrief import interactions` of 1M and 10M generated rows into a new
# database, then the same file again (every row unchanged), against the floor of the same rows
# by hand in sqlite3 (`.import` into a staging table, then one INSERT ... SELECT into the real
# schema with its index); and a generated conversation log (`--conversation-log`). Prints the
# tables and writes them into docs/performance.md.
#
# Usage: bench/import.sh [BUILD_DIR]   (run by bench/run.sh, i.e. make bench)
# Environment: BENCH_DIR (CSV cache, default build-bench), BENCH_IMPORT_ROWS ("1000000 10000000"),
#              BENCH_LOG_ROWS (conversation logs, "1000000"; empty = none), BENCH_RUNS (3),
#              BENCH_DOC (output file; empty = print only).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/boardbrief
DIR=${BENCH_DIR:-build-bench}
ROWS=${BENCH_IMPORT_ROWS:-1000000 10000000}
LOG_ROWS=${BENCH_LOG_ROWS-1000000}
RUNS=${BENCH_RUNS:-3}
DOC=${BENCH_DOC-docs/performance.md}

for tool in sqlite3 /usr/bin/time awk; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (run scripts/install-deps.sh)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "bench: $BIN is missing (run make build)" >&2; exit 1; }
mkdir -p "$DIR"

# N interactions in time order over 2026, on 20 channels of two platforms; 70 % answered within
# a day; sentiment -1, 0 or 1. Deterministic (srand(1)), so the cached file is the same file.
generate() {
  awk -v n="$1" 'BEGIN {
    srand(1); print "id,platform,handle,received_at,first_reply_at,sentiment"
    start = 1767225600; step = 31536000 / n
    for (i = 0; i < n; i++) {
      t = start + int(i * step); ch = int(rand() * 20); reply = ""
      if (rand() < 0.7) reply = strftime("%Y-%m-%dT%H:%M:%SZ", t + int(rand() * 86400), 1)
      printf "m%d,%s,@brand%d,%s,%s,%d\n", i, (ch % 2 ? "instagram" : "facebook"), ch,
             strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), reply, int(rand() * 3) - 1
    }
  }'
}

# A conversation log of N rows in the twcs layout: N/2 customer messages to one of 20 brands, each
# followed later in the file by the brand's reply (80 %) or nothing; deterministic (srand(2)).
generate_log() {
  awk -v n="$1" 'BEGIN {
    srand(2); print "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id"
    start = 1767225600; step = 31536000 / (n / 2); q = 0; head = 0
    for (i = 0; i < n / 2; i++) {
      t = start + int(i * step); b = int(rand() * 20)
      printf "%d,c%d,True,%s,\"@Brand%d my order %d, again\",,\n", 2 * i, int(rand() * 100000),
             strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), b, i
      if (rand() < 0.8) { rt[q] = t + int(rand() * 7200); rb[q] = b; ri[q] = i; q++ }
      else { printf "%d,c%d,True,%s,@someone,,\n", 2 * i + 1, int(rand() * 100000), strftime("%Y-%m-%dT%H:%M:%SZ", t, 1) }
      while (q - head > 64 || (i == n / 2 - 1 && head < q)) {  # replies come 64 messages later
        printf "%d,Brand%d,False,%s,@c sorry,,%d.0\n", 2 * ri[head] + 1, rb[head], strftime("%Y-%m-%dT%H:%M:%SZ", rt[head], 1), 2 * ri[head]
        delete rt[head]; delete rb[head]; delete ri[head]; head++
      }
    }
  }'
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The floor (SQL for sqlite3 reading CSV $1): the rows by hand, as fast as SQLite takes them
# (interaction ids are row ids in file order; the tool's are hashes of the source ids, see
# docs/import.md, so it must sort the rows first).
floor_sql() {
  cat <<SQL
.read schema.sql
CREATE TABLE stage (id TEXT, platform TEXT, handle TEXT, received_at TEXT, first_reply_at TEXT, sentiment TEXT);
.import --csv --skip 1 $1 stage
BEGIN;
INSERT INTO channel (platform, handle, name, owner) SELECT DISTINCT platform, handle, handle, 'own' FROM stage;
INSERT INTO interaction (channel_id, received_at, kind, needs_reply, first_reply_at, sentiment)
  SELECT c.id, s.received_at, 'message', 1, nullif(s.first_reply_at, ''), nullif(s.sentiment, '')
  FROM stage s JOIN channel c ON c.platform = s.platform AND c.handle = s.handle;
COMMIT;
SQL
}

timed() {  # timed OUT CMD... : appends "wall rss_kb user sys" to OUT
  local out=$1; shift
  /usr/bin/time -f "%e %M %U %S" -a -o "$out" "$@" >/dev/null
}
# Medians over the runs in a file of timed() lines.
median() {  # median FILE FIELD_EXPR (awk expression over $1..$4)
  awk "{ print $2 }" "$1" | sort -g | awk '{ v[NR] = $1 } END { printf "%s", v[int((NR + 1) / 2)] }'
}
wall() { median "$1" '$1'; }
cpu() { printf "%.2f" "$(median "$1" '$3 + $4')"; }
mib() { printf "%.1f" "$(median "$1" '$2 / 1024')"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
csv_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f", b / 1e6 }'; }

# cached CSV PATH, made by GENERATOR N once
cached() {
  if [ ! -f "$1" ]; then
    echo "bench: generating $1 (once; cached)" >&2
    "$2" "$3" >"$1.part" && mv "$1.part" "$1"
  fi
}

rows=()
declare -A import_wall import_cpu floor_wall
for n in $ROWS; do
  csv=$DIR/import-interactions-$n.csv
  cached "$csv" generate "$n"
  cat "$csv" >/dev/null  # both read it from the page cache
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$tmp/floor" "$tmp/import" "$tmp/again"
  floor_sql "$csv" >"$tmp/floor.sql"
  for run in $(seq "$RUNS"); do  # alternating, so that the floor and the tool see the same load
    echo "bench: $n rows, run $run of $RUNS: floor, import, import again (unchanged)" >&2
    rm -f "$tmp/floor.db" "$tmp/import.db"
    timed "$tmp/floor" sqlite3 "$tmp/floor.db" <"$tmp/floor.sql"
    rm -f "$tmp/floor.db"
    timed "$tmp/import" "$BIN" import interactions --db "$tmp/import.db" --quiet "$csv"
    timed "$tmp/again" "$BIN" import interactions --db "$tmp/import.db" --quiet "$csv"
  done
  load="$load–$(cut -d' ' -f1 /proc/loadavg)"
  rm -f "$tmp/import.db"
  import_wall[$n]=$(wall "$tmp/import")
  import_cpu[$n]=$(cpu "$tmp/import")
  floor_wall[$n]=$(wall "$tmp/floor")
  r=$(ratio "$(wall "$tmp/import")" "$(wall "$tmp/floor")")
  cr=$(ratio "$(cpu "$tmp/import")" "$(cpu "$tmp/floor")")
  rows+=("| $n | $(csv_mb "$csv") MB | $RUNS | $(wall "$tmp/import") s | $(cpu "$tmp/import") s | $(mib "$tmp/import") MiB | $(wall "$tmp/again") s | $(mib "$tmp/again") MiB | $(wall "$tmp/floor") s | $(cpu "$tmp/floor") s | $(mib "$tmp/floor") MiB | $r | $cr | $load |")
  echo "bench: $n rows: import $(wall "$tmp/import") s, $(mib "$tmp/import") MiB; floor $(wall "$tmp/floor") s; ratio $r (CPU $cr)" >&2
done

log_rows=()
for n in $LOG_ROWS; do
  csv=$DIR/import-log-$n.csv
  cached "$csv" generate_log "$n"
  cat "$csv" >/dev/null
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$tmp/log"
  for run in $(seq "$RUNS"); do
    echo "bench: conversation log of $n rows, run $run of $RUNS" >&2
    rm -f "$tmp/log.db"
    timed "$tmp/log" "$BIN" import interactions --conversation-log --db "$tmp/log.db" --quiet "$csv"
  done
  load="$load–$(cut -d' ' -f1 /proc/loadavg)"
  rm -f "$tmp/log.db"
  log_rows+=("| $n | $(csv_mb "$csv") MB | $RUNS | $(wall "$tmp/log") s | $(cpu "$tmp/log") s | $(mib "$tmp/log") MiB | $load |")
  echo "bench: conversation log of $n rows: $(wall "$tmp/log") s, $(mib "$tmp/log") MiB" >&2
done

header="| rows | CSV | runs | import wall | import CPU | import peak RSS | again (unchanged) wall | again peak RSS | floor wall (sqlite3) | floor CPU | floor peak RSS | wall / floor | CPU / floor | load avg (1 min, before–after) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
table=$(printf '%s\n' "$header" "${rows[@]}")
log_table=""
if [ ${#log_rows[@]} -gt 0 ]; then
  log_table=$(printf '%s\n' "| conversation log rows | CSV | runs | wall | CPU | peak RSS | load avg (1 min, before–after) |" \
    "|---|---|---|---|---|---|---|" "${log_rows[@]}")
fi
linear=""
set -- $ROWS
if [ $# -ge 2 ]; then
  linear=$(awk -v a="${import_wall[$1]}" -v b="${import_wall[$2]}" -v ca="${import_cpu[$1]}" \
    -v cb="${import_cpu[$2]}" -v fa="${floor_wall[$1]}" -v fb="${floor_wall[$2]}" -v n1="$1" -v n2="$2" \
    'BEGIN { printf "%d rows took %.1fx the wall time of %d rows (%.0fx the rows; the floor %.1fx in the same runs) and %.1fx the CPU time.", n2, b / a, n1, n2 / n1, fb / fa, cb / ca }')
fi
echo
echo "$table"
[ -z "$linear" ] || echo "$linear"
[ -z "$log_table" ] || printf '\n%s\n' "$log_table"

[ -n "$DOC" ] || exit 0
cpu_name=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
{
  sed -n '1,/^<!-- import-bench:begin -->$/p' "$DOC"
  echo
  echo "Measured $(date -u +"%Y-%m-%d %H:%M UTC") on $cpu_name, $(nproc) cores; SQLite $(sqlite3 --version | cut -d' ' -f1);"
  echo "\`$BIN\` (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)) built $(stat -c %y "$BIN" | cut -d. -f1)."
  echo "Medians of $RUNS runs (the floor and the import alternate); wall times on the shared machine follow its load"
  echo "(last column), CPU time (user + system) much less. Peak RSS from /usr/bin/time."
  echo
  echo "$table"
  echo
  [ -z "$linear" ] || { echo "$linear"; echo; }
  [ -z "$log_table" ] || { echo "$log_table"; echo; }
  sed -n '/^<!-- import-bench:end -->$/,$p' "$DOC"
} >"$tmp/doc"
mv "$tmp/doc" "$DOC"
echo "bench: wrote the import table into $DOC" >&2
