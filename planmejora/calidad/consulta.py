"""Read the report's rows from the public views only (`v_problemas`, `v_hallazgos`, `v_versiones`, `v_documentos`).

The report never writes and never migrates: it opens what the user names, and says in Spanish
what is wrong when that is not a planmejora database yet. Columns beyond the contract's minimum
(origin, value adopted, dependencia) are used when the views have them, so an older database
still gives a report, only with less detail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, inspect, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import DBAPIError

from carga.conexion import ErrorDeBase, crear_motor, describir, enmascarar, interpretar, para_leer
from planmejora.calidad.modelo import Accion, DocumentoIlegible, FilaProblema, Filtros, Reporte

VISTAS = ("documentos", "v_hallazgos", "v_problemas")
"""What the report cannot do without; `v_versiones` and `v_documentos` add what they know when present."""
ORDEN_HALLAZGOS = ("archivo", "plan_id", "posicion", "hallazgo_id")


def _motor(url: str) -> Engine:
    """An engine for an existing database: a report must not leave an empty SQLite file behind."""
    interpretada = interpretar(url)
    archivo = interpretada.database
    if interpretada.get_backend_name() == "sqlite" and archivo and archivo != ":memory:" and not Path(archivo).exists():
        raise ErrorDeBase(
            f"No existe la base de datos «{archivo}». Cargue primero los planes con "
            f"«planmejora ingerir CARPETA --db {enmascarar(url)}», o indique otra base con --db.",
            uso=True,
        )
    return crear_motor(url, solo_lectura=True)


def fecha_sql(valor: Any) -> dt.date | None:
    """A SQL date as each driver returns it: a date (PostgreSQL) or ISO text (SQLite)."""
    if valor is None or valor == "":
        return None
    if isinstance(valor, dt.datetime):
        return valor.date()
    if isinstance(valor, dt.date):
        return valor
    return dt.date.fromisoformat(str(valor)[:10])


def booleano_sql(valor: Any) -> bool | None:
    return None if valor is None else bool(valor)


def entero_sql(valor: Any) -> int | None:
    return None if valor is None else int(valor)


def texto_sql(valor: Any) -> str | None:
    return None if valor is None else str(valor)


def _filas(conexion: Connection, nombre: str, orden: Iterable[str]) -> list[RowMapping]:
    vista = Table(nombre, MetaData(), autoload_with=conexion)
    consulta = select(vista).order_by(*(vista.c[c] for c in orden if c in vista.c))
    return list(conexion.execute(consulta).mappings())


def _etiquetas_de_planes(filas: list[RowMapping]) -> dict[Any, str]:
    """A name for each plan a person recognises: entity and file (and sheet, for workbooks of several plans)."""
    etiquetas: dict[Any, str] = {}
    for fila in filas:
        clave = fila.get("plan_id", fila["archivo"])
        if clave in etiquetas:
            continue
        etiqueta = f"{fila.get('entidad') or 'sin entidad'} — {fila['archivo']}"
        if fila.get("hoja"):
            etiqueta += f" (hoja «{fila['hoja']}»)"
        if etiqueta in etiquetas.values():
            etiqueta += f" [plan {clave}]"
        etiquetas[clave] = etiqueta
    return etiquetas


def acciones_de(filas: list[RowMapping]) -> list[Accion]:
    etiquetas = _etiquetas_de_planes(filas)
    return [
        Accion(
            archivo=str(f["archivo"]),
            plan=etiquetas[f.get("plan_id", f["archivo"])],
            numero=texto_sql(f.get("numero")),
            accion_mejora=texto_sql(f.get("accion_mejora")),
            dependencia=texto_sql(f.get("dependencia")),
            fecha_terminacion=fecha_sql(f.get("fecha_terminacion")),
            fecha_terminacion_precision=texto_sql(f.get("fecha_terminacion_precision")),
            estado_accion=texto_sql(f.get("estado_accion")),
            cumplimiento=booleano_sql(f.get("cumplimiento")),
            efectividad=booleano_sql(f.get("efectividad")),
            entidad=texto_sql(f.get("entidad")),
            fecha_suscripcion=fecha_sql(f.get("fecha_suscripcion")),
            cargo_responsable=texto_sql(f.get("cargo_responsable")),
            proceso_auditado=texto_sql(f.get("proceso_auditado")),
            hallazgo_id=entero_sql(f.get("hallazgo_id")),
            plan_id=entero_sql(f.get("plan_id")),
        )
        for f in filas
    ]


def _es_actual(fila: RowMapping) -> bool:
    """A row of the current version of its plan, or of what its path holds now (no `actual` column: all are)."""
    return fila.get("actual", True) in (True, 1, None)


def _ilegibles(conexion: Connection, presentes: set[str]) -> tuple[list[DocumentoIlegible], int]:
    """The unreadable files still at their path, and how many have been replaced there by newer bytes since."""
    tabla = Table("v_documentos" if "v_documentos" in presentes else "documentos", MetaData(), autoload_with=conexion)
    filas = conexion.execute(select(tabla).where(tabla.c.estado == "error").order_by(tabla.c.archivo)).mappings()
    actuales: list[DocumentoIlegible] = []
    reemplazados = 0
    for fila in filas:
        if _es_actual(fila):
            actuales.append(DocumentoIlegible(str(fila["archivo"]), str(fila["error"] or "sin motivo registrado")))
        else:
            reemplazados += 1
    return actuales, reemplazados


def _planes(versiones: list[RowMapping], hallazgos: list[RowMapping], filtros: Filtros) -> set[Any]:
    """The current plans the filters let through, counted from their versions: a plan without findings counts too.

    A plan has no dependencia of its own: with that filter, the plans with an action of that dependencia.
    """
    planes = {
        f["plan_id"]
        for f in versiones
        if _es_actual(f)
        and filtros.deja_fecha(fecha_sql(f.get("fecha_suscripcion")))
        and filtros.deja_entidad(texto_sql(f.get("entidad")))
    }
    if filtros.dependencia:
        planes &= {f["plan_id"] for f in hallazgos if filtros.deja_dependencia(texto_sql(f.get("dependencia")))}
    return planes


def _problemas(filas: list[RowMapping], suscripcion_por_plan: dict[Any, dt.date | None]) -> list[FilaProblema]:
    return [
        FilaProblema(
            archivo=str(f["archivo"]),
            campo=str(f["campo"]),
            codigo=str(f["codigo"]),
            mensaje=str(f["mensaje"]),
            raw=texto_sql(f.get("raw")),
            valor=texto_sql(f.get("valor")),
            hoja=texto_sql(f.get("hoja")),
            pagina=entero_sql(f.get("pagina")),
            fila=entero_sql(f.get("fila")),
            dependencia=texto_sql(f.get("dependencia")),
            numero_hallazgo=texto_sql(f.get("numero_hallazgo")),
            fecha_suscripcion=fecha_sql(f["fecha_suscripcion"])
            if "fecha_suscripcion" in f
            else suscripcion_por_plan.get(f.get("plan_id")),
            entidad=texto_sql(f.get("entidad")),
        )
        for f in filas
    ]


def _comprobar_vistas(conexion: Connection, base: str) -> set[str]:
    """The tables and views present, once the ones the report needs are known to be there."""
    inspector = inspect(conexion)
    presentes = set(inspector.get_table_names()) | set(inspector.get_view_names())
    if faltan := [v for v in VISTAS if v not in presentes]:
        raise ErrorDeBase(
            f"La base de datos «{base}» no tiene datos de planmejora (falta {', '.join(faltan)}). "
            "Cargue primero los planes con «planmejora ingerir CARPETA»."
        )
    return presentes


@dataclass(frozen=True, slots=True)
class Vistas:
    """One read-only snapshot of a planmejora database: its connection, its name without password, its views."""

    conexion: Connection
    base: str
    presentes: set[str]
    documentos: int

    def filas(self, nombre: str, orden: Iterable[str] = ()) -> list[RowMapping]:
        return _filas(self.conexion, nombre, orden)


def _contar_documentos(conexion: Connection) -> int:
    documentos = Table("documentos", MetaData(), autoload_with=conexion)
    return conexion.scalar(select(func.count()).select_from(documentos)) or 0


@contextmanager
def leer_vistas(url: str) -> Iterator[Vistas]:
    """The public views of `url`, read in one snapshot; every way that fails is an `ErrorDeBase` in Spanish.

    Every output of the office (the report, the follow-up, the reminders) reads through here, so a
    missing file, a database that is not planmejora's or a server that does not answer read the same.
    """
    motor = _motor(url)
    base = describir(motor)
    try:
        with para_leer(motor) as conexion:
            vistas = Vistas(conexion, base, _comprobar_vistas(conexion, base), _contar_documentos(conexion))
            if vistas.documentos == 0:
                raise ErrorDeBase(
                    f"La base de datos «{base}» no tiene documentos cargados: no hay nada que reportar. "
                    "Cargue primero los planes con «planmejora ingerir CARPETA»."
                )
            yield vistas
    except DBAPIError as error:
        detalle = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else type(error.orig).__name__
        raise ErrorDeBase(f"No se pudo leer la base de datos «{base}»: {enmascarar(detalle, url)}.") from error
    finally:
        motor.dispose()


def leer_acciones(vistas: Vistas, filtros: Filtros) -> list[Accion]:
    """Every action of the current version of each plan that the filters let through."""
    hallazgos = vistas.filas("v_hallazgos", ORDEN_HALLAZGOS)
    return [a for a in acciones_de(hallazgos) if filtros.deja_accion(a)]


def leer_reporte(url: str, filtros: Filtros, corte: dt.date, ahora: dt.datetime | None = None) -> Reporte:
    """Everything the report shows, read in one snapshot of the database, then filtered."""
    with leer_vistas(url) as vistas:
        base, presentes, cantidad = vistas.base, vistas.presentes, vistas.documentos
        ilegibles, ilegibles_reemplazados = _ilegibles(vistas.conexion, presentes)
        hallazgos = vistas.filas("v_hallazgos", ORDEN_HALLAZGOS)
        problemas = vistas.filas("v_problemas", ("archivo", "problema_id"))
        versiones = vistas.filas("v_versiones", ("plan_id",)) if "v_versiones" in presentes else None
    # Databases older than v_problemas.fecha_suscripcion: the date of a problem's plan, known from its findings.
    suscripcion_por_plan = {f.get("plan_id"): fecha_sql(f.get("fecha_suscripcion")) for f in hallazgos}
    acciones = [a for a in acciones_de(hallazgos) if filtros.deja_accion(a)]
    return Reporte(
        base=base,
        corte=corte,
        generado=ahora or dt.datetime.now().replace(microsecond=0),
        filtros=filtros,
        documentos=cantidad,
        planes=len({a.plan for a in acciones}) if versiones is None else len(_planes(versiones, hallazgos, filtros)),
        problemas=[
            p
            for p in _problemas([f for f in problemas if _es_actual(f)], suscripcion_por_plan)
            if filtros.deja_problema(p)
        ],
        de_versiones_anteriores=sum(not _es_actual(f) for f in problemas),
        codigos_en_base=frozenset(str(f["codigo"]) for f in problemas),
        acciones=acciones,
        ilegibles=ilegibles,
        ilegibles_reemplazados=ilegibles_reemplazados,
    )
