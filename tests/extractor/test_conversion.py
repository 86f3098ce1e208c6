""".doc, .rtf, .odt and .ods are read through LibreOffice, inside the reader's limits; without it, a Spanish error."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from extractor import conversion
from extractor.aislamiento import Aislados, Caida
from extractor.lector import leer
from extractor.limites import Limites

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"


@pytest.fixture
def con_libreoffice() -> None:
    """LibreOffice is part of the install (`.ci/run` installs it): in CI its absence fails."""
    if shutil.which("soffice") is None:
        motivo = f"falta LibreOffice ({conversion.INSTALAR})"
        if os.environ.get("PLANMEJORA_CI") == "1":
            pytest.fail(motivo, pytrace=False)
        pytest.skip(motivo)


def _programa_falso(tmp_path: Path, guion: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `soffice.bin` that does what `guion` says instead of converting."""
    falso = tmp_path / "soffice.bin"
    falso.write_text(f"#!/bin/sh\n{guion}\n", encoding="utf-8")
    falso.chmod(falso.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(conversion, "_programa", lambda: falso)


@pytest.mark.usefixtures("con_libreoffice")
@pytest.mark.parametrize(
    ("muestra", "tipo", "hoja"),
    [
        ("calica_2021.doc", "docx", None),
        ("guavio_2022.odt", "docx", None),
        ("sabana_alta_2021.ods", "xlsx", "PM Gestión Documental"),
    ],
)
def test_se_lee_como_su_gemelo_moderno_con_su_origen(muestra: str, tipo: str, hoja: str | None) -> None:
    documento = leer(MUESTRAS / muestra)
    assert documento.error is None
    assert documento.tipo == tipo and documento.formato == Path(muestra).suffix[1:]
    (plan,) = documento.planes
    assert plan.filas and plan.filas[0].origen.hoja == hoja


def test_sin_libreoffice_el_error_dice_que_instalar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conversion.shutil, "which", lambda _: None)
    documento = leer(MUESTRAS / "calica_2021.doc")
    assert documento.error is not None
    assert "LibreOffice" in documento.error and conversion.INSTALAR in documento.error
    assert leer(MUESTRAS / "puerto_camelias_2022.xls").error is None, ".xls is read without LibreOffice"


def test_un_convertidor_que_se_cuelga_se_mata_al_limite_de_tiempo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = tmp_path / "pid"
    _programa_falso(tmp_path, f"echo $$ > {pid}; exec sleep 30", monkeypatch)
    inicio = time.monotonic()
    documento = leer(MUESTRAS / "calica_2021.doc", Limites(max_segundos=2))
    assert time.monotonic() - inicio < 10
    assert documento.error is not None and "no terminó de convertir" in documento.error
    assert _muere_pronto(int(pid.read_text())), "the converter was killed, not left running"


def test_un_convertidor_que_se_cae_da_un_error_y_no_deja_nada(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _programa_falso(tmp_path, "kill -SEGV $$", monkeypatch)
    documento = leer(MUESTRAS / "guavio_2022.odt")
    assert documento.error is not None and "LibreOffice no pudo convertir" in documento.error


def _leer_con_el_programa_de_al_lado(ruta: Path) -> object:
    """Run in the reader process (a fork of the fork server, which a monkeypatch does not reach): the
    `soffice.bin` beside the file converts it, and may wait past the reader's own limit."""
    conversion._programa = lambda: ruta.with_name("soffice.bin")  # type: ignore[assignment]
    conversion.PARTE_DEL_LIMITE = 10.0
    return leer(ruta, Limites(max_segundos=3))


@pytest.mark.lento
def test_si_matan_al_lector_el_convertidor_muere_con_el_y_no_queda_su_carpeta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader process is killed at the file's time limit; LibreOffice, its child, must not outlive it."""
    pid, carpeta = tmp_path / "pid", tmp_path / "carpeta"
    _programa_falso(tmp_path, f"echo $$ > {pid}; pwd > {carpeta}; exec sleep 60", monkeypatch)
    plan = tmp_path / "plan.doc"
    shutil.copyfile(MUESTRAS / "calica_2021.doc", plan)
    aislados = Aislados(1, Limites(max_segundos=3))
    ((_, resultado),) = list(aislados.procesar(_leer_con_el_programa_de_al_lado, [plan], Path))
    assert isinstance(resultado, Caida) and resultado.del_archivo
    assert _muere_pronto(int(pid.read_text()))
    assert not Path(carpeta.read_text().strip()).exists(), "the conversion's temporary folder was removed"


def _muere_pronto(pid: int) -> bool:
    """The process is gone, or a zombie waiting to be reaped, within a few seconds."""
    for _ in range(50):
        try:
            estado = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if estado in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False
