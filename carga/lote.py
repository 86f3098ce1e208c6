"""Load a batch of files: skip what is known, have the rest read (`Lectores`), write each file in its own transaction.

A file is skipped without being read when the ledger already has its path with the same
size and modification time, or when its bytes (sha256) are already stored. Only the main
process writes; who hashes and reads the files is given (`planmejora.lectura`): carga never
opens a document. A run killed at any moment leaves whole documents or none, and the next
run loads what is missing.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from carga import esquema, modelos
from carga.conexion import para_leer
from carga.guardar import ArchivoEnDisco, Desenlace, Guardado, ahora, guardar_documento, registrar_visto
from carga.rutas import texto_de_ruta
from normalizacion.modelo import Plan

Resultado = Literal["cargado", "error", "omitido"]

_corridas = modelos.corridas
_documentos = modelos.documentos
_vistos_tabla = modelos.archivos_vistos


@dataclass(frozen=True, slots=True)
class Avance:
    """One file finished: what became of it, and how far the batch is.

    `archivo` names it for people (readable even when the name is not UTF-8); `ruta` is the path as
    it was given, for the file system. `mensaje` says why a file failed, or, for a file skipped, why
    its content failed before.
    """

    ruta: Path
    archivo: str
    resultado: Resultado
    mensaje: str | None
    hechos: int
    total: int


Progreso = Callable[[Avance], None]

Empezado = Callable[[str], None]
"""Told the readable name of each file as it is handed to a reader, before a read that may take minutes (OCR)."""


@dataclass(slots=True)
class Resumen:
    """What a run did; `errores` names each file that failed and why."""

    corrida: int
    archivos: int = 0
    cargados: int = 0
    con_error: int = 0
    omitidos: int = 0
    omitidos_con_error: int = 0
    """Skipped because the same bytes failed before: `reintentar` reads them again."""
    hallazgos: int = 0
    problemas: int = 0
    segundos: float = 0.0
    errores: list[tuple[str, str]] = field(default_factory=list)
    interrumpida: bool = False
    """Asked to stop with files still to do: those are left for the next run."""
    ignorados: list[tuple[str, str]] = field(default_factory=list)
    """Files found in the folders and not read, each with why (a note, a ZIP): set by whoever walked the folders."""

    def a_json(self) -> dict[str, Any]:
        return {
            "corrida": self.corrida,
            "archivos": self.archivos,
            "cargados": self.cargados,
            "con_error": self.con_error,
            "omitidos": self.omitidos,
            "omitidos_con_error": self.omitidos_con_error,
            "hallazgos": self.hallazgos,
            "problemas": self.problemas,
            "segundos": round(self.segundos, 3),
            "errores": [{"archivo": archivo, "error": error} for archivo, error in self.errores],
            "ignorados": len(self.ignorados),
            "archivos_ignorados": [{"archivo": archivo, "motivo": motivo} for archivo, motivo in self.ignorados],
        }


@dataclass(frozen=True, slots=True)
class PorLeer:
    """A file the ledger does not know: `dada` is its path as given, `sha256` its content when it was hashed."""

    dada: Path
    archivo: ArchivoEnDisco
    sha256: str
    reemplazar_error: bool


class Lectores(Protocol):
    """Who hashes and reads the files of a batch; `cantidad` (how many read at once) is kept with the run."""

    @property
    def cantidad(self) -> int: ...

    def huella(self, ruta: Path) -> str:
        """The sha256 of the file's bytes; raises `OSError` when it cannot be read from the disk."""
        ...

    def leer(self, tareas: Iterable[PorLeer]) -> Iterator[tuple[PorLeer, list[Plan] | str]]:
        """Each task with its plans, in the order they finish, or why the reader itself failed (the file
        is then neither loaded nor marked failed, and the next run reads it again)."""
        ...


class _Lote:
    def __init__(
        self,
        motor: Engine,
        total: int,
        progreso: Progreso | None,
        corrida: int,
        parar: Callable[[], bool] | None,
        empezado: Empezado | None = None,
    ) -> None:
        self.empezado = empezado
        self.motor = motor
        self.total = total
        self.progreso = progreso
        self.resumen = Resumen(corrida=corrida, archivos=total)
        self.hechos = 0
        self.parar = parar

    def debe_parar(self) -> bool:
        """Asked before starting each file: once true, no further file is started."""
        if self.parar is not None and self.parar():
            self.resumen.interrumpida = True
        return self.resumen.interrumpida

    def empezar(self, ruta: Path) -> None:
        if self.empezado is not None:
            self.empezado(texto_de_ruta(ruta))

    def avanzar(self, ruta: Path, resultado: Resultado, mensaje: str | None = None) -> None:
        archivo = texto_de_ruta(ruta)
        self.hechos += 1
        if resultado == "cargado":
            self.resumen.cargados += 1
        elif resultado == "omitido":
            self.resumen.omitidos += 1
        else:
            self.resumen.con_error += 1
            self.resumen.errores.append((archivo, mensaje or "error desconocido"))
        if self.progreso is not None:
            self.progreso(Avance(ruta, archivo, resultado, mensaje, self.hechos, self.total))


def guardar_lote(
    rutas: Sequence[Path],
    motor: Engine,
    lectores: Lectores,
    reintentar: bool = False,
    progreso: Progreso | None = None,
    pedido: Sequence[str] = (),
    parar: Callable[[], bool] | None = None,
    empezado: Empezado | None = None,
) -> Resumen:
    """Load every file in `rutas` (already walked: files, not folders) into the database of `motor`.

    `pedido` is what the user asked for (folders, files), kept with the run for the record.
    `parar` is asked before each file is handed to a reader: once it says yes, the files in hand (handed out
    before: being read, or read and waiting for the writer) are finished and written, no other is handed out,
    and the run is closed as `interrumpida`. `empezado` is told each file handed to a reader. A reader in
    another process gets its next file before the previous result is written, so at most twice as many files
    as readers are in hand.
    """
    inicio = time.monotonic()
    esquema.actualizar(motor)
    corrida = _abrir_corrida(motor, pedido, lectores.cantidad)
    lote = _Lote(motor, len(rutas), progreso, corrida, parar, empezado)
    for tarea, resultado in lectores.leer(_por_leer(lote, rutas, reintentar, lectores.huella)):
        _escribir(lote, tarea, resultado)
    lote.resumen.segundos = time.monotonic() - inicio
    _cerrar_corrida(motor, lote.resumen)
    return lote.resumen


def _abrir_corrida(motor: Engine, pedido: Sequence[str], cantidad_trabajadores: int) -> int:
    with motor.begin() as conexion:
        return int(
            conexion.execute(
                insert(_corridas)
                .values(
                    iniciada_en=ahora(),
                    equipo=socket.gethostname(),
                    pid=os.getpid(),
                    rutas="\n".join(map(texto_de_ruta, pedido)),
                    trabajadores=cantidad_trabajadores,
                )
                .returning(_corridas.c.id)
            ).scalar_one()
        )


def _cerrar_corrida(motor: Engine, resumen: Resumen) -> None:
    with motor.begin() as conexion:
        conexion.execute(
            update(_corridas)
            .where(_corridas.c.id == resumen.corrida)
            .values(
                terminada_en=ahora(),
                estado="interrumpida" if resumen.interrumpida else "terminada",
                archivos=resumen.archivos,
                cargados=resumen.cargados,
                con_error=resumen.con_error,
                omitidos=resumen.omitidos,
                hallazgos=resumen.hallazgos,
                problemas=resumen.problemas,
            )
        )


_TANDA = 200
"""Files looked up in the ledger with one query: a rerun over a large archive costs a few queries, not thousands."""


def _por_leer(lote: _Lote, rutas: Sequence[Path], reintentar: bool, huella: Callable[[Path], str]) -> Iterator[PorLeer]:
    """The files that must be read; the others are reported as skipped (or failed) as they are met."""
    for inicio in range(0, len(rutas), _TANDA):
        if lote.debe_parar():
            return
        yield from _por_leer_tanda(lote, rutas[inicio : inicio + _TANDA], reintentar, huella)


def _por_leer_tanda(
    lote: _Lote, rutas: Sequence[Path], reintentar: bool, huella: Callable[[Path], str]
) -> Iterator[PorLeer]:
    en_disco: list[tuple[Path, ArchivoEnDisco]] = []
    for ruta in rutas:
        try:
            estado = ruta.stat()
            en_disco.append(
                (ruta, ArchivoEnDisco(texto_de_ruta(ruta), ruta.resolve(), estado.st_size, estado.st_mtime_ns))
            )
        except OSError as error:
            lote.avanzar(ruta, "error", _motivo_de_disco(error))
    vistos = _vistos(lote.motor, [archivo for _, archivo in en_disco])
    guardados = _guardados(lote.motor, set(vistos.values()))
    for dada, archivo in en_disco:
        if lote.debe_parar():
            return
        sha256 = vistos.get((texto_de_ruta(archivo.ruta), archivo.tamano, archivo.mtime_ns))
        if sha256 is None:
            try:
                sha256 = huella(archivo.ruta)
            except OSError as error:
                lote.avanzar(dada, "error", _motivo_de_disco(error))
                continue
            guardados |= _guardados(lote.motor, {sha256})
            if sha256 in guardados and (guardados[sha256][0] == "ok" or not reintentar):
                with lote.motor.begin() as conexion:
                    registrar_visto(conexion, archivo, sha256, lote.resumen.corrida)
        estado_guardado, error_guardado = guardados.get(sha256, (None, None))
        if estado_guardado == "ok" or (estado_guardado == "error" and not reintentar):
            if estado_guardado == "error":
                lote.resumen.omitidos_con_error += 1
            lote.avanzar(dada, "omitido", error_guardado)
            continue
        if lote.debe_parar():  # asked again after the hash, which may take a while: a file handed out is in hand
            return
        lote.empezar(dada)
        yield PorLeer(dada, archivo, sha256, reemplazar_error=estado_guardado == "error")


def _motivo_de_disco(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "El archivo ya no está: se movió o se borró antes de cargarlo."
    if isinstance(error, PermissionError):
        return "No hay permiso para leer el archivo."
    return f"No se pudo leer el archivo del disco: {error.strerror or error}."


def _vistos(motor: Engine, archivos: list[ArchivoEnDisco]) -> dict[tuple[str, int, int], str]:
    """The content the ledger knows for each (path, size, modification time) of `archivos`."""
    if not archivos:
        return {}
    with para_leer(motor) as conexion:
        filas = conexion.execute(
            select(
                _vistos_tabla.c.ruta, _vistos_tabla.c.tamano, _vistos_tabla.c.mtime_ns, _vistos_tabla.c.sha256
            ).where(_vistos_tabla.c.ruta.in_({texto_de_ruta(a.ruta) for a in archivos}))
        )
        return {(f.ruta, f.tamano, f.mtime_ns): f.sha256 for f in filas}


def _guardados(motor: Engine, sha256s: set[str]) -> dict[str, tuple[str, str | None]]:
    """`ok` or `error` (with its message) for each content already stored."""
    if not sha256s:
        return {}
    with para_leer(motor) as conexion:
        filas = conexion.execute(
            select(_documentos.c.sha256, _documentos.c.estado, _documentos.c.error).where(
                _documentos.c.sha256.in_(sha256s)
            )
        )
        return {f.sha256: (f.estado, f.error) for f in filas}


def _escribir(lote: _Lote, tarea: PorLeer, resultado: list[Plan] | str) -> None:
    """One file, one transaction: a failure here rolls back this file only and the batch goes on."""
    if isinstance(resultado, str):
        lote.avanzar(tarea.dada, "error", resultado)
        return
    if not resultado or resultado[0].sha256 != tarea.sha256:
        lote.avanzar(tarea.dada, "error", "El archivo cambió mientras se leía; se cargará en la próxima corrida.")
        return
    try:
        guardado = _guardar_con_reintentos(lote, tarea, resultado)
    except (OperationalError, InterfaceError):
        raise
    except SQLAlchemyError as error:
        detalle = error.orig if isinstance(error, DBAPIError) else error
        lote.avanzar(tarea.dada, "error", f"No se pudo guardar en la base de datos: {detalle}")
        return
    lote.resumen.hallazgos += guardado.hallazgos
    lote.resumen.problemas += guardado.problemas
    if guardado.desenlace is Desenlace.CON_ERROR:
        lote.avanzar(tarea.dada, "error", next(p.error for p in resultado if p.error))
    elif guardado.desenlace is Desenlace.YA_ESTABA:
        lote.avanzar(tarea.dada, "omitido")
    else:
        lote.avanzar(tarea.dada, "cargado")


_REINTENTABLES = {"40001", "40P01"}
"""PostgreSQL's "try again": a serialization failure or a deadlock broken by the server."""


def _guardar_con_reintentos(lote: _Lote, tarea: PorLeer, planes: list[Plan]) -> Guardado:
    """Write one file; when the database itself says "try again", try again a few times.

    Any other operational error (the server went away, SQLite stayed locked past its
    timeout) stops the run: marking every remaining file as failed would only hide it.
    """
    for intento in range(3):
        try:
            with lote.motor.begin() as conexion:
                return guardar_documento(
                    conexion, tarea.archivo, planes, lote.resumen.corrida, reemplazar_error=tarea.reemplazar_error
                )
        except OperationalError as error:
            if getattr(error.orig, "sqlstate", None) not in _REINTENTABLES or intento == 2:
                raise
            time.sleep(0.05 * (intento + 1))
    raise AssertionError("inalcanzable")
