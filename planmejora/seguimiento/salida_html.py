"""The follow-up as one HTML page a person reads or prints: totals first, then what changed, then every action.

One self-contained file (style inline, no script, no network) that can be mailed or archived; every
value goes through Jinja's autoescape and the Content Security Policy allows only the page's own style.
"""

from __future__ import annotations

from importlib import resources
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from planmejora.salidas.escapar import hash_csp
from planmejora.seguimiento.modelo import Seguimiento, fecha_legible
from planmejora.vencimiento import NOMBRES_ESTADOS


def _leer(nombre: str) -> str:
    return resources.files("planmejora.seguimiento").joinpath(nombre).read_text(encoding="utf-8")


def _porcentaje(parte: float) -> str:
    return f"{round(parte * 100)} %"


def html_de(seguimiento: Seguimiento) -> str:
    entorno = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    entorno.filters["fecha"] = fecha_legible
    entorno.filters["porcentaje"] = _porcentaje
    estilo = _leer("estilo.css")
    return entorno.from_string(_leer("plantilla.html")).render(
        s=seguimiento,
        estilo=Markup(estilo),
        csp_estilo=hash_csp(estilo),
        total=seguimiento.total(),
        nombres_estados=NOMBRES_ESTADOS,
        tablas_totales=[
            ("Por dependencia", "Dependencia", seguimiento.por_dependencia()),
            ("Por plan", "Plan", seguimiento.por_plan()),
        ],
        por_plan=[(plan, list(acciones)) for plan, acciones in groupby(seguimiento.ordenadas(), key=lambda a: a.plan)],
    )


def escribir_html(seguimiento: Seguimiento, ruta: Path) -> None:
    ruta.write_text(html_de(seguimiento), encoding="utf-8")
