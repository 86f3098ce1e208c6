"""v_problemas dice la fecha de suscripción de su plan; v_documentos dice si un contenido sigue siendo el de su
ruta; corridas.estado dice cómo terminó una corrida.

The quality report filters problems by subscription date: taking it from v_hallazgos lost the
problems of plans without findings. A file that failed and was then replaced by good bytes at the
same path keeps its row in documentos (one row per content ever ingested), so the report needs
to know that row is no longer what the path holds.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

# What a path holds now is what the ledger last saw there: the bytes of its most recently modified file (the
# rule that picks the current version of a plan). Replacing a broken file with a copy of one already loaded
# from elsewhere adds no row to documentos, only to the ledger, so the ledger is what tells. A path the ledger
# never saw (a database filled before it) keeps its document current.
_V_DOCUMENTOS = """
CREATE VIEW v_documentos AS
SELECT
    d.id AS documento_id, d.archivo, d.ruta, d.sha256, d.tipo, d.estado, d.error, d.tamano,
    d.modificado_en, d.ingerido_en, d.corrida_id,
    COALESCE(u.sha256 = d.sha256, TRUE) AS actual
FROM documentos d
LEFT JOIN (
    SELECT ruta, sha256, ROW_NUMBER() OVER (PARTITION BY ruta ORDER BY mtime_ns DESC, id DESC) AS orden
    FROM archivos_vistos
) u ON u.ruta = d.ruta AND u.orden = 1
"""

# A problem of a plan is current with its plan's version; one of a file without a plan, with its file.
_V_PROBLEMAS = """
CREATE VIEW v_problemas AS
SELECT
    p.id AS problema_id, p.documento_id, d.corrida_id, d.archivo, d.sha256, d.tipo,
    v.plan_id, p.version_id, p.hallazgo_id, COALESCE(v.actual, d.actual) AS actual,
    v.entidad, v.proceso_auditado,
    v.fecha_suscripcion, v.fecha_suscripcion_precision, v.fecha_suscripcion_estado,
    p.campo, p.codigo, p.mensaje, p.raw, p.valor, p.pagina, p.hoja, p.fila,
    h.numero AS numero_hallazgo, h.dependencia
FROM problemas p
JOIN v_documentos d ON d.documento_id = p.documento_id
LEFT JOIN v_versiones v ON v.version_id = p.version_id
LEFT JOIN hallazgos h ON h.id = p.hallazgo_id
"""

_V_PROBLEMAS_0001 = """
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
"""


def upgrade() -> None:
    op.add_column("corridas", sa.Column("estado", sa.String(16)))
    op.execute("UPDATE corridas SET estado = 'terminada' WHERE terminada_en IS NOT NULL")
    op.execute("DROP VIEW v_problemas")
    op.execute(_V_DOCUMENTOS)
    op.execute(_V_PROBLEMAS)


def downgrade() -> None:
    op.execute("DROP VIEW v_problemas")
    op.execute("DROP VIEW v_documentos")
    op.execute(_V_PROBLEMAS_0001)
    op.execute("ALTER TABLE corridas DROP COLUMN estado")  # SQLite >= 3.35 drops it in place, as PostgreSQL does
