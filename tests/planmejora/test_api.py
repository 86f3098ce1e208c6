"""`planmejora.api` as a Python user calls it."""

from pathlib import Path

import pytest

import planmejora.api as api


def test_un_fallo_al_normalizar_da_un_plan_con_error_y_no_una_excepcion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def romper(documento: object) -> list[object]:
        raise ZeroDivisionError

    monkeypatch.setattr(api, "normalizar_documento", romper)
    planes = api.extraer_archivo(Path("muestras/calica_2021.docx"))
    assert len(planes) == 1
    assert planes[0].error is not None and "ZeroDivisionError" in planes[0].error
    assert planes[0].hallazgos == []


def test_archivos_en_recorre_carpetas_y_deja_fuera_bloqueos_de_office(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for nombre in ("b.pdf", "sub/a.docx", "~$a.docx", ".~lock.b.xlsx#", "nota.txt", "c.xlsx.tmp"):
        (tmp_path / nombre).write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in api.archivos_en([tmp_path])] == ["b.pdf", "sub/a.docx"]
