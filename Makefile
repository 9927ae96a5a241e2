# Two commands do everything on a fresh machine (Python 3.11.2+ with venv):
#   make serve   install what the site needs, then preview it at http://127.0.0.1:8000/
#   make test    install what the tests need, then run the whole suite
# `make test-fast` runs only the tests that need no build and no browser (seconds),
# `make build` writes the site to site/, `make bench` prints the benchmarks.

VENV   := .venv
PYTHON := $(VENV)/bin/python
# The Python that makes .venv: `make test PYTHON3=python3.13` picks another.
PYTHON3 ?= python3
# The lowest Python the pins install on (README, "Two commands"): Debian 12's.
# pymdown-extensions 13 and soupsieve 3, which need 3.11.5, are held back.
MIN_PYTHON := 3.11.2
PIP    := $(PYTHON) -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt

# Material 9.8 prints a banner on every run announcing its end of life
# (5 May 2027) and its successor, Zensical; the README's "Lifecycle" says
# what that means here. The variable that hides it is named after MkDocs 2.0.
export NO_MKDOCS_2_WARNING := 1

# The browser tests drive a Chromium or a Chrome that is already there
# (tests/browser_path.py says where they look); Playwright never downloads
# its own. Where there is none and apt-get is, Debian's is installed, which
# needs root, or sudo; elsewhere one line says how to get one.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test test-fast bench validate clean chromium tools

serve: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs serve

build: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.test-installed chromium tools
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
	@$(PYTHON3) tests/browser_path.py >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null; then \
	    $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else $(PYTHON3) tests/browser_path.py || echo "make: the browser tests will be skipped (CI fails them)"; fi; }

# What the checks of what travels run: tesseract reads each preview image
# back, in its edition's language (tests/test_sharing.py); pdflatex and
# bibtex compile the BibTeX with classic plain.bst. Where they are missing
# and apt-get is, Debian's are installed (root, or sudo); elsewhere one line
# says what to install, and those tests skip with their reason (CI fails them).
TOOLS_APT := tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-ara texlive-latex-base texlive-latex-recommended
# tesseract's name of each language whose data TOOLS_APT installs.
TESSERACT_LANGUAGES := $(patsubst tesseract-ocr-%,%,$(filter tesseract-ocr-%,$(TOOLS_APT)))
tools:
	@( command -v pdflatex && command -v bibtex && listed="$$(tesseract --list-langs 2>&1)" && \
	   for language in $(TESSERACT_LANGUAGES); do printf '%s\n' "$$listed" | grep -qx "$$language" || exit 1; done \
	 ) >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null; then \
	    $(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(TOOLS_APT); \
	  else echo "make: install tesseract (with its $(TESSERACT_LANGUAGES) data) and a TeX system with pdflatex and bibtex, or the OCR and LaTeX tests will be skipped (CI fails them)"; fi; }

# The venv, made only from a Python the pins install on: an older one stops
# here at once, in one line, before anything is installed.
$(PYTHON):
	@$(PYTHON3) -c 'import sys, platform; sys.version_info >= tuple(map(int, "$(MIN_PYTHON)".split("."))) or sys.exit("make: Python $(MIN_PYTHON) or newer is needed (README, Two commands); $(PYTHON3) is " + platform.python_version() + ": run make again with PYTHON3=<a newer python3>")'
	$(PYTHON3) -m venv $(VENV)

$(VENV)/.site-installed: requirements/site.txt requirements/constraints.txt | $(PYTHON)
	$(PIP) -r requirements/site.txt
	touch $@

$(VENV)/.test-installed: requirements/test.txt requirements/site.txt requirements/constraints.txt | $(PYTHON)
	$(PIP) -r requirements/test.txt
	touch $@ $(VENV)/.site-installed

clean:
	rm -rf $(VENV) site .pytest_cache .cache
