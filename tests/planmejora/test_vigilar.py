"""`planmejora vigilar` as it runs in production: a real process watching a real folder, loading a real database.

Every wait is bounded by a deadline; what is asserted is what a user sees in the database and the folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from planmejora.api import extraer_archivo
from tests.conftest import ServidorPostgres

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"
PLAZO = 30.0

pytestmark = pytest.mark.lento


def esperar(condicion: Callable[[], object], que: str, plazo: float = PLAZO) -> None:
    """Wait until `condicion()` is true, failing with `que` after `plazo` seconds."""
    limite = time.monotonic() + plazo
    while not condicion():
        if time.monotonic() > limite:
            pytest.fail(f"después de {plazo:g} s todavía no: {que}")
        time.sleep(0.1)


def sha256(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def hallazgos_de(muestra: str) -> int:
    return sum(len(plan.hallazgos) for plan in extraer_archivo(MUESTRAS / muestra))


class Base:
    """What a user sees in the database: the documents loaded and the findings of each."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _filas(self, consulta: str, **parametros: object) -> list[tuple[object, ...]]:
        motor = create_engine(self.url)
        try:
            with motor.connect() as conexion:
                return [tuple(fila) for fila in conexion.execute(text(consulta), parametros)]
        except DBAPIError:  # the tables may not exist yet, or the server be stopped on purpose
            return []
        finally:
            motor.dispose()

    def documentos(self) -> list[tuple[str, str, str]]:
        """(file name, sha256, estado) of each document, by file name."""
        filas = self._filas("SELECT archivo, sha256, estado FROM documentos")
        return sorted((Path(str(a)).name, str(s), str(e)) for a, s, e in filas)

    def tiene(self, contenido: str) -> bool:
        return any(sha == contenido for _, sha, _ in self.documentos())

    def hallazgos(self, contenido: str) -> int:
        filas = self._filas("SELECT count(*) FROM v_hallazgos WHERE sha256 = :sha", sha=contenido)
        return int(str(filas[0][0])) if filas else 0


class Vigilancia:
    """A `planmejora vigilar` process, stopped with SIGTERM as systemd does."""

    def __init__(self, carpeta: Path, url: str, *opciones: str) -> None:
        self.registro = carpeta.parent / "vigilar.log"
        self.salida = carpeta.parent / "vigilar.stderr"
        entorno = {**os.environ, "NO_COLOR": "1"}
        with self.salida.open("w") as salida:
            self.proceso = subprocess.Popen(
                [PLANMEJORA, "vigilar", str(carpeta), "--db", url, "--espera", "1", "--log", str(self.registro),
                 *opciones],
                stdout=subprocess.DEVNULL, stderr=salida, env=entorno,
            )  # fmt: skip
        esperar(lambda: "por revisar" in self.texto_registro(), "la vigilancia arranca")

    def texto_registro(self) -> str:
        return self.registro.read_text(encoding="utf-8") if self.registro.exists() else ""

    def detener(self) -> int:
        """SIGTERM; the exit code, which must come within a few seconds."""
        self.proceso.send_signal(signal.SIGTERM)
        try:
            return self.proceso.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proceso.kill()
            pytest.fail("la vigilancia no terminó 5 s después de SIGTERM")


@pytest.fixture
def carpeta(tmp_path: Path) -> Path:
    carpeta = tmp_path / "entrada"
    carpeta.mkdir()
    return carpeta


@pytest.fixture
def base(tmp_path: Path) -> Base:
    return Base(f"sqlite:///{tmp_path / 'planes.db'}")


@pytest.fixture
def vigilancia(carpeta: Path, base: Base) -> Iterator[Vigilancia]:
    proceso = Vigilancia(carpeta, base.url)
    try:
        yield proceso
    finally:
        if proceso.proceso.poll() is None:
            assert proceso.detener() == 0, "SIGTERM ends the watch cleanly, with code 0"
        assert "Traceback" not in proceso.salida.read_text(encoding="utf-8")


def escribir_despacio(origen: Path, destino: Path, trozo: int = 4096, pausa: float = 0.15) -> None:
    """A slow copy, as over a network share: the file exists, half-written, for longer than --espera."""
    datos = origen.read_bytes()
    with destino.open("wb") as archivo:
        for inicio in range(0, len(datos), trozo):
            archivo.write(datos[inicio : inicio + trozo])
            archivo.flush()
            time.sleep(pausa)


def test_cada_archivo_se_carga_una_vez_y_completo(
    tmp_path: Path, carpeta: Path, base: Base, vigilancia: Vigilancia
) -> None:
    shutil.copy(MUESTRAS / "calica_2021.docx", carpeta / "calica.docx")
    (tmp_path / "llegó entera/2022").mkdir(parents=True)
    shutil.copy(MUESTRAS / "guavio_2022.docx", tmp_path / "llegó entera/2022/guavio.docx")
    os.rename(tmp_path / "llegó entera", carpeta / "llegó entera")  # a whole folder moved in at once
    (carpeta / "~$mboral.docx").write_bytes(b"\x00bloqueo de Word mientras el documento esta abierto")
    (carpeta / ".~lock.sanjacinto.xlsx#").write_text("usuario,equipo,2026", encoding="utf-8")
    (carpeta / "oficina norte").mkdir()
    shutil.copy(MUESTRAS / "san_jacinto_2023.xlsx", carpeta / "oficina norte/sanjacinto.xlsx")
    escribir_despacio(MUESTRAS / "tamboral_2022.docx", carpeta / "tamboral.docx")
    completo = sha256(carpeta / "tamboral.docx")

    esperar(lambda: len(base.documentos()) >= 4, "los cuatro documentos en la base")
    time.sleep(2)  # room for a wrong second load to show up
    assert base.documentos() == sorted(
        [
            ("calica.docx", sha256(carpeta / "calica.docx"), "ok"),
            ("guavio.docx", sha256(carpeta / "llegó entera/2022/guavio.docx"), "ok"),
            ("sanjacinto.xlsx", sha256(carpeta / "oficina norte/sanjacinto.xlsx"), "ok"),
            ("tamboral.docx", completo, "ok"),
        ]
    ), "each file once, the slow one only when complete, the lock files never"
    assert base.hallazgos(completo) == hallazgos_de("tamboral_2022.docx")
    assert "No se pudo cargar" not in vigilancia.texto_registro()


def test_al_arrancar_carga_lo_que_ya_estaba(carpeta: Path, base: Base) -> None:
    shutil.copy(MUESTRAS / "guavio_2022.docx", carpeta / "guavio.docx")
    proceso = Vigilancia(carpeta, base.url)
    try:
        esperar(lambda: base.tiene(sha256(carpeta / "guavio.docx")), "el archivo que ya estaba, en la base")
    finally:
        assert proceso.detener() == 0
    assert "Cargado: guavio.docx." in proceso.texto_registro()


def test_una_version_nueva_se_carga_otra_vez_y_los_mismos_bytes_no(
    carpeta: Path, base: Base, vigilancia: Vigilancia
) -> None:
    plan = carpeta / "plan de mejora.xlsx"
    shutil.copy(MUESTRAS / "puerto_camelias_2022.xlsx", plan)
    primera = sha256(plan)
    esperar(lambda: base.tiene(primera), "la primera versión en la base")

    # an editor saves a new version: written aside, then renamed over the old one
    temporal = carpeta / "plan de mejora.xlsx.tmp"
    shutil.copy(MUESTRAS / "sabana_alta_2021.xlsx", temporal)
    os.replace(temporal, plan)
    segunda = sha256(plan)
    esperar(lambda: base.tiene(segunda), "la versión nueva en la base")
    assert base.hallazgos(segunda) == hallazgos_de("sabana_alta_2021.xlsx")

    # the same bytes again, with a new modification time: read, and nothing added
    plan.write_bytes(plan.read_bytes())
    esperar(lambda: "1 sin cambios" in vigilancia.texto_registro(), "la copia idéntica revisada")
    assert [sha for _, sha, _ in base.documentos()] == sorted([primera, segunda])


def test_con_sondeo_tambien_ve_los_archivos_nuevos(carpeta: Path, base: Base) -> None:
    proceso = Vigilancia(carpeta, base.url, "--sondeo", "0.5")
    try:
        shutil.copy(MUESTRAS / "santa_rosa_2021.docx", carpeta / "santa rosa.docx")
        esperar(lambda: base.tiene(sha256(carpeta / "santa rosa.docx")), "el archivo en la base, por sondeo")
    finally:
        assert proceso.detener() == 0
    assert "se revisa la carpeta cada 0.5 s" in proceso.texto_registro()


def test_una_vez_con_mover_aparta_lo_cargado_y_lo_fallido_sin_borrar_nada(
    tmp_path: Path, carpeta: Path, base: Base
) -> None:
    shutil.copy(MUESTRAS / "calica_2021.docx", carpeta / "calica.docx")
    (carpeta / "dañado.pdf").write_bytes(b"esto no es un PDF")
    os.utime(carpeta / "dañado.pdf", (1_600_000_000, 1_600_000_000))  # there since long: its failure is final
    (carpeta / "~$lica.docx").write_bytes(b"bloqueo")
    (carpeta / "nota.txt").write_text("Falta la firma del plan de Calica.", encoding="utf-8")

    def una_pasada() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PLANMEJORA, "vigilar", str(carpeta), "--db", base.url, "--una-vez", "--mover", "--espera", "1"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    salida = una_pasada()
    assert salida.returncode == 1, "a file failed: code 1, the rest done"
    assert "Traceback" not in salida.stderr
    assert (carpeta / "procesados/calica.docx").read_bytes() == (MUESTRAS / "calica_2021.docx").read_bytes()
    assert (carpeta / "con_errores/dañado.pdf").read_bytes() == b"esto no es un PDF"
    assert "PDF" in (carpeta / "con_errores/dañado.pdf.error.txt").read_text(encoding="utf-8")
    assert (carpeta / "~$lica.docx").exists(), "lock files are left alone"
    assert (carpeta / "nota.txt").exists(), "what is not a document stays where it is"
    registro = carpeta / ".planmejora/vigilar.log"
    assert "Ignorado: nota.txt: no es un documento que planmejora lea" in registro.read_text(encoding="utf-8")
    assert "~$lica" not in registro.read_text(encoding="utf-8"), "lock files are ignored without a word"

    # the same document arrives again the next day: nothing new in the database, nothing overwritten
    shutil.copy(MUESTRAS / "calica_2021.docx", carpeta / "calica.docx")
    assert una_pasada().returncode == 0
    assert (carpeta / "procesados/calica (2).docx").exists() and (carpeta / "procesados/calica.docx").exists()
    assert registro.read_text(encoding="utf-8").count("Ignorado: nota.txt") == 1, "named once, not every night"
    assert [(nombre, estado) for nombre, _, estado in base.documentos()] == [
        ("calica.docx", "ok"),
        ("dañado.pdf", "error"),
    ]


def _como_postgres() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@pytest.fixture
def postgresql_propio() -> Iterator[ServidorPostgres]:
    """A server of this test's own, since the test stops it: the shared one must stay up for the others."""
    try:
        servidor = ServidorPostgres.iniciar()
    except Exception as error:
        pytest.skip(f"PostgreSQL no pudo arrancar: {error}")
    try:
        yield servidor
    finally:
        servidor.detener()


def _pg_ctl(servidor: ServidorPostgres, *orden: str) -> None:
    subprocess.run(
        [*_como_postgres(), str(servidor.binarios / "pg_ctl"), "-D", str(servidor.datos), "-w", "-t", "60", *orden],
        check=True, capture_output=True, timeout=90,
    )  # fmt: skip


def test_si_la_base_se_cae_la_vigilancia_espera_y_carga_cuando_vuelve(
    carpeta: Path, postgresql_propio: ServidorPostgres
) -> None:
    servidor = postgresql_propio
    base = Base(servidor.url)
    proceso = Vigilancia(carpeta, servidor.url)
    try:
        shutil.copy(MUESTRAS / "calica_2021.docx", carpeta / "antes.docx")
        esperar(lambda: base.tiene(sha256(carpeta / "antes.docx")), "el primer archivo en la base")

        _pg_ctl(servidor, "-m", "fast", "stop")
        shutil.copy(MUESTRAS / "tamboral_2022.docx", carpeta / "durante.docx")
        esperar(
            lambda: proceso.texto_registro().count("La base de datos no está disponible") >= 2,
            "la vigilancia nota la caída y reintenta",
        )
        assert proceso.proceso.poll() is None, "the watch keeps going while the database is away"
        _pg_ctl(servidor, "-o", f"-p {servidor.puerto} -h 127.0.0.1 -k {servidor.datos}", "-l",
                str(servidor.datos / "registro.log"), "start")  # fmt: skip

        esperar(lambda: base.tiene(sha256(carpeta / "durante.docx")), "el archivo de la caída, cargado al volver")
    finally:
        assert proceso.detener() == 0
    assert [nombre for nombre, _, _ in base.documentos()] == ["antes.docx", "durante.docx"]
    assert base.hallazgos(sha256(carpeta / "durante.docx")) == hallazgos_de("tamboral_2022.docx")
    assert "La base de datos volvió a responder." in proceso.texto_registro()
