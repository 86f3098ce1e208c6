"""Shared fixtures: a throwaway PostgreSQL server for the session, and one fresh database per test.

The loader's tests run against SQLite and against a real PostgreSQL (`url_db`). When the
server cannot start, CI fails (PLANMEJORA_CI=1 or CI=true): a silent skip there would hide
that half the tests never ran. On a developer's machine the PostgreSQL half is skipped
with the reason.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings

# Property tests check what the code does, not how fast: a deadline per example only measures how busy
# the machine is (it failed on a loaded CI machine), and speed belongs to `make bench`.
settings.register_profile("planmejora", deadline=None)
settings.load_profile("planmejora")


class PostgresNoDisponible(Exception):
    pass


def _en_ci() -> bool:
    return os.environ.get("PLANMEJORA_CI") == "1" or os.environ.get("CI", "").lower() == "true"


def _puerto_libre() -> int:
    with socket.socket() as enchufe:
        enchufe.bind(("127.0.0.1", 0))
        return int(enchufe.getsockname()[1])


@dataclass
class ServidorPostgres:
    """A cluster in a temporary folder, listening on 127.0.0.1 only, with durability off (it is thrown away)."""

    binarios: Path
    datos: Path
    puerto: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.puerto}/postgres"

    @staticmethod
    def _como_postgres() -> list[str]:
        """initdb and postgres refuse to run as root: as root, run them as the `postgres` user."""
        if os.geteuid() != 0:
            return []
        if shutil.which("runuser") is None:
            raise PostgresNoDisponible("se corre como root y no está `runuser` para cambiar al usuario postgres")
        return ["runuser", "-u", "postgres", "--"]

    def _correr(self, *orden: str) -> None:
        resultado = subprocess.run(
            [*self._como_postgres(), *orden], capture_output=True, text=True, timeout=120, check=False
        )
        if resultado.returncode != 0:
            raise PostgresNoDisponible(f"{Path(orden[0]).name} falló: {resultado.stderr.strip() or resultado.stdout}")

    @classmethod
    def iniciar(cls) -> ServidorPostgres:
        instalados = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
        if not instalados:
            raise PostgresNoDisponible("no está instalado (apt-get install postgresql)")
        servidor = cls(instalados[-1].parent, Path(tempfile.mkdtemp(prefix="planmejora-pg-")), _puerto_libre())
        try:
            if os.geteuid() == 0:
                shutil.chown(servidor.datos, user="postgres", group="postgres")
            servidor._arrancar()
        except BaseException:
            servidor.detener()
            raise
        return servidor

    def _arrancar(self) -> None:
        datos = self.datos
        self._correr(
            str(self.binarios / "initdb"), "-D", str(datos), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        opciones = (
            f"-p {self.puerto} -h 127.0.0.1 -k {datos} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=60"
        )
        self._correr(
            str(self.binarios / "pg_ctl"), "-D", str(datos), "-l", str(datos / "registro.log"), "-o", opciones,
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def detener(self) -> None:
        with contextlib.suppress(PostgresNoDisponible, subprocess.TimeoutExpired):
            self._correr(str(self.binarios / "pg_ctl"), "-D", str(self.datos), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.datos, ignore_errors=True)

    def base_nueva(self) -> str:
        """An empty place to work on this server: each test gets its own schema, so none sees another's rows.

        A schema is as empty as a new database for planmejora, and takes milliseconds instead of a checkpoint.
        """
        esquema = f"prueba_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.puerto} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {esquema}")
        return f"{self.url}?options=-csearch_path%3D{esquema}"


@pytest.fixture(scope="session")
def servidor_postgresql() -> Iterator[ServidorPostgres]:
    try:
        servidor = ServidorPostgres.iniciar()
    except (PostgresNoDisponible, OSError, LookupError, subprocess.TimeoutExpired) as error:
        motivo = f"PostgreSQL no pudo arrancar: {error}"
        if _en_ci():
            pytest.fail(motivo, pytrace=False)
        pytest.skip(motivo)
    try:
        yield servidor
    finally:
        servidor.detener()


@pytest.fixture(params=["sqlite", "postgresql"])
def url_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database: the same test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planes.db'}"
    servidor: ServidorPostgres = request.getfixturevalue("servidor_postgresql")
    return servidor.base_nueva()
