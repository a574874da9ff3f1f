#!/usr/bin/env bash
# Idempotent set-up: virtual environment, pinned Python packages, front-end assets from npm,
# translation catalogues. Re-running skips every step whose inputs did not change.
# Usage: scripts/setup.sh [dev]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
mkdir -p var
PY=${PYTHON:-python3}

need_apt=()
command -v msgfmt >/dev/null 2>&1 || need_apt+=(gettext)
# Official letters (PDF) embed Noto CJK; pango renders them (WeasyPrint).
[ -d /usr/share/fonts/opentype/noto ] || need_apt+=(fonts-noto-cjk)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "$mode" = dev ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
fi
if ((${#need_apt[@]})); then
  echo "==> installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  $PY -m venv .venv
fi
run_stamp="var/.installed-run-$(sha256sum requirements.txt | cut -c1-16)"
dev_stamp="var/.installed-dev-$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)"
if [ "$mode" = dev ] && [ ! -f "$dev_stamp" ]; then
  echo "==> installing Python packages (requirements-dev.txt)"
  .venv/bin/pip install --disable-pip-version-check -q -r requirements-dev.txt 2> >(grep -v "is ignored: it is neither" >&2)
  touch "$dev_stamp" "$run_stamp"
elif [ ! -f "$run_stamp" ]; then
  echo "==> installing Python packages (requirements.txt)"
  .venv/bin/pip install --disable-pip-version-check -q -r requirements.txt 2> >(grep -v "is ignored: it is neither" >&2)
  touch "$run_stamp"
fi

assets_stamp="var/.assets-$(cat frontend/package.json frontend/package-lock.json scripts/setup.sh | sha256sum | cut -c1-16)"
if [ ! -f "$assets_stamp" ] || [ ! -f ipshield/static/vendor/htmx.min.js ] || [ ! -f ipshield/static/vendor/echarts.min.js ]; then
  echo "==> building front-end assets (npm ci)"
  (cd frontend && npm ci --no-audit --no-fund --silent)
  mkdir -p ipshield/static/vendor
  cp frontend/node_modules/htmx.org/dist/htmx.min.js ipshield/static/vendor/htmx.min.js
  cp frontend/node_modules/echarts/dist/echarts.min.js ipshield/static/vendor/echarts.min.js
  touch "$assets_stamp"
fi

echo "==> compiling translations"
SECRET_KEY=setup-only .venv/bin/python manage.py compilemessages --ignore=.venv --ignore=frontend -v 0
