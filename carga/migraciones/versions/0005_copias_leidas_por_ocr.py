"""documentos.leido_por_ocr dice si parte del texto de un archivo se leyó por OCR; a igual fecha de modificación,
la versión actual de un plan es una copia digital antes que una escaneada.

Copies of one plan are often saved at the same moment (a folder copied, a checkout): the tie then
went to the copy loaded last, which with several workers is the slow one, the scan read by OCR,
whose values are the least trusted. Only `tipo` = 'imagen' told a scan before, and a scanned PDF
is stored as 'pdf'. A document loaded before this revision has the column empty (unknown): the
views take it as read by OCR only when it is an image file.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_0003 = importlib.import_module("carga.migraciones.versions.0003_formato_de_documentos")
_NOMBRES = _0003._NOMBRES
"""Every view that reads documentos, each before the views it reads: the order to drop them."""

_POR_OCR = "COALESCE(d.leido_por_ocr, d.tipo = 'imagen', FALSE)"
"""Whether a document was read by OCR, for old rows too (empty: only an image file was). FALSE sorts first."""

# The current version of a plan is the copy whose file was modified last; on a tie, a digital copy before one
# read by OCR, then the copy loaded last, then the later sheet. `numero_version` counts in the same order, so
# the current version is always the last one numbered.
_V_VERSIONES = f"""
CREATE VIEW v_versiones AS
SELECT
    v.id AS version_id, v.plan_id, v.documento_id, d.corrida_id, d.archivo, d.sha256, d.tipo, d.formato,
    {_POR_OCR} AS leido_por_ocr,
    d.modificado_en, d.ingerido_en, v.posicion, v.hoja AS hoja_plan,
    v.entidad, v.codigo, v.version,
    v.fecha_formato, v.fecha_formato_precision, v.fecha_formato_estado, v.fecha_formato_raw,
    v.proceso_auditado, v.procedimientos, v.responsables,
    v.fecha_suscripcion, v.fecha_suscripcion_precision, v.fecha_suscripcion_estado, v.fecha_suscripcion_raw,
    v.proyecto,
    ROW_NUMBER() OVER (
        PARTITION BY v.plan_id ORDER BY d.modificado_en, {_POR_OCR} DESC, d.id, v.posicion
    ) AS numero_version,
    ROW_NUMBER() OVER (
        PARTITION BY v.plan_id ORDER BY d.modificado_en DESC, {_POR_OCR}, d.id DESC, v.posicion DESC
    ) = 1 AS actual
FROM versiones_plan v
JOIN documentos d ON d.id = v.documento_id
"""

_V_DOCUMENTOS = f"""
CREATE VIEW v_documentos AS
SELECT
    d.id AS documento_id, d.archivo, d.ruta, d.sha256, d.tipo, d.formato, {_POR_OCR} AS leido_por_ocr,
    d.estado, d.error, d.tamano, d.modificado_en, d.ingerido_en, d.corrida_id,
    COALESCE(u.sha256 = d.sha256, TRUE) AS actual
FROM documentos d
LEFT JOIN (
    SELECT ruta, sha256, ROW_NUMBER() OVER (PARTITION BY ruta ORDER BY mtime_ns DESC, id DESC) AS orden
    FROM archivos_vistos
) u ON u.ruta = d.ruta AND u.orden = 1
"""

_, _V_HALLAZGOS_HISTORIA, _V_HALLAZGOS, _, _V_PROBLEMAS = _0003._VISTAS
_VISTAS = (_V_VERSIONES, _V_HALLAZGOS_HISTORIA, _V_HALLAZGOS, _V_DOCUMENTOS, _V_PROBLEMAS)
"""Every view that reads documentos, each after the views it reads; only v_versiones and v_documentos change."""


def upgrade() -> None:
    for nombre in _NOMBRES:
        op.execute(f"DROP VIEW {nombre}")
    op.add_column("documentos", sa.Column("leido_por_ocr", sa.Boolean()))
    for vista in _VISTAS:
        op.execute(vista)


def downgrade() -> None:
    for nombre in _NOMBRES:
        op.execute(f"DROP VIEW {nombre}")
    op.execute("ALTER TABLE documentos DROP COLUMN leido_por_ocr")
    for vista in _0003._VISTAS:
        op.execute(vista)
