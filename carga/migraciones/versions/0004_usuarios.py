"""usuarios: quién entra a la aplicación web (planmejora servir) y con qué rol.

The web application signs people in; the password is stored only as an argon2 hash. A role
decides what each person may do: `consulta` reads, `carga` also uploads copies, `admin` also
manages the users.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "usuarios",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("nombre", sa.String(64), nullable=False),
        sa.Column("rol", sa.String(16), nullable=False),
        sa.Column("clave", sa.Text(), nullable=False),
        sa.Column("creado_en", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("nombre", name="uq_usuarios_nombre"),
        sa.CheckConstraint("rol IN ('admin', 'carga', 'consulta')", name="ck_usuarios_rol"),
    )


def downgrade() -> None:
    op.drop_table("usuarios")
