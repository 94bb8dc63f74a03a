#!/usr/bin/env bash
# The import benchmark: `boardbrief import interactions` of 1M and 10M generated rows into a new
# database, then the same file again (every row unchanged), against the floor of the same rows
# by hand in sqlite3 (`.import` into a staging table, then one INSERT ... SELECT into the real
# schema with its index). Prints the table and writes it into docs/performance.md.
#
# Usage: bench/import.sh [BUILD_DIR]   (run by bench/run.sh, i.e. make bench)
# Environment: BENCH_DIR (CSV cache, default build-bench), BENCH_IMPORT_ROWS ("1000000 10000000"),
#              BENCH_DOC (output file; empty = print only).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/boardbrief
DIR=${BENCH_DIR:-build-bench}
ROWS=${BENCH_IMPORT_ROWS:-1000000 10000000}
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

timed() {  # timed OUT CMD... : "wall rss_kb user sys" into OUT
  local out=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$out" "$@" >/dev/null
}
cpu() { awk '{ printf "%.2f", $3 + $4 }' "$1"; }
mib() { awk '{ printf "%.1f", $2 / 1024 }' "$1"; }
wall() { awk '{ print $1 }' "$1"; }

rows=()
declare -A import_wall
for n in $ROWS; do
  csv=$DIR/import-interactions-$n.csv
  if [ ! -f "$csv" ]; then
    echo "bench: generating $csv (once; cached)" >&2
    generate "$n" >"$csv.part" && mv "$csv.part" "$csv"
  fi
  mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.0f", b / 1e6 }')
  cat "$csv" >/dev/null  # both read it from the page cache
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$tmp/floor.db" "$tmp/import.db"
  echo "bench: $n rows: floor" >&2
  floor_sql "$csv" >"$tmp/floor.sql"
  timed "$tmp/floor" sqlite3 "$tmp/floor.db" <"$tmp/floor.sql"
  rm -f "$tmp/floor.db"
  echo "bench: $n rows: import" >&2
  timed "$tmp/import" "$BIN" import interactions --db "$tmp/import.db" --quiet "$csv"
  echo "bench: $n rows: import again (unchanged)" >&2
  timed "$tmp/again" "$BIN" import interactions --db "$tmp/import.db" --quiet "$csv"
  load="$load–$(cut -d' ' -f1 /proc/loadavg)"
  rm -f "$tmp/import.db"
  import_wall[$n]=$(wall "$tmp/import")
  ratio=$(awk -v a="$(wall "$tmp/import")" -v b="$(wall "$tmp/floor")" 'BEGIN { printf "%.2f", a / b }')
  cpu_ratio=$(awk -v a="$(cpu "$tmp/import")" -v b="$(cpu "$tmp/floor")" 'BEGIN { printf "%.2f", a / b }')
  rows+=("| $n | $mb MB | $(wall "$tmp/import") s | $(cpu "$tmp/import") s | $(mib "$tmp/import") MiB | $(wall "$tmp/again") s | $(mib "$tmp/again") MiB | $(wall "$tmp/floor") s | $(cpu "$tmp/floor") s | $(mib "$tmp/floor") MiB | $ratio | $cpu_ratio | $load |")
  echo "bench: $n rows: import $(wall "$tmp/import") s, $(mib "$tmp/import") MiB; floor $(wall "$tmp/floor") s; ratio $ratio (CPU $cpu_ratio)" >&2
done

header="| rows | CSV | import wall | import CPU | import peak RSS | again (unchanged) wall | again peak RSS | floor wall (sqlite3) | floor CPU | floor peak RSS | wall / floor | CPU / floor | load avg (1 min, before–after) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|"
table=$(printf '%s\n' "$header" "${rows[@]}")
linear=""
set -- $ROWS
if [ $# -ge 2 ]; then
  linear=$(awk -v a="${import_wall[$1]}" -v b="${import_wall[$2]}" -v n1="$1" -v n2="$2" \
    'BEGIN { printf "%d rows took %.1fx the time of %d rows (%.0fx the rows).", n2, b / a, n1, n2 / n1 }')
fi
echo
echo "$table"
[ -z "$linear" ] || echo "$linear"

[ -n "$DOC" ] || exit 0
cpu_name=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
{
  sed -n '1,/^<!-- import-bench:begin -->$/p' "$DOC"
  echo
  echo "Measured $(date -u +"%Y-%m-%d %H:%M UTC") on $cpu_name, $(nproc) cores; SQLite $(sqlite3 --version | cut -d' ' -f1);"
  echo "\`$BIN\` built $(stat -c %y "$BIN" | cut -d. -f1). One run each (they are long); wall times on the shared"
  echo "machine follow its load (last column), CPU time (user + system) much less. Peak RSS from /usr/bin/time."
  echo
  echo "$table"
  echo
  [ -z "$linear" ] || echo "$linear"
  echo
  sed -n '/^<!-- import-bench:end -->$/,$p' "$DOC"
} >"$tmp/doc"
mv "$tmp/doc" "$DOC"
echo "bench: wrote the import table into $DOC" >&2
