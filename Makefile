# One entry point for every task. `make serve` and `make test` install what they need first.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
# Material prints an end-of-life banner on every run; README explains the plan.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install serve build check test test-fast lint grades bench new-page new-treatment browser publish lock sign-off packets intake readiness

help:
	@echo "make serve        preview the site at http://127.0.0.1:8000, updated as you save (TODAY=YYYY-MM-DD"
	@echo "                  previews the site as on that day, e.g. a future promotion; LANGUAGE=es previews the"
	@echo "                  Spanish edition at http://127.0.0.1:8000/es/)"
	@echo "make test         run every test (installs what it needs; about 7 minutes)"
	@echo "make test-fast    the content check and every test that needs no browser (about a minute)"
	@echo "make check        check every page and the clinic settings, with file, line and fix (seconds)"
	@echo "make build        build the site into site/ (only replaced when the build succeeds)"
	@echo "make grades       print each page's reading grade and its hardest sentences"
	@echo "make new-page TITLE=\"Your question?\"  start a new page (and add it to the menu); with"
	@echo "                  TRANSLATES=aftercare.md and a translated TITLE, start that page's translation;"
	@echo "                  TREATMENT=chemical-peels puts it in that treatment's folder and menu section"
	@echo "                  (LANGUAGE=es chooses the language when there are several)"
	@echo "make new-treatment NAME=\"Chemical peels\" NAME_ES=\"Peelings químicos\"  start a new treatment as a draft:"
	@echo "                  every page of its journey in both languages (headings and notes of what to write), its"
	@echo "                  menu section and settings; published only once it is marked ready: true"
	@echo "make screenshots  every page at phone and desktop size, light and dark, into screenshots/"
	@echo "make publish SITE_URL=https://…/  build into public/ through the review gate (PREVIEW=1: a preview)"
	@echo "make packets      a review packet (PDF and HTML, into review-packets/) for each clinical page awaiting"
	@echo "                  sign-off, changed or overdue; PAGES=\"docs/aftercare.md docs/es/…\" for those pages"
	@echo "make sign-off PAGE=docs/… REVIEWER=id PACKET=id  record a clinician's sign-off of a review packet"
	@echo "make intake       the questionnaire for the clinic (intake/questionnaire.md and .pdf): every answer the"
	@echo "                  pages need, for the medical director and the office, with where each shows"
	@echo "make readiness    everything between today and go-live: what blocks publishing, the clinic's unanswered"
	@echo "                  questions, reviews due within 60 days, what to check by hand (STRICT=1: fails while"
	@echo "                  anything blocks)"
	@echo "make url-contract add new pages and sections to data/url-contract.txt (never removes one)"
	@echo "make bench        page weight, Lighthouse and build-time benchmark, ours and plain Material (about 15 minutes)"
	@echo "make lint         ruff over scripts/ and tests/"
	@echo "make lock         refresh requirements.txt and package-lock.json after editing their sources"
	@echo "make install      the Python environment in .venv (the other targets run it first)"
	@echo "make browser      Debian's Chromium and the tools the browser tests use"

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	@# pip's own warnings about this machine's package folders are noise; its failure is not.
	set -o pipefail; $(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements.txt 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PYTHON) -c "import mkdocs, material, playwright, scripts.site.placeholders"
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { echo "npm was not found: install Node.js 20 with npm (Lighthouse 12 needs Node 18.16 or later)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (nothing here downloads a browser of its own), the PDF and QR
# tools the print tests use, Java for the Nu Html Checker, and nginx to run the README's nginx recipe.
BROWSER_PACKAGES := chromium poppler-utils zbar-tools default-jre-headless nginx-light
browser:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null || ! command -v zbarimg >/dev/null \
			|| ! command -v java >/dev/null || ! PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
				$(BROWSER_PACKAGES) >/dev/null; \
		else \
			echo "The browser tests need Debian packages. Install them with:"; \
			echo "  sudo apt-get install $(BROWSER_PACKAGES)"; exit 1; \
		fi; \
	fi

serve: install
	$(if $(TODAY),SITE_TODAY=$(TODAY)) SITE_SHOW_DRAFTS=1 $(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload \
		$(if $(LANGUAGE),--config-file mkdocs.$(LANGUAGE).yml)

build: install
	$(PYTHON) -m scripts.release.build

check: install
	$(PYTHON) -m scripts.content.check

grades: install
	$(PYTHON) -m scripts.content.readability

# A review packet for each clinical page awaiting sign-off (or the PAGES named): the page printed as a draft with its
# packet id, what changed since its last sign-off, its translation, sources, clinic answers and the sign-off sheet.
packets: install browser
	$(PYTHON) -m scripts.release.packets $(if $(strip $(PAGES)),--pages $(PAGES))

# Record a clinician's sign-off of a review packet (README, "Medical sign-off").
sign-off: install
	$(PYTHON) -m scripts.release.sign_off $(if $(ANSWERS),--answers,--page "$(PAGE)") --reviewer "$(REVIEWER)" --packet "$(PACKET)" \
		$(if $(DATE),--date "$(DATE)") $(if $(NEXT),--next "$(NEXT)") $(if $(DECISION),--decision "$(DECISION)")

# The clinic's questionnaire (issue 24): each answer of the schema with its boxes and every page line that shows it.
intake: install browser
	$(PYTHON) -m scripts.release.intake
# Everything between today and go-live (README, "Publishing"); STRICT=1 exits 1 while anything blocks publishing.
readiness: install
	$(PYTHON) -m scripts.release.readiness $(if $(STRICT),--strict)

new-page: install
	$(PYTHON) -m scripts.content.new_page "$(TITLE)" $(if $(TRANSLATES),--translates "$(TRANSLATES)") $(if $(LANGUAGE),--language "$(LANGUAGE)") $(if $(TREATMENT),--treatment "$(TREATMENT)")

# A new treatment as a draft (CONTRIBUTING.md, "Adding a treatment"): its journey pages, menu sections and settings.
new-treatment: install
	$(PYTHON) -m scripts.content.new_treatment "$(NAME)" --translation es "$(NAME_ES)"

# Publish into public/: needs SITE_URL (https), every check passing and every clinical page reviewed.
# PREVIEW=1 publishes unreviewed pages anyway, with a loud warning.
publish: install
	$(PYTHON) -m scripts.release.publish $(if $(PREVIEW),--preview)

lint: install
	$(VENV)/bin/ruff check scripts tests

# The content check runs first so its report is on top; pytest runs even when it fails, then both count.
# Two workers: the machine this runs on has two cores.
test: install node_modules/.installed browser
	@status=0; $(PYTHON) -m scripts.content.check || status=1; \
		$(PYTHON) -m pytest -p no:cacheprovider -n 2 || status=1; exit $$status

# The content check and every test that needs no browser (about a minute): for quick feedback while editing.
test-fast: install
	@status=0; $(PYTHON) -m scripts.content.check || status=1; \
		$(PYTHON) -m pytest -p no:cacheprovider -n 2 --fast -q || status=1; exit $$status

# Regenerate the locks after editing requirements.in or package.json (names, versions and hashes only).
lock:
	$(PYTHON) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--strip-extras --quiet -o requirements.txt requirements.in
	npm install --package-lock-only --ignore-scripts

.PHONY: url-contract screenshots

# Every page at phone and desktop size, light and dark, into screenshots/ (open screenshots/index.html).
# PAGES="'' aftercare/" for some pages only; FULL=1 for whole pages instead of the first screen.
screenshots: install browser
	$(PYTHON) -m scripts.release.screenshots $(if $(FULL),--full-page) $(PAGES)

# The URL contract (data/url-contract.txt): add new pages and sections from a fresh build, never remove any.
url-contract: install
	$(PYTHON) -m scripts.release.url_contract --update

# Page weight, layout shift, Lighthouse and build-time benchmark (about 15 minutes; `--runs 1` for a quick look,
# BENCH_ARGS="--only build" for the build ratio alone, about a minute):
# writes bench-results/bench.md and bench.json. See README, "Performance".
bench: install node_modules/.installed browser
	$(PYTHON) -m scripts.bench.run $(BENCH_ARGS)
