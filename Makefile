# Every target sets up .venv first, so a fresh clone needs only Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN := $(BIN)/pelican
CONTENT := content
OUTPUT := output
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: html serve test test-unit bench eval first-reads fuzz lint publish deploy clean constraints

# constraints.txt pins every package, so every machine builds the same output.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

html: $(STAMP)
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s pelicanconf.py

serve: $(STAMP)
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s pelicanconf.py --listen --autoreload --bind $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

# The fast pure-code tests only (markers: unit, build, browser, s3; see README).
test-unit: $(STAMP)
	$(BIN)/pytest -m unit

# After changing a dependency: re-resolve within pyproject.toml's ranges and re-pin.
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --disable-pip-version-check '.[dev]'
	{ sed -n '1,3p' constraints.txt; .venv-constraints/bin/pip freeze --exclude-editable \
	  | grep -v '^newsdigest'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf .venv-constraints

# make bench STORIES=1000 [CASES=plain,enriched]
STORIES ?= 200
CASES ?= plain,enriched
bench: $(STAMP)
	$(BIN)/python bench/build_bench.py --stories $(STORIES) --cases $(CASES)

# make eval CORPORA=DIR: DIR holds the public corpora (tests/data/quotes/README.md)
eval: $(STAMP)
	$(BIN)/python bench/eval.py $(if $(CORPORA),--corpora $(CORPORA))

# make first-reads CORPORA=DIR: each round of dev articles under the rules before it
first-reads: $(STAMP)
	$(BIN)/python bench/first_reads.py $(if $(CORPORA),--corpora $(CORPORA))

fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py --count $(or $(COUNT),20000)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

publish: $(STAMP)
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s publishconf.py

# make deploy TARGET=s3://bucket  (or gh-pages, git+file:///…#branch, user@host:/path …)
TARGET ?= gh-pages
deploy: publish
	$(BIN)/newsdigest deploy $(TARGET) --settings publishconf.py $(DEPLOY_FLAGS)

clean:
	rm -rf $(OUTPUT) cache
