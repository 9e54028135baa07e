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
PREVIEWDIR  := $(BUILDDIR)/preview
PREVIEW     := -q -D blog_quiet=1 -D blog_preview=1 -d $(PREVIEWDIR)/doctrees
# -W turns every warning into an error; --keep-going reports them all first; -n checks every
# reference; -q leaves only warnings, and blog_quiet ends the build with one summary line.
STRICT      := -W --keep-going -n -q -D blog_quiet=1
PIP         := -m pip install --quiet --disable-pip-version-check
# The browser tests and `make lighthouse`: Debian's Chromium, and npm packages in tests/browser.
CHROME_PATH ?= /usr/bin/chromium
export CHROME_PATH
NODE_DIR    := tests/browser
NODE_STAMP  := $(NODE_DIR)/node_modules/.installed
# True (in the shell) when node_modules was installed from the current package(-lock).json.
NPM_CURRENT := [ -f $(NODE_STAMP) ] && [ ! $(NODE_DIR)/package-lock.json -nt $(NODE_STAMP) ] \
               && [ ! $(NODE_DIR)/package.json -nt $(NODE_STAMP) ]
NPM_CI      := cd $(NODE_DIR) && npm ci --loglevel=error && touch node_modules/.installed

# The version of $(PYTHON) ("3.12"), and where the environment records what it was made with:
# another PYTHON makes a new environment.
PYVERSION   := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
BUILD_STAMP := $(VENV)/.installed-$(PYVERSION)
TEST_STAMP  := $(VENV)/.installed-test-$(PYVERSION)

.PHONY: help html livehtml preview check post test test-all lint bench import browser lighthouse clean distclean lock python

help:
	@echo "make html       build the site into $(BUILDDIR)/html (sets up $(VENV) first)"
	@echo "make livehtml   preview with live reload, drafts and scheduled posts shown, on http://$(HOST):$(PORT)"
	@echo "make preview    the same preview, built once into $(PREVIEWDIR)/html"
	@echo "make check      check the site before publishing (links, images, descriptions, feeds...)"
	@echo "make test       run every test on $(PYTHON) (sets up $(VENV) and the test tools)"
	@echo "make test-all   run every test on each supported Python found ($(SUPPORTED))"
	@echo "make import SRC=path [FORCE=1] [ASSETS=dir] [FROM=...] [OLD_URL=...]  import a NimblePublisher, Jekyll or Hugo blog"
	@echo "make post TITLE=\"...\" [CATEGORY=...] [TAGS=\"a,b\"] [SLUG=...]  start a new post (a draft) in posts/<year>/"
	@echo "make bench      benchmark the build against a baseline measured in the same run"
	@echo "make lighthouse Lighthouse scores (mobile, light and dark): home, newest post, a tag page"
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

# The preview shows drafts and future posts, marked, in its own folder: the site `make html`
# writes never holds them.
livehtml: $(BUILD_STAMP)
	$(PY) -m sphinx_autobuild -b html $(PREVIEW) $(SPHINXOPTS) \
	  --host $(HOST) --port $(PORT) \
	  --ignore "*/.venv*" --ignore "*/tests/*" --ignore "*/$(BUILDDIR)/*" $(SOURCEDIR) $(PREVIEWDIR)/html

# The same preview, built once (to look at without a server, or to test).
preview: $(BUILD_STAMP)
	@$(PY) -m sphinx -b html $(PREVIEW) $(SPHINXOPTS) $(SOURCEDIR) $(PREVIEWDIR)/html

# Before publishing: a fresh build with every check on; one line per problem, exit 1 if any.
check: $(BUILD_STAMP)
	@$(PY) -m extensions.checks --root $(SOURCEDIR) --out $(BUILDDIR)/check

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

test: $(TEST_STAMP) browser lint
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

# Every supported Python this machine has (on PATH or under pyenv; one that runs: a pyenv shim
# for a version pyenv has not selected does not), each in its own environment
# ($(VENV)-3.12, ...), after the default one.
test-all: test
	@for v in $(SUPPORTED); do \
	  [ "$$v" = "$(PYVERSION)" ] && continue; \
	  p=""; for c in $$(command -v python$$v) $$(ls -d $$HOME/.pyenv/versions/$$v*/bin/python$$v 2>/dev/null | tail -n 1); do \
	    if "$$c" -c "import sys" >/dev/null 2>&1; then p=$$c; break; fi; \
	  done; \
	  if [ -z "$$p" ]; then echo "Python $$v: not found, skipped"; continue; fi; \
	  echo "== Python $$v ($$p)"; \
	  $(MAKE) --no-print-directory pytest-with PYTHON=$$p VENV=$(VENV)-$$v || exit 1; \
	done

# Lighthouse (mobile, light and dark) on the freshly built site; needs node, npm and chromium.
lighthouse: $(BUILD_STAMP)
	@{ command -v node && command -v npm; } >/dev/null || { \
	  echo "make lighthouse needs Node.js and npm: sudo apt-get install nodejs npm" >&2; exit 1; }
	@[ -x "$(CHROME_PATH)" ] || { \
	  echo "make lighthouse needs Chromium at $(CHROME_PATH): sudo apt-get install chromium" >&2; exit 1; }
	@$(MAKE) --no-print-directory html
	@$(NPM_CURRENT) || { echo "npm ci in $(NODE_DIR)"; $(NPM_CI); }
	$(PY) $(NODE_DIR)/lighthouse.py --site $(BUILDDIR)/html --json $(BUILDDIR)/lighthouse.json

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

# SRC, ASSETS, FROM, OLD_URL and FORCE reach the command as typed (as for `make post`): the
# shell expands "$$SRC" as one word, never as code, so any path or pattern is just text.
import: override export SRC := $(value SRC)
import: override export ASSETS := $(value ASSETS)
import: override export FROM := $(value FROM)
import: override export OLD_URL := $(value OLD_URL)
import: override export FORCE := $(value FORCE)
import: $(BUILD_STAMP)
	@test -n "$$SRC" || { echo "usage: make import SRC=<file or folder> [FORCE=1] [ASSETS=dir] [FROM=auto|nimble|jekyll|hugo] [OLD_URL=pattern]" >&2; exit 2; }
	@$(PY) -m extensions.imports $${FORCE:+--force} $${ASSETS:+--assets "$$ASSETS"} $${FROM:+--from "$$FROM"} $${OLD_URL:+--old-url "$$OLD_URL"} --dest posts "$$SRC"

# A new post: posts/<year>/<slug>.md, a draft dated now; prints its path, never overwrites.
# TITLE, CATEGORY, TAGS and SLUG reach the command through its environment exactly as typed:
# $(value) keeps make from expanding them, and no shell command line ever holds them, so
# quotes, $ and backticks in a title are just text.
post: override export TITLE := $(value TITLE)
post: override export CATEGORY := $(value CATEGORY)
post: override export TAGS := $(value TAGS)
post: override export SLUG := $(value SLUG)
post: $(BUILD_STAMP)
	@test -n "$$TITLE" || { echo 'usage: make post TITLE="..." [CATEGORY=...] [TAGS="a,b"] [SLUG=...]' >&2; exit 2; }
	@$(PY) -m extensions.authoring

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
