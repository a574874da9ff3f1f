#!/usr/bin/env bash
# Public tip submissions per second (JSON, and multipart with a 200 kB photo) and status lookups,
# gunicorn (2 workers, WSGI) on loopback, measured with wrk.
# Usage: [DATABASE_URL=postgres://.../db] bench/load_tips.sh [seconds] [connections]
# The database must be migrated with regions and demo agencies (manage.py migrate, core_load_regions, demo_seed).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-4}
PORT=${BENCH_PORT:-8798}
export SECRET_KEY=${SECRET_KEY:-bench-only} ALLOWED_HOSTS=127.0.0.1 IPSHIELD_CAPTCHA=off IPSHIELD_TIP_RATE_PER_HOUR=100000000
export IPSHIELD_TIP_LOOKUP_FAILURES=100000000
# A real photo (~200 kB of noise as PNG): uploads are decoded and re-encoded, random bytes are refused.
.venv/bin/python -c "import os; from PIL import Image; Image.frombytes('RGB', (260, 260), os.urandom(260*260*3)).save('bench/.photo.png')"
.venv/bin/gunicorn ipshield.wsgi:application --bind 127.0.0.1:$PORT --workers 2 --log-level warning &
server=$!
trap 'kill $server; rm -f bench/.photo.png' EXIT
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
receipt=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/public/tips" -H 'Content-Type: application/json' \
  -d '{"domain":"trademark","description":"基准测试用的举报内容，请忽略。","address":"北京市朝阳区","target_name":"基准"}')
export TIP_TRACKING=$(echo "$receipt" | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["tracking_number"])')
export TIP_PASSPHRASE=$(echo "$receipt" | .venv/bin/python -c 'import json,sys; print(json.load(sys.stdin)["passphrase"])')
for script in tip_json tip_photo tip_status; do
  path=/api/v1/public/tips
  [ "$script" = tip_status ] && path=/api/v1/public/tips/status
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/$script.lua "http://127.0.0.1:$PORT$path" | grep RESULT)
  printf '%-12s %s\n' "$script" "${line#RESULT }"
done
