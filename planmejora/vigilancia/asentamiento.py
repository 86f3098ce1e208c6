"""When a file is completely written: nobody announces it, so we watch it stop changing.

A copy over a network share, a scanner or a browser download writes a file in pieces, and reading it
half-way gives a truncated document. Its size and modification time stop changing once the writer is
done; both unchanged for `espera` seconds, and the file opening for reading, is the best sign there is.
A close-after-write event (Linux inotify) is a stronger sign, so it shortens the wait to a brief
confirmation. An empty file is usually a copy that has not started yet, and one that will not open is
usually still held by its writer, so both wait longer; after that they are handed out all the same, and
the ingestion says what is wrong with them. A file that could not be read and was modified only a moment
ago may be a writer's pause (one that appends and closes every second, or stops longer than `espera`):
it is held until it has been still for the longer wait before anyone calls it failed.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ESPERA_TRAS_CIERRE = 0.5
"""Seconds a file must stay unchanged after its writer closed it: some programs close and reopen at once."""


@dataclass(frozen=True)
class Firma:
    """What changes while a file is being written."""

    tamano: int
    mtime_ns: int

    @classmethod
    def de(cls, ruta: Path) -> Firma | None:
        """The signature of a regular file, or None if it is gone or is not a regular file."""
        try:
            datos = ruta.stat()
        except OSError:
            return None
        if not stat.S_ISREG(datos.st_mode):
            return None
        return cls(datos.st_size, datos.st_mtime_ns)


@dataclass
class _Pendiente:
    firma: Firma
    desde: float
    cerrado: bool = False
    asentado: bool = False
    no_antes: float = 0.0


def _se_puede_leer(ruta: Path) -> bool:
    """A writer holding an exclusive lock (Windows shares) makes opening fail: then it is not done."""
    try:
        with ruta.open("rb") as archivo:
            archivo.read(1)
    except OSError:
        return False
    return True


class Asentamiento:
    """The files waiting to be completely written, and which of them are ready now."""

    def __init__(
        self,
        espera: float,
        *,
        tras_cierre: float = ESPERA_TRAS_CIERRE,
        espera_larga: float | None = None,
        reloj: Callable[[], float] = time.monotonic,
        pared: Callable[[], float] = time.time,
    ) -> None:
        self._espera = espera
        self._pared = pared
        self._tras_cierre = min(tras_cierre, espera)
        self._espera_larga = espera_larga if espera_larga is not None else max(10 * espera, 30.0)
        self._reloj = reloj
        self._pendientes: dict[Path, _Pendiente] = {}
        self._entregados: dict[Path, Firma] = {}

    def __len__(self) -> int:
        return len(self._pendientes)

    def __contains__(self, ruta: object) -> bool:
        return ruta in self._pendientes

    def cambio(self, ruta: Path) -> None:
        """Something happened to `ruta`: its wait starts again if it changed, and it is forgotten if it is gone."""
        firma = Firma.de(ruta)
        if firma is None:
            self._pendientes.pop(ruta, None)
            return
        actual = self._pendientes.get(ruta)
        if actual is None or actual.firma != firma:
            self._pendientes[ruta] = _Pendiente(firma, self._reloj())

    def cierre(self, ruta: Path) -> None:
        """Its writer closed it after writing."""
        self.cambio(ruta)
        if ruta in self._pendientes:
            self._pendientes[ruta].cerrado = True

    def devolver(self, ruta: Path, no_antes: float) -> None:
        """Take back a file handed out by the last `listos()`, to hand it out again not before `no_antes`.

        It needs no new wait unless it changed since it was handed out.
        """
        entregada = self._entregados.pop(ruta, None)
        firma = Firma.de(ruta)
        if firma is None or entregada is None:
            return
        ahora = self._reloj()
        self._pendientes[ruta] = _Pendiente(firma, ahora, asentado=firma == entregada, no_antes=no_antes)

    def reciente(self, ruta: Path) -> bool:
        """Whether `ruta` was modified less than the longer wait ago (or has a modification time in the future)."""
        firma = Firma.de(ruta)
        return firma is not None and self._pared() - firma.mtime_ns / 1e9 < self._espera_larga

    def retener(self, ruta: Path) -> None:
        """Take back a file handed out by the last `listos()` that failed to read while recent: hand it out again
        once it has stayed unchanged for the longer wait since it was last modified, or after a new wait if it
        changes meanwhile (its writer was only pausing)."""
        entregada = self._entregados.pop(ruta, None)
        firma = Firma.de(ruta)
        if firma is None:
            return
        ahora = self._reloj()
        falta = max(0.0, self._espera_larga - (self._pared() - firma.mtime_ns / 1e9))
        self._pendientes[ruta] = _Pendiente(firma, ahora, asentado=firma == entregada, no_antes=ahora + falta)

    def cambio_desde_entrega(self, ruta: Path) -> bool:
        """Whether a file handed out by the last `listos()` changed (or went away) since."""
        return Firma.de(ruta) != self._entregados.get(ruta)

    def listos(self) -> list[Path]:
        """The files completely written by now, in a stable order; they leave the waiting list."""
        ahora = self._reloj()
        self._entregados.clear()
        for ruta, pendiente in list(self._pendientes.items()):
            firma = Firma.de(ruta)
            if firma is None:
                del self._pendientes[ruta]
            elif firma != pendiente.firma:
                self._pendientes[ruta] = _Pendiente(firma, ahora)
            elif self._cumplido(pendiente, ahora) and (_se_puede_leer(ruta) or self._se_cansa(pendiente, ahora)):
                del self._pendientes[ruta]
                self._entregados[ruta] = firma
        return sorted(self._entregados)

    def _cumplido(self, pendiente: _Pendiente, ahora: float) -> bool:
        if ahora < pendiente.no_antes:
            return False
        return pendiente.asentado or ahora - pendiente.desde >= self._necesaria(pendiente)

    def _se_cansa(self, pendiente: _Pendiente, ahora: float) -> bool:
        return ahora - pendiente.desde >= self._espera_larga

    def _necesaria(self, pendiente: _Pendiente) -> float:
        if pendiente.firma.tamano == 0:
            return self._espera_larga
        return self._tras_cierre if pendiente.cerrado else self._espera
