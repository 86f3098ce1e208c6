"""Store what one file gave, inside the caller's transaction: all of it, or (on rollback) nothing.

Several loaders may write the same database at once. Whoever inserts a content first owns
it: the others meet the UNIQUE constraint on `documentos.sha256` and `INSERT … ON CONFLICT
DO NOTHING` tells them it is already there, so a file is loaded exactly once however many
processes see it, with no error.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from carga import modelos
from carga.identidad import clave_plan
from carga.rutas import texto_de_ruta
from normalizacion.modelo import COLUMNAS, Fecha, Hallazgo, Origen, Plan, Problema

NO_ES_EL_FORMATO = "no_es_gem_fm014"
_INDICE_HALLAZGO = re.compile(r"^hallazgos\[(\d+)\]")

_documentos = modelos.documentos
_vistos = modelos.archivos_vistos
_planes = modelos.planes
_versiones = modelos.versiones_plan
_hallazgos = modelos.hallazgos
_problemas = modelos.problemas
_firmas = modelos.firmas


@dataclass(frozen=True, slots=True)
class ArchivoEnDisco:
    """One file as the loader found it: `archivo` is the name the user gave, `ruta` the absolute path."""

    archivo: str
    ruta: Path
    tamano: int
    mtime_ns: int

    @property
    def modificado_en(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.mtime_ns / 1e9, tz=dt.UTC)


class Desenlace(Enum):
    CARGADO = "cargado"
    CON_ERROR = "error"
    YA_ESTABA = "omitido"


@dataclass(frozen=True, slots=True)
class Guardado:
    desenlace: Desenlace
    hallazgos: int = 0
    problemas: int = 0


def ahora() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _insertar_si_no_existe(conexion: Connection, tabla: Table, valores: dict[str, Any], *claves: str) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING RETURNING id: the new id, or None when the row was already there."""
    dialecto = postgresql if conexion.dialect.name == "postgresql" else sqlite
    sentencia = dialecto.insert(tabla).values(valores).on_conflict_do_nothing(index_elements=list(claves))
    return conexion.execute(sentencia.returning(tabla.c.id)).scalar_one_or_none()


def registrar_visto(conexion: Connection, archivo: ArchivoEnDisco, sha256: str, corrida_id: int | None) -> None:
    """Remember that this path, at this size and modification time, holds these bytes."""
    _insertar_si_no_existe(
        conexion,
        _vistos,
        {
            "ruta": texto_de_ruta(archivo.ruta),
            "tamano": archivo.tamano,
            "mtime_ns": archivo.mtime_ns,
            "sha256": sha256,
            "visto_en": ahora(),
            "corrida_id": corrida_id,
        },
        "ruta",
        "tamano",
        "mtime_ns",
    )


def guardar_documento(
    conexion: Connection,
    archivo: ArchivoEnDisco,
    planes: list[Plan],
    corrida_id: int | None,
    reemplazar_error: bool = False,
) -> Guardado:
    """Store one file's plans (all from the same bytes); `reemplazar_error` retries content that failed before."""
    if not planes:
        raise ValueError(f"{archivo.archivo}: el extractor no devolvió ningún plan")
    primero = planes[0]
    error = next((p.error for p in planes if p.error), None)
    if reemplazar_error:
        conexion.execute(
            delete(_documentos).where(_documentos.c.sha256 == primero.sha256, _documentos.c.estado == "error")
        )
    documento_id = _insertar_si_no_existe(
        conexion,
        _documentos,
        {
            "archivo": archivo.archivo,
            "ruta": texto_de_ruta(archivo.ruta),
            "sha256": primero.sha256,
            "tipo": primero.tipo,
            "formato": primero.formato,
            "leido_por_ocr": any(plan.leido_por_ocr for plan in planes),
            "estado": "error" if error else "ok",
            "error": error,
            "tamano": archivo.tamano,
            "modificado_en": archivo.modificado_en,
            "ingerido_en": ahora(),
            "corrida_id": corrida_id,
        },
        "sha256",
    )
    registrar_visto(conexion, archivo, primero.sha256, corrida_id)
    if documento_id is None:
        return Guardado(Desenlace.YA_ESTABA)
    ids_planes = _registrar_planes(conexion, [plan for plan in planes if _es_copia_del_formato(plan)])
    hallazgos = problemas = 0
    for posicion, plan in enumerate(planes):
        version_id = None
        ids_hallazgos: list[int] = []
        if _es_copia_del_formato(plan):
            version_id = _guardar_version(conexion, documento_id, ids_planes[clave_plan(plan)], posicion, plan)
            ids_hallazgos = _guardar_hallazgos(conexion, version_id, plan.hallazgos)
            _guardar_firmas(conexion, version_id, plan)
        _guardar_problemas(conexion, documento_id, version_id, ids_hallazgos, plan)
        hallazgos += len(ids_hallazgos)
        problemas += len(plan.problemas)
    return Guardado(Desenlace.CON_ERROR if error else Desenlace.CARGADO, hallazgos, problemas)


def _es_copia_del_formato(plan: Plan) -> bool:
    return plan.error is None and not any(p.codigo == NO_ES_EL_FORMATO for p in plan.problemas)


def _registrar_planes(conexion: Connection, planes: list[Plan]) -> dict[str, int]:
    """Each plan identity's id, created if new. In key order, so two loaders never wait on each other in a cycle."""
    ids: dict[str, int] = {}
    por_clave = {clave_plan(plan): plan for plan in planes}
    for clave in sorted(por_clave):
        encabezado = por_clave[clave].encabezado
        nuevo = _insertar_si_no_existe(
            conexion,
            _planes,
            {
                "clave": clave,
                "entidad": encabezado.entidad,
                "proceso_auditado": encabezado.proceso_auditado,
                "fecha_suscripcion": encabezado.fecha_suscripcion.valor,
            },
            "clave",
        )
        if nuevo is None:
            nuevo = conexion.execute(select(_planes.c.id).where(_planes.c.clave == clave)).scalar_one()
        ids[clave] = nuevo
    return ids


def _fecha(nombre: str, fecha: Fecha) -> dict[str, Any]:
    return {
        nombre: fecha.valor,
        f"{nombre}_raw": fecha.raw,
        f"{nombre}_precision": fecha.precision if fecha.valor is not None else None,
        f"{nombre}_estado": fecha.estado,
    }


def _origen(origen: Origen | None) -> dict[str, Any]:
    if origen is None:
        return {"pagina": None, "hoja": None, "fila": None}
    return {"pagina": origen.pagina, "hoja": origen.hoja, "fila": origen.fila}


def _guardar_version(conexion: Connection, documento_id: int, plan_id: int, posicion: int, plan: Plan) -> int:
    e = plan.encabezado
    valores = {
        "plan_id": plan_id,
        "documento_id": documento_id,
        "posicion": posicion,
        "hoja": plan.hoja,
        "entidad": e.entidad,
        "codigo": e.codigo,
        "version": e.version,
        **_fecha("fecha_formato", e.fecha_formato),
        "proceso_auditado": e.proceso_auditado,
        "procedimientos": e.procedimientos,
        "responsables": e.responsables,
        **_fecha("fecha_suscripcion", e.fecha_suscripcion),
        "proyecto": plan.proyecto,
    }
    return int(conexion.execute(insert(_versiones).values(valores).returning(_versiones.c.id)).scalar_one())


def _valores_hallazgo(version_id: int, posicion: int, h: Hallazgo) -> dict[str, Any]:
    """One column per field of the form (`COLUMNAS`); a date is three: value, precision and state."""
    valores: dict[str, Any] = {"version_id": version_id, "posicion": posicion}
    for campo in COLUMNAS:
        valor = getattr(h, campo)
        valores.update(_fecha(campo, valor) if isinstance(valor, Fecha) else {campo: valor})
    return {**valores, **_origen(h.origen)}


def _guardar_hallazgos(conexion: Connection, version_id: int, hallazgos: list[Hallazgo]) -> list[int]:
    """The new rows' ids, in the order of `hallazgos`, so problems can point at their finding."""
    if not hallazgos:
        return []
    filas = [_valores_hallazgo(version_id, posicion, h) for posicion, h in enumerate(hallazgos)]
    sentencia = insert(_hallazgos).returning(_hallazgos.c.id, sort_by_parameter_order=True)
    return [int(i) for i in conexion.execute(sentencia, filas).scalars()]


def _guardar_firmas(conexion: Connection, version_id: int, plan: Plan) -> None:
    if plan.firmas:
        conexion.execute(
            insert(_firmas),
            [
                {"version_id": version_id, "posicion": posicion, "nombre": firma.nombre, "cargo": firma.cargo}
                for posicion, firma in enumerate(plan.firmas)
            ],
        )


def _guardar_problemas(
    conexion: Connection, documento_id: int, version_id: int | None, ids_hallazgos: list[int], plan: Plan
) -> None:
    if plan.problemas:
        conexion.execute(
            insert(_problemas),
            [
                _valores_problema(documento_id, version_id, ids_hallazgos, posicion, problema, plan)
                for posicion, problema in enumerate(plan.problemas)
            ],
        )


def _valores_problema(
    documento_id: int, version_id: int | None, ids_hallazgos: list[int], posicion: int, problema: Problema, plan: Plan
) -> dict[str, Any]:
    """A problem about a finding points at it, and is located where the finding is unless it says otherwise."""
    hallazgo_id = None
    origen = problema.origen
    indice = _INDICE_HALLAZGO.match(problema.campo)
    if indice and int(indice.group(1)) < len(ids_hallazgos):
        hallazgo_id = ids_hallazgos[int(indice.group(1))]
        origen = origen or plan.hallazgos[int(indice.group(1))].origen
    ubicacion = _origen(origen)
    if ubicacion["hoja"] is None and ubicacion["pagina"] is None:
        ubicacion["hoja"] = plan.hoja
    return {
        "documento_id": documento_id,
        "version_id": version_id,
        "hallazgo_id": hallazgo_id,
        "posicion": posicion,
        "campo": problema.campo,
        "codigo": problema.codigo,
        "mensaje": problema.mensaje,
        "raw": problema.raw,
        "valor": problema.valor,
        **ubicacion,
    }
