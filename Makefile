# Two commands do all set-up: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast lint format install migrate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python -m cxgov migrate

# The local demo mode: the "acting as" picker instead of sign-in (SQLite only; README, Who is acting).
# serve.py is the web entry: the app plus the sign-in cookie route of local accounts.
run: migrate
	CXGOV_AUTH_MODE=$${CXGOV_AUTH_MODE:-acting-as} $(BIN)/streamlit run serve.py --server.port $(PORT)

# The whole suite, as CI runs it: the linter first, then every test but the browser ones on every core
# (pytest-xdist), then the browser tests in one process: one Chromium and one set of servers at a time.
# (pytest-xdist's --dist loadgroup would keep them on one worker, but 3.8 loses its groups under pytest 9.)
# Both parts always run; exit code 5 (nothing selected, e.g. PYTEST_ARGS names one file) counts as passed.
test: lint
	$(BIN)/python -m pytest -n auto -m "not browser" $(PYTEST_ARGS); rest=$$?; \
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS); browser=$$?; \
	for code in $$rest $$browser; do [ $$code -eq 0 ] || [ $$code -eq 5 ] || exit $$code; done

# The edit-run loop: services, queries, rules and the rest on SQLite; no pages, browser, PostgreSQL or slow tiers.
test-fast: install
	$(BIN)/python -m pytest -n auto -m "not pages and not browser and not postgres and not slow" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache
