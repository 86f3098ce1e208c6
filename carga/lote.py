"""Load a batch of files: skip what is known, read the rest in workers, write each file in its own transaction.

A file is skipped without being read when the ledger already has its path with the same
size and modification time, or when its bytes (sha256) are already stored. Only the main
process writes. A run killed at any moment leaves whole documents or none, and the next run
loads what is missing.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, Table, insert, select, update
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from carga import esquema
from carga.conexion import para_leer
from carga.guardar import ArchivoEnDisco, Desenlace, Guardado, ahora, guardar_documento, registrar_visto
from carga.modelos import ArchivoVisto, Corrida, Documento
from carga.trabajadores import Extractor, FalloLectura, trabajadores
from extractor.lector import sha256_de
from normalizacion.modelo import Plan

Resultado = Literal["cargado", "error", "omitido"]

_corridas: Table = Corrida.__table__  # type: ignore[assignment]
_documentos: Table = Documento.__table__  # type: ignore[assignment]
_vistos: Table = ArchivoVisto.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Avance:
    """One file finished: what became of it, and how far the batch is.

    `mensaje` says why a file failed, or, for a file skipped, why its content failed before.
    """

    archivo: str
    resultado: Resultado
    mensaje: str | None
    hechos: int
    total: int


Progreso = Callable[[Avance], None]


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
        }


@dataclass(frozen=True, slots=True)
class _Tarea:
    archivo: ArchivoEnDisco
    sha256: str
    reemplazar_error: bool


class _Lote:
    def __init__(self, motor: Engine, total: int, progreso: Progreso | None, corrida: int) -> None:
        self.motor = motor
        self.total = total
        self.progreso = progreso
        self.resumen = Resumen(corrida=corrida, archivos=total)
        self.hechos = 0

    def avanzar(self, archivo: str, resultado: Resultado, mensaje: str | None = None) -> None:
        self.hechos += 1
        if resultado == "cargado":
            self.resumen.cargados += 1
        elif resultado == "omitido":
            self.resumen.omitidos += 1
        else:
            self.resumen.con_error += 1
            self.resumen.errores.append((archivo, mensaje or "error desconocido"))
        if self.progreso is not None:
            self.progreso(Avance(archivo, resultado, mensaje, self.hechos, self.total))


def cargar(
    rutas: Sequence[Path],
    motor: Engine,
    extraer: Extractor,
    cantidad_trabajadores: int = 1,
    reintentar: bool = False,
    progreso: Progreso | None = None,
    pedido: Sequence[str] = (),
) -> Resumen:
    """Load every file in `rutas` (already walked: files, not folders) into the database of `motor`.

    `pedido` is what the user asked for (folders, files), kept with the run for the record.
    """
    inicio = time.monotonic()
    esquema.actualizar(motor)
    lote = _Lote(motor, len(rutas), progreso, _abrir_corrida(motor, pedido, cantidad_trabajadores))
    tareas = _por_leer(lote, rutas, reintentar)
    for tarea, resultado in trabajadores(cantidad_trabajadores).procesar(extraer, tareas, _ruta_de):
        _escribir(lote, tarea, resultado)
    lote.resumen.segundos = time.monotonic() - inicio
    _cerrar_corrida(motor, lote.resumen)
    return lote.resumen


def _ruta_de(tarea: _Tarea) -> Path:
    return tarea.archivo.ruta


def _abrir_corrida(motor: Engine, pedido: Sequence[str], cantidad_trabajadores: int) -> int:
    with motor.begin() as conexion:
        return int(
            conexion.execute(
                insert(_corridas)
                .values(
                    iniciada_en=ahora(),
                    equipo=socket.gethostname(),
                    pid=os.getpid(),
                    rutas="\n".join(pedido),
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
                archivos=resumen.archivos,
                cargados=resumen.cargados,
                con_error=resumen.con_error,
                omitidos=resumen.omitidos,
                hallazgos=resumen.hallazgos,
                problemas=resumen.problemas,
            )
        )


def _por_leer(lote: _Lote, rutas: Sequence[Path], reintentar: bool) -> Iterator[_Tarea]:
    """The files that must be read; the others are reported as skipped (or failed) as they are met."""
    for ruta in rutas:
        try:
            estado = ruta.stat()
            archivo = ArchivoEnDisco(str(ruta), ruta.resolve(), estado.st_size, estado.st_mtime_ns)
            sha256 = _sha256_conocido(lote.motor, archivo)
            ledger_sabia = sha256 is not None
            if sha256 is None:
                sha256 = sha256_de(ruta)
        except OSError as error:
            lote.avanzar(str(ruta), "error", _motivo_de_disco(error))
            continue
        estado_guardado, error_guardado = _estado_documento(lote.motor, sha256)
        if estado_guardado == "ok" or (estado_guardado == "error" and not reintentar):
            if not ledger_sabia:
                with lote.motor.begin() as conexion:
                    registrar_visto(conexion, archivo, sha256, lote.resumen.corrida)
            if estado_guardado == "error":
                lote.resumen.omitidos_con_error += 1
            lote.avanzar(archivo.archivo, "omitido", error_guardado)
            continue
        yield _Tarea(archivo, sha256, reemplazar_error=estado_guardado == "error")


def _motivo_de_disco(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "El archivo ya no está: se movió o se borró antes de cargarlo."
    if isinstance(error, PermissionError):
        return "No hay permiso para leer el archivo."
    return f"No se pudo leer el archivo del disco: {error.strerror or error}."


def _sha256_conocido(motor: Engine, archivo: ArchivoEnDisco) -> str | None:
    with para_leer(motor) as conexion:
        return conexion.execute(
            select(_vistos.c.sha256).where(
                _vistos.c.ruta == str(archivo.ruta),
                _vistos.c.tamano == archivo.tamano,
                _vistos.c.mtime_ns == archivo.mtime_ns,
            )
        ).scalar_one_or_none()


def _estado_documento(motor: Engine, sha256: str) -> tuple[str | None, str | None]:
    """`ok` or `error` (with its message) for content already stored; `None` for new content."""
    with para_leer(motor) as conexion:
        fila = conexion.execute(
            select(_documentos.c.estado, _documentos.c.error).where(_documentos.c.sha256 == sha256)
        ).one_or_none()
    return (None, None) if fila is None else (fila.estado, fila.error)


def _escribir(lote: _Lote, tarea: _Tarea, resultado: list[Plan] | FalloLectura) -> None:
    """One file, one transaction: a failure here rolls back this file only and the batch goes on."""
    nombre = tarea.archivo.archivo
    if isinstance(resultado, FalloLectura):
        lote.avanzar(nombre, "error", resultado.mensaje)
        return
    if not resultado or resultado[0].sha256 != tarea.sha256:
        lote.avanzar(nombre, "error", "El archivo cambió mientras se leía; se cargará en la próxima corrida.")
        return
    try:
        guardado = _guardar_con_reintentos(lote, tarea, resultado)
    except (OperationalError, InterfaceError):
        raise
    except SQLAlchemyError as error:
        detalle = error.orig if isinstance(error, DBAPIError) else error
        lote.avanzar(nombre, "error", f"No se pudo guardar en la base de datos: {detalle}")
        return
    lote.resumen.hallazgos += guardado.hallazgos
    lote.resumen.problemas += guardado.problemas
    if guardado.desenlace is Desenlace.CON_ERROR:
        lote.avanzar(nombre, "error", next(p.error for p in resultado if p.error))
    elif guardado.desenlace is Desenlace.YA_ESTABA:
        lote.avanzar(nombre, "omitido")
    else:
        lote.avanzar(nombre, "cargado")


_REINTENTABLES = {"40001", "40P01"}
"""PostgreSQL's "try again": a serialization failure or a deadlock broken by the server."""


def _guardar_con_reintentos(lote: _Lote, tarea: _Tarea, planes: list[Plan]) -> Guardado:
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
