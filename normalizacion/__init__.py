"""Turns what people typed into typed values, and says how each was obtained.

Pure functions, no I/O: it knows values, never files. `normalizar_documento` is imported on first
use: the loader needs the model (`normalizacion.modelo`) to store a plan, not the rules to make one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from normalizacion.documento import normalizar_documento as normalizar_documento

__all__ = ["normalizar_documento"]


def __getattr__(nombre: str) -> Any:
    if nombre == "normalizar_documento":
        from normalizacion.documento import normalizar_documento

        return normalizar_documento
    raise AttributeError(nombre)
