"""Which database a URL names, and an engine that behaves the same on SQLite and PostgreSQL.

A user types `--db` by hand: every way it can be wrong becomes `BaseInaccesible` with a
Spanish sentence, never a driver traceback.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote

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


OCULTO = "***"
_NOMBRES_DE_SECRETOS = r"password|passwd|pwd|pass|sslpassword|secret|token"
_CLAVE_EN_URL = re.compile(r"(?P<antes>\b[a-z][\w+.-]*://[^:/?#@\s]*:)(?P<secreto>\S*)@")
"""`esquema://usuario:clave@`, the password up to the last `@` of the address (a password may hold `@`)."""
_CLAVE_EN_PAR = re.compile(
    rf"(?P<antes>\b(?:{_NOMBRES_DE_SECRETOS})\s*=\s*)(?P<secreto>'(?:[^'\\]|\\.)*'|[^\s&;'\"»]+)", re.IGNORECASE
)
"""`password=…` in a URL's query or in a libpq `clave=valor` string, quoted or not."""
_LARGO_MINIMO = 4
"""A secret shorter than this is hidden only where its form shows it, not wherever its letters appear."""


def enmascarar(texto: str, *urls: str) -> str:
    """`texto` fit for any output or log: every password in it hidden, and every secret of `urls` wherever it appears.

    `texto` may be a URL of any form (parseable or not, the password after `usuario:`, in `?password=`, in
    `host=… password=…`) or a message quoting one, even a driver's. The one way planmejora shows a database.
    """
    oculto = _CLAVE_EN_PAR.sub(rf"\g<antes>{OCULTO}", _CLAVE_EN_URL.sub(rf"\g<antes>{OCULTO}@", texto))
    for secreto in sorted({s for url in urls for s in _secretos(url)}, key=len, reverse=True):
        if len(secreto) >= _LARGO_MINIMO:
            oculto = oculto.replace(secreto, OCULTO)
    return oculto


def _secretos(url: str) -> set[str]:
    """The secrets `url` holds, as written and decoded, whether or not SQLAlchemy can parse it."""
    escritos = {m["secreto"] for patron in (_CLAVE_EN_URL, _CLAVE_EN_PAR) for m in patron.finditer(url)}
    try:
        interpretada = make_url(url.strip())
    except (ArgumentError, ValueError):
        interpretada = None
    if interpretada is not None:
        escritos.add(interpretada.password or "")
        escritos |= {
            v
            for clave, valor in interpretada.query.items()
            if re.fullmatch(_NOMBRES_DE_SECRETOS, clave, re.IGNORECASE)
            for v in ((valor,) if isinstance(valor, str) else valor)
        }
    return {forma for secreto in escritos for forma in (secreto, secreto.strip("'"), quote(secreto, safe=""))}


def interpretar(url: str) -> URL:
    """The SQLAlchemy URL to use: plain `postgresql://` means psycopg 3, the driver installed with planmejora."""
    try:
        interpretada = make_url(url.strip())
    except (ArgumentError, ValueError) as error:
        raise BaseInaccesible(
            f"La dirección de base de datos «{enmascarar(url)}» no se entiende. "
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
        raise BaseInaccesible(
            f"No se puede usar la base de datos «{enmascarar(url)}»: {enmascarar(str(error), url)}."
        ) from error
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


def describir(motor: Engine) -> str:
    """The database as a person may see it in a message: never the password, nor any other secret."""
    completa = motor.url.render_as_string(hide_password=False)
    return enmascarar(completa, completa)
