#!/usr/bin/env bash
# Migrate, load regions and demo data, then serve (WSGI, gunicorn) on $HOST:$PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
export IPSHIELD_DATA_DIR="${IPSHIELD_DATA_DIR:-$PWD/var}"
mkdir -p "$IPSHIELD_DATA_DIR"
# A demo machine gets a stable random secret kept beside its data, never in git.
if [ -z "${SECRET_KEY:-}" ]; then
  keyfile="$IPSHIELD_DATA_DIR/secret_key"
  [ -s "$keyfile" ] || .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))" > "$keyfile"
  export SECRET_KEY="$(cat "$keyfile")"
fi
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost,${HOST:-127.0.0.1}}"
PY=.venv/bin/python
$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
$PY manage.py core_load_regions
$PY manage.py demo_seed
echo
echo "ipshield is serving on http://${HOST:-127.0.0.1}:${PORT:-8000}/  (Ctrl-C to stop)"
exec .venv/bin/gunicorn ipshield.wsgi:application \
  --bind "${HOST:-127.0.0.1}:${PORT:-8000}" --workers "${WEB_WORKERS:-2}" \
  --access-logfile - --log-level warning
