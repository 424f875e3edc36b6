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

.PHONY: html serve test bench fuzz lint publish deploy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

html: $(STAMP)
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s pelicanconf.py

serve: $(STAMP)
	$(PELICAN) $(CONTENT) -o $(OUTPUT) -s pelicanconf.py --listen --autoreload --bind $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

# make bench STORIES=1000 [CASES=plain,enriched]
STORIES ?= 200
CASES ?= plain,enriched
bench: $(STAMP)
	$(BIN)/python bench/build_bench.py --stories $(STORIES) --cases $(CASES)

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
