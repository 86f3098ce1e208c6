"""Free-text search that ignores accents and case, and stays fast over tens of thousands of actions.

Folding each row's text in SQL (replace() for every accented letter, then lower()) is exact but
costs half a second over 20,000 actions. So the search is two conditions: first a plain LIKE in
which every letter that may carry an accent is a one-character wildcard (`evaluacion` →
`%ev_lu_ci_n%`), which the database checks in C; then, only on the rows that pass it, the exact
comparison of the folded text. The letters with accents are data (`letras.toml`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, func

from extractor.vocabulario import leer_toml


@cache
def _variantes() -> dict[str, str]:
    """Each accented form (both cases) → its plain lower-case letter."""
    tabla: dict[str, str] = leer_toml("planmejora.web", "letras")["variantes"]
    return {forma: base for base, formas in tabla.items() for forma in formas + formas.upper()}


def plegar_texto(texto: str) -> str:
    return "".join(_variantes().get(letra, letra) for letra in " ".join(texto.split())).lower()


def plegar(expresion: ColumnElement[Any]) -> ColumnElement[str]:
    """The same folding in SQL; accents first, since lower() folds only ASCII (SQLite, PostgreSQL's C locale)."""
    for forma, base in _variantes().items():
        expresion = func.replace(expresion, forma, base)
    return func.lower(expresion)


def _escapar_like(texto: str) -> str:
    return texto.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contiene(texto_en_base: ColumnElement[Any], buscado: str) -> ColumnElement[bool]:
    """True where `texto_en_base` holds `buscado` (whitespace collapsed), whatever its accents and case."""
    plegado = plegar_texto(buscado)
    con_tilde = set(_variantes().values())
    suelto = "".join("_" if letra in con_tilde else _escapar_like(letra) for letra in plegado)
    return and_(
        texto_en_base.ilike(f"%{suelto}%", escape="\\"),
        plegar(texto_en_base).like(f"%{_escapar_like(plegado)}%", escape="\\"),
    )
