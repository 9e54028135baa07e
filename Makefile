# The blog's commands. `make html` and `make test` set up everything they need.
PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
SPHINXOPTS  ?=
SOURCEDIR   := .
BUILDDIR    := _build
# -W turns every warning into an error; --keep-going reports them all first; -n checks every reference.
STRICT      := -W --keep-going -n
# The browser tests and `make lighthouse`: Debian's Chromium, and npm packages in tests/browser.
CHROME_PATH ?= /usr/bin/chromium
export CHROME_PATH
NODE_DIR    := tests/browser
NODE_STAMP  := $(NODE_DIR)/node_modules/.installed
# True (in the shell) when node_modules was installed from the current package(-lock).json.
NPM_CURRENT := [ -f $(NODE_STAMP) ] && [ ! $(NODE_DIR)/package-lock.json -nt $(NODE_STAMP) ] \
               && [ ! $(NODE_DIR)/package.json -nt $(NODE_STAMP) ]
NPM_CI      := cd $(NODE_DIR) && npm ci --loglevel=error && touch node_modules/.installed

.PHONY: html livehtml test clean lock bench import browser lighthouse lint help

help:
	@echo "make html      build the site into $(BUILDDIR)/html (sets up $(VENV) first)"
	@echo "make livehtml  preview with live reload on http://127.0.0.1:8000"
	@echo "make test      run every test (sets up $(VENV) and Chromium first)"
	@echo "make import SRC=path [FORCE=1]  convert NimblePublisher posts to MyST"
	@echo "make bench     benchmark the build against a baseline measured in the same run"
	@echo "make lighthouse  Lighthouse scores (mobile, light and dark) of the home page, newest post, a tag"
	@echo "make clean     remove $(BUILDDIR)"

# The environment: rebuilt only when the lock file or pyproject.toml changes.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(STRICT) -d $(BUILDDIR)/doctrees $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/html

livehtml: $(STAMP)
	$(BIN)/sphinx-autobuild -b html -d $(BUILDDIR)/doctrees $(SPHINXOPTS) --ignore "*/.venv/*" --ignore "*/tests/*" $(SOURCEDIR) $(BUILDDIR)/html

# What the browser tests need, set up when missing; never a reason for `make test` to fail.
# Debian's chromium is installed when running as root (CI) or with passwordless sudo; the npm
# packages pinned in tests/browser/package-lock.json with `npm ci` (again when the lock changes).
# Whatever can't be set up is one line here, and pytest skips the tests that need it.
browser:
	@if [ -x "$(CHROME_PATH)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	    || echo "browser tests will be skipped: apt-get could not install chromium"; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	  echo "installing Debian's chromium for the browser tests (sudo)"; \
	  { sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	    || echo "browser tests will be skipped: apt-get could not install chromium"; \
	else \
	  echo "browser tests will be skipped: no chromium at $(CHROME_PATH); install it with: sudo apt-get install chromium"; \
	fi
	@if ! { command -v node && command -v npm; } >/dev/null; then \
	  echo "axe-core tests will be skipped: node and npm are not installed; install them with: sudo apt-get install nodejs npm"; \
	elif ! { $(NPM_CURRENT); }; then \
	  echo "installing the browser tests' npm packages (npm ci in $(NODE_DIR))"; \
	  ( $(NPM_CI) ) || echo "axe-core tests will be skipped: npm ci failed in $(NODE_DIR)"; \
	fi

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# Lighthouse (mobile, light and dark) on the freshly built site; needs node, npm and chromium.
lighthouse: $(STAMP)
	@{ command -v node && command -v npm; } >/dev/null || { \
	  echo "make lighthouse needs Node.js and npm: sudo apt-get install nodejs npm" >&2; exit 1; }
	@[ -x "$(CHROME_PATH)" ] || { \
	  echo "make lighthouse needs Chromium at $(CHROME_PATH): sudo apt-get install chromium" >&2; exit 1; }
	@$(MAKE) --no-print-directory html
	@$(NPM_CURRENT) || { echo "npm ci in $(NODE_DIR)"; $(NPM_CI); }
	$(BIN)/python $(NODE_DIR)/lighthouse.py --site $(BUILDDIR)/html --json $(BUILDDIR)/lighthouse.json

lint: $(STAMP)
	$(BIN)/ruff check extensions tests conf.py
	$(BIN)/ruff format --check extensions tests conf.py
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python tests/bench.py

import: $(STAMP)
	@test -n "$(SRC)" || { echo "usage: make import SRC=<file or folder> [FORCE=1]"; exit 2; }
	$(BIN)/python -m extensions.nimble.convert $(if $(FORCE),--force) --dest posts "$(SRC)"

# Re-pin every dependency after editing pyproject.toml.
lock:
	rm -rf /tmp/devblog-lock && $(PYTHON) -m venv /tmp/devblog-lock
	/tmp/devblog-lock/bin/pip install --quiet pip==25.3 && /tmp/devblog-lock/bin/pip install --quiet -e '.[test]'
	{ echo "# Exact versions of every dependency (direct and transitive), Python 3.11."; \
	  echo "# Regenerate with: make lock   (after changing pyproject.toml)"; \
	  /tmp/devblog-lock/bin/pip freeze --exclude-editable | grep -v '^-e'; } > requirements.lock

clean:
	rm -rf $(BUILDDIR)
