"""Esquema inicial: documentos, libro de archivos vistos, planes y sus versiones, hallazgos, problemas, firmas,
corridas, y las vistas v_hallazgos, v_hallazgos_historia, v_problemas.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_MARCA_TIEMPO = sa.DateTime(timezone=True)


def _fecha(nombre: str) -> list[sa.Column[object]]:
    """A date as the contract stores it: SQL date (first day of the month for `mes`), what was typed, how."""
    return [
        sa.Column(nombre, sa.Date()),
        sa.Column(f"{nombre}_raw", sa.Text()),
        sa.Column(f"{nombre}_precision", sa.String(8)),
        sa.Column(f"{nombre}_estado", sa.String(16), nullable=False),
    ]


def _origen() -> list[sa.Column[object]]:
    return [sa.Column("pagina", sa.Integer()), sa.Column("hoja", sa.Text()), sa.Column("fila", sa.Integer())]


def upgrade() -> None:
    op.create_table(
        "corridas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("iniciada_en", _MARCA_TIEMPO, nullable=False),
        sa.Column("terminada_en", _MARCA_TIEMPO),
        sa.Column("equipo", sa.Text()),
        sa.Column("pid", sa.Integer()),
        sa.Column("rutas", sa.Text()),
        sa.Column("trabajadores", sa.Integer(), nullable=False),
        sa.Column("archivos", sa.Integer()),
        sa.Column("cargados", sa.Integer()),
        sa.Column("con_error", sa.Integer()),
        sa.Column("omitidos", sa.Integer()),
        sa.Column("hallazgos", sa.Integer()),
        sa.Column("problemas", sa.Integer()),
    )
    op.create_table(
        "documentos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("archivo", sa.Text(), nullable=False),
        sa.Column("ruta", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("tipo", sa.String(8), nullable=False),
        sa.Column("estado", sa.String(8), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("tamano", sa.BigInteger(), nullable=False),
        sa.Column("modificado_en", _MARCA_TIEMPO, nullable=False),
        sa.Column("ingerido_en", _MARCA_TIEMPO, nullable=False),
        sa.Column("corrida_id", sa.Integer(), sa.ForeignKey("corridas.id")),
        sa.UniqueConstraint("sha256", name="uq_documentos_sha256"),
        sa.CheckConstraint("estado IN ('ok', 'error')", name="ck_documentos_estado"),
    )
    op.create_table(
        "archivos_vistos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ruta", sa.Text(), nullable=False),
        sa.Column("tamano", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("visto_en", _MARCA_TIEMPO, nullable=False),
        sa.Column("corrida_id", sa.Integer(), sa.ForeignKey("corridas.id")),
        sa.UniqueConstraint("ruta", "tamano", "mtime_ns", name="uq_archivos_vistos_ruta"),
    )
    op.create_index("ix_archivos_vistos_sha256", "archivos_vistos", ["sha256"])
    op.create_table(
        "planes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("clave", sa.Text(), nullable=False),
        sa.Column("entidad", sa.Text()),
        sa.Column("proceso_auditado", sa.Text()),
        sa.Column("fecha_suscripcion", sa.Date()),
        sa.UniqueConstraint("clave", name="uq_planes_clave"),
    )
    op.create_table(
        "versiones_plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("planes.id"), nullable=False),
        sa.Column("documento_id", sa.Integer(), sa.ForeignKey("documentos.id", ondelete="CASCADE"), nullable=False),
        sa.Column("posicion", sa.Integer(), nullable=False),
        sa.Column("hoja", sa.Text()),
        sa.Column("entidad", sa.Text()),
        sa.Column("codigo", sa.Text()),
        sa.Column("version", sa.Text()),
        *_fecha("fecha_formato"),
        sa.Column("proceso_auditado", sa.Text()),
        sa.Column("procedimientos", sa.Text()),
        sa.Column("responsables", sa.Text()),
        *_fecha("fecha_suscripcion"),
        sa.Column("proyecto", sa.Text()),
        sa.UniqueConstraint("documento_id", "posicion", name="uq_versiones_plan_documento"),
    )
    op.create_index("ix_versiones_plan_plan_id", "versiones_plan", ["plan_id"])
    op.create_table(
        "hallazgos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("versiones_plan.id", ondelete="CASCADE"), nullable=False),
        sa.Column("posicion", sa.Integer(), nullable=False),
        sa.Column("numero", sa.Text()),
        sa.Column("descripcion", sa.Text()),
        sa.Column("accion_mejora", sa.Text()),
        sa.Column("meta_indicador", sa.Text()),
        sa.Column("plazo_meses", sa.Integer()),
        *_fecha("fecha_inicio"),
        *_fecha("fecha_terminacion"),
        sa.Column("dependencia", sa.Text()),
        sa.Column("cargo_responsable", sa.Text()),
        sa.Column("cumplimiento", sa.Boolean()),
        sa.Column("efectividad", sa.Boolean()),
        sa.Column("estado_accion", sa.String(16)),
        sa.Column("direccion_tecnica", sa.Text()),
        sa.Column("observaciones", sa.Text()),
        *_origen(),
        sa.UniqueConstraint("version_id", "posicion", name="uq_hallazgos_version"),
    )
    op.create_table(
        "problemas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("documento_id", sa.Integer(), sa.ForeignKey("documentos.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("versiones_plan.id", ondelete="CASCADE")),
        sa.Column("hallazgo_id", sa.Integer(), sa.ForeignKey("hallazgos.id", ondelete="CASCADE")),
        sa.Column("posicion", sa.Integer(), nullable=False),
        sa.Column("campo", sa.Text(), nullable=False),
        sa.Column("codigo", sa.Text(), nullable=False),
        sa.Column("mensaje", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text()),
        sa.Column("valor", sa.Text()),
        *_origen(),
    )
    op.create_index("ix_problemas_documento_id", "problemas", ["documento_id"])
    op.create_table(
        "firmas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("versiones_plan.id", ondelete="CASCADE"), nullable=False),
        sa.Column("posicion", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.Text(), nullable=False),
        sa.Column("cargo", sa.Text()),
    )
    op.create_index("ix_firmas_version_id", "firmas", ["version_id"])
    for vista in _VISTAS:
        op.execute(vista)


def downgrade() -> None:
    for nombre in ("v_problemas", "v_hallazgos", "v_hallazgos_historia", "v_versiones"):
        op.execute(f"DROP VIEW IF EXISTS {nombre}")
    for tabla in ("firmas", "problemas", "hallazgos", "versiones_plan", "planes", "archivos_vistos", "documentos"):
        op.drop_table(tabla)
    op.drop_table("corridas")


_COLUMNAS_HALLAZGO = """
    h.numero, h.descripcion, h.accion_mejora, h.meta_indicador, h.plazo_meses,
    h.fecha_inicio, h.fecha_inicio_precision, h.fecha_inicio_estado, h.fecha_inicio_raw,
    h.fecha_terminacion, h.fecha_terminacion_precision, h.fecha_terminacion_estado, h.fecha_terminacion_raw,
    h.dependencia, h.cargo_responsable, h.cumplimiento, h.efectividad, h.estado_accion,
    h.direccion_tecnica, h.observaciones, h.pagina, h.hoja, h.fila"""

_COLUMNAS_PLAN = """
    v.plan_id, v.version_id, v.documento_id, v.corrida_id, v.archivo, v.sha256, v.tipo,
    v.entidad, v.proceso_auditado, v.procedimientos, v.responsables,
    v.fecha_suscripcion, v.fecha_suscripcion_precision, v.fecha_suscripcion_estado, v.fecha_suscripcion_raw"""

# Standard SQL that SQLite (>= 3.25) and PostgreSQL read the same way. The current version of a plan
# is the copy whose file was modified last; a tie goes to the copy loaded last, then to the later sheet.
_VISTAS = (
    """
CREATE VIEW v_versiones AS
SELECT
    v.id AS version_id, v.plan_id, v.documento_id, d.corrida_id, d.archivo, d.sha256, d.tipo,
    d.modificado_en, d.ingerido_en, v.posicion, v.hoja AS hoja_plan,
    v.entidad, v.codigo, v.version,
    v.fecha_formato, v.fecha_formato_precision, v.fecha_formato_estado, v.fecha_formato_raw,
    v.proceso_auditado, v.procedimientos, v.responsables,
    v.fecha_suscripcion, v.fecha_suscripcion_precision, v.fecha_suscripcion_estado, v.fecha_suscripcion_raw,
    v.proyecto,
    ROW_NUMBER() OVER (PARTITION BY v.plan_id ORDER BY d.modificado_en, d.id, v.posicion) AS numero_version,
    ROW_NUMBER() OVER (PARTITION BY v.plan_id ORDER BY d.modificado_en DESC, d.id DESC, v.posicion DESC) = 1
        AS actual
FROM versiones_plan v
JOIN documentos d ON d.id = v.documento_id
""",
    f"""
CREATE VIEW v_hallazgos_historia AS
SELECT {_COLUMNAS_PLAN},
    v.numero_version, v.actual, h.id AS hallazgo_id, h.posicion,{_COLUMNAS_HALLAZGO}
FROM v_versiones v
JOIN hallazgos h ON h.version_id = v.version_id
""",
    f"""
CREATE VIEW v_hallazgos AS
SELECT {_COLUMNAS_PLAN},
    h.id AS hallazgo_id, h.posicion,{_COLUMNAS_HALLAZGO}
FROM v_versiones v
JOIN hallazgos h ON h.version_id = v.version_id
WHERE v.actual
""",
    """
CREATE VIEW v_problemas AS
SELECT
    p.id AS problema_id, p.documento_id, d.corrida_id, d.archivo, d.sha256, d.tipo,
    v.plan_id, p.version_id, p.hallazgo_id, COALESCE(v.actual, TRUE) AS actual,
    v.entidad, v.proceso_auditado,
    p.campo, p.codigo, p.mensaje, p.raw, p.valor, p.pagina, p.hoja, p.fila,
    h.numero AS numero_hallazgo, h.dependencia
FROM problemas p
JOIN documentos d ON d.id = p.documento_id
LEFT JOIN v_versiones v ON v.version_id = p.version_id
LEFT JOIN hallazgos h ON h.id = p.hallazgo_id
""",
)
