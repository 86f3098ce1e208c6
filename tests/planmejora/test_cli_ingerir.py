"""`planmejora ingerir` as a user runs it: Spanish help and errors, exit codes, a summary, the views filled."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

from carga.conexion import interpretar
from extractor.limites import Limites
from planmejora import ingesta
from planmejora.cli import app
from planmejora.ordenes import ingerir
from tests.carga.copias import MUESTRAS, copias_distintas

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")


def correr(*argumentos: str, **entorno: str) -> Result:
    """The command in this process, as a user types it; PLANMEJORA_DB only when the test sets it."""
    variables: dict[str, str | None] = {"COLUMNS": "120", "NO_COLOR": "1", "PLANMEJORA_DB": None, **entorno}
    return CliRunner().invoke(app, list(argumentos), env=variables)


def correr_instalado(*argumentos: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command, to see what a user sees when something goes wrong: never a traceback."""
    variables = {k: v for k, v in os.environ.items() if k != "PLANMEJORA_DB"} | {"COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run(
        [PLANMEJORA, *argumentos], capture_output=True, text=True, timeout=180, cwd=cwd, env=variables, check=False
    )


@pytest.fixture
def carpeta(tmp_path: Path) -> Path:
    """A Word copy, a workbook with three plans, and an empty file that cannot be read."""
    planes = tmp_path / "planes"
    (planes / "2023").mkdir(parents=True)
    shutil.copyfile(MUESTRAS / "calica_2021.docx", planes / "calica_2021.docx")
    shutil.copyfile(MUESTRAS / "san_jacinto_2023.xlsx", planes / "2023" / "san_jacinto.xlsx")
    return planes


def contar(url: str, consulta: str) -> int:
    motor = create_engine(interpretar(url))
    try:
        with motor.connect() as conexion:
            return int(conexion.execute(text(consulta)).scalar_one())
    finally:
        motor.dispose()


def test_la_ayuda_esta_en_espanol_con_ejemplos() -> None:
    salida = correr("ingerir", "--help")
    assert salida.exit_code == 0
    assert "Uso:" in salida.stdout and "Ejemplos" in salida.stdout
    for opcion in ("--db", "--workers", "--reintentar", "--json", "PLANMEJORA_DB"):
        assert opcion in salida.stdout


def test_cargar_y_volver_a_cargar_la_misma_carpeta(carpeta: Path, url_db: str) -> None:
    primera = correr("ingerir", str(carpeta), "--db", url_db, "--json")
    assert primera.exit_code == 0, primera.stderr
    resumen = json.loads(primera.stdout)
    assert (resumen["archivos"], resumen["cargados"], resumen["con_error"], resumen["omitidos"]) == (2, 2, 0, 0)
    assert resumen["hallazgos"] == 2 + 7 == contar(url_db, "SELECT COUNT(*) FROM v_hallazgos")
    assert contar(url_db, "SELECT COUNT(DISTINCT proceso_auditado) FROM v_hallazgos") == 4

    segunda = json.loads(correr("ingerir", str(carpeta), "--db", url_db, "--json").stdout)
    assert (segunda["cargados"], segunda["omitidos"], segunda["hallazgos"]) == (0, 2, 0)
    assert contar(url_db, "SELECT COUNT(*) FROM documentos") == 2


LECTORES_Y_MIGRACIONES = (
    "alembic",
    "sqlalchemy.orm",
    "planmejora.api",
    "extractor.lector",
    "normalizacion.documento",
    "pdfplumber",
    "pypdfium2",
    "openpyxl",
    "docx",
    "multiprocessing.forkserver",
)


def test_volver_a_cargar_sin_cambios_no_importa_lectores_ni_migraciones(carpeta: Path, tmp_path: Path) -> None:
    """A nightly run over an archive already loaded spends its time on checking, not on importing readers."""
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    assert correr("ingerir", str(carpeta), "--db", url).exit_code == 0
    programa = (
        "import sys\n"
        "from planmejora import cli\n"
        f"sys.argv = ['planmejora', 'ingerir', {str(carpeta)!r}, '--db', {url!r}, '--json']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({LECTORES_Y_MIGRACIONES!r})), file=sys.stderr)\n"
    )

    salida = subprocess.run([sys.executable, "-c", programa], capture_output=True, text=True, check=True)

    assert json.loads(salida.stdout)["omitidos"] == 2
    assert salida.stderr.splitlines()[-1] == "[]"


def test_un_archivo_malo_da_codigo_1_y_los_demas_se_cargan(carpeta: Path, tmp_path: Path) -> None:
    (carpeta / "vacio.pdf").write_bytes(b"")
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    salida = correr("ingerir", str(carpeta), "--db", url, "--json")
    assert salida.exit_code == 1
    assert isinstance(salida.exception, SystemExit)
    resumen = json.loads(salida.stdout)
    assert (resumen["cargados"], resumen["con_error"]) == (2, 1)
    assert resumen["errores"] == [{"archivo": str(carpeta / "vacio.pdf"), "error": "El archivo está vacío (0 bytes)."}]
    assert contar(url, "SELECT COUNT(*) FROM documentos WHERE estado = 'error'") == 1

    otra_vez = correr("ingerir", str(carpeta), "--db", url)
    assert otra_vez.exit_code == 0
    assert "1 de los omitidos ya habían fallado antes" in otra_vez.stdout
    assert correr("ingerir", str(carpeta), "--db", url, "--reintentar").exit_code == 1


def test_sin_terminal_cada_archivo_es_un_renglon_y_al_final_un_resumen(carpeta: Path, tmp_path: Path) -> None:
    salida = correr("ingerir", str(carpeta), "--db", f"sqlite:///{tmp_path / 'planes.db'}")
    assert salida.exit_code == 0
    renglones = salida.stderr.splitlines()
    assert renglones == [
        f"[1/2] cargado {carpeta / '2023' / 'san_jacinto.xlsx'}",
        f"[2/2] cargado {carpeta / 'calica_2021.docx'}",
    ]
    assert "2 archivo(s)" in salida.stdout and "2 cargado(s)" in salida.stdout and "9 hallazgo(s)" in salida.stdout


def test_la_base_sale_de_la_variable_y_si_no_de_planmejora_db(
    carpeta: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert correr("ingerir", str(carpeta), PLANMEJORA_DB=f"sqlite:///{tmp_path / 'v.db'}").exit_code == 0
    assert (tmp_path / "v.db").exists() and not (tmp_path / "planmejora.db").exists()
    assert correr("ingerir", str(carpeta)).exit_code == 0
    assert contar(f"sqlite:///{tmp_path / 'planmejora.db'}", "SELECT COUNT(*) FROM documentos") == 2


@pytest.mark.parametrize(
    ("url", "dice"),
    [
        ("esto no es una url", "no se entiende"),
        ("mysql://yo@servidor/planes", "no está soportada"),
        ("sqlite:////no/existe/planes.db", "No se pudo abrir la base de datos"),
        ("postgresql://yo:secreta@127.0.0.1:1/planes", "No se pudo abrir la base de datos"),
    ],
)
def test_una_base_mala_es_uso_incorrecto_con_un_mensaje_en_espanol(carpeta: Path, url: str, dice: str) -> None:
    salida = correr("ingerir", str(carpeta), "--db", url)
    assert salida.exit_code == 2
    assert dice in salida.stderr and "secreta" not in salida.stderr


def test_una_base_inalcanzable_no_muestra_rastros_ni_la_clave(carpeta: Path) -> None:
    salida = correr_instalado("ingerir", str(carpeta), "--db", "postgresql://yo:secreta@127.0.0.1:1/planes")
    assert salida.returncode == 2
    assert "No se pudo abrir la base de datos" in salida.stderr
    assert "Traceback" not in salida.stderr and "secreta" not in salida.stderr


def test_una_ruta_que_no_existe_es_uso_incorrecto(tmp_path: Path) -> None:
    salida = correr("ingerir", str(tmp_path / "no_esta"), "--db", f"sqlite:///{tmp_path / 'p.db'}")
    assert salida.exit_code == 2
    assert "No existe" in salida.stderr and "no_esta" in salida.stderr


def test_dos_lectores_cargan_lo_mismo(carpeta: Path, url_db: str) -> None:
    salida = correr("ingerir", str(carpeta), "--db", url_db, "--workers", "2", "--json")
    assert salida.exit_code == 0, salida.stderr
    assert json.loads(salida.stdout)["hallazgos"] == 9 == contar(url_db, "SELECT COUNT(*) FROM v_hallazgos")


def test_sin_terminal_los_omitidos_son_un_solo_renglon_salvo_con_verbose(carpeta: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    correr("ingerir", str(carpeta / "2023"), "--db", url)
    resumido = correr("ingerir", str(carpeta), "--db", url)
    assert resumido.stderr.splitlines() == [
        f"[2/2] cargado {carpeta / 'calica_2021.docx'}",
        "1 archivo(s) omitido(s) porque ya estaban cargados (-v los nombra uno a uno).",
    ]
    detallado = correr("ingerir", str(carpeta), "--db", url, "-v")
    assert detallado.stderr.splitlines() == [
        f"[1/2] omitido {carpeta / '2023' / 'san_jacinto.xlsx'}",
        f"[2/2] omitido {carpeta / 'calica_2021.docx'}",
    ]


@pytest.mark.lento
def test_ctrl_c_termina_lo_que_lee_cierra_la_corrida_y_la_siguiente_completa_el_resto(tmp_path: Path) -> None:
    planes = tmp_path / "planes"
    planes.mkdir()
    copias = copias_distintas([MUESTRAS / "calica_2021.docx", MUESTRAS / "calica_2021.pdf"], planes, 40)
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    variables = {k: v for k, v in os.environ.items() if k != "PLANMEJORA_DB"} | {"NO_COLOR": "1"}
    proceso = subprocess.Popen(
        [PLANMEJORA, "ingerir", str(planes), "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=variables,
    )
    assert proceso.stderr is not None
    primera = proceso.stderr.readline()  # plain lines off a terminal: one per file loaded
    assert "cargado" in primera, primera
    proceso.send_signal(signal.SIGINT)
    resto_stderr = proceso.stderr.read()
    assert proceso.wait(timeout=120) == 130
    assert "Carga detenida por el usuario" in resto_stderr and "Traceback" not in resto_stderr

    cargados = contar(url, "SELECT count(*) FROM documentos")
    assert 1 <= cargados < len(copias)
    assert f"{len(copias) - cargados} archivo(s) no se empezaron" in resto_stderr, "said how many were left"
    assert contar(url, "SELECT count(*) FROM corridas WHERE estado = 'interrumpida' AND terminada_en IS NOT NULL") == 1

    otra = correr_instalado("ingerir", str(planes), "--db", url)
    assert otra.returncode == 0, otra.stderr
    assert contar(url, "SELECT count(*) FROM documentos") == len(copias)


def solo_lectura(url_db: str) -> str:
    """The same database, opened so that it refuses every write (a read-only file, or a replica)."""
    if url_db.startswith("sqlite:///"):
        return f"sqlite:///file:{url_db.removeprefix('sqlite:///')}?mode=ro&uri=true"
    return url_db.replace("?options=", "?options=-cdefault_transaction_read_only%3Don%20")


def test_una_base_de_solo_lectura_sale_con_2_y_lo_dice(carpeta: Path, url_db: str) -> None:
    """Regression (issue 12): it said «la base de datos dejó de responder… vuelva a correr» and exited with 1."""
    assert correr("ingerir", str(carpeta / "calica_2021.docx"), "--db", url_db).exit_code == 0
    salida = correr("ingerir", str(carpeta), "--db", solo_lectura(url_db))
    assert salida.exit_code == 2
    assert "es de solo lectura" in " ".join(salida.stderr.split())
    assert "dejó de responder" not in salida.stderr


def test_db_acepta_la_ruta_de_un_archivo_sqlite(carpeta: Path, tmp_path: Path) -> None:
    salida = correr_instalado("ingerir", str(carpeta / "calica_2021.docx"), "--db", "planes.db", cwd=tmp_path)
    assert salida.returncode == 0, salida.stderr
    assert contar(f"sqlite:///{tmp_path / 'planes.db'}", "SELECT COUNT(*) FROM documentos") == 1


def test_una_carpeta_sin_planes_lo_dice(tmp_path: Path) -> None:
    """Regression (issue 12): `ingerir` on a folder with nothing to load ended in silent success."""
    (tmp_path / "vacia").mkdir()
    salida = correr("ingerir", str(tmp_path / "vacia"), "--db", f"sqlite:///{tmp_path / 'planes.db'}")
    assert salida.exit_code == 0
    assert "no hay ningún PDF, Word ni Excel que cargar" in " ".join(salida.stderr.split())


def test_en_una_terminal_la_barra_nombra_el_archivo_que_se_esta_leyendo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (issue 12): the bar never showed the current file and looked frozen during a long OCR."""

    def ingerir_falso(
        rutas: object, url: object, workers: object, reintentar: object, avanzar: object, limites: object,
        parar: object, empezado: Callable[[str], None],
    ) -> ingesta.Resumen:  # fmt: skip
        empezado(str(tmp_path / "una carpeta de nombre muy largo que no cabe" / "escaneo_de_celular.jpg"))
        return ingesta.Resumen(corrida=1, archivos=1)

    monkeypatch.setattr(ingesta, "ingerir", ingerir_falso)
    pantalla = StringIO()
    consola = Console(file=pantalla, force_terminal=True, width=80, color_system=None)
    ingerir._con_barra([tmp_path], "sqlite://", 1, False, consola, Limites(), lambda: False)
    assert "escaneo_de_celular.jpg" in pantalla.getvalue()
