# Dispatch Console — one target per habitual task. `make run` and `make test` set up everything they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= var/demo.db
DEMO_URL := sqlite:///$(abspath $(DEMO_DB))
DEMO_TICKETS ?= 20000
SIM_RATE ?= 900

.PHONY: help venv system-deps postgres run demo simulate test test-fast lint bench screenshot translations clean

help:
	@echo "make run         start the console on a local SQLite demo database with a live simulated stream"
	@echo "make test        install everything the tests need and run the whole suite (PostgreSQL included)"
	@echo "make lint        ruff, import contracts, mypy on console/"
	@echo "make bench       benchmarks that print figures (demo seeding, routing, queue, exports)"
	@echo "make screenshot  render the main window with demo data under Xvfb to screenshots/main-window.png"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

postgres:
	@bash scripts/ensure-postgres.sh

$(DEMO_DB): | $(STAMP)
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/dispatch-console --db $(DEMO_URL) demo --tickets $(DEMO_TICKETS) --days 30 --seed 1 --if-empty

demo: $(DEMO_DB)

run: system-deps $(STAMP) $(DEMO_DB)
	@echo "Demo accounts: disp01 (分拨员), sup01 (值班长), op01 (受理员), admin — password: demo"
	@$(BIN)/dispatch-console --db $(DEMO_URL) simulate --rate $(SIM_RATE) > var/simulator.log 2>&1 & \
	  sim=$$!; trap "kill $$sim 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/dispatch-console --db $(DEMO_URL) --user disp01

simulate: $(STAMP) $(DEMO_DB)
	$(BIN)/dispatch-console --db $(DEMO_URL) simulate --rate $(SIM_RATE)

test: system-deps $(STAMP) postgres
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -x tests/unit

lint: $(STAMP)
	$(BIN)/ruff check console ui tests migrations
	$(BIN)/lint-imports
	$(BIN)/mypy console

bench: $(STAMP) postgres
	@bash scripts/bench.sh

screenshot: system-deps $(STAMP) $(DEMO_DB)
	mkdir -p screenshots
	xvfb-run -a -s "-screen 0 1600x900x24" env QT_QPA_PLATFORM=xcb \
	  $(BIN)/python -m ui.screenshot --db $(DEMO_URL) --out screenshots/main-window.png
	@echo "screenshots/main-window.png"

translations: $(STAMP)
	$(BIN)/python -m ui.i18n_build

clean:
	rm -rf $(VENV) var screenshots .pytest_cache .ruff_cache .mypy_cache
