#!/usr/bin/env bash
# Checks (default) or applies (--fix) the layout .clang-format describes, on every C++ file of
# src/, tests/, fuzz/ and bench/, and that no merge conflict markers are left in any tracked file.
# CI runs the check; exit 1 names the files that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: error: clang-format not installed (scripts/install-deps.sh)" >&2; exit 2; }
mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'fuzz/*.cpp' 'fuzz/*.h' 'bench/*.cpp' 'bench/*.h')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi
# A merge's conflict markers left in any tracked text file.
if markers=$(git grep -nE '^(<<<<<<<|>>>>>>>) ' -- . ':!*.png' ':!*.pdf' ':!*.ttf' 2>/dev/null) && [ -n "$markers" ]; then
  echo "check-format: merge conflict markers left in: $(echo "$markers" | cut -d: -f1-2 | paste -sd' ' -)" >&2
  exit 1
fi
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: ${#bad[@]} file(s) differ from .clang-format (fix: make format): ${bad[*]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
