"""Alembic's entry point: always runs on the connection `carga.esquema` hands over, inside its transaction."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from carga.modelos import metadata

conexion: Connection = context.config.attributes["conexion"]
context.configure(connection=conexion, target_metadata=metadata, render_as_batch=conexion.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
