# Two commands for a newcomer: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: run test setup setup-dev serve lint typecheck messages bench

run: setup
	@scripts/run.sh

test: setup-dev
	.venv/bin/ruff check .
	.venv/bin/lint-imports
	.venv/bin/bandit -q -ll -r ipshield -x '*/tests/*,*/migrations/*'
	SECRET_KEY=typecheck-only .venv/bin/mypy ipshield
	$(PY) -m pytest -n $(PYTEST_WORKERS) --cov --cov-report=xml:test-artifacts/coverage.xml $(PYTEST_ARGS)

setup:
	@scripts/setup.sh run

setup-dev:
	@scripts/setup.sh dev

lint: setup-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

typecheck: setup-dev
	SECRET_KEY=typecheck-only .venv/bin/mypy ipshield

messages: setup-dev
	SECRET_KEY=messages-only $(PY) manage.py makemessages -l en --ignore=.venv --ignore=frontend --ignore=bench --ignore=test-artifacts --no-obsolete --no-wrap
	$(PY) scripts/fill_translations.py

bench: setup-dev
	$(PY) -m pytest bench --benchmark-only -p no:xdist
