#!/usr/bin/env bash
# Lists functions longer than a limit (default 80 lines) in src/, from universal-ctags' end
# lines. Plain data tables (functions that only return or fill a literal table) are named in
# ALLOWED below with the reason; everything else over the limit is a finding. Exit 1 when any
# function is over the limit, so CI can check it. Usage: scripts/function-lengths.sh [LIMIT] [DIR]
set -euo pipefail
limit="${1:-80}"
dir="${2:-src}"
cd "$(dirname "$0")/.."
command -v ctags >/dev/null || { echo "function-lengths: error: universal-ctags not installed" >&2; exit 2; }
# Data tables: long because they list data, not because they do many things.
ALLOWED_RE='^$'
if [ -f scripts/function-length-tables.txt ]; then
  ALLOWED_RE="$(grep -v '^#' scripts/function-length-tables.txt | awk 'NF{print $1}' | paste -sd'|' -)"
  [ -n "$ALLOWED_RE" ] || ALLOWED_RE='^$'
fi
ctags -R -x --_xformat='%{end} %n %N %F' --kinds-C++=f --fields=+ne --languages=C++ "$dir" |
  awk -v limit="$limit" -v allowed="$ALLOWED_RE" '
    { len = $1 - $2 + 1; key = $4 ":" $3
      if (len > limit) { if (allowed != "^$" && $3 ~ ("^(" allowed ")$")) { tables++; next }
                         printf "%5d  %s:%d  %s\n", len, $4, $2, $3; over++ } }
    END { printf "function-lengths: %d function(s) over %d lines in %s", over + 0, limit, "'"$dir"'";
          if (tables) printf " (%d data table(s) allowed)", tables; print "";
          exit over > 0 }' | sort -rn
