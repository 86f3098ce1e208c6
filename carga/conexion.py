"""Which database a URL names, and an engine that behaves the same on SQLite and PostgreSQL.

A user types `--db` by hand: every way it can be wrong becomes `BaseInaccesible` with a
Spanish sentence, never a driver traceback.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

URL_POR_DEFECTO = "sqlite:///planmejora.db"
VARIABLE_DB = "PLANMEJORA_DB"
ESPERA_SQLITE_MS = 60_000
"""How long a SQLite writer waits for another process that holds the lock before giving up."""

_SOLO_LECTURA = "planmejora_solo_lectura"
_POSTGRES = {"postgresql", "postgres", "postgresql+psycopg"}


class BaseInaccesible(Exception):
    """The database named by the user cannot be used; `mensaje` says why, in Spanish."""

    def __init__(self, mensaje: str) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje


def url_elegida(url: str | None = None) -> str:
    """`--db` if given, else the environment variable, else a SQLite file in the current folder."""
    return url or os.environ.get(VARIABLE_DB) or URL_POR_DEFECTO


def interpretar(url: str) -> URL:
    """The SQLAlchemy URL to use: plain `postgresql://` means psycopg 3, the driver installed with planmejora."""
    try:
        interpretada = make_url(url.strip())
    except (ArgumentError, ValueError) as error:
        raise BaseInaccesible(
            f"La dirección de base de datos «{url}» no se entiende. "
            "Ejemplos válidos: sqlite:///planmejora.db o postgresql://usuario:clave@servidor/base."
        ) from error
    if interpretada.drivername in _POSTGRES:
        return interpretada.set(drivername="postgresql+psycopg")
    if interpretada.get_backend_name() not in ("sqlite", "postgresql"):
        raise BaseInaccesible(
            f"La base de datos «{interpretada.get_backend_name()}» no está soportada: "
            "use SQLite (sqlite:///archivo.db) o PostgreSQL (postgresql://…)."
        )
    return interpretada


def crear_motor(url: str) -> Engine:
    """An engine for `url`. On SQLite: WAL, a busy timeout, foreign keys, and real transactions.

    A SQLite transaction takes the write lock when it begins (`BEGIN IMMEDIATE`), so two
    loaders wait for each other instead of failing when a reader tries to become a writer;
    a connection from `para_leer` only reads and takes no lock.
    """
    interpretada = interpretar(url)
    try:
        if interpretada.get_backend_name() == "sqlite":
            motor = create_engine(interpretada, connect_args={"timeout": ESPERA_SQLITE_MS / 1000})
            _preparar_sqlite(motor)
        else:
            motor = create_engine(interpretada, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise BaseInaccesible(f"No se puede usar la base de datos «{_sin_clave(interpretada)}»: {error}.") from error
    return motor


def para_leer(motor: Engine) -> Connection:
    """A connection for queries only: on SQLite it does not wait for, nor block, a writer."""
    return motor.connect().execution_options(**{_SOLO_LECTURA: True})


def _preparar_sqlite(motor: Engine) -> None:
    @event.listens_for(motor, "connect")
    def _al_conectar(conexion_dbapi: Any, _registro: Any) -> None:
        conexion_dbapi.isolation_level = None  # the driver stops guessing; "begin" below opens transactions
        cursor = conexion_dbapi.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {ESPERA_SQLITE_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # With WAL, NORMAL never loses a commit to a crashed or killed process; a power cut may lose the
        # last few, and their ledger rows with them, so the next run simply loads those files again.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(motor, "begin")
    def _al_empezar(conexion: Any) -> None:
        solo_lectura = conexion.get_execution_options().get(_SOLO_LECTURA, False)
        conexion.exec_driver_sql("BEGIN" if solo_lectura else "BEGIN IMMEDIATE")


def es_postgresql(motor: Engine) -> bool:
    return motor.dialect.name == "postgresql"


def _sin_clave(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def describir(motor: Engine) -> str:
    """The database as a person may see it in a message: never the password."""
    return _sin_clave(motor.url)
