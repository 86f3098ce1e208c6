"""Uploading copies: the same ingestion as `ingerir`, and every bad request refused before anything is kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.planmejora.web.conftest import LIMITE_SUBIDA, MUESTRAS, token
from tests.planmejora.web.test_paginas import consultar


def subir(cliente: TestClient, *archivos: tuple[str, bytes], csrf: str | None = None) -> Any:
    marca = csrf if csrf is not None else token(cliente.get("/subir").text)
    return cliente.post(
        "/subir", data={"csrf": marca}, files=[("archivos", (nombre, contenido)) for nombre, contenido in archivos]
    )


def documentos(url: str) -> int:
    return int(consultar(url, "SELECT COUNT(*) FROM documentos")[0][0])


def guardados(carpeta: Path) -> list[Path]:
    return [p for p in carpeta.rglob("*") if p.is_file() and not p.name.startswith(".")]


def test_dos_copias_nuevas_se_cargan_y_enlazan_a_su_plan(
    url: str, como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    antes = documentos(url)
    respuesta = subir(
        como("carlos"),
        ("tamboral.docx", (MUESTRAS / "tamboral_2022.docx").read_bytes()),
        ("santa_rosa.docx", (MUESTRAS / "santa_rosa_2021.docx").read_bytes()),
    )
    html = respuesta.text
    assert respuesta.status_code == 200
    assert html.count(">Cargado<") == 2
    assert documentos(url) == antes + 2
    plan_ids = [fila[0] for fila in consultar(url, "SELECT plan_id FROM v_versiones ORDER BY version_id DESC LIMIT 2")]
    for plan_id in plan_ids:
        assert f'href="/planes/{plan_id}"' in html and f'href="/planes/{plan_id}#problemas"' in html
    assert len(guardados(tmp_path / "archivos")) == 2


def test_los_mismos_bytes_otra_vez_no_agregan_nada(url: str, como: Callable[[str], TestClient], tmp_path: Path) -> None:
    cliente = como("carlos")
    contenido = (MUESTRAS / "tamboral_2022.docx").read_bytes()
    subir(cliente, ("tamboral.docx", contenido))
    antes = documentos(url)
    html = subir(cliente, ("otro nombre.docx", contenido), ("tamboral.docx", contenido)).text
    assert documentos(url) == antes
    assert ">Ya estaba<" in html and ">Repetido<" in html
    assert len(guardados(tmp_path / "archivos")) == 1


def test_un_archivo_danado_dice_por_que_y_el_resto_se_carga(url: str, como: Callable[[str], TestClient]) -> None:
    html = subir(
        como("carlos"),
        ("vacio.pdf", b""),
        ("tamboral.docx", (MUESTRAS / "tamboral_2022.docx").read_bytes()),
    ).text
    assert ">No se cargó<" in html and ">Cargado<" in html
    ((error,),) = consultar(url, "SELECT error FROM documentos WHERE archivo LIKE '%vacio.pdf'")
    assert str(error) in html


def test_un_nombre_hostil_queda_como_un_nombre_simple_dentro_de_la_carpeta(
    como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    hostil = "../../..\\<script>alert(1)</script>\x00.docx"
    html = subir(como("carlos"), (hostil, (MUESTRAS / "tamboral_2022.docx").read_bytes())).text
    (guardado,) = guardados(tmp_path / "archivos")
    assert guardado.resolve().is_relative_to((tmp_path / "archivos").resolve())
    assert guardado.suffix == ".docx" and not set(guardado.name) & set("<>/\\\x00")
    assert "<script>alert(1)" not in html


def test_consulta_no_puede_subir_y_no_se_guarda_nada(
    url: str, como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    antes = documentos(url)
    cliente = como("consuelo")
    respuesta = subir(
        cliente, ("t.docx", (MUESTRAS / "tamboral_2022.docx").read_bytes()), csrf=token(cliente.get("/").text)
    )
    assert respuesta.status_code == 403
    assert documentos(url) == antes and guardados(tmp_path / "archivos") == []


def test_sin_la_marca_del_formulario_no_se_guarda_nada(
    url: str, como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    antes = documentos(url)
    respuesta = subir(como("carlos"), ("t.docx", (MUESTRAS / "tamboral_2022.docx").read_bytes()), csrf="otra")
    assert respuesta.status_code == 403
    assert "El formulario venció" in respuesta.text
    assert documentos(url) == antes and guardados(tmp_path / "archivos") == []


def test_un_envio_demasiado_grande_se_rechaza_con_413(
    url: str, como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    antes = documentos(url)
    respuesta = subir(como("carlos"), ("grande.pdf", b"%PDF-1.4\n" + b"0" * (LIMITE_SUBIDA + 1)))
    assert respuesta.status_code == 413
    assert "el máximo por envío" in respuesta.text
    assert documentos(url) == antes and guardados(tmp_path / "archivos") == []


def test_un_envio_sin_archivos_es_400(como: Callable[[str], TestClient]) -> None:
    cliente = como("carlos")
    respuesta = cliente.post("/subir", data={"csrf": token(cliente.get("/subir").text)})
    assert respuesta.status_code == 400
    assert "No llegó ningún archivo" in respuesta.text


def test_una_base_que_no_deja_guardar_es_una_pagina_503_sin_traza(
    como: Callable[[str], TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    from carga.conexion import ErrorDeBase
    from planmejora.web import subida

    def sin_permiso(*_: object, **__: object) -> None:
        raise ErrorDeBase("No se puede guardar en la base de datos «planes.db»: es de solo lectura.", permanente=True)

    monkeypatch.setattr(subida, "ingerir", sin_permiso)
    respuesta = subir(como("carlos"), ("t.docx", (MUESTRAS / "tamboral_2022.docx").read_bytes()))
    assert respuesta.status_code == 503
    assert "es de solo lectura" in respuesta.text and "Traceback" not in respuesta.text
