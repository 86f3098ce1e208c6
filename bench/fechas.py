"""Our date reader against dateparser on the labelled set bench/datos/fechas.tsv: accuracy and speed.

A case is right when the reader gives the labelled date, or no date where the label is `invalida`.
Ours must also give the label's precision (a month is not a day); dateparser, which has no notion
of a month-only date, is compared only at the label's precision (year and month for a month).
dateparser runs with the settings that suit this data best: day first, the first day for a
month-only string, a year and a month required (so `15 de marzo` is no date), and a fixed
reference day; once with Spanish alone and once with Spanish and English.

Speed is measured on the distinct strings. `normalizar_fecha` caches its readings, so it is timed
cold (cache emptied before each pass: every string parsed for real) and warm (all hits); the
ratio to dateparser uses the cold figure.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import NamedTuple

from dateparser.date import DateDataParser
from rich.console import Console
from rich.table import Table

from bench.generar_fechas import Caso, leer
from normalizacion import fechas

PASADAS = 5
AJUSTES_DATEPARSER = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["month", "year"],
    "RELATIVE_BASE": dt.datetime(2022, 6, 15),
}


class Resultado(NamedTuple):
    nombre: str
    respuestas: list[str]  # YYYY-MM-DD, YYYY-MM or "invalida", one per case
    segundos_frio: float
    segundos_caliente: float | None


def _nuestra(raw: str) -> str:
    fecha = fechas.normalizar_fecha(raw).fecha
    return fecha.texto_valor() or "invalida"


def _medir_nuestra(textos: list[str]) -> Resultado:
    frio, caliente = [], []
    respuestas: list[str] = []
    for _ in range(PASADAS):
        fechas._leer_texto.cache_clear()
        inicio = time.perf_counter()
        respuestas = [_nuestra(t) for t in textos]
        frio.append(time.perf_counter() - inicio)
        inicio = time.perf_counter()
        for t in textos:
            _nuestra(t)
        caliente.append(time.perf_counter() - inicio)
    return Resultado("planmejora", respuestas, min(frio), min(caliente))


def _medir_dateparser(nombre: str, idiomas: list[str], textos: list[str]) -> Resultado:
    lector = DateDataParser(languages=idiomas, settings=AJUSTES_DATEPARSER)
    lector.get_date_data("01/01/2020")  # loads its language data before the clock starts

    def leer_uno(raw: str) -> str:
        fecha = lector.get_date_data(raw).date_obj
        return "invalida" if fecha is None else fecha.date().isoformat()

    inicio = time.perf_counter()
    respuestas = [leer_uno(t) for t in textos]
    return Resultado(nombre, respuestas, time.perf_counter() - inicio, None)


def _acierta(respuesta: str, esperado: str, exigir_precision: bool) -> bool:
    if esperado == "invalida" or respuesta == "invalida":
        return respuesta == esperado
    if exigir_precision:
        return respuesta == esperado
    return respuesta[: len(esperado)] == esperado


def correr(consola: Console) -> None:
    casos = leer()
    textos = [c.raw for c in casos]
    consola.print(
        f"{len(casos)} fechas etiquetadas (bench/datos/fechas.tsv): "
        f"{sum(c.esperado == 'invalida' for c in casos)} sin fecha válida, "
        f"{sum(len(c.esperado) == 7 for c in casos)} meses, {sum(len(c.esperado) == 10 for c in casos)} días."
    )
    resultados = [
        _medir_nuestra(textos),
        _medir_dateparser("dateparser es", ["es"], textos),
        _medir_dateparser("dateparser es+en", ["es", "en"], textos),
    ]
    aciertos = {
        r.nombre: [
            _acierta(resp, c.esperado, r.nombre == "planmejora") for resp, c in zip(r.respuestas, casos, strict=True)
        ]
        for r in resultados
    }
    consola.print(_tabla_general(resultados, aciertos, len(casos)))
    nuestro = resultados[0]
    for otro in resultados[1:]:
        consola.print(
            f"planmejora lee {otro.segundos_frio / nuestro.segundos_frio:,.0f} veces más rápido que {otro.nombre} "
            f"sin caché ({otro.segundos_frio / (nuestro.segundos_caliente or nuestro.segundos_frio):,.0f} con caché)."
        )
    consola.print(_tabla_por_familia(casos, resultados, aciertos))
    _mostrar_fallos(consola, casos, resultados[0], aciertos["planmejora"], limite=25)
    _mostrar_fallos(consola, casos, resultados[1], aciertos[resultados[1].nombre], limite=12)


def _tabla_general(resultados: list[Resultado], aciertos: dict[str, list[bool]], total: int) -> Table:
    nuestro = resultados[0].segundos_frio
    tabla = Table(title=f"Exactitud y velocidad ({total} fechas)")
    for columna in ("lector", "aciertos", "exactitud", "fechas/s", "con caché", "tiempo"):
        tabla.add_column(columna, justify="left" if columna == "lector" else "right")
    for r in resultados:
        bien = sum(aciertos[r.nombre])
        tabla.add_row(
            r.nombre,
            str(bien),
            f"{100 * bien / total:.2f} %",
            f"{total / r.segundos_frio:,.0f}",
            f"{total / r.segundos_caliente:,.0f}" if r.segundos_caliente else "—",
            f"{r.segundos_frio / nuestro:,.1f}×",
        )
    return tabla


def _familia(caso: Caso) -> str:
    return caso.origen.split(":", 1)[0]


def _tabla_por_familia(casos: list[Caso], resultados: list[Resultado], aciertos: dict[str, list[bool]]) -> Table:
    tabla = Table(title="Exactitud por familia de casos")
    tabla.add_column("familia")
    tabla.add_column("casos", justify="right")
    for r in resultados:
        tabla.add_column(r.nombre, justify="right")
    cuantos = Counter(_familia(c) for c in casos)
    for familia, n in cuantos.items():
        indices = [i for i, c in enumerate(casos) if _familia(c) == familia]
        celdas = [f"{100 * sum(aciertos[r.nombre][i] for i in indices) / n:.1f} %" for r in resultados]
        tabla.add_row(familia, str(n), *celdas)
    return tabla


def _mostrar_fallos(consola: Console, casos: list[Caso], r: Resultado, bien: list[bool], limite: int) -> None:
    fallos = [(c, resp) for c, resp, b in zip(casos, r.respuestas, bien, strict=True) if not b]
    if not fallos:
        consola.print(f"{r.nombre}: ningún fallo.")
        return
    tabla = Table(title=f"{r.nombre}: {len(fallos)} fallos (se muestran {min(limite, len(fallos))})")
    for columna in ("texto", "esperado", "respuesta", "origen"):
        tabla.add_column(columna)
    for caso, respuesta in fallos[:limite]:
        tabla.add_row(repr(caso.raw), caso.esperado, respuesta, caso.origen)
    consola.print(tabla)
