"""`planmejora.api` as a Python user calls it."""

from pathlib import Path

import pytest

import planmejora.api as api
from extractor.limites import Limites
from tests.extractor import hostiles


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


def test_con_varios_lectores_los_planes_salen_en_el_orden_dado_aunque_el_primero_tarde(tmp_path: Path) -> None:
    lento = hostiles.pdf_lento(tmp_path)
    vacio = tmp_path / "vacio.docx"
    vacio.write_bytes(b"")
    rutas = [lento, Path("muestras/calica_2021.docx"), vacio]
    leidos = list(api.extraer_aislados(rutas, Limites(max_segundos=2), workers=2))
    assert [planes[0].archivo for planes in leidos] == [str(ruta) for ruta in rutas]
    assert leidos[0][0].error is not None and "límite de 2 segundos" in leidos[0][0].error
    assert leidos[1][0].error is None and len(leidos[1][0].hallazgos) > 0
    assert leidos[2][0].error == "El archivo está vacío (0 bytes)."
