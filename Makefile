# Two commands do everything on a fresh machine (Python 3.11+ with venv):
#   make serve   install what the site needs, then preview it at http://127.0.0.1:8000/
#   make test    install what the tests need, then run the whole suite
# `make test-fast` runs only the tests that need no build and no browser (seconds),
# `make build` writes the site to site/, `make bench` prints the benchmarks.

VENV   := .venv
PYTHON := $(VENV)/bin/python
PIP    := $(PYTHON) -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt

# Material 9.8 prints a banner on every run announcing its end of life
# (5 May 2027) and its successor, Zensical; the README's "Lifecycle" says
# what that means here. The variable that hides it is named after MkDocs 2.0.
export NO_MKDOCS_2_WARNING := 1

# The browser tests drive Debian's Chromium (Playwright cannot download its
# own browser here). Installing it needs root, or sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test test-fast bench validate clean chromium

serve: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs serve

build: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.test-installed chromium
	$(PYTHON) -m pytest

# One process: starting two xdist workers costs more than these tests take
# (10 s against 22 s, measured on the shared two-core machine).
test-fast: $(VENV)/.test-installed
	$(PYTHON) -m pytest -m unit -n 0

bench: $(VENV)/.test-installed chromium
	$(PYTHON) benchmarks/bench.py

# The Nu HTML Checker over the built site (needs Java and npm). Material's own
# toggles carry `autocomplete` on checkboxes, which the checker refuses: those
# two errors per page are Material's, filtered out here; anything else fails.
VNU_VERSION := 26.9.27
validate: build
	npm install --silent --no-save --prefix .cache/vnu vnu-jar@$(VNU_VERSION)
	java -jar .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar --also-check-svg --format gnu \
	  $$(find site -name '*.html' -o -name '*.svg' -not -path 'site/assets/*') 2>&1 \
	  | grep -v 'Attribute “autocomplete” is only allowed' ; test $$? -eq 1

chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

$(VENV)/.site-installed: requirements/site.txt requirements/constraints.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PIP) -r requirements/site.txt
	touch $@

$(VENV)/.test-installed: requirements/test.txt requirements/site.txt requirements/constraints.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PIP) -r requirements/test.txt
	touch $@ $(VENV)/.site-installed

clean:
	rm -rf $(VENV) site .pytest_cache .cache
