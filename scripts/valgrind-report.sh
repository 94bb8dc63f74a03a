#!/usr/bin/env bash
# valgrind memcheck on one end-to-end report run: fails when memcheck reports an error or a
# definite/indirect leak. Usage: scripts/valgrind-report.sh [build-dir]
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/boardbrief" sample --out "$work/demo.db" --interactions 5000 >/dev/null
valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --show-leak-kinds=definite,indirect --log-file="$work/memcheck.log" \
  "$build/boardbrief" report --db "$work/demo.db" --period 2026-10 --as-of 2026-11-02 \
  --out "$work/briefing.pdf" --findings-json "$work/briefing.json" || status=$?
grep -E "ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|All heap blocks" "$work/memcheck.log"
if [ "${status:-0}" != 0 ]; then
  cat "$work/memcheck.log" >&2
  echo "valgrind: memcheck failed (exit ${status})" >&2
  exit 1
fi
echo "valgrind: no errors or leaks"
