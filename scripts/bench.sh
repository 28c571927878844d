#!/usr/bin/env bash
# Benchmarks that print figures. Each prints JSON; nothing here asserts a time.
set -uo pipefail
BIN=.venv/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== demo seeding: 300,000 tickets into SQLite (target ≤ 60 s)"
$BIN/dispatch-console --db "sqlite:///$tmp/bench.db" demo --tickets 300000 --days 90 --seed 1 2>/dev/null
echo "== routing: shipped duty list on routing-dev.jsonl, and p50/p99 with a 4,315-item list"
$BIN/dispatch-console routing eval --cases ../shared/reference/routing-dev.jsonl --json
$BIN/python bench/bench_routing.py
for extra in bench/bench_taidi.py bench/bench_export.py; do
  [ -f "$extra" ] && { echo "== $extra"; $BIN/python "$extra"; }
done
if $BIN/dispatch-console bench --help >/dev/null 2>&1; then
  echo "== queue model: 100,000 open tickets"
  QT_QPA_PLATFORM=offscreen $BIN/dispatch-console bench queue --rows 100000 --json
fi
