"""What one file may cost before it is refused or its reader stopped, and how each refusal is said.

Its own small module: the command line, the loader and the reader processes need the limits without
importing any reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.formatos import MB as MB


@dataclass(frozen=True, slots=True)
class Limites:
    """What one file may cost before it is refused; the defaults suit years of office archives."""

    max_bytes: int = 100 * MB
    max_descomprimido: int = 500 * MB
    """Total uncompressed size a .docx/.xlsx may declare (a zip bomb declares gigabytes)."""
    max_proporcion: float = 200.0
    """Uncompressed / compressed size of a .docx/.xlsx: real ones stay well under 50."""
    max_miembros: int = 10_000
    max_paginas: int = 200
    """Pages a PDF may have: counted before any page is read (a plan takes a few pages, rarely tens)."""
    max_segundos: float | None = 60.0
    """Time to read and normalize one file; past it the process reading it is killed (`extractor.aislamiento`)."""
    max_memoria: int | None = 2048 * MB
    """Address space of the process reading one file: an allocation past it fails, the machine is not exhausted."""


def mensaje_tiempo(limites: Limites) -> str:
    return (
        f"La lectura del archivo pasó del límite de {limites.max_segundos:g} segundos y se detuvo. "
        "Revise que el archivo abra bien; si es un plan muy largo, aumente el límite con --limite-segundos."
    )


def mensaje_memoria(limites: Limites) -> str:
    """A reader ran out of memory (often under `max_memoria`): said as such, even when the reader wrapped it."""
    tope = f" de {limites.max_memoria / MB:.0f} MB" if limites.max_memoria else ""
    return (
        f"Leer el archivo necesitaba más memoria que el límite{tope} y se detuvo: "
        "puede estar dañado o armado para agotar la memoria (por ejemplo, datos comprimidos que se inflan sin fin)."
    )
