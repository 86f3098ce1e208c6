"""How a path is written where people and databases read it: the ledger, run records, messages."""

from __future__ import annotations

import os
from pathlib import Path


def texto_de_ruta(ruta: str | Path) -> str:
    """A path as text any database and terminal accept, even when its name is not UTF-8.

    A name copied from an old Windows share often arrives in Latin-1 (`Planeaci\\xf3n.pdf`):
    Python keeps such bytes as lone surrogates, which no UTF-8 text may hold. Each part of
    the path is read as UTF-8, or else as Windows writes it (cp1252), so it reads `Planeación.pdf`.
    """
    partes = os.fsencode(ruta).split(b"/")
    return "/".join(_parte_legible(parte) for parte in partes)


def _parte_legible(parte: bytes) -> str:
    try:
        return parte.decode("utf-8")
    except UnicodeDecodeError:
        return parte.decode("cp1252", errors="replace")
