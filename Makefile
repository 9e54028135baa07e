# The blog's commands. `make html` and `make test` set up everything they need.
PYTHON      ?= python3
SUPPORTED   := 3.11 3.12 3.13
VENV        := .venv
PY          := $(VENV)/bin/python
SPHINXOPTS  ?=
SOURCEDIR   := .
BUILDDIR    := _build
HOST        ?= 127.0.0.1
PORT        ?= 8000
# -W turns every warning into an error; --keep-going reports them all first; -n checks every
# reference; -q leaves only warnings, and blog_quiet ends the build with one summary line.
STRICT      := -W --keep-going -n -q -D blog_quiet=1
PIP         := -m pip install --quiet --disable-pip-version-check

# The version of $(PYTHON) ("3.12"), and where the environment records what it was made with:
# another PYTHON makes a new environment.
PYVERSION   := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
BUILD_STAMP := $(VENV)/.installed-$(PYVERSION)
TEST_STAMP  := $(VENV)/.installed-test-$(PYVERSION)

.PHONY: help html livehtml test test-all lint bench import browser clean distclean lock python

help:
	@echo "make html       build the site into $(BUILDDIR)/html (sets up $(VENV) first)"
	@echo "make livehtml   preview with live reload on http://$(HOST):$(PORT) (PORT=, HOST=)"
	@echo "make test       run every test on $(PYTHON) (sets up $(VENV) and the test tools)"
	@echo "make test-all   run every test on each supported Python found ($(SUPPORTED))"
	@echo "make import SRC=path [FORCE=1]  convert NimblePublisher posts to MyST"
	@echo "make bench      benchmark the build against a baseline measured in the same run"
	@echo "make clean      remove $(BUILDDIR);  make distclean  also the environments"

# Refuse an unsupported or missing Python at once, before anything is created.
python:
	@if [ -z "$(PYVERSION)" ]; then \
	  echo "error: '$(PYTHON)' does not run. Install Python $(SUPPORTED) and use: make html PYTHON=/path/to/python3.12" >&2; exit 2; fi
	@case " $(SUPPORTED) " in *" $(PYVERSION) "*) ;; *) \
	  echo "error: Python $(PYVERSION) ($(PYTHON)) is not supported: use Python $(SUPPORTED), e.g. make html PYTHON=/path/to/python3.12" >&2; exit 2;; esac

# The environment is made in $(VENV).new and moved into place only when it is complete, so a
# failed first run leaves nothing half-made behind. Commands run as `python -m`, so the
# environment works wherever it was made.
$(BUILD_STAMP): requirements.lock pyproject.toml | python
	@echo "setting up $(VENV) with Python $(PYVERSION) (once; later runs reuse it)"
	@rm -rf $(VENV).new
	@$(PYTHON) -m venv $(VENV).new
	@$(VENV).new/bin/python $(PIP) pip==25.3
	@$(VENV).new/bin/python $(PIP) -c requirements.lock -e .
	@rm -rf $(VENV) && mv $(VENV).new $(VENV)
	@touch $(BUILD_STAMP)

# The test tools come with `make test` only.
$(TEST_STAMP): $(BUILD_STAMP)
	@$(PY) $(PIP) -c requirements.lock -e '.[test]'
	@touch $(TEST_STAMP)

html: $(BUILD_STAMP)
	@$(PY) -m sphinx -b html $(STRICT) -d $(BUILDDIR)/doctrees $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/html

livehtml: $(BUILD_STAMP)
	$(PY) -m sphinx_autobuild -b html -q -D blog_quiet=1 -d $(BUILDDIR)/doctrees $(SPHINXOPTS) \
	  --host $(HOST) --port $(PORT) \
	  --ignore "*/.venv*" --ignore "*/tests/*" --ignore "*/$(BUILDDIR)/*" $(SOURCEDIR) $(BUILDDIR)/html

# Debian's Chromium drives the browser tests; installed once when missing.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "installing Debian's chromium and chromium-driver for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: $(TEST_STAMP) browser lint
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

# Every supported Python this machine has (on PATH or under pyenv), each in its own
# environment ($(VENV)-3.12, ...), then the default one.
test-all: test
	@for v in $(SUPPORTED); do \
	  [ "$$v" = "$(PYVERSION)" ] && continue; \
	  p=$$(command -v python$$v || ls -d $$HOME/.pyenv/versions/$$v*/bin/python$$v 2>/dev/null | tail -n 1); \
	  if [ -z "$$p" ]; then echo "Python $$v: not found, skipped"; continue; fi; \
	  echo "== Python $$v ($$p)"; \
	  $(MAKE) --no-print-directory pytest-with PYTHON=$$p VENV=$(VENV)-$$v || exit 1; \
	done

# One Python's own environment and test run (used by test-all).
.PHONY: pytest-with
pytest-with: $(TEST_STAMP)
	$(PY) -m pytest -n 2 -p no:cacheprovider $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(PY) -m ruff check extensions tests conf.py
	$(PY) -m ruff format --check extensions tests conf.py
	$(PY) -m mypy

bench: $(TEST_STAMP)
	$(PY) tests/bench.py

import: $(BUILD_STAMP)
	@test -n "$(SRC)" || { echo "usage: make import SRC=<file or folder> [FORCE=1]"; exit 2; }
	$(PY) -m extensions.nimble.convert $(if $(FORCE),--force) --dest posts "$(SRC)"

# Re-pin every dependency after editing pyproject.toml (resolved on $(PYTHON); the result
# must install on every supported Python: `make test-all` checks it).
lock: python
	rm -rf /tmp/devblog-lock && $(PYTHON) -m venv /tmp/devblog-lock
	/tmp/devblog-lock/bin/python $(PIP) pip==25.3 && /tmp/devblog-lock/bin/python $(PIP) -e '.[test]'
	{ echo "# Exact versions of every dependency (direct and transitive), for Python $(SUPPORTED)."; \
	  echo "# Regenerate with: make lock   (after changing pyproject.toml)"; \
	  /tmp/devblog-lock/bin/python -m pip freeze --exclude-editable | grep -v '^-e'; } > requirements.lock

clean:
	rm -rf $(BUILDDIR)

distclean: clean
	rm -rf $(VENV) $(VENV).new $(VENV)-3.* $(VENV)-3.*.new
