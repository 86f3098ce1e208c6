"""Bring any database to the schema this version of planmejora writes, in place, before touching data.

Runs the Alembic migrations shipped inside the package, without any alembic.ini: a user's
existing database is upgraded where it stands, a current one is left alone. Several loaders
may start at once against the same database, so the upgrade holds a lock while it looks and
writes (an advisory lock on PostgreSQL, the write lock on SQLite).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from carga.conexion import ErrorDeBase, crear_motor, describir, enmascarar, es_postgresql, escritura_imposible

if TYPE_CHECKING:
    from alembic.config import Config

MIGRACIONES = Path(__file__).parent / "migraciones"
REVISION_FINAL = "0005"
"""The head of `migraciones/versions` (a test checks it against Alembic's own reading); a new migration changes it."""
_CANDADO_MIGRACION = 0x504C_414E  # any constant shared by every planmejora process: "PLAN"
_TABLA_DE_VERSION = "alembic_version"


def configuracion() -> Config:
    """Alembic's configuration, built in code so it works from an installed package and from any folder."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRACIONES))
    return config


def revision_final() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(configuracion()).get_current_head()


def revision_actual(motor: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with motor.connect() as conexion:
        return MigrationContext.configure(conexion).get_current_revision()


def al_dia(motor: Engine) -> bool:
    """Whether the database already has the schema this version writes, asked with a plain query.

    Alembic takes a third of a second to import and read its scripts: a run over an archive
    already loaded, against a database already up to date, needs none of it.
    """
    with motor.connect() as conexion:
        if not inspect(conexion).has_table(_TABLA_DE_VERSION):
            return False
        revisiones = conexion.execute(text(f"SELECT version_num FROM {_TABLA_DE_VERSION}")).scalars().all()
    return revisiones == [REVISION_FINAL]


def actualizar(motor: Engine) -> None:
    """Apply every migration the database lacks, in one transaction; nothing to do is a quick no-op."""
    if al_dia(motor):
        return
    from alembic import command

    config = configuracion()
    with motor.begin() as conexion:
        if es_postgresql(motor):
            conexion.execute(text("SELECT pg_advisory_xact_lock(:candado)"), {"candado": _CANDADO_MIGRACION})
        config.attributes["conexion"] = conexion
        command.upgrade(config, "head")


def abrir_base(url: str) -> Engine:
    """An engine for `url` whose database answers and has the current schema, or `ErrorDeBase`."""
    motor = crear_motor(url)
    try:
        actualizar(motor)
    except DBAPIError as error:
        motor.dispose()
        detalle = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else type(error.orig).__name__
        if motivo := escritura_imposible(error):
            mensaje = f"No se pudo abrir la base de datos «{describir(motor)}»: {motivo}."
            raise ErrorDeBase(mensaje, permanente=True) from error
        raise ErrorDeBase(
            f"No se pudo abrir la base de datos «{describir(motor)}»: {enmascarar(detalle, url)}."
        ) from error
    return motor
