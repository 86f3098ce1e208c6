"""The PDF reader on copies nobody has seen: the variations drawn with another seed, read both ways.

`python -m bench pdf_nuevos` (needs LibreOffice; `BENCH_SEMILLA` picks the seed) draws the layout
variations of `tests/extractor/datos/variaciones/generar.py` with a seed other than the committed
one, exports them to PDF, and prints, side by side: the share of typed values read back (the rule of
`tests/extractor/test_variaciones.py`), with pdfium's glyphs and with pdfminer's alone; and the CPU
seconds of our reading, of pdfminer's alone, of the naive pdfplumber loop and of pdfium's plain text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.canal import _nuestro, _pdfium, _pdfplumber
from bench.comparar_pdf import solo_pdfminer
from extractor.lector import leer
from tests.extractor.test_variaciones import _extraidos, _valores

RAIZ = Path(__file__).resolve().parents[1]
GENERADOR = RAIZ / "tests" / "extractor" / "datos" / "variaciones" / "generar.py"
SEMILLA = 20261204
REPETICIONES = 3


def _aciertos(pdfs: list[Path]) -> tuple[int, int]:
    bien = total = 0
    for pdf in pdfs:
        verdad = json.loads(pdf.with_name(f"{pdf.name}.json").read_text(encoding="utf-8"))
        documento = leer(pdf)
        for k, plan in enumerate(verdad["planes"]):
            obtenido = _extraidos(documento.planes[k]) if len(documento.planes) > k else {}
            for ruta, esperado in _valores(plan).items():
                total += 1
                bien += obtenido.get(ruta) == esperado
    return bien, total


def _cpu(leer_uno: Callable[[Path], None], pdfs: list[Path]) -> float:
    """CPU seconds to read every file, the best of a few runs: other work on the machine does not count."""
    leer_uno(pdfs[0])
    mejores = []
    for _ in range(REPETICIONES):
        inicio = time.process_time()
        for pdf in pdfs:
            leer_uno(pdf)
        mejores.append(time.process_time() - inicio)
    return min(mejores)


def correr(consola: Console) -> None:
    semilla = int(os.environ.get("BENCH_SEMILLA", SEMILLA))
    with tempfile.TemporaryDirectory(prefix="planmejora-pdf-nuevos-") as temporal:
        carpeta = Path(temporal)
        consola.print(f"Variaciones con la semilla {semilla}, exportadas a PDF…")
        subprocess.run(
            [sys.executable, str(GENERADOR), "--carpeta", str(carpeta), "--semilla", str(semilla)],
            check=True,
            capture_output=True,
            cwd=RAIZ,
            env={**os.environ, "PYTHONPATH": str(RAIZ)},
        )
        pdfs = sorted(carpeta.glob("*.pdf"))
        bien, total = _aciertos(pdfs)
        with solo_pdfminer():
            bien_antes, _ = _aciertos(pdfs)
            antes = _cpu(_nuestro, pdfs)
        tiempos = {
            "pdfplumber ingenuo (extract_tables)": _cpu(_pdfplumber, pdfs),
            "planmejora, solo pdfminer (antes)": antes,
            "planmejora, pdfium": _cpu(_nuestro, pdfs),
            "texto de pdfium (piso)": _cpu(_pdfium, pdfs),
        }
    tabla = Table(title=f"{len(pdfs)} PDF nunca vistos: CPU, mejor de {REPETICIONES}")
    for columna in ("lectura", "s de CPU", "× tiempo del ingenuo"):
        tabla.add_column(columna, justify="left" if columna == "lectura" else "right")
    base = tiempos["pdfplumber ingenuo (extract_tables)"]
    for caso, segundos in tiempos.items():
        tabla.add_row(caso, f"{segundos:.2f}", f"{segundos / base:.2f}")
    consola.print(tabla)
    consola.print(
        f"Valores escritos leídos igual: con pdfium {bien}/{total} ({bien / total:.2%}); "
        f"solo con pdfminer {bien_antes}/{total} ({bien_antes / total:.2%})."
    )
