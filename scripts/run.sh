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
# Reporters' identities are encrypted with a key kept OUTSIDE the data directory, so that a copy of
# var/ (a backup) cannot read them. A deployment sets IPSHIELD_FIELD_KEY from its secret store.
if [ -z "${IPSHIELD_FIELD_KEY:-}" ]; then
  keydir="${IPSHIELD_KEY_DIR:-$HOME/.config/ipshield}"
  mkdir -p "$keydir" && chmod 700 "$keydir"
  keyfile="$keydir/field_key"
  if [ ! -s "$keyfile" ]; then
    .venv/bin/python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())" > "$keyfile"
    chmod 600 "$keyfile"
  fi
  export IPSHIELD_FIELD_KEY="$(cat "$keyfile")"
fi
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost,${HOST:-127.0.0.1}}"
# The local demo is plain http://127.0.0.1; a deployment behind TLS leaves this unset (HTTPS on).
export IPSHIELD_HTTPS="${IPSHIELD_HTTPS:-false}"
# The walk-through works with passwords alone; a deployment leaves this unset (two factors required).
export IPSHIELD_2FA="${IPSHIELD_2FA:-optional}"
PY=.venv/bin/python
$PY manage.py migrate --noinput -v 0
$PY manage.py createcachetable
# collectstatic compresses every asset with brotli (20 s): only when the assets changed.
static_stamp="$IPSHIELD_DATA_DIR/.static-$( (find ipshield/static -type f -printf '%P %s %T@\n' | sort; cat requirements.txt) | sha256sum | cut -c1-16)"
if [ ! -f "$static_stamp" ] || [ ! -d "$IPSHIELD_DATA_DIR/staticfiles" ]; then
  $PY manage.py collectstatic --noinput -v 0
  rm -f "$IPSHIELD_DATA_DIR"/.static-*
  touch "$static_stamp"
fi
$PY manage.py core_load_regions
$PY manage.py demo_seed
# Background work: one worker on the database queue and the periodic schedule (no broker needed).
$PY manage.py db_worker --queue-name '*' --interval 1 -v 0 &
worker=$!
$PY manage.py tasks_schedule -v 0 &
scheduler=$!
trap 'kill $worker $scheduler 2>/dev/null; wait 2>/dev/null' EXIT INT TERM
echo
echo "ipshield is serving on http://${HOST:-127.0.0.1}:${PORT:-8000}/  (Ctrl-C to stop)"
echo "Local demo: plain HTTP and two-factor authentication optional (IPSHIELD_HTTPS=$IPSHIELD_HTTPS, IPSHIELD_2FA=$IPSHIELD_2FA)."
.venv/bin/gunicorn ipshield.wsgi:application -c python:ipshield.gunicorn_conf
