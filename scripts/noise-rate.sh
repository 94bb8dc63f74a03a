#!/usr/bin/env bash
# False-discovery rate on pure noise: writes SEEDS stationary random databases
# (`boardbrief sample --noise`: no growth, storm, gaps or targets, so every finding is false),
# runs the monthly report on each and counts the page-1 claims (findings in the executive
# summary) and the kept change, trend and spike findings. Prints one line per seed and the mean
# and maximum. The goal (docs/findings-method.md): on average at most 0.25 page-1 claims and at
# most 1 kept change/trend/spike finding per report. A measurement, not a timed test.
#
# Usage: scripts/noise-rate.sh [SEEDS] [BUILD_DIR]     (defaults: 12, build)
set -euo pipefail
seeds=${1:-12}
build=${2:-build}
bin="$build/boardbrief"
[ -x "$bin" ] || { echo "noise-rate: $bin not found; build first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in $(seq 1 "$seeds"); do
  "$bin" sample --noise --seed "$seed" --interactions 30000 --out "$work/noise.db" --force 2>/dev/null
  "$bin" report --db "$work/noise.db" --period 2026-10 --as-of 2026-11-02 --quiet \
    --out "$work/noise.pdf" --findings-json "$work/$seed.json"
done
python3 - "$work" "$seeds" <<'PY'
import json, sys
work, seeds = sys.argv[1], int(sys.argv[2])
claims, kept = [], []
for seed in range(1, seeds + 1):
    d = json.load(open(f"{work}/{seed}.json"))
    page1 = [f for f in d["findings"] if f.get("summary") and f["rank"] <= 5]
    stat = [f for f in d["findings"] if f["type"] in ("change", "trend", "anomaly")]
    claims.append(len(page1)); kept.append(len(stat))
    what = "; ".join(f'{f["type"]} {f["metric"]}@{f["scope"]}' for f in page1)
    print(f"seed {seed:3d}: page-1 claims {len(page1)}, kept change/trend/spike {len(stat)}" + (f"  [{what}]" if what else ""))
n = len(claims)
print(f"noise rate over {n} seeds: page-1 claims mean {sum(claims)/n:.2f} max {max(claims)}; "
      f"kept change/trend/spike findings mean {sum(kept)/n:.2f} max {max(kept)}")
PY
