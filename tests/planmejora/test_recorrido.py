"""Every file under the folders given is read or named with its reason; only passing traces go unsaid."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planmejora.recorrido import recorrer

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"


def test_lo_que_no_se_lee_se_nombra_con_su_motivo(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".planmejora").mkdir()
    for nombre in ("b.pdf", "sub/a.DOC", "foto.jpeg", "nota.txt", "correo.msg", "planes.zip", ".planmejora/x.log"):
        (tmp_path / nombre).write_bytes(b"x")
    for de_paso in ("~$a.docx", ".~lock.b.xlsx#", "c.xlsx.tmp", ".oculto.pdf", "bajando.crdownload"):
        (tmp_path / de_paso).write_bytes(b"x")
    recorrido = recorrer([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in recorrido.archivos] == ["b.pdf", "foto.jpeg", "sub/a.DOC"]
    ignorados = {i.ruta.name: i.motivo for i in recorrido.ignorados}
    assert sorted(ignorados) == ["correo.msg", "nota.txt", "planes.zip"]
    assert "«.txt»" in ignorados["nota.txt"]


def test_un_archivo_sin_extension_se_lee_si_sus_bytes_son_de_un_formato_conocido(tmp_path: Path) -> None:
    shutil.copyfile(MUESTRAS / "calica_2021.pdf", tmp_path / "plan_calica")
    (tmp_path / "LEAME").write_text("Planes de 2021\n", encoding="utf-8")
    recorrido = recorrer([tmp_path])
    assert [p.name for p in recorrido.archivos] == ["plan_calica"]
    assert [i.ruta.name for i in recorrido.ignorados] == ["LEAME"]


def test_un_archivo_dado_por_nombre_siempre_se_lee(tmp_path: Path) -> None:
    nota = tmp_path / "nota.txt"
    nota.write_text("hola", encoding="utf-8")
    assert recorrer([nota]).archivos == [nota]


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens every folder")
def test_una_subcarpeta_que_no_se_puede_abrir_se_dice(tmp_path: Path) -> None:
    cerrada = tmp_path / "cerrada"
    cerrada.mkdir()
    (cerrada / "plan.pdf").write_bytes(b"x")
    cerrada.chmod(0)
    try:
        recorrido = recorrer([tmp_path])
    finally:
        cerrada.chmod(0o755)
    assert [c.ruta for c in recorrido.carpetas_ilegibles] == [cerrada]
    assert "no se pudo abrir la carpeta" in recorrido.carpetas_ilegibles[0].motivo


def test_una_subcarpeta_que_no_se_puede_abrir_se_dice_aunque_corra_como_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = os.walk

    def sin_permiso(carpeta: Path, onerror: object = None) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permiso denegado", str(tmp_path / "cerrada")))
        return walk(carpeta)

    monkeypatch.setattr("planmejora.recorrido.os.walk", sin_permiso)
    recorrido = recorrer([tmp_path])
    assert [(c.ruta.name, "no hay permiso" in c.motivo) for c in recorrido.carpetas_ilegibles] == [("cerrada", True)]
