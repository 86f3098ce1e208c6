"""Each file read in a process of its own that can be killed: one file cannot hang or exhaust a batch.

No parser can be trusted to keep a time or memory limit by itself: pdfminer may loop for
minutes over a crafted page, zlib inflates a stream of a few kilobytes into gigabytes. So a
reader runs in a worker process whose address space is capped (`Limites.max_memoria`,
RLIMIT_AS: the allocation that goes past it fails with `MemoryError`), and the process is
killed and replaced when one file takes longer than `Limites.max_segundos`. Each worker
holds one file at a time, so a killed worker costs that file only.

Workers come from a fork server started once per program (`forkserver`, with the readers
already imported): a new worker costs a fork, not an interpreter start, and it is never a
fork of a caller holding database connections or threads.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Generic, TypeVar

from extractor.conversion import barrer
from extractor.limites import Limites, mensaje_memoria, mensaje_tiempo

T = TypeVar("T")
R = TypeVar("R")

_PRECARGA = ["extractor.precarga"]
_ESPERA_AL_CERRAR = 2.0


@dataclass(frozen=True, slots=True)
class Caida:
    """The reading of one file gave no result: why, in Spanish, and whether the file itself is to blame.

    `del_archivo` is true when a limit stopped it (the same bytes would stop it again), false when
    the reader failed or its process died for another reason (a bug, a signal from outside).
    """

    mensaje: str
    del_archivo: bool


def _contexto() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    contexto = multiprocessing.get_context("forkserver")
    contexto.set_forkserver_preload(_PRECARGA)
    return contexto


@contextlib.contextmanager
def _sin_ctrl_c() -> Iterator[None]:
    """Ctrl-C is for the caller: a worker (and the fork server, started with the first one) ignores it from its
    first instruction, inheriting the ignored signal, so it never prints a KeyboardInterrupt traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    anterior = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, anterior)


def _trabajar(conexion: Connection, leer: Callable[[Path], Any], max_memoria: int | None) -> None:
    """The worker's loop: a path in, `("ok", result)` or `("memoria" | "error", detail)` out, until told to stop."""
    if max_memoria is not None:
        _, tope = resource.getrlimit(resource.RLIMIT_AS)
        if tope == resource.RLIM_INFINITY or tope > max_memoria:
            resource.setrlimit(resource.RLIMIT_AS, (max_memoria, tope))
    while True:
        try:
            ruta = conexion.recv()
        except (EOFError, OSError):
            return  # the caller is gone
        if ruta is None:
            return
        try:
            respuesta: tuple[str, Any] = ("ok", leer(ruta))
        except MemoryError:
            respuesta = ("memoria", None)
        except Exception as error:
            respuesta = ("error", f"{type(error).__name__}: {error}")
        try:
            conexion.send(respuesta)
        except MemoryError:
            conexion.send(("memoria", None))
        except (EOFError, OSError):
            return
        except Exception as error:  # a result that cannot be pickled
            conexion.send(("error", f"{type(error).__name__}: {error}"))


class _Trabajador(Generic[T]):
    """One worker process and the file it holds, if any."""

    def __init__(self, contexto: multiprocessing.context.BaseContext, leer: Callable[[Path], Any], limites: Limites):
        self.conexion, suya = contexto.Pipe()
        self.proceso: BaseProcess = contexto.Process(  # type: ignore[attr-defined]
            target=_trabajar, args=(suya, leer, limites.max_memoria), daemon=True, name="planmejora-lector"
        )
        with _sin_ctrl_c():
            self.proceso.start()
        suya.close()
        self.tarea: T | None = None
        self.vence: float | None = None

    def dar(self, tarea: T, ruta: Path, max_segundos: float | None) -> None:
        self.tarea = tarea
        self.vence = None if max_segundos is None else time.monotonic() + max_segundos
        with contextlib.suppress(OSError):  # a worker that died already is found by its sentinel
            self.conexion.send(ruta)

    def soltar(self) -> T:
        tarea, self.tarea, self.vence = self.tarea, None, None
        return tarea  # type: ignore[return-value]

    def matar(self) -> None:
        if self.proceso.is_alive():
            self.proceso.kill()
        self.proceso.join(_ESPERA_AL_CERRAR)
        self.conexion.close()
        if self.proceso.pid is not None:
            barrer(self.proceso.pid)

    def despedir(self) -> None:
        with contextlib.suppress(OSError):
            self.conexion.send(None)
        self.proceso.join(_ESPERA_AL_CERRAR)
        self.matar()


class Aislados:
    """`cantidad` worker processes that read files under `limites` (time and memory); see the module's docstring."""

    def __init__(self, cantidad: int, limites: Limites) -> None:
        self.cantidad = max(1, cantidad)
        self.limites = limites

    def procesar(
        self, leer: Callable[[Path], R], tareas: Iterable[T], ruta: Callable[[T], Path]
    ) -> Iterator[tuple[T, R | Caida]]:
        """Each task with what `leer` gave for its file, or why it gave nothing, in the order they finish.

        A worker that finishes gets its next task before the caller is given the result: while the
        caller stores it, every worker is reading. A task is taken from `tareas` only when a worker is
        free to read it, so a caller that stops yielding tasks starts nothing more.
        """
        contexto = _contexto()
        pendientes = iter(tareas)
        libres: list[_Trabajador[T]] = []
        ocupados: list[_Trabajador[T]] = []
        terminadas: list[tuple[T, R | Caida]] = []
        try:
            while True:
                while len(ocupados) < self.cantidad and (tarea := next(pendientes, None)) is not None:
                    trabajador = libres.pop() if libres else _Trabajador[T](contexto, leer, self.limites)
                    trabajador.dar(tarea, ruta(tarea), self.limites.max_segundos)
                    ocupados.append(trabajador)
                yield from terminadas
                if not ocupados:
                    return
                terminadas = []
                for trabajador, desenlace in self._esperar(ocupados):
                    ocupados.remove(trabajador)
                    terminadas.append((trabajador.soltar(), desenlace))
                    if isinstance(desenlace, Caida) or not trabajador.proceso.is_alive():
                        trabajador.matar()  # a worker that failed this way is not trusted with another file
                    else:
                        libres.append(trabajador)
        finally:
            for trabajador in ocupados:
                trabajador.matar()
            for trabajador in libres:
                trabajador.despedir()

    def _esperar(self, ocupados: list[_Trabajador[T]]) -> list[tuple[_Trabajador[T], Any]]:
        """The workers that finished, died or ran out of time, each with its result or its `Caida`."""
        vencimientos = [t.vence for t in ocupados if t.vence is not None]
        espera = max(0.0, min(vencimientos) - time.monotonic()) if vencimientos else None
        listos = set(wait([t.conexion for t in ocupados] + [t.proceso.sentinel for t in ocupados], espera))
        terminados: list[tuple[_Trabajador[T], Any]] = []
        ahora = time.monotonic()
        for trabajador in ocupados:
            if trabajador.conexion in listos:
                terminados.append((trabajador, self._respuesta(trabajador)))
            elif trabajador.proceso.sentinel in listos:
                terminados.append((trabajador, Caida(_murio(trabajador.proceso), del_archivo=False)))
            elif trabajador.vence is not None and ahora >= trabajador.vence:
                terminados.append((trabajador, Caida(mensaje_tiempo(self.limites), del_archivo=True)))
        return terminados

    def _respuesta(self, trabajador: _Trabajador[T]) -> Any:
        try:
            clase, valor = trabajador.conexion.recv()
        except (EOFError, OSError):
            trabajador.proceso.join(_ESPERA_AL_CERRAR)
            return Caida(_murio(trabajador.proceso), del_archivo=False)
        if clase == "ok":
            return valor
        if clase == "memoria":
            return Caida(mensaje_memoria(self.limites), del_archivo=True)
        return Caida(f"El lector falló de forma inesperada ({valor}).", del_archivo=False)


def _murio(proceso: BaseProcess) -> str:
    codigo = proceso.exitcode
    if codigo is not None and codigo < 0:
        try:
            senal = signal.Signals(-codigo).name
        except ValueError:
            senal = str(-codigo)
        return f"El proceso que leía el archivo terminó de forma inesperada (señal {senal})."
    return "El proceso que leía el archivo terminó de forma inesperada."
