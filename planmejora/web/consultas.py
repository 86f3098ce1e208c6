"""What the pages show, read from the public views (`v_hallazgos`, `v_versiones`, `v_problemas`, `v_documentos`).

Filtering, sorting and paging happen in SQL, so the actions page costs the same with 200 or 20,000
actions. The follow-up state at a cut-off is `planmejora.vencimiento.estado_seguimiento` written as one SQL
expression, so that the database filters and sorts by it (a test holds the two to the same answers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnClause,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    String,
    case,
    column,
    func,
    literal,
    select,
    table,
)
from sqlalchemy.engine import RowMapping

from planmejora.web.busqueda import contiene

_TEXTO = String()


def _columnas(tipo: Any, nombres: str) -> list[ColumnClause[Any]]:
    return [column(nombre, tipo) for nombre in nombres.split()]


v_hallazgos = table(
    "v_hallazgos",
    *_columnas(Integer, "hallazgo_id plan_id version_id documento_id posicion plazo_meses pagina fila"),
    *_columnas(
        _TEXTO,
        "archivo tipo entidad proceso_auditado numero descripcion accion_mejora meta_indicador dependencia "
        "cargo_responsable estado_accion direccion_tecnica observaciones hoja fecha_inicio_precision "
        "fecha_terminacion_precision fecha_inicio_estado fecha_terminacion_estado fecha_inicio_raw "
        "fecha_terminacion_raw",
    ),
    *_columnas(Date, "fecha_suscripcion fecha_inicio fecha_terminacion"),
    *_columnas(Boolean, "cumplimiento efectividad"),
)
v_versiones = table(
    "v_versiones",
    *_columnas(Integer, "version_id plan_id documento_id numero_version posicion"),
    *_columnas(
        _TEXTO,
        "archivo sha256 tipo hoja_plan entidad codigo version proceso_auditado procedimientos responsables "
        "proyecto fecha_suscripcion_precision fecha_suscripcion_raw fecha_formato_precision fecha_formato_raw",
    ),
    *_columnas(Date, "fecha_suscripcion fecha_formato"),
    *_columnas(Boolean, "actual"),
)
v_problemas = table(
    "v_problemas",
    *_columnas(Integer, "problema_id documento_id plan_id hallazgo_id pagina fila"),
    *_columnas(_TEXTO, "archivo campo codigo mensaje raw valor hoja dependencia numero_hallazgo"),
    *_columnas(Boolean, "actual"),
)
v_documentos = table(
    "v_documentos",
    *_columnas(Integer, "documento_id"),
    *_columnas(_TEXTO, "archivo ruta sha256 tipo estado error"),
    *_columnas(Boolean, "actual"),
)
firmas = table("firmas", *_columnas(Integer, "version_id posicion"), *_columnas(_TEXTO, "nombre cargo"))

POR_PAGINA = (25, 50, 100, 200)


def estado_seguimiento(corte: dt.date) -> ColumnElement[str]:
    h = v_hallazgos.c
    vence_antes = case(
        (func.coalesce(h.fecha_terminacion_precision, "dia") == "mes", h.fecha_terminacion < corte.replace(day=1)),
        else_=h.fecha_terminacion < corte,
    )
    return case(
        (h.estado_accion == "cerrada", literal("cumplida")),
        (h.fecha_terminacion.is_(None), literal("sin_fecha")),
        (vence_antes, literal("vencida")),
        else_=literal("en_termino"),
    )


@dataclass(frozen=True, slots=True)
class FiltroAcciones:
    """What a person asks of the actions page; every field is optional."""

    entidad: str | None = None
    dependencia: str | None = None
    estado: str | None = None
    seguimiento: str | None = None
    vencidas: bool = False
    texto: str | None = None
    corte: dt.date = field(default_factory=dt.date.today)
    plan_id: int | None = None


ORDENES_ACCIONES = {
    "entidad": ("Entidad", (v_hallazgos.c.entidad, v_hallazgos.c.plan_id, v_hallazgos.c.posicion)),
    "numero": ("N°", (v_hallazgos.c.plan_id, v_hallazgos.c.posicion)),
    "dependencia": ("Dependencia", (v_hallazgos.c.dependencia,)),
    "terminacion": ("Terminación", (v_hallazgos.c.fecha_terminacion,)),
    "estado": ("Estado", (v_hallazgos.c.estado_accion,)),
}
"""Columns the actions page sorts by (name in the URL → label, SQL expressions); `seguimiento` too."""


@dataclass(frozen=True, slots=True)
class Pagina:
    filas: list[RowMapping]
    total: int
    numero: int
    por_pagina: int

    @property
    def paginas(self) -> int:
        return max(1, -(-self.total // self.por_pagina))


def _condiciones_acciones(filtro: FiltroAcciones) -> list[ColumnElement[bool]]:
    h = v_hallazgos.c
    condiciones: list[ColumnElement[bool]] = []
    if filtro.plan_id is not None:
        condiciones.append(h.plan_id == filtro.plan_id)
    if filtro.entidad:
        condiciones.append(h.entidad == filtro.entidad)
    if filtro.dependencia:
        condiciones.append(h.dependencia == filtro.dependencia)
    if filtro.estado == "sin_estado":
        condiciones.append(h.estado_accion.is_(None))
    elif filtro.estado:
        condiciones.append(h.estado_accion == filtro.estado)
    if filtro.seguimiento:
        condiciones.append(estado_seguimiento(filtro.corte) == filtro.seguimiento)
    if filtro.vencidas:
        condiciones.append(estado_seguimiento(filtro.corte) == "vencida")
    if filtro.texto and filtro.texto.strip():
        condiciones.append(_contiene(filtro.texto))
    return condiciones


def _contiene(texto: str) -> ColumnElement[bool]:
    """Free text anywhere in the action a person would search: its words, who owns it, whose plan it is."""
    h = v_hallazgos.c
    campos = (
        h.numero, h.descripcion, h.accion_mejora, h.meta_indicador, h.dependencia, h.cargo_responsable,
        h.observaciones, h.entidad, h.proceso_auditado, h.archivo,
    )  # fmt: skip
    juntos: ColumnElement[Any] = func.coalesce(campos[0], "")
    for campo in campos[1:]:
        juntos = juntos + " " + func.coalesce(campo, "")
    return contiene(juntos, texto)


def acciones(
    conexion: Connection,
    filtro: FiltroAcciones,
    orden: str = "numero",
    descendente: bool = False,
    numero: int = 1,
    por_pagina: int = 50,
) -> Pagina:
    """One page of the actions that pass `filtro`, sorted by `orden`, and how many pass in all.

    First the page's ids with the count of all that pass (a window over the filtered rows: the
    filters, a text search above all, are evaluated once, and only narrow rows are sorted); then
    the whole rows of those ids. A page past the end gives the last one.
    """
    condiciones = _condiciones_acciones(filtro)
    seguimiento = estado_seguimiento(filtro.corte).label("seguimiento")
    expresiones = (
        (seguimiento,) if orden == "seguimiento" else ORDENES_ACCIONES.get(orden, ORDENES_ACCIONES["numero"])[1]
    )
    claves = [e.desc().nulls_last() if descendente else e.asc().nulls_last() for e in expresiones]
    ids: Select[Any] = (
        select(v_hallazgos.c.hallazgo_id, func.count().over().label("total"))
        .where(*condiciones)
        .order_by(*claves, v_hallazgos.c.hallazgo_id)
        .limit(por_pagina)
    )
    numero = max(1, numero)
    pagina = conexion.execute(ids.offset((numero - 1) * por_pagina)).all()
    if not pagina and numero > 1:
        total = conexion.scalar(select(func.count()).select_from(v_hallazgos).where(*condiciones)) or 0
        numero = max(1, -(-total // por_pagina))
        pagina = conexion.execute(ids.offset((numero - 1) * por_pagina)).all()
    filas = {
        fila["hallazgo_id"]: fila
        for fila in conexion.execute(
            select(v_hallazgos, seguimiento).where(v_hallazgos.c.hallazgo_id.in_([f.hallazgo_id for f in pagina]))
        ).mappings()
    }
    return Pagina([filas[f.hallazgo_id] for f in pagina], pagina[0].total if pagina else 0, numero, por_pagina)


def opciones_de_filtro(conexion: Connection) -> dict[str, list[str]]:
    """The entities and dependencias present, for the filters' drop-down lists."""
    h = v_hallazgos.c
    return {
        nombre: [v for v in conexion.scalars(select(columna).distinct().where(columna.is_not(None)).order_by(columna))]
        for nombre, columna in (("entidades", h.entidad), ("dependencias", h.dependencia))
    }


@dataclass(frozen=True, slots=True)
class Resumen:
    """The home page: totals, and the actions overdue per dependencia at the cut-off."""

    totales: dict[str, int]
    por_dependencia: list[RowMapping]
    corte: dt.date


def resumen(conexion: Connection, corte: dt.date) -> Resumen:
    h = v_hallazgos.c
    seguimiento = estado_seguimiento(corte)
    acciones_fila = conexion.execute(
        select(
            func.count().label("acciones"),
            func.count(func.distinct(h.plan_id)).label("planes_con_acciones"),
            func.sum(case((seguimiento == "cumplida", 1), else_=0)).label("cumplidas"),
            func.sum(case((seguimiento == "vencida", 1), else_=0)).label("vencidas"),
            func.sum(case((seguimiento == "en_termino", 1), else_=0)).label("en_termino"),
        )
    ).one()
    totales = {
        "documentos": conexion.scalar(select(func.count()).select_from(v_documentos)) or 0,
        "ilegibles": conexion.scalar(
            select(func.count())
            .select_from(v_documentos)
            .where(v_documentos.c.estado == "error", v_documentos.c.actual)
        )
        or 0,
        "planes": conexion.scalar(select(func.count()).select_from(v_versiones).where(v_versiones.c.actual)) or 0,
        "acciones": acciones_fila.acciones or 0,
        "cumplidas": acciones_fila.cumplidas or 0,
        "vencidas": acciones_fila.vencidas or 0,
        "en_termino": acciones_fila.en_termino or 0,
        "problemas": conexion.scalar(select(func.count()).select_from(v_problemas).where(v_problemas.c.actual)) or 0,
    }
    por_dependencia = list(
        conexion.execute(
            select(
                h.dependencia,
                func.count().label("acciones"),
                func.sum(case((seguimiento == "vencida", 1), else_=0)).label("vencidas"),
                func.sum(case((seguimiento == "cumplida", 1), else_=0)).label("cumplidas"),
            )
            .group_by(h.dependencia)
            .order_by(func.sum(case((seguimiento == "vencida", 1), else_=0)).desc(), h.dependencia)
        ).mappings()
    )
    return Resumen(totales, por_dependencia, corte)


@dataclass(frozen=True, slots=True)
class FiltroPlanes:
    texto: str | None = None
    entidad: str | None = None
    desde: dt.date | None = None
    hasta: dt.date | None = None


def planes(conexion: Connection, filtro: FiltroPlanes, numero: int = 1, por_pagina: int = 50) -> Pagina:
    """The current version of each plan that passes `filtro`, newest subscription first, with its counts."""
    v = v_versiones.c
    condiciones: list[ColumnElement[bool]] = [v.actual]
    if filtro.texto and filtro.texto.strip():
        juntos = func.coalesce(v.entidad, "") + " " + func.coalesce(v.proceso_auditado, "") + " " + v.archivo
        condiciones.append(contiene(juntos, filtro.texto))
    if filtro.entidad:
        condiciones.append(v.entidad == filtro.entidad)
    if filtro.desde:
        condiciones.append(v.fecha_suscripcion >= filtro.desde)
    if filtro.hasta:
        condiciones.append(v.fecha_suscripcion <= filtro.hasta)
    total = conexion.scalar(select(func.count()).select_from(v_versiones).where(*condiciones)) or 0
    numero = min(max(1, numero), max(1, -(-total // por_pagina)))
    cuantas = (
        select(func.count())
        .select_from(v_hallazgos)
        .where(v_hallazgos.c.version_id == v.version_id)
        .scalar_subquery()
        .label("acciones")
    )
    problemas = (
        select(func.count())
        .select_from(v_problemas)
        .where(v_problemas.c.plan_id == v.plan_id, v_problemas.c.actual)
        .scalar_subquery()
        .label("problemas")
    )
    consulta = (
        select(v_versiones, cuantas, problemas)
        .where(*condiciones)
        .order_by(v.fecha_suscripcion.desc().nulls_last(), v.entidad, v.plan_id)
        .limit(por_pagina)
        .offset((numero - 1) * por_pagina)
    )
    return Pagina(list(conexion.execute(consulta).mappings()), total, numero, por_pagina)


@dataclass(frozen=True, slots=True)
class DetallePlan:
    actual: RowMapping
    versiones: list[RowMapping]
    acciones: list[RowMapping]
    problemas: list[RowMapping]
    firmas: list[RowMapping]


def plan(conexion: Connection, plan_id: int, corte: dt.date) -> DetallePlan | None:
    """Everything about one plan: its current header, every version, its actions, problems and signatures."""
    v = v_versiones.c
    versiones = list(
        conexion.execute(select(v_versiones).where(v.plan_id == plan_id).order_by(v.numero_version.desc())).mappings()
    )
    actual = next((fila for fila in versiones if fila["actual"]), None)
    if actual is None:
        return None
    seguimiento = estado_seguimiento(corte).label("seguimiento")
    acciones_del_plan = list(
        conexion.execute(
            select(v_hallazgos, seguimiento)
            .where(v_hallazgos.c.plan_id == plan_id)
            .order_by(v_hallazgos.c.posicion, v_hallazgos.c.hallazgo_id)
        ).mappings()
    )
    problemas_del_plan = list(
        conexion.execute(
            select(v_problemas)
            .where(v_problemas.c.plan_id == plan_id, v_problemas.c.actual)
            .order_by(v_problemas.c.problema_id)
        ).mappings()
    )
    firmas_del_plan = list(
        conexion.execute(
            select(firmas).where(firmas.c.version_id == actual["version_id"]).order_by(firmas.c.posicion)
        ).mappings()
    )
    return DetallePlan(actual, versiones, acciones_del_plan, problemas_del_plan, firmas_del_plan)


def documento(conexion: Connection, documento_id: int) -> RowMapping | None:
    return conexion.execute(select(v_documentos).where(v_documentos.c.documento_id == documento_id)).mappings().first()


@dataclass(frozen=True, slots=True)
class CargaDeDocumento:
    """What one content holds once loaded: its row, and the plans it gave (id and a name a person knows)."""

    documento_id: int
    estado: str
    error: str | None
    planes: list[tuple[int, str]]
    problemas: int


def cargas_de(conexion: Connection, sha256s: Sequence[str]) -> dict[str, CargaDeDocumento]:
    """For each content, its document, its plans and its problems: what the upload page links to."""
    if not sha256s:
        return {}
    d = v_documentos.c
    documentos = conexion.execute(select(v_documentos).where(d.sha256.in_(set(sha256s)))).mappings().all()
    resultado: dict[str, CargaDeDocumento] = {}
    for fila in documentos:
        versiones = conexion.execute(
            select(
                v_versiones.c.plan_id, v_versiones.c.entidad, v_versiones.c.proceso_auditado, v_versiones.c.hoja_plan
            )
            .where(v_versiones.c.documento_id == fila["documento_id"])
            .order_by(v_versiones.c.posicion)
        ).mappings()
        problemas = conexion.scalar(
            select(func.count()).select_from(v_problemas).where(v_problemas.c.documento_id == fila["documento_id"])
        )
        resultado[fila["sha256"]] = CargaDeDocumento(
            documento_id=fila["documento_id"],
            estado=fila["estado"],
            error=fila["error"],
            planes=[(v["plan_id"], _nombre_de_plan(v)) for v in versiones],
            problemas=problemas or 0,
        )
    return resultado


def _nombre_de_plan(version: RowMapping) -> str:
    partes = [version["entidad"] or "Sin entidad", version["proceso_auditado"] or "sin proceso"]
    if version["hoja_plan"]:
        partes.append(f"hoja «{version['hoja_plan']}»")
    return " · ".join(partes)
