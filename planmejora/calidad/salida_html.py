"""The report as one HTML page a person reads: totals first, then what to chase, then every problem.

One self-contained file (style and script inline, no network) so it can be mailed or archived.
Every value goes through Jinja's autoescape; the Content Security Policy names the page's own
script and style by hash, so nothing typed into a plan can ever run in the reader's browser.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from planmejora.calidad import seguimiento
from planmejora.calidad.modelo import Reporte
from planmejora.calidad.vocabulario import nombre_de_codigo
from planmejora.salidas.escapar import hash_csp

Barra = tuple[str, str | None, int, float]


def _leer(nombre: str) -> str:
    return resources.files("planmejora.calidad").joinpath(nombre).read_text(encoding="utf-8")


def _fecha(fecha: dt.date | None, precision: str | None = "dia") -> str:
    if fecha is None:
        return "—"
    return fecha.strftime("%m/%Y" if precision == "mes" else "%d/%m/%Y")


def _valor_adoptado(valor: str | None) -> str:
    """A value adopted that is a date reads as the office writes dates (21/09/2021, 09/2021), not as ISO."""
    if valor is None:
        return "—"
    for formato, precision in (("%Y-%m-%d", "dia"), ("%Y-%m", "mes")):
        try:
            return _fecha(dt.datetime.strptime(valor, formato).date(), precision)
        except ValueError:
            continue
    return valor


def _porcentaje(parte: float) -> str:
    return f"{round(parte * 100)} %"


def _barras(cuentas: list[tuple[str, int]], con_codigo: bool = False) -> list[Barra]:
    """Rows of a bar chart: label, detail, count, and bar length (0–100) against the largest."""
    mayor = max((n for _, n in cuentas), default=0) or 1
    return [
        (nombre_de_codigo(clave) if con_codigo else clave, clave if con_codigo else None, n, round(100 * n / mayor, 2))
        for clave, n in cuentas
    ]


def _entorno() -> Environment:
    entorno = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    entorno.filters["fecha"] = _fecha
    entorno.filters["porcentaje"] = _porcentaje
    entorno.filters["valor_adoptado"] = _valor_adoptado
    entorno.filters["nombre_codigo"] = nombre_de_codigo
    return entorno


def html_de(reporte: Reporte) -> str:
    estilo, guion = _leer("estilo.css"), _leer("tabla.js")
    vencidas = reporte.vencidas
    por_dependencia = seguimiento.por_dependencia(reporte.acciones, reporte.corte)
    totales = [
        ("documentos", "Documentos", reporte.documentos, False),
        ("ilegibles", "Documentos ilegibles", len(reporte.ilegibles), True),
        ("planes", "Planes", reporte.planes, False),
        ("acciones", "Acciones", len(reporte.acciones), False),
        ("vencidas", "Acciones vencidas", len(vencidas), True),
        ("problemas", "Problemas", len(reporte.problemas), True),
        ("archivos_con_problemas", "Archivos con problemas", len(reporte.por_archivo()), False),
    ]
    plantilla = _entorno().from_string(_leer("plantilla.html"))
    return plantilla.render(
        r=reporte,
        estilo=Markup(estilo),
        guion=Markup(guion),
        csp_estilo=hash_csp(estilo),
        csp_guion=hash_csp(guion),
        totales=totales,
        graficos=[
            ("Por tipo", _barras(reporte.por_codigo(), con_codigo=True)),
            ("Por dependencia", _barras(reporte.por_dependencia())),
        ],
        vencidas=vencidas,
        grafico_vencidas=_barras(
            sorted(((a.grupo, a.vencidas) for a in por_dependencia if a.vencidas), key=lambda par: -par[1])
        ),
        tablas_avance=[
            ("Avance por dependencia", por_dependencia),
            ("Avance por plan", seguimiento.por_plan(reporte.acciones, reporte.corte)),
        ],
        avance_total=seguimiento.total(reporte.acciones, reporte.corte),
        grupos=reporte.por_archivo(),
    )


def escribir_html(reporte: Reporte, ruta: Path) -> None:
    ruta.write_text(html_de(reporte), encoding="utf-8")
