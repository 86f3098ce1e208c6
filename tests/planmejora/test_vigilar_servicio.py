"""The systemd units and the cron line in docs/ work as written: they parse, and the command in them does its job.

Only the install paths are swapped for this machine's: the program, the folder, the database, the lock.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
RAIZ = Path(__file__).resolve().parents[2]
SYSTEMD = RAIZ / "docs/systemd"
CRON = RAIZ / "docs/cron/planmejora-vigilar"
INSTALADO = "/opt/planmejora/.venv/bin/planmejora"
CARPETA = "/srv/planes"


def claves(unidad: Path) -> dict[str, list[str]]:
    """`Clave=valor` lines of a unit file (a key may repeat, like Environment=)."""
    valores: dict[str, list[str]] = {}
    for linea in unidad.read_text(encoding="utf-8").splitlines():
        if "=" in linea and not linea.startswith(("#", ";", "[")):
            clave, valor = linea.split("=", 1)
            valores.setdefault(clave.strip(), []).append(valor.strip())
    return valores


def en_esta_maquina(orden: str, carpeta: Path) -> str:
    return orden.replace(INSTALADO, PLANMEJORA).replace(CARPETA, str(carpeta))


def carpeta_con_un_plan(tmp_path: Path) -> Path:
    carpeta = tmp_path / "planes"
    carpeta.mkdir()
    shutil.copy(RAIZ / "muestras/calica_2021.docx", carpeta / "calica.docx")
    return carpeta


def documentos(url: str) -> list[str]:
    motor = create_engine(url)
    try:
        with motor.connect() as conexion:
            return [Path(fila[0]).name for fila in conexion.execute(text("SELECT archivo FROM documentos"))]
    finally:
        motor.dispose()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze no está instalado")
def test_las_unidades_de_systemd_son_validas(tmp_path: Path) -> None:
    for unidad in SYSTEMD.iterdir():
        # systemd-analyze checks that the program exists: point it at the one installed here
        (tmp_path / unidad.name).write_text(unidad.read_text(encoding="utf-8").replace(INSTALADO, PLANMEJORA))
    nombres = sorted(p.name for p in tmp_path.iterdir())
    assert nombres == [
        "planmejora-servir.service",
        "planmejora-vigilar-continuo.service",
        "planmejora-vigilar.service",
        "planmejora-vigilar.timer",
    ]
    revision = subprocess.run(
        ["systemd-analyze", "verify", *nombres], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert revision.returncode == 0, revision.stderr
    assert revision.stdout + revision.stderr == "", "not even a warning"


def test_el_temporizador_arranca_el_servicio_nocturno_de_una_pasada() -> None:
    temporizador = claves(SYSTEMD / "planmejora-vigilar.timer")
    servicio = claves(SYSTEMD / "planmejora-vigilar.service")
    assert temporizador["OnCalendar"] == ["*-*-* 02:30:00"] and temporizador["Persistent"] == ["true"]
    assert servicio["Type"] == ["oneshot"]
    assert "--una-vez" in shlex.split(servicio["ExecStart"][0])
    assert "--una-vez" not in shlex.split(claves(SYSTEMD / "planmejora-vigilar-continuo.service")["ExecStart"][0])


@pytest.mark.lento
def test_la_orden_del_servicio_nocturno_carga_y_aparta_la_carpeta(tmp_path: Path) -> None:
    servicio = claves(SYSTEMD / "planmejora-vigilar.service")
    entorno = dict(variable.split("=", 1) for variable in servicio["Environment"])
    assert set(entorno) == {"PLANMEJORA_DB"}
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    carpeta = carpeta_con_un_plan(tmp_path)
    orden = shlex.split(en_esta_maquina(servicio["ExecStart"][0], carpeta))
    corrida = subprocess.run(
        orden, env={**os.environ, "PLANMEJORA_DB": url}, capture_output=True, text=True, timeout=120, check=False
    )
    assert corrida.returncode == 0, corrida.stderr
    assert documentos(url) == ["calica.docx"]
    assert (carpeta / "procesados/calica.docx").exists()


@pytest.mark.lento
def test_la_linea_de_cron_carga_la_carpeta_y_no_escribe_nada_si_todo_va_bien(tmp_path: Path) -> None:
    lineas = [ln for ln in CRON.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    variables = dict(ln.split("=", 1) for ln in lineas if "=" in ln.split()[0])
    (tarea,) = [ln for ln in lineas if "=" not in ln.split()[0]]
    minuto, hora, dia, mes, dia_semana, usuario, orden = tarea.split(None, 6)
    assert (minuto, hora, dia, mes, dia_semana, usuario) == ("30", "2", "*", "*", "*", "planmejora")
    assert set(variables) == {"PLANMEJORA_DB"}
    assert tarea in (RAIZ / "docs/referencia.md").read_text(encoding="utf-8"), "the reference shows the same line"

    url = f"sqlite:///{tmp_path / 'planes.db'}"
    carpeta = carpeta_con_un_plan(tmp_path)
    orden = en_esta_maquina(orden, carpeta).replace("/run/lock/", f"{tmp_path}/")
    como_cron = {clave: valor for clave, valor in os.environ.items() if clave != "JOURNAL_STREAM"}
    corrida = subprocess.run(
        ["/bin/sh", "-c", orden],
        env={**como_cron, "PLANMEJORA_DB": url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert corrida.returncode == 0, corrida.stderr
    assert corrida.stdout + corrida.stderr == "", "cron mails any output: none when all went well"
    assert documentos(url) == ["calica.docx"]
    assert (carpeta / "procesados/calica.docx").exists()
    assert "Cargado: calica.docx." in (carpeta / ".planmejora/vigilar.log").read_text(encoding="utf-8")
