"""Where news of changed files comes from: file-system events, or a plain scan of the folder.

Events are immediate and cost nothing, but do not cross a network share (a file written on SMB or NFS by
another machine raises no event here) and can be lost when thousands arrive at once; a scan sees
everything, slowly. Both report the same thing, "this path may have changed", and the settling logic does
not care which one spoke.
"""

from __future__ import annotations

import os
import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from planmejora.recorrido import es_copia_candidata, es_de_paso, motivo_para_ignorar
from planmejora.vigilancia.asentamiento import Firma

PROCESADOS = "procesados"
CON_ERRORES = "con_errores"
PROPIA = ".planmejora"
_NO_VIGILADAS = frozenset({PROCESADOS, CON_ERRORES, PROPIA})
_DE_SISTEMA = frozenset({"#recycle", "@eaDir", "$RECYCLE.BIN", "System Volume Information", "lost+found"})
"""Folders file servers keep inside shares (recycle bins, thumbnails): never someone's new plan."""


class Aviso(Enum):
    CAMBIO = "cambio"
    CIERRE = "cierre"
    CARPETA = "carpeta"


@dataclass(frozen=True)
class Novedad:
    aviso: Aviso
    ruta: Path


def _nombre_vigilado(nombre: str, primer_nivel: bool) -> bool:
    if nombre.startswith(".") or nombre in _DE_SISTEMA:
        return False
    return not (primer_nivel and nombre in _NO_VIGILADAS)


def carpeta_vigilada(carpeta: Path, ruta: Path) -> bool:
    """Whether the folder `ruta` is `carpeta` or inside it, outside the folders the watch itself fills."""
    try:
        partes = ruta.relative_to(carpeta).parts
    except ValueError:
        return False
    return all(_nombre_vigilado(parte, i == 0) for i, parte in enumerate(partes))


def es_vigilada(carpeta: Path, ruta: Path) -> bool:
    """Whether `ruta` is a candidate copy of the form in a watched folder."""
    return ruta != carpeta and carpeta_vigilada(carpeta, ruta.parent) and es_copia_candidata(ruta)


def _archivos(carpeta: Path, desde: Path | None, ilegible: Callable[[OSError], None] | None) -> Iterator[Path]:
    """Every file under `desde` (default: all of `carpeta`) in the folders watched, in a stable order."""
    for raiz, carpetas, archivos in os.walk(desde or carpeta, onerror=ilegible):
        actual = Path(raiz)
        primer_nivel = actual == carpeta
        carpetas[:] = sorted(c for c in carpetas if _nombre_vigilado(c, primer_nivel))
        yield from (actual / nombre for nombre in sorted(archivos))


def candidatos(carpeta: Path, desde: Path | None = None) -> Iterator[Path]:
    """Every candidate copy under `desde` (default: all of `carpeta`), skipping folders not watched."""
    for ruta in _archivos(carpeta, desde, None):
        if es_vigilada(carpeta, ruta):
            yield ruta


def no_leidos(carpeta: Path, ilegible: Callable[[OSError], None]) -> Iterator[tuple[Path, str]]:
    """Every file of the folders watched that is of no kind planmejora reads, with why (passing traces aside);
    `ilegible` is told of each folder that cannot be opened."""
    for ruta in _archivos(carpeta, None, ilegible):
        if es_de_paso(ruta):
            continue
        motivo = motivo_para_ignorar(ruta)
        if motivo is not None:
            yield ruta, motivo


class Sondeo:
    """A scan that remembers what it saw, to report only what is new or changed since."""

    def __init__(self, carpeta: Path) -> None:
        self._carpeta = carpeta
        self._vistas: dict[Path, Firma] = {}

    def novedades(self) -> list[Path]:
        actuales: dict[Path, Firma] = {}
        for ruta in candidatos(self._carpeta):
            firma = Firma.de(ruta)
            if firma is not None:
                actuales[ruta] = firma
        nuevas = [ruta for ruta, firma in actuales.items() if self._vistas.get(ruta) != firma]
        self._vistas = actuales
        return nuevas

    def recordar(self, ruta: Path) -> None:
        """`ruta` was handled as it is now: the next scan need not report it."""
        firma = Firma.de(ruta)
        if firma is None:
            self._vistas.pop(ruta, None)
        else:
            self._vistas[ruta] = firma


class _Mensajero(FileSystemEventHandler):
    def __init__(self, carpeta: Path, cola: queue.Queue[Novedad]) -> None:
        self._carpeta = carpeta
        self._cola = cola

    def on_any_event(self, event: FileSystemEvent) -> None:
        destino = Path(os.fsdecode(event.dest_path)) if event.dest_path else None
        origen = Path(os.fsdecode(event.src_path))
        if event.is_directory:
            carpeta = destino or origen
            if carpeta.is_dir() and carpeta_vigilada(self._carpeta, carpeta):
                self._cola.put(Novedad(Aviso.CARPETA, carpeta))
            return
        aviso = Aviso.CIERRE if isinstance(event, FileClosedEvent) else Aviso.CAMBIO
        for ruta in (origen, destino):
            if ruta is not None and es_vigilada(self._carpeta, ruta):
                self._cola.put(Novedad(aviso, ruta))


_EVENTOS = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirMovedEvent,
]


def observar(carpeta: Path, cola: queue.Queue[Novedad]) -> BaseObserver:
    """Start watching `carpeta` for events; raises OSError if the system cannot (e.g. inotify limits)."""
    observador = Observer()
    observador.schedule(_Mensajero(carpeta, cola), carpeta, recursive=True, event_filter=_EVENTOS)
    observador.start()
    return observador
