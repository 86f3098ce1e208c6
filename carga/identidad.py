"""When two copies are the same plan: the rule docs/referencia.md states, in one place.

A plan is the pair entity + audited process, subscribed on one date. Follow-up copies of
it (typed months later, saved as PDF and as Word, renamed) keep those three header values,
so they share a key; case, accents, punctuation and spacing do not count. The sheet name
does not count either: the same plan may move from one sheet to another. A copy whose
header names neither entity nor process cannot be recognised, so it is its own plan,
keyed by its file name without folder or extension (and sheet): a later copy of that
same file, or its PDF, replaces it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from normalizacion.modelo import Plan

_NO_ALFANUMERICO = re.compile(r"[^0-9a-z]+")


def comparable(texto: str | None) -> str:
    """`ALCALDÍA  Municipal de Cálica.` and `alcaldia municipal de calica` compare equal."""
    if not texto:
        return ""
    sin_tildes = "".join(c for c in unicodedata.normalize("NFKD", texto.casefold()) if not unicodedata.combining(c))
    return _NO_ALFANUMERICO.sub(" ", sin_tildes).strip()


def clave_plan(plan: Plan) -> str:
    """The identity of the plan this copy belongs to."""
    encabezado = plan.encabezado
    entidad = comparable(encabezado.entidad)
    proceso = comparable(encabezado.proceso_auditado)
    if not entidad and not proceso:
        nombre = comparable(PurePath(plan.archivo.replace("\\", "/")).stem)
        return f"archivo|{nombre}|{comparable(plan.hoja)}"
    suscripcion = encabezado.fecha_suscripcion
    fecha = suscripcion.valor.isoformat() if suscripcion.valor is not None else comparable(suscripcion.raw)
    return f"plan|{entidad}|{proceso}|{fecha}"
