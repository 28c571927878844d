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
echo "== taidi2020: learned classifier trained on train.csv, tested once on test921.csv"
$BIN/python bench/bench_taidi.py --cv-folds 0
echo "== exports: 2,000-ticket handover (target ≤ 1 s; also a stress month), 100,000-row report (rows/s, peak RSS ≤ 150 MB)"
$BIN/dispatch-console bench export --stress --json
echo "== queue model: 100,000 open tickets (targets: sort/filter ≤ 30 ms, search ≤ 50 ms, 100 changes ≤ 20 ms)"
QT_QPA_PLATFORM=offscreen $BIN/dispatch-console bench queue --rows 100000 --json
if pg_isready -q -h 127.0.0.1 2>/dev/null; then
  echo "== live updates: 20 consoles on PostgreSQL (target p99 ≤ 150 ms)"
  db=dc_bench_live
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  $BIN/dispatch-console --db "postgresql://postgres@127.0.0.1/$db" demo --tickets 20000 --days 10 2>/dev/null >/dev/null
  $BIN/dispatch-console bench live --db "postgresql://postgres@127.0.0.1/$db" --consoles 20 --json
  echo "== exports on PostgreSQL: the same 100,000-ticket month, handover and report"
  db=dc_bench_export
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  $BIN/dispatch-console --db "postgresql://postgres@127.0.0.1/$db" bench export --json
fi
