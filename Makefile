# planmejora: las dos órdenes de instalación son `make demo` y `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///demo.db
DEMO_USUARIO ?= demo
DEMO_CLAVE ?= demo-planmejora

RESTRICCIONES := requirements/constraints.txt

.PHONY: demo test test-rapido lint bench muestras fixtures actualizar-dependencias clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Every install takes the exact versions of $(RESTRICCIONES): the PDF heuristics depend on
# pdfminer's exact output, so a new release must come in on purpose (make actualizar-dependencias).
$(VENV)/.instalado: pyproject.toml $(RESTRICCIONES) | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(RESTRICCIONES) -e '.[dev]'
	touch $@

# The demo loads every sample, the damaged ones included, to show how each is reported:
# `ingerir` then exits 1 (some files failed), which is the expected outcome here.
demo: $(VENV)/.instalado
	$(BIN)/planmejora ingerir muestras --db $(DEMO_DB) || [ $$? -eq 1 ]
	$(BIN)/planmejora calidad --db $(DEMO_DB) --salida calidad_demo.html
	$(BIN)/planmejora seguimiento --db $(DEMO_DB) --corte 2023-06-30 --salida seguimiento_demo.html
	@echo "Base de datos: $(DEMO_DB) · reporte de calidad: calidad_demo.html · seguimiento al 30/06/2023: seguimiento_demo.html"
	@$(BIN)/planmejora usuarios listar --db $(DEMO_DB) | grep -q "^$(DEMO_USUARIO)[[:space:]]" || \
		printf '%s\n' '$(DEMO_CLAVE)' | $(BIN)/planmejora usuarios crear $(DEMO_USUARIO) --rol admin --db $(DEMO_DB)
	@echo "Aplicación web de la demo: $(BIN)/planmejora servir --db $(DEMO_DB)"
	@echo "  y abra http://127.0.0.1:8000/ en el navegador (usuario $(DEMO_USUARIO), clave $(DEMO_CLAVE); solo para la demo)."

test: $(VENV)/.instalado
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

# The tests that take at most a few seconds each (about a fifth of the suite's time): while working.
test-rapido: $(VENV)/.instalado
	$(BIN)/pytest -q -m "not lento"

lint: $(VENV)/.instalado
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# `make bench` runs every benchmark of bench/ (start-up, OCR, dates, whole pipeline, web); N copies in the
# pipeline's archive (`make bench N=50` for a quick run).
N ?= 1000
bench: $(VENV)/.instalado
	BENCH_N=$(N) $(BIN)/python -m bench

muestras: $(VENV)/.instalado
	$(BIN)/pip install --quiet -c $(RESTRICCIONES) -e '.[muestras]'
	$(BIN)/python muestras/generar.py
	$(BIN)/python muestras/generar_reales.py
	$(BIN)/python muestras/escanear.py
	$(BIN)/python muestras/otros_productores.py
	$(BIN)/python muestras/otros_formatos.py
	$(BIN)/python muestras/formatos_web.py

# The variations of the form the extractor's tests read (tests/extractor/datos/variaciones), with their
# truth; the PDFs need LibreOffice. Then run tests/extractor/test_variaciones.py: a known failure that now
# passes, or a new one, is edited by hand in the copy's JSON (`fallas_conocidas`). The samples of
# muestras/ are `make muestras`; the small PDFs of test_pdf.py, tests/extractor/datos/generar_pdf.py.
fixtures: $(VENV)/.instalado
	$(BIN)/python tests/extractor/datos/variaciones/generar.py

# The newest versions pyproject.toml allows, installed in a fresh environment and written to
# $(RESTRICCIONES); then run `make test` and commit the file if everything passes.
actualizar-dependencias: | $(BIN)/activate
	rm -rf .venv-dependencias
	$(PYTHON) -m venv .venv-dependencias
	.venv-dependencias/bin/pip install --quiet --upgrade pip
	.venv-dependencias/bin/pip install --quiet '.[dev,muestras]'
	{ sed -n '1,2p' $(RESTRICCIONES); .venv-dependencias/bin/pip freeze --exclude planmejora; } > $(RESTRICCIONES).nuevo
	mv $(RESTRICCIONES).nuevo $(RESTRICCIONES)
	rm -rf .venv-dependencias build
	$(BIN)/pip install --quiet -c $(RESTRICCIONES) -e '.[dev,muestras]'

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
