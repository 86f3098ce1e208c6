"""What the watch needs from the ingestion, and nothing more: load one file, say what came of it.

Keeping it this narrow lets the watch be tested with a stand-in, and keeps the database out of the loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol


class Desenlace(Enum):
    CARGADO = "cargado"
    """New content: a new plan or a new version of one."""
    CONOCIDO = "conocido"
    """The same file, or the same bytes, were already in the database."""
    ERROR = "error"
    """The file cannot be read or holds no copy of the form: trying again will not help."""


@dataclass(frozen=True)
class Resultado:
    desenlace: Desenlace
    hallazgos: int = 0
    motivo: str | None = None


class BaseNoDisponible(Exception):
    """The database cannot be reached now; the same file can be tried again later."""


class Ingestor(Protocol):
    def __call__(self, ruta: Path) -> Resultado: ...
