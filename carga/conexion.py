"""Which database a URL names, and an engine that behaves the same on SQLite and PostgreSQL.

A user types `--db` by hand: every way it can be wrong becomes `ErrorDeBase` with a
Spanish sentence, never a driver traceback.
"""

from __future__ import annotations

import os
import re
import sqlite3
from functools import partial
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

ESPERA_SQLITE_MS = 60_000
"""How long a SQLite writer waits for another process that holds the lock before giving up."""

_SOLO_LECTURA = "planmejora_solo_lectura"
_POSTGRES = {"postgresql", "postgres", "postgresql+psycopg"}


class ErrorDeBase(Exception):
    """The database named by the user cannot be used, to load or to report; `mensaje` says why, in Spanish.

    `uso`: the user named it wrong (an address not understood, a file that does not exist): a usage error.
    `permanente`: waiting will not help (it is read-only, its disk is full, this user may not write):
    a person must act, so a single pass stops at once instead of retrying.
    """

    def __init__(self, mensaje: str, permanente: bool = False, uso: bool = False) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje
        self.permanente = permanente
        self.uso = uso


_SIN_ESCRITURA_POSTGRESQL = {
    "25006": "es de solo lectura (una réplica, o una base puesta en solo lectura)",
    "53100": "no tiene espacio: el disco del servidor está lleno",
    "42501": "no deja escribir a este usuario (le faltan permisos)",
}
_SIN_ESCRITURA_SQLITE = {
    sqlite3.SQLITE_READONLY: "es de solo lectura: el archivo o su carpeta no se pueden escribir",
    sqlite3.SQLITE_FULL: "no tiene espacio: el disco donde está el archivo está lleno",
    sqlite3.SQLITE_CANTOPEN: "el archivo no se puede abrir para escribir (¿existe su carpeta y se puede escribir?)",
    sqlite3.SQLITE_PERM: "no se puede escribir: el sistema no da permiso",
}


def escritura_imposible(error: BaseException) -> str | None:
    """Why the database refuses, for good, to store anything (read-only, disk full, no permission); None otherwise."""
    causa = getattr(error, "orig", None) or error
    sqlstate = getattr(causa, "sqlstate", None)
    if sqlstate in _SIN_ESCRITURA_POSTGRESQL:
        return _SIN_ESCRITURA_POSTGRESQL[sqlstate]
    codigo = getattr(causa, "sqlite_errorcode", None)
    return _SIN_ESCRITURA_SQLITE.get(codigo & 0xFF) if isinstance(codigo, int) else None


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
        raise ErrorDeBase(
            f"La dirección de base de datos «{enmascarar(url)}» no se entiende. "
            "Ejemplos válidos: sqlite:///planmejora.db o postgresql://usuario:clave@servidor/base.",
            uso=True,
        ) from error
    if interpretada.drivername in _POSTGRES:
        return interpretada.set(drivername="postgresql+psycopg")
    if interpretada.get_backend_name() not in ("sqlite", "postgresql"):
        raise ErrorDeBase(
            f"La base de datos «{interpretada.get_backend_name()}» no está soportada: "
            "use SQLite (sqlite:///archivo.db) o PostgreSQL (postgresql://…).",
            uso=True,
        )
    return interpretada


def crear_motor(url: str, solo_lectura: bool = False) -> Engine:
    """An engine for `url`. On SQLite: WAL, a busy timeout, foreign keys, and real transactions.

    A SQLite transaction takes the write lock when it begins (`BEGIN IMMEDIATE`), so two
    loaders wait for each other instead of failing when a reader tries to become a writer;
    a connection from `para_leer` only reads and takes no lock. `solo_lectura` opens a SQLite
    file in a folder this user cannot write only to read it, so a report can still be made from it.
    """
    interpretada = interpretar(url)
    try:
        if interpretada.get_backend_name() == "sqlite" and solo_lectura and _en_carpeta_sin_escritura(interpretada):
            motor = create_engine(interpretada, creator=partial(_abrir_para_leer, interpretada.database or ""))
            _preparar_sqlite(motor, cambiar_diario=False)
        elif interpretada.get_backend_name() == "sqlite":
            motor = create_engine(interpretada, connect_args={"timeout": ESPERA_SQLITE_MS / 1000})
            _preparar_sqlite(motor)
        else:
            motor = create_engine(interpretada, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise ErrorDeBase(
            f"No se puede usar la base de datos «{enmascarar(url)}»: {enmascarar(str(error), url)}."
        ) from error
    return motor


def para_leer(motor: Engine) -> Connection:
    """A connection for queries only: on SQLite it does not wait for, nor block, a writer."""
    return motor.connect().execution_options(**{_SOLO_LECTURA: True})


def _en_carpeta_sin_escritura(url: URL) -> bool:
    """A SQLite file (not in memory, not a URI of its own) whose folder this user cannot create files in."""
    if not url.database or url.database == ":memory:" or url.query:
        return False
    return not os.access(os.path.dirname(os.path.abspath(url.database)), os.W_OK)


def _abrir_para_leer(archivo: str) -> sqlite3.Connection:
    """The file opened read-only; in a folder that cannot be written, where a WAL database cannot make its
    shared-memory file, it is opened as unchanging (nobody can write it there through this folder either)."""
    uri = f"file:{quote(os.path.abspath(archivo))}?mode=ro"
    conexion = sqlite3.connect(uri, uri=True, timeout=ESPERA_SQLITE_MS / 1000, check_same_thread=False)
    try:
        conexion.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conexion.close()
        return sqlite3.connect(f"{uri}&immutable=1", uri=True, check_same_thread=False)
    return conexion


def _preparar_sqlite(motor: Engine, cambiar_diario: bool = True) -> None:
    @event.listens_for(motor, "connect")
    def _al_conectar(conexion_dbapi: Any, _registro: Any) -> None:
        conexion_dbapi.isolation_level = None  # the driver stops guessing; "begin" below opens transactions
        cursor = conexion_dbapi.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {ESPERA_SQLITE_MS}")
        if cambiar_diario:
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
