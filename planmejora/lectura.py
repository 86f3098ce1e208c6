"""Who hashes and reads the files of a batch (`carga.lote.Lectores`): this process, or a pool of processes.

The database writer is always one, in `carga`. A reader is any picklable `Extractor`. The
loader only asks for "results as they come", so the pool can be swapped without the loader
changing: implement `Trabajadores`. The pool
of processes limits each file's time and memory and kills a stuck reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Engine

from carga import lote
from carga.lote import Empezado, PorLeer, Progreso, Resumen
from extractor.aislamiento import Aislados, Caida
from extractor.ajustes import AjustesLectura
from extractor.formatos import identidad_sin_leer, sha256_de
from extractor.limites import Limites
from normalizacion.modelo import Plan

Extractor = Callable[[Path], list[Plan]]
"""Reads one file into its plans and never raises for a bad file (see `planmejora.api.extraer_archivo`)."""

T = TypeVar("T")

_SIN_LIMITES = Limites(max_segundos=None, max_memoria=None)


@dataclass(frozen=True, slots=True)
class FalloLectura:
    """The reader itself failed (a bug, a crash, a killed process): the file is neither loaded nor marked failed.

    `definitivo`: a limit of `Limites` (time, memory) stopped it; the same bytes would stop it again,
    so the file is marked failed with `mensaje`, like a file that cannot be read.
    """

    mensaje: str
    definitivo: bool = False


class Trabajadores(Protocol):
    def procesar(
        self, extraer: Extractor, tareas: Iterable[T], ruta: Callable[[T], Path]
    ) -> Iterator[tuple[T, list[Plan] | FalloLectura]]:
        """Each task with what its file gave, in the order they finish; at most a few tasks wait at a time."""
        ...


class EnEsteProceso:
    """One file after the other, in the loader's process: no start-up cost, the simplest to debug."""

    def procesar(
        self, extraer: Extractor, tareas: Iterable[T], ruta: Callable[[T], Path]
    ) -> Iterator[tuple[T, list[Plan] | FalloLectura]]:
        for tarea in tareas:
            try:
                yield tarea, extraer(ruta(tarea))
            except Exception as error:
                yield tarea, FalloLectura(f"El lector falló de forma inesperada ({type(error).__name__}: {error}).")


class EnProcesos:
    """`cantidad` reader processes that can be killed (`extractor.aislamiento`): one stuck or crashed reader costs
    only the file it held; with `limites`, a file past its time or memory limit is that file's error."""

    def __init__(self, cantidad: int, limites: Limites | None = None) -> None:
        self.aislados = Aislados(cantidad, limites or _SIN_LIMITES)

    def procesar(
        self, extraer: Extractor, tareas: Iterable[T], ruta: Callable[[T], Path]
    ) -> Iterator[tuple[T, list[Plan] | FalloLectura]]:
        for tarea, resultado in self.aislados.procesar(extraer, tareas, ruta):
            if isinstance(resultado, Caida):
                yield tarea, FalloLectura(resultado.mensaje, definitivo=resultado.del_archivo)
            else:
                yield tarea, resultado


def trabajadores(cantidad: int, limites: Limites | None = None) -> Trabajadores:
    """In this process only when one reader and no limits are asked for: a limit needs a process that can be killed."""
    sin_limites = limites is None or (limites.max_segundos is None and limites.max_memoria is None)
    return EnEsteProceso() if cantidad <= 1 and sin_limites else EnProcesos(cantidad, limites)


def extractor_de_planmejora(limites: Limites | None = None, ajustes: AjustesLectura | None = None) -> Extractor:
    """planmejora's own readers (`planmejora.api.extraer_archivo`), imported only when a file needs reading:
    a run over an archive already loaded reads nothing and should not spend its time importing them."""
    from planmejora.api import extraer_archivo

    return partial(extraer_archivo, limites=limites or Limites(), ajustes=ajustes)


@dataclass(frozen=True, slots=True)
class LectoresDeArchivos:
    """The readers `carga` is given: each file hashed and read here; a file stopped at a limit is its failed plan.

    `extraer` None: planmejora's readers with `ajustes` (`extractor_de_planmejora`), imported when the first
    file comes.
    """

    extraer: Extractor | None
    cantidad: int = 1
    limites: Limites | None = None
    ajustes: AjustesLectura | None = None

    def huella(self, ruta: Path) -> str:
        return sha256_de(ruta)

    def leer(self, tareas: Iterable[PorLeer]) -> Iterator[tuple[PorLeer, list[Plan] | str]]:
        pendientes = iter(tareas)
        if (primera := next(pendientes, None)) is None:
            return
        extraer = self.extraer or extractor_de_planmejora(self.limites, self.ajustes)
        tareas = chain([primera], pendientes)
        for tarea, resultado in trabajadores(self.cantidad, self.limites).procesar(extraer, tareas, _ruta_de):
            if isinstance(resultado, FalloLectura) and resultado.definitivo:
                tipo, formato = identidad_sin_leer(tarea.archivo.ruta)
                yield tarea, [Plan.fallido(tarea.archivo.archivo, tarea.sha256, tipo, formato, resultado.mensaje)]
            else:
                yield tarea, resultado.mensaje if isinstance(resultado, FalloLectura) else resultado


def _ruta_de(tarea: PorLeer) -> Path:
    return tarea.archivo.ruta


def leer_y_guardar(
    rutas: Sequence[Path],
    motor: Engine,
    extraer: Extractor | None,
    cantidad_trabajadores: int = 1,
    reintentar: bool = False,
    progreso: Progreso | None = None,
    pedido: Sequence[str] = (),
    limites: Limites | None = None,
    parar: Callable[[], bool] | None = None,
    empezado: Empezado | None = None,
    ajustes: AjustesLectura | None = None,
) -> Resumen:
    """`carga.lote.guardar_lote` with files read by `extraer` (None: planmejora's readers) in `cantidad_trabajadores`
    readers.

    With `limites`, each file is read in a process that is killed past its time or memory limit. `ajustes`
    is how planmejora's readers read each file (when `extraer` is None).
    """
    lectores = LectoresDeArchivos(extraer, cantidad_trabajadores, limites, ajustes)
    return lote.guardar_lote(rutas, motor, lectores, reintentar, progreso, pedido, parar, empezado)
