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

.PHONY: html livehtml test clean lock bench import browser lint help

help:
	@echo "make html      build the site into $(BUILDDIR)/html (sets up $(VENV) first)"
	@echo "make livehtml  preview with live reload on http://127.0.0.1:8000"
	@echo "make test      run every test (sets up $(VENV) and Chromium first)"
	@echo "make import SRC=path [FORCE=1] [ASSETS=dir] [FROM=...] [OLD_URL=...]  import a NimblePublisher, Jekyll or Hugo blog"
	@echo "make bench     benchmark the build against a baseline measured in the same run"
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

# Debian's Chromium drives the browser tests; installed once when missing.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "installing Debian's chromium and chromium-driver for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check extensions tests conf.py
	$(BIN)/ruff format --check extensions tests conf.py
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python tests/bench.py

import: $(STAMP)
	@test -n "$(SRC)" || { echo "usage: make import SRC=<file or folder> [FORCE=1] [ASSETS=dir] [FROM=auto|nimble|jekyll|hugo] [OLD_URL=pattern]"; exit 2; }
	$(BIN)/python -m extensions.imports $(if $(FORCE),--force) $(if $(ASSETS),--assets "$(ASSETS)") $(if $(FROM),--from "$(FROM)") $(if $(OLD_URL),--old-url "$(OLD_URL)") --dest posts "$(SRC)"

# Re-pin every dependency after editing pyproject.toml.
lock:
	rm -rf /tmp/devblog-lock && $(PYTHON) -m venv /tmp/devblog-lock
	/tmp/devblog-lock/bin/pip install --quiet pip==25.3 && /tmp/devblog-lock/bin/pip install --quiet -e '.[test]'
	{ echo "# Exact versions of every dependency (direct and transitive), Python 3.11."; \
	  echo "# Regenerate with: make lock   (after changing pyproject.toml)"; \
	  /tmp/devblog-lock/bin/pip freeze --exclude-editable | grep -v '^-e'; } > requirements.lock

clean:
	rm -rf $(BUILDDIR)
