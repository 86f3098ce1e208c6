"""The tables of the consolidated record, as Python sees them.

The database itself is created and changed only by the migrations in
`carga/migraciones`; these classes must say the same thing (a test checks it).
Every stored value can be traced to its file (`documentos`), its page or sheet
and row (`pagina`, `hoja`, `fila`), and the run that loaded it (`corridas`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Corrida(Base):
    """One run of `ingerir` (or of the watcher): who, when, what it was given, and what came of it."""

    __tablename__ = "corridas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    iniciada_en: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    terminada_en: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    estado: Mapped[str | None] = mapped_column(String(16))
    """`terminada`, or `interrumpida` when asked to stop between files; empty while running, or if it was killed."""
    equipo: Mapped[str | None] = mapped_column(Text)
    pid: Mapped[int | None] = mapped_column(Integer)
    rutas: Mapped[str | None] = mapped_column(Text)
    trabajadores: Mapped[int] = mapped_column(Integer, default=1)
    archivos: Mapped[int | None] = mapped_column(Integer)
    cargados: Mapped[int | None] = mapped_column(Integer)
    con_error: Mapped[int | None] = mapped_column(Integer)
    omitidos: Mapped[int | None] = mapped_column(Integer)
    hallazgos: Mapped[int | None] = mapped_column(Integer)
    problemas: Mapped[int | None] = mapped_column(Integer)


class Documento(Base):
    """One distinct file content: the same bytes under two names or loaded twice are one row."""

    __tablename__ = "documentos"
    __table_args__ = (CheckConstraint("estado IN ('ok', 'error')", name="ck_documentos_estado"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    archivo: Mapped[str] = mapped_column(Text)
    ruta: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    tipo: Mapped[str | None] = mapped_column(String(8))
    """The family of the format (pdf, docx, xlsx, imagen); empty when the file's kind cannot be told."""
    formato: Mapped[str | None] = mapped_column(String(8))
    """What the bytes really are: pdf, docx, doc, rtf, odt, xlsx, xls, ods, jpg, png, tiff."""
    leido_por_ocr: Mapped[bool | None] = mapped_column(Boolean)
    """Some of its text was read by OCR from a scan (a tie on `modificado_en` goes to a digital copy);
    empty for a document loaded before planmejora kept it, which the views take as: only an image file was."""
    estado: Mapped[str] = mapped_column(String(8))
    error: Mapped[str | None] = mapped_column(Text)
    tamano: Mapped[int] = mapped_column(BigInteger)
    modificado_en: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ingerido_en: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    corrida_id: Mapped[int | None] = mapped_column(ForeignKey("corridas.id"))


class ArchivoVisto(Base):
    """The ledger: a path seen with this size and modification time holds these bytes, so it is not read again."""

    __tablename__ = "archivos_vistos"
    __table_args__ = (UniqueConstraint("ruta", "tamano", "mtime_ns", name="uq_archivos_vistos_ruta"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ruta: Mapped[str] = mapped_column(Text)
    tamano: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    visto_en: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    corrida_id: Mapped[int | None] = mapped_column(ForeignKey("corridas.id"))


class PlanRegistrado(Base):
    """The identity of a plan across its follow-up copies; `clave` is how copies are recognised as one plan."""

    __tablename__ = "planes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clave: Mapped[str] = mapped_column(Text, unique=True)
    entidad: Mapped[str | None] = mapped_column(Text)
    proceso_auditado: Mapped[str | None] = mapped_column(Text)
    fecha_suscripcion: Mapped[dt.date | None] = mapped_column(Date)


class VersionPlan(Base):
    """One copy of a plan as one document holds it: the header as typed in that copy."""

    __tablename__ = "versiones_plan"
    __table_args__ = (UniqueConstraint("documento_id", "posicion", name="uq_versiones_plan_documento"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("planes.id"), index=True)
    documento_id: Mapped[int] = mapped_column(ForeignKey("documentos.id", ondelete="CASCADE"))
    posicion: Mapped[int] = mapped_column(Integer)
    hoja: Mapped[str | None] = mapped_column(Text)
    entidad: Mapped[str | None] = mapped_column(Text)
    codigo: Mapped[str | None] = mapped_column(Text)
    version: Mapped[str | None] = mapped_column(Text)
    fecha_formato: Mapped[dt.date | None] = mapped_column(Date)
    fecha_formato_raw: Mapped[str | None] = mapped_column(Text)
    fecha_formato_precision: Mapped[str | None] = mapped_column(String(8))
    fecha_formato_estado: Mapped[str] = mapped_column(String(16))
    proceso_auditado: Mapped[str | None] = mapped_column(Text)
    procedimientos: Mapped[str | None] = mapped_column(Text)
    responsables: Mapped[str | None] = mapped_column(Text)
    fecha_suscripcion: Mapped[dt.date | None] = mapped_column(Date)
    fecha_suscripcion_raw: Mapped[str | None] = mapped_column(Text)
    fecha_suscripcion_precision: Mapped[str | None] = mapped_column(String(8))
    fecha_suscripcion_estado: Mapped[str] = mapped_column(String(16))
    proyecto: Mapped[str | None] = mapped_column(Text)


class HallazgoRegistrado(Base):
    """One finding row of one copy, every field as normalised, with where it was in the document."""

    __tablename__ = "hallazgos"
    __table_args__ = (UniqueConstraint("version_id", "posicion", name="uq_hallazgos_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versiones_plan.id", ondelete="CASCADE"))
    posicion: Mapped[int] = mapped_column(Integer)
    numero: Mapped[str | None] = mapped_column(Text)
    descripcion: Mapped[str | None] = mapped_column(Text)
    accion_mejora: Mapped[str | None] = mapped_column(Text)
    meta_indicador: Mapped[str | None] = mapped_column(Text)
    plazo_meses: Mapped[int | None] = mapped_column(Integer)
    fecha_inicio: Mapped[dt.date | None] = mapped_column(Date)
    fecha_inicio_raw: Mapped[str | None] = mapped_column(Text)
    fecha_inicio_precision: Mapped[str | None] = mapped_column(String(8))
    fecha_inicio_estado: Mapped[str] = mapped_column(String(16))
    fecha_terminacion: Mapped[dt.date | None] = mapped_column(Date)
    fecha_terminacion_raw: Mapped[str | None] = mapped_column(Text)
    fecha_terminacion_precision: Mapped[str | None] = mapped_column(String(8))
    fecha_terminacion_estado: Mapped[str] = mapped_column(String(16))
    dependencia: Mapped[str | None] = mapped_column(Text)
    cargo_responsable: Mapped[str | None] = mapped_column(Text)
    cumplimiento: Mapped[bool | None] = mapped_column(Boolean)
    efectividad: Mapped[bool | None] = mapped_column(Boolean)
    estado_accion: Mapped[str | None] = mapped_column(String(16))
    direccion_tecnica: Mapped[str | None] = mapped_column(Text)
    observaciones: Mapped[str | None] = mapped_column(Text)
    pagina: Mapped[int | None] = mapped_column(Integer)
    hoja: Mapped[str | None] = mapped_column(Text)
    fila: Mapped[int | None] = mapped_column(Integer)


class ProblemaRegistrado(Base):
    """One entry of `problemas`: of the document, of one copy (`version_id`) or of one finding (`hallazgo_id`)."""

    __tablename__ = "problemas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    documento_id: Mapped[int] = mapped_column(ForeignKey("documentos.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("versiones_plan.id", ondelete="CASCADE"))
    hallazgo_id: Mapped[int | None] = mapped_column(ForeignKey("hallazgos.id", ondelete="CASCADE"))
    posicion: Mapped[int] = mapped_column(Integer)
    campo: Mapped[str] = mapped_column(Text)
    codigo: Mapped[str] = mapped_column(Text)
    mensaje: Mapped[str] = mapped_column(Text)
    raw: Mapped[str | None] = mapped_column(Text)
    valor: Mapped[str | None] = mapped_column(Text)
    pagina: Mapped[int | None] = mapped_column(Integer)
    hoja: Mapped[str | None] = mapped_column(Text)
    fila: Mapped[int | None] = mapped_column(Integer)


class FirmaRegistrada(Base):
    __tablename__ = "firmas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versiones_plan.id", ondelete="CASCADE"), index=True)
    posicion: Mapped[int] = mapped_column(Integer)
    nombre: Mapped[str] = mapped_column(Text)
    cargo: Mapped[str | None] = mapped_column(Text)


class Usuario(Base):
    """A person who signs in to the web application; only a hash of the password is kept, never the password."""

    __tablename__ = "usuarios"
    __table_args__ = (CheckConstraint("rol IN ('admin', 'carga', 'consulta')", name="ck_usuarios_rol"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nombre: Mapped[str] = mapped_column(String(64), unique=True)
    rol: Mapped[str] = mapped_column(String(16))
    clave: Mapped[str] = mapped_column(Text)
    creado_en: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
