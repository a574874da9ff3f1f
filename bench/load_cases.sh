#!/usr/bin/env bash
# Load test of the scoped case list and detail API on loopback (wrk; WSGI via gunicorn).
# Usage: DATABASE_URL=postgres://.../ipshield_bench bench/load_cases.sh [seconds] [connections]
# Needs the data first: manage.py migrate, core_load_regions, demo_seed, cases_generate --count 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-4}
PORT=${BENCH_PORT:-8799}
PASSWORD=${DEMO_PASSWORD:-ipshield-demo-2026}
export SECRET_KEY=${SECRET_KEY:-bench-only} ALLOWED_HOSTS=127.0.0.1
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
.venv/bin/gunicorn ipshield.wsgi:application --bind 127.0.0.1:$PORT --workers 2 --log-level warning &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

token() {
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$1\", \"password\": \"$PASSWORD\"}" | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

run() {  # label user path
  local auth; auth=$(token "$2")
  curl -sf -o /dev/null -H "Authorization: Bearer $auth" "http://127.0.0.1:$PORT$3" || { echo "$1: request failed"; return 1; }
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/percentiles.lua \
    -H "Authorization: Bearer $auth" "http://127.0.0.1:$PORT$3" | grep RESULT)
  printf '%-58s %s\n' "$1" "${line#RESULT }"
}

CASE_ID=$(.venv/bin/python manage.py shell -c "from ipshield.cases.models import Case; print(Case.objects.filter(agency__code='bj-amr').order_by('-id').values_list('id', flat=True).first())" 2>/dev/null | tail -1)
run "list, officer (own agency), page of 50" officer.beijing "/api/v1/cases?page_size=50"
run "list, officer, filtered status=investigating" officer.beijing "/api/v1/cases?page_size=50&status=investigating"
run "list, provincial coordinator, screening=suspected" coordinator.beijing "/api/v1/cases?page_size=50&screening=suspected_crime"
run "list, national coordinator, domain=trademark" coordinator.national "/api/v1/cases?page_size=50&domain=trademark"
run "list, national coordinator, overdue=true" coordinator.national "/api/v1/cases?page_size=50&overdue=true"
run "detail, officer" officer.beijing "/api/v1/cases/$CASE_ID"
