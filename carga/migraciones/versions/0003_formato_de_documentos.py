"""documentos.formato guarda el formato real de cada archivo (doc, xls, odt, jpg…); documentos.tipo, su familia,
queda vacío cuando no se sabe qué es el archivo; las vistas muestran ambos.

The contract now tells the family (`tipo`: pdf, docx, xlsx, imagen) from the real format
(`formato`, sniffed from the bytes), and a file of no known kind has no `tipo`. Dropping the NOT
NULL of `tipo` in SQLite would rebuild `documentos`, and with foreign keys on that deletes every
row that references it; so `tipo` is moved to a new nullable column in place (rename, add, copy,
drop: SQLite >= 3.35 and PostgreSQL do each without rebuilding), after the views that read it.

Revision ID: 0003
Revises: 0004 (the users table landed on main first, with the number left free for this one)
Create Date: 2026-12-03
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_0001 = importlib.import_module("carga.migraciones.versions.0001_esquema_inicial")
_0002 = importlib.import_module("carga.migraciones.versions.0002_suscripcion_documentos_actuales")
_V_VERSIONES, _V_HALLAZGOS_HISTORIA, _V_HALLAZGOS, _ = _0001._VISTAS
_VISTAS_0002 = (_V_VERSIONES, _V_HALLAZGOS_HISTORIA, _V_HALLAZGOS, _0002._V_DOCUMENTOS, _0002._V_PROBLEMAS)
"""Every view that reads documentos, in the order they can be created (each after the views it reads)."""
_VISTAS = tuple(
    vista.replace("d.tipo,", "d.tipo, d.formato,").replace("v.tipo,", "v.tipo, v.formato,") for vista in _VISTAS_0002
)
_NOMBRES = ("v_problemas", "v_documentos", "v_hallazgos", "v_hallazgos_historia", "v_versiones")
"""The same views, each before the views it reads: the order to drop them."""


def upgrade() -> None:
    for nombre in _NOMBRES:
        op.execute(f"DROP VIEW {nombre}")
    op.execute("ALTER TABLE documentos RENAME COLUMN tipo TO tipo_anterior")
    op.add_column("documentos", sa.Column("tipo", sa.String(8), nullable=True))
    op.execute("UPDATE documentos SET tipo = tipo_anterior")
    op.execute("ALTER TABLE documentos DROP COLUMN tipo_anterior")
    op.add_column("documentos", sa.Column("formato", sa.String(8)))
    for vista in _VISTAS:
        op.execute(vista)


def downgrade() -> None:
    """Back to 0002's views and columns; `tipo` stays nullable (putting NOT NULL back would rebuild the table),
    which the code of 0002 never notices: it always writes a `tipo`."""
    for nombre in _NOMBRES:
        op.execute(f"DROP VIEW {nombre}")
    op.execute("ALTER TABLE documentos DROP COLUMN formato")
    for vista in _VISTAS_0002:
        op.execute(vista)
