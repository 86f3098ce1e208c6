"""How much of the samples planmejora reads right, field by field and per file type, and how fast.

Run from anywhere: `.venv/bin/python muestras/precision.py`. Prints one row per field
(`hallazgos[].fecha_inicio` adds up every finding of every sample), the share of values equal to
`muestras/esperado/`, and the median seconds per file of each type. The comparison rule is
`comparar.py`, the same the tests use; `archivo`, `sha256` and `tipo` are left out of the table
because they are always right and would only inflate it.
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

TIPOS = ("pdf", "docx", "xlsx")
FUERA_DE_LA_TABLA = {"archivo", "sha256", "tipo"}

Cuenta = dict[str, list[int]]
"""Per type: [right, compared]."""


def _sumar(cuentas: dict[str, Cuenta], campo: str, tipo: str, aciertos: int, total: int) -> None:
    par = cuentas[campo].setdefault(tipo, [0, 0])
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
            segundos[muestra.tipo].append(time.perf_counter() - inicio)
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
                _sumar(cuentas, campo, muestra.tipo, aciertos, total)
                _sumar(cuentas, "TODOS LOS CAMPOS", muestra.tipo, aciertos, total)
    return cuentas, segundos


def _celda(par: list[int] | None) -> str:
    if not par or not par[1]:
        return "—"
    return f"{par[0]}/{par[1]} {100 * par[0] / par[1]:5.1f}%"


def _mediana(valores: list[float]) -> str:
    return f"{statistics.median(valores):.2f} s ({len(valores)})" if valores else "—"


def tabla(cuentas: dict[str, Cuenta], segundos: dict[str, list[float]]) -> str:
    filas: list[tuple[str, ...]] = [("campo", *TIPOS, "total")]
    orden = [c for c in cuentas if c != "TODOS LOS CAMPOS"] + ["TODOS LOS CAMPOS"]
    for campo in orden:
        por_tipo: dict[str, Any] = cuentas[campo]
        total = [sum(p[0] for p in por_tipo.values()), sum(p[1] for p in por_tipo.values())]
        filas.append((campo, *(_celda(por_tipo.get(t)) for t in TIPOS), _celda(total)))
    todos = [s for t in TIPOS for s in segundos.get(t, [])]
    filas.append(("segundos por archivo (mediana)", *(_mediana(segundos.get(t, [])) for t in TIPOS), _mediana(todos)))
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
