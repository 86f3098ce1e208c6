"""The tables of the consolidated record, as Python sees them.

The database itself is created and changed only by the migrations in
`carga/migraciones`; these tables must say the same thing (a test checks it).
Every stored value can be traced to its file (`documentos`), its page or sheet
and row (`pagina`, `hoja`, `fila`), and the run that loaded it (`corridas`).

SQLAlchemy Core tables, not ORM classes: every query in planmejora is a Core statement, and the ORM
costs a nightly `ingerir` a tenth of a second of imports for nothing.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _momento(nombre: str, nullable: bool = False) -> Column[object]:
    return Column(nombre, DateTime(timezone=True), nullable=nullable)


def _referencia(
    nombre: str, destino: str, nullable: bool = False, en_cascada: bool = False, index: bool | None = None
) -> Column[int]:
    """A row's link to another table's `id`; `en_cascada`: deleting that row deletes this one."""
    return Column(
        nombre, Integer, ForeignKey(destino, ondelete="CASCADE" if en_cascada else None), nullable=nullable, index=index
    )


def _fecha_escrita(nombre: str) -> list[Column[object]]:
    """A date as four columns: the value, what was typed, its precision and the state of its reading."""
    return [
        Column(nombre, Date),
        Column(f"{nombre}_raw", Text),
        Column(f"{nombre}_precision", String(8)),
        Column(f"{nombre}_estado", String(16), nullable=False),
    ]


corridas = Table(
    "corridas",
    metadata,
    _id(),
    _momento("iniciada_en"),
    _momento("terminada_en", nullable=True),
    Column(
        "estado",
        String(16),
        doc="`terminada`, or `interrumpida` when asked to stop between files; empty while running or if killed.",
    ),
    Column("equipo", Text),
    Column("pid", Integer),
    Column("rutas", Text),
    Column("trabajadores", Integer, nullable=False, default=1),
    Column("archivos", Integer),
    Column("cargados", Integer),
    Column("con_error", Integer),
    Column("omitidos", Integer),
    Column("hallazgos", Integer),
    Column("problemas", Integer),
)
"""One run of `ingerir` (or of the watcher): who, when, what it was given, and what came of it."""

documentos = Table(
    "documentos",
    metadata,
    _id(),
    Column("archivo", Text, nullable=False),
    Column("ruta", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column(
        "tipo",
        String(8),
        doc="The family of the format (pdf, docx, xlsx, imagen); empty when the file's kind cannot be told.",
    ),
    Column(
        "formato", String(8), doc="What the bytes really are: pdf, docx, doc, rtf, odt, xlsx, xls, ods, jpg, png, tiff."
    ),
    Column(
        "leido_por_ocr",
        Boolean,
        doc="Some of its text was read by OCR from a scan (a tie on `modificado_en` goes to a digital copy); "
        "empty for a document loaded before planmejora kept it, which the views take as: only an image file was.",
    ),
    Column("estado", String(8), nullable=False),
    Column("error", Text),
    Column("tamano", BigInteger, nullable=False),
    _momento("modificado_en"),
    _momento("ingerido_en"),
    _referencia("corrida_id", "corridas.id", nullable=True),
    CheckConstraint("estado IN ('ok', 'error')", name="ck_documentos_estado"),
)
"""One distinct file content: the same bytes under two names or loaded twice are one row."""

archivos_vistos = Table(
    "archivos_vistos",
    metadata,
    _id(),
    Column("ruta", Text, nullable=False),
    Column("tamano", BigInteger, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False, index=True),
    _momento("visto_en"),
    _referencia("corrida_id", "corridas.id", nullable=True),
    UniqueConstraint("ruta", "tamano", "mtime_ns", name="uq_archivos_vistos_ruta"),
)
"""The ledger: a path seen with this size and modification time holds these bytes, so it is not read again."""

planes = Table(
    "planes",
    metadata,
    _id(),
    Column("clave", Text, nullable=False, unique=True),
    Column("entidad", Text),
    Column("proceso_auditado", Text),
    Column("fecha_suscripcion", Date),
)
"""The identity of a plan across its follow-up copies; `clave` is how copies are recognised as one plan."""

versiones_plan = Table(
    "versiones_plan",
    metadata,
    _id(),
    _referencia("plan_id", "planes.id", index=True),
    _referencia("documento_id", "documentos.id", en_cascada=True),
    Column("posicion", Integer, nullable=False),
    Column("hoja", Text),
    Column("entidad", Text),
    Column("codigo", Text),
    Column("version", Text),
    *_fecha_escrita("fecha_formato"),
    Column("proceso_auditado", Text),
    Column("procedimientos", Text),
    Column("responsables", Text),
    *_fecha_escrita("fecha_suscripcion"),
    Column("proyecto", Text),
    UniqueConstraint("documento_id", "posicion", name="uq_versiones_plan_documento"),
)
"""One copy of a plan as one document holds it: the header as typed in that copy."""

hallazgos = Table(
    "hallazgos",
    metadata,
    _id(),
    _referencia("version_id", "versiones_plan.id", en_cascada=True),
    Column("posicion", Integer, nullable=False),
    Column("numero", Text),
    Column("descripcion", Text),
    Column("accion_mejora", Text),
    Column("meta_indicador", Text),
    Column("plazo_meses", Integer),
    *_fecha_escrita("fecha_inicio"),
    *_fecha_escrita("fecha_terminacion"),
    Column("dependencia", Text),
    Column("cargo_responsable", Text),
    Column("cumplimiento", Boolean),
    Column("efectividad", Boolean),
    Column("estado_accion", String(16)),
    Column("direccion_tecnica", Text),
    Column("observaciones", Text),
    Column("pagina", Integer),
    Column("hoja", Text),
    Column("fila", Integer),
    UniqueConstraint("version_id", "posicion", name="uq_hallazgos_version"),
)
"""One finding row of one copy, every field as normalised, with where it was in the document."""

problemas = Table(
    "problemas",
    metadata,
    _id(),
    _referencia("documento_id", "documentos.id", en_cascada=True, index=True),
    _referencia("version_id", "versiones_plan.id", nullable=True, en_cascada=True),
    _referencia("hallazgo_id", "hallazgos.id", nullable=True, en_cascada=True),
    Column("posicion", Integer, nullable=False),
    Column("campo", Text, nullable=False),
    Column("codigo", Text, nullable=False),
    Column("mensaje", Text, nullable=False),
    Column("raw", Text),
    Column("valor", Text),
    Column("pagina", Integer),
    Column("hoja", Text),
    Column("fila", Integer),
)
"""One entry of `problemas`: of the document, of one copy (`version_id`) or of one finding (`hallazgo_id`)."""

firmas = Table(
    "firmas",
    metadata,
    _id(),
    _referencia("version_id", "versiones_plan.id", en_cascada=True, index=True),
    Column("posicion", Integer, nullable=False),
    Column("nombre", Text, nullable=False),
    Column("cargo", Text),
)

usuarios = Table(
    "usuarios",
    metadata,
    _id(),
    Column("nombre", String(64), nullable=False, unique=True),
    Column("rol", String(16), nullable=False),
    Column("clave", Text, nullable=False),
    _momento("creado_en"),
    CheckConstraint("rol IN ('admin', 'carga', 'consulta')", name="ck_usuarios_rol"),
)
"""A person who signs in to the web application; only a hash of the password is kept, never the password."""
