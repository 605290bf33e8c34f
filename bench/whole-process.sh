#!/usr/bin/env bash
# Whole-process timing of the backtest CLI on the 1,000,000-bar benchmark file: JVM start, CSV parsing and
# validation, the backtest, and writing every output. Usage: bench/whole-process.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-3}"
[ -f bench/target/benchmarks.jar ] || mvn -B -q -DskipTests -pl bench -am package
data=bench/target/bench-1m.csv
[ -f "$data" ] || java -cp bench/target/benchmarks.jar org.peaktrade.bench.SyntheticBars "$data" 1000000
./peak-trade --version >/dev/null
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  ./peak-trade backtest --data "$data" --strategy ma-cross --size qty:0.1 --out bench/target/whole-process >/dev/null
  end=$(date +%s.%N)
  printf 'run %d: %.2f s\n' "$i" "$(echo "$end - $start" | bc)"
done
