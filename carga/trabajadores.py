"""Who reads the files: the loader's own process, or a pool of processes; the database writer is always one.

A reader is any picklable `Extractor`. The loader only asks for "results as they come",
so the pool can be swapped for one that limits each file's time and kills a stuck reader
without the loader changing: implement `Trabajadores`.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from normalizacion.modelo import Plan

Extractor = Callable[[Path], list[Plan]]
"""Reads one file into its plans and never raises for a bad file (see `planmejora.api.extraer_archivo`)."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FalloLectura:
    """The reader itself failed (a bug, a crash, a killed process): the file is neither loaded nor marked failed."""

    mensaje: str


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
    """`cantidad` reader processes; a crashed process costs the files it held, and a new pool takes the rest."""

    def __init__(self, cantidad: int) -> None:
        self.cantidad = cantidad

    def _pool(self) -> ProcessPoolExecutor:
        # "spawn": a fresh interpreter, never a fork of the writer with its open connections and threads
        return ProcessPoolExecutor(self.cantidad, mp_context=multiprocessing.get_context("spawn"))

    def procesar(
        self, extraer: Extractor, tareas: Iterable[T], ruta: Callable[[T], Path]
    ) -> Iterator[tuple[T, list[Plan] | FalloLectura]]:
        pendientes = iter(tareas)
        sin_enviar: list[T] = []
        en_curso: dict[Future[list[Plan]], T] = {}
        pool = self._pool()
        try:
            while True:
                roto = False
                while not roto and len(en_curso) < 2 * self.cantidad:
                    tarea = sin_enviar.pop() if sin_enviar else next(pendientes, None)
                    if tarea is None:
                        break
                    try:
                        with _sin_ctrl_c():
                            en_curso[pool.submit(extraer, ruta(tarea))] = tarea
                    except BrokenProcessPool:
                        sin_enviar.append(tarea)
                        roto = True
                if not en_curso and not roto:
                    return
                listos, _ = wait(en_curso, return_when="ALL_COMPLETED" if roto else FIRST_COMPLETED)
                for futuro in listos:
                    resultado = _desenlace(futuro)
                    roto = roto or isinstance(futuro.exception(), BrokenProcessPool)
                    yield en_curso.pop(futuro), resultado
                if roto:
                    yield from ((tarea, _desenlace(futuro)) for futuro, tarea in _todos(en_curso))
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _sin_ctrl_c() -> Iterator[None]:
    """Ctrl-C is for the writer: a reader started meanwhile ignores it from its first instruction.

    The pool starts its processes inside `submit`, and a process inherits an ignored signal, so
    the readers never print a KeyboardInterrupt traceback; the writer stops the batch cleanly
    after the files in flight.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    anterior = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, anterior)


def _todos(en_curso: dict[Future[list[Plan]], T]) -> list[tuple[Future[list[Plan]], T]]:
    """Empty `en_curso` once every one of its futures is settled (a broken pool settles them all at once)."""
    wait(en_curso)
    todos = list(en_curso.items())
    en_curso.clear()
    return todos


def _desenlace(futuro: Future[list[Plan]]) -> list[Plan] | FalloLectura:
    error = futuro.exception()
    if error is None:
        return futuro.result()
    if isinstance(error, BrokenProcessPool):
        return FalloLectura("El proceso que leía el archivo terminó de forma inesperada.")
    return FalloLectura(f"El lector falló de forma inesperada ({type(error).__name__}: {error}).")


def trabajadores(cantidad: int) -> Trabajadores:
    return EnEsteProceso() if cantidad <= 1 else EnProcesos(cantidad)
