"""How much of the samples planmejora reads right, field by field and per file format, and how fast.

Run from anywhere: `.venv/bin/python muestras/precision.py`. Prints one row per field
(`hallazgos[].fecha_inicio` adds up every finding of every sample), the share of values equal to
`muestras/esperado/`, and the median seconds per file of each format (a .doc or .odt includes its
conversion by LibreOffice, an image its OCR). The comparison rule is `comparar.py`, the same the
tests use; `archivo`, `sha256`, `tipo` and `formato` are left out of the table because they are
always right and would only inflate it.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections import defaultdict
from typing import Any

from comparar import RAIZ, aciertos_problemas, generico, muestras, rutas, valor

from planmejora.api import extraer_archivo

FORMATOS = ("pdf", "docx", "doc", "rtf", "odt", "xlsx", "xls", "ods", "jpg", "png", "tiff")
FUERA_DE_LA_TABLA = {"archivo", "sha256", "tipo", "formato"}

Cuenta = dict[str, list[int]]
"""Per format: [right, compared]."""


def _sumar(cuentas: dict[str, Cuenta], campo: str, formato: str, aciertos: int, total: int) -> None:
    par = cuentas[campo].setdefault(formato, [0, 0])
    par[0] += aciertos
    par[1] += total


def medir() -> tuple[dict[str, Cuenta], dict[str, list[float]]]:
    cuentas: dict[str, Cuenta] = defaultdict(dict)
    segundos: dict[str, list[float]] = defaultdict(list)
    with contextlib.chdir(RAIZ):
        for muestra in muestras():
            inicio = time.perf_counter()
            try:
                obtenido = [plan.a_json() for plan in extraer_archivo(muestra.archivo)]
            except Exception as error:  # the API promises never to raise: count the file as all wrong, go on
                print(f"{muestra.archivo}: extraer_archivo lanzó {error!r}", file=sys.stderr)
                obtenido = []
            segundos[muestra.formato].append(time.perf_counter() - inicio)
            for ruta in rutas(muestra.esperado):
                campo = generico(ruta)
                if campo in FUERA_DE_LA_TABLA:
                    continue
                esperado, visto = valor(muestra.esperado, ruta), valor(obtenido, ruta)
                if isinstance(esperado, set):
                    aciertos, total = aciertos_problemas(esperado, visto)
                    aciertos, total = (1, 1) if total == 0 else (aciertos, total)
                else:
                    aciertos, total = int(esperado == visto), 1
                _sumar(cuentas, campo, muestra.formato, aciertos, total)
                _sumar(cuentas, "TODOS LOS CAMPOS", muestra.formato, aciertos, total)
    return cuentas, segundos


def _celda(par: list[int] | None) -> str:
    if not par or not par[1]:
        return "—"
    return f"{par[0]}/{par[1]} {100 * par[0] / par[1]:5.1f}%"


def _mediana(valores: list[float]) -> str:
    return f"{statistics.median(valores):.2f} s ({len(valores)})" if valores else "—"


def tabla(cuentas: dict[str, Cuenta], segundos: dict[str, list[float]]) -> str:
    filas: list[tuple[str, ...]] = [("campo", *FORMATOS, "total")]
    orden = [c for c in cuentas if c != "TODOS LOS CAMPOS"] + ["TODOS LOS CAMPOS"]
    for campo in orden:
        por_formato: dict[str, Any] = cuentas[campo]
        total = [sum(p[0] for p in por_formato.values()), sum(p[1] for p in por_formato.values())]
        filas.append((campo, *(_celda(por_formato.get(f)) for f in FORMATOS), _celda(total)))
    todos = [s for f in FORMATOS for s in segundos.get(f, [])]
    medianas = (_mediana(segundos.get(f, [])) for f in FORMATOS)
    filas.append(("segundos por archivo (mediana)", *medianas, _mediana(todos)))
    anchos = [max(len(f[i]) for f in filas) for i in range(len(filas[0]))]
    lineas = [
        " | ".join([f[0].ljust(anchos[0]), *(c.rjust(a) for c, a in zip(f[1:], anchos[1:], strict=True))])
        for f in filas
    ]
    lineas.insert(1, "-+-".join("-" * a for a in anchos))
    return "\n".join(lineas)


def main() -> int:
    cuentas, segundos = medir()
    print(tabla(cuentas, segundos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
