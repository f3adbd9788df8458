# whosaid — `make extract` and `make test` are all a fresh machine needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CLF    := models/quantulum3_units.joblib
RAW    ?= data/raw
OUT    ?= data/processed
EVAL   ?= ../shared/eval
RUNS   ?= runs
ARGS   ?=
# One hash seed for every process, Dask's: quantulum3's unit ties follow set order (config.py).
export PYTHONHASHSEED := 6640

.PHONY: extract test eval bench lint schema lock clean models \
        parse entities quantities dates attribution link report export

# The virtual environment is made from the hash-pinned lock file when it is missing or stale.
# The lock holds the test tools and the dask extra too, so `make test` covers --engine dask.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# quantulum3's unit classifier, retrained with the pinned scikit-learn (its bundled pickle does
# not load on scikit-learn >= 1.9). A build artefact: deterministic, about 10 s, not committed.
$(CLF): $(STAMP) pipeline/unit_classifier.py pipeline/unit_scores.py
	$(PY) -m pipeline.unit_classifier --out $@

models: $(CLF)

extract: $(STAMP) $(CLF)
	$(PY) -m pipeline extract $(RAW) --out $(OUT) $(ARGS)

# Each stage on its own, with what it needs; the spaCy parse comes from the cache in $(OUT).
parse entities quantities dates attribution link: $(STAMP) $(CLF)
	$(PY) -m pipeline extract $(RAW) --out $(OUT) --stage $@ $(ARGS)

# The review page and the Parquet dataset of $(OUT), after bringing it up to date.
report: extract
	$(PY) -m pipeline report $(OUT) --html $(OUT)/report.html

export: extract
	$(PY) -m pipeline export $(OUT) --parquet $(OUT)/parquet

test: $(STAMP) $(CLF)
	$(PY) -m pytest $(ARGS)

eval: $(STAMP) $(CLF)
	$(PY) -m pipeline.evaluate --eval-dir $(EVAL) --runs $(RUNS) $(ARGS)

# Speed and memory against the bare spaCy parse, on $(EVAL)/data (else the seeds): bench.json.
bench: $(STAMP) $(CLF)
	$(PY) -m pipeline.bench --eval-dir $(EVAL) --out bench.json $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check pipeline tests
	$(PY) -m ruff format --check pipeline tests

schema: $(STAMP) $(CLF)
	$(PY) -m pipeline schema --out schema

# Re-pin after editing requirements.in (needs pip-tools, which is not part of the lock).
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) $(RUNS) .pytest_cache $(CLF)
