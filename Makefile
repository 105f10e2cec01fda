# Newsroom — `make run` sets everything up and serves the demo site; `make test` runs the suite.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
LOCAL_ENV := .env.local
# Local development defaults; any of these may be overridden from the environment.
export DEBUG ?= 1

# The first Python 3.12+ found: python3.13, python3.12, python3 (pyenv reads .python-version), then pyenv's own folders.
PYTHON ?= $(shell for candidate in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -r); do \
	if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	command -v $$candidate; break; fi; done)

.PHONY: help setup setup-ci run test browser lint format messages compilemessages demo clean

help:
	@echo "make run     set up (virtualenv, requirements, migrations, translations, demo content) and serve on http://127.0.0.1:8000/, with the background worker"
	@echo "make setup   everything make run does, without serving"
	@echo "make test    run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL points there)"
	@echo "make browser the browser suite: Chromium, axe-core and the Nu HTML checker against gunicorn on PostgreSQL"
	@echo "make lint    ruff check and format check, and the import layers (lint-imports)"
	@echo "make messages  refresh locale/*/LC_MESSAGES/django.po and djangojs.po from the code"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Newsroom needs Python 3.12 or newer (Django 6.1). Install one (e.g. 'pyenv install 3.13') and run make again," >&2; \
		echo "       or name it: make run PYTHON=/path/to/python3.13" >&2; exit 1; fi
	@command -v msgfmt >/dev/null || { echo "error: GNU gettext (msgfmt) is needed to compile translations: apt-get install gettext" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed compilemessages $(LOCAL_ENV)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) store_pages

# The git-ignored settings manage.py reads in development (never WSGI/ASGI): DEBUG on and a key of this
# checkout's own. Made once; an existing file, perhaps edited by hand, is left alone.
$(LOCAL_ENV): | $(VENV)/.installed
	umask 077 && $(PY) -c 'import secrets; print("# Local development settings for manage.py (make setup); the environment wins.\nDEBUG=1\nSECRET_KEY=" + secrets.token_urlsafe(50))' > $@.tmp
	mv $@.tmp $@

# What CI needs before it tests: the virtualenv and compiled translations (no demo database).
setup-ci: $(VENV)/.installed compilemessages

# The background worker (re-indexing after renames, purges, …) beside the dev server: started first, stopped
# with it (Ctrl-C, or the server exiting for any reason).
run: setup
	@$(MANAGE) run_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

compilemessages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# djangojs.po: our admin scripts' words (served by the admin's jsi18n view), with the prose editor's own listed in
# static/admin_newsroom/prose_editor_strings.js; vendored libraries and collected copies are not ours.
messages: $(VENV)/.installed
	$(MANAGE) makemessages --locale=fa --extension=html,txt,py,xml --ignore=.venv --ignore=tests --no-obsolete --add-location=file
	$(MANAGE) makemessages --locale=fa --domain=djangojs --ignore=.venv --ignore=node_modules --ignore=staticfiles \
		--ignore=vendor --ignore=tests --no-obsolete --add-location=file

# The suite (like the browser suite) sees only the environment make and CI give it, never .env.local.
test: $(VENV)/.installed compilemessages
	NEWSROOM_ENV_FILE= $(MANAGE) test tests --parallel=auto --noinput $(TESTARGS)

# The browser suite: its own pytest run over tests/browser (journey_*.py), never collected by `make test`.
# Needs /usr/bin/chromium, java, redis-server and PostgreSQL (PG_HOST/PG_PORT/PG_USER, default 127.0.0.1:5432 postgres).
BROWSER_NODE := tests/browser/node_modules/.package-lock.json
$(BROWSER_NODE): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is needed for axe-core and the Nu HTML checker: apt-get install npm" >&2; exit 1; }
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

browser: $(VENV)/.installed compilemessages $(BROWSER_NODE)
	NEWSROOM_ENV_FILE= $(PY) -m pytest -c tests/browser/pytest.ini $(or $(filter tests/browser/%,$(BROWSERARGS)),tests/browser) \
		$(filter-out tests/browser/%,$(BROWSERARGS))

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles tests/browser/node_modules tests/browser/artifacts
