#!/usr/bin/env bash
# R7: backup → restore identical at N cases (default 100,000) on a scratch SQLite data directory,
# or on PostgreSQL when DATABASE_URL is set. Prints timings; exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
export IPSHIELD_DATA_DIR=${IPSHIELD_DATA_DIR:-$(mktemp -d)}
export SECRET_KEY=${SECRET_KEY:-bench-backup-restore-secret-key-0123456789abcdef}
export IPSHIELD_HTTPS=false
PY=.venv/bin/python
$PY manage.py migrate --noinput -v 0
$PY manage.py createcachetable
$PY manage.py core_load_regions >/dev/null
DEMO_CASES=0 $PY manage.py demo_seed --cases 0 --quiet
/usr/bin/time -f "generate $N cases: %e s" $PY manage.py cases_generate --count "$N" >/dev/null
/usr/bin/time -f "backup + verify: %e s" $PY manage.py core_backup --out "$IPSHIELD_DATA_DIR/backup" --verify
/usr/bin/time -f "restore + verify: %e s" $PY manage.py core_restore "$IPSHIELD_DATA_DIR/backup" --yes
du -sh "$IPSHIELD_DATA_DIR/backup" "$IPSHIELD_DATA_DIR/backup.tar.gz"
