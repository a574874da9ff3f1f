#!/usr/bin/env bash
# Public disclosure search and credit query latency (wrk, gunicorn 2 workers, WSGI, loopback).
# Usage: DATABASE_URL=postgres://.../ipshield_bench bench/load_public.sh [seconds] [connections]
# Data: cases_generate (1,000,000 cases) then bench/generate_credit.py (decisions + 500,000 enterprises).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-2}
PORT=${BENCH_PORT:-8797}
export SECRET_KEY=${SECRET_KEY:-bench-only} ALLOWED_HOSTS=127.0.0.1 IPSHIELD_CAPTCHA=off
export IPSHIELD_CREDIT_QUERIES_PER_HOUR=100000000
.venv/bin/gunicorn ipshield.wsgi:application --bind 127.0.0.1:$PORT --workers 2 --log-level warning &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
run() {
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/percentiles.lua "http://127.0.0.1:$PORT$2" | grep RESULT)
  printf '%-48s %s\n' "$1" "${line#RESULT }"
}
enc() { .venv/bin/python -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
run "disclosures, no query (latest)" "/api/v1/public/disclosures"
run "disclosures, q=假冒运动鞋 (5 chars)" "/api/v1/public/disclosures?q=$(enc 假冒运动鞋)"
run "disclosures, q=鑫盛服饰 + region 110000" "/api/v1/public/disclosures?q=$(enc 鑫盛服饰)&region=110000"
run "disclosures, q=白酒 (2 chars, ~5% of rows)" "/api/v1/public/disclosures?q=$(enc 白酒)"
run "disclosures, q=茅台 (2 chars, no match)" "/api/v1/public/disclosures?q=$(enc 茅台)"
run "disclosures, q=假冒 (2 chars, every row)" "/api/v1/public/disclosures?q=$(enc 假冒)"
run "disclosures, q=鞋 (1 char)" "/api/v1/public/disclosures?q=$(enc 鞋)"
run "disclosures, q=白酒 + region 350000" "/api/v1/public/disclosures?q=$(enc 白酒)&region=350000"
run "disclosures page, q=白酒" "/disclosures/?q=$(enc 白酒)"
run "disclosures, domain + date range" "/api/v1/public/disclosures?domain=trademark&from=2026-06-01&to=2026-07-01"
run "credit, name q=恒远商贸4711" "/api/v1/public/credit?q=$(enc 恒远商贸4711)"
run "credit, pinyin q=Hengyuan Shangmao 4711" "/api/v1/public/credit?q=$(enc 'Hengyuan Shangmao 4711')"
run "credit, USCC (no match)" "/api/v1/public/credit?q=91350100M000100Y43"
