# planmejora: las dos órdenes de instalación son `make demo` y `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///demo.db

.PHONY: demo test lint bench muestras clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.instalado: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The demo loads every sample, the damaged ones included, to show how each is reported:
# `ingerir` then exits 1 (some files failed), which is the expected outcome here.
demo: $(VENV)/.instalado
	$(BIN)/planmejora ingerir muestras --db $(DEMO_DB) || [ $$? -eq 1 ]
	$(BIN)/planmejora calidad --db $(DEMO_DB) --salida calidad_demo.html
	@echo "Base de datos: $(DEMO_DB) · reporte de calidad: calidad_demo.html"

test: $(VENV)/.instalado
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(VENV)/.instalado
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# `make bench` runs every benchmark of bench/ (dates, whole pipeline); N copies in the pipeline's archive.
N ?= 1000
bench: $(VENV)/.instalado
	BENCH_N=$(N) $(BIN)/python -m bench

muestras: $(VENV)/.instalado
	$(BIN)/pip install --quiet -e '.[muestras]'
	$(BIN)/python muestras/generar.py
	$(BIN)/python muestras/generar_reales.py
	$(BIN)/python muestras/escanear.py
	$(BIN)/python muestras/otros_productores.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
