# Secretariat platform. The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= config.settings.base

.PHONY: install run test fuzz check bench system-deps messages clean

install: $(STAMP)  ## the virtual environment with every Python dependency (nothing else)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

var/secret_key:
	@mkdir -p var
	@$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	@chmod 600 var/secret_key

# The key that seals the audit chains (docs/decisions/0009): outside the database, like the secret key.
var/audit_key:
	@mkdir -p var
	@$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/audit_key
	@chmod 600 var/audit_key

# The embedded default: SQLite in var/, tasks in-process, periodic jobs in a web worker's thread,
# plain HTTP on loopback (so cookies cannot be marked Secure; production serves HTTPS and keeps them Secure).
run: install system-deps var/secret_key var/audit_key
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_load
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@$(BIN)/python manage.py demo_logins --port $(PORT)
	SECURE_COOKIES=0 PORT=$(PORT) exec $(BIN)/gunicorn -c config/gunicorn.conf.py

# Debian's Chromium and the CJK fonts for the browser tests, LibreOffice for PDF output (ODT converted),
# poppler's pdftotext to check PDFs and hey for `make bench`; skipped without root (the tests that need them
# then skip).
DEBIAN_DEPS := chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils hey
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
	    || ! command -v hey >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_DEPS) >/dev/null; \
	  else echo "note: install Debian's $(DEBIAN_DEPS) for the browser tests, PDF output and benchmarks"; fi; \
	fi

test: install system-deps
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -q -n auto

# schemathesis over every operation of /api/v1/openapi.json, as an administrator and as a liaison: no 5xx,
# answers as documented (tests/test_api_fuzz.py; a few minutes). DATABASE_URL picks PostgreSQL, as for `make test`.
fuzz: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -q -p no:xdist -m fuzz tests/test_api_fuzz.py

check: install
	$(BIN)/ruff check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

bench: install system-deps
	$(BIN)/python bench/run.py

# Refresh the translation catalogues after changing user-facing strings, then translate the new entries.
messages: install
	$(BIN)/python manage.py makemessages --locale zh_Hant --locale en --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(BIN)/python manage.py makemessages --domain djangojs --locale zh_Hant --locale en --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var/static
