"""The HTML report in a real browser (Debian's chromium, driven by Playwright), as the head of control opens it.

Chromium is a system package (`apt-get install chromium`; `.ci/run` installs it). Without it the
test is skipped on a developer's machine and fails in CI, where a skip would hide that the page
was never opened. A screenshot is left in `artefactos/` for a person to look at.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planmejora.cli import app
from tests.planmejora.navegador import chromium_de_pruebas
from tests.planmejora.test_calidad_orden import CORTE_LEJANO, HIPERVINCULO, cifras_de_la_base, construir_base

pytestmark = pytest.mark.lento

ARTEFACTOS = Path(__file__).parents[2] / "artefactos"


@pytest.fixture(scope="module")
def navegador() -> Iterator[object]:
    yield from chromium_de_pruebas()


@pytest.fixture(scope="module")
def reporte_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    carpeta = tmp_path_factory.mktemp("navegador")
    base = construir_base(carpeta)
    salida = carpeta / "calidad.html"
    resultado = CliRunner().invoke(app, ["calidad", "--db", base, "--salida", str(salida), "--corte", CORTE_LEJANO])
    assert resultado.exit_code == 0, resultado.stderr
    return salida, cifras_de_la_base(base)


def test_la_pagina_abre_sin_errores_muestra_las_cifras_de_la_base_y_filtra(
    navegador: object, reporte_html: tuple[Path, dict[str, int]]
) -> None:
    from playwright.sync_api import Browser, Request, expect

    assert isinstance(navegador, Browser)
    ruta, cifras = reporte_html
    pagina = navegador.new_page(viewport={"width": 1280, "height": 900})
    errores: list[str] = []
    pedidos: list[str] = []
    dialogos: list[str] = []
    pagina.on("console", lambda mensaje: errores.append(mensaje.text) if mensaje.type == "error" else None)
    pagina.on("pageerror", lambda error: errores.append(str(error)))
    pagina.on("dialog", lambda dialogo: (dialogos.append(dialogo.message), dialogo.dismiss()))

    def pedido(solicitud: Request) -> None:
        if not solicitud.url.startswith(("file:", "data:")):
            pedidos.append(solicitud.url)

    pagina.on("request", pedido)
    pagina.goto(ruta.as_uri())
    pagina.wait_for_load_state("load")

    for clave in ("documentos", "ilegibles", "planes", "acciones", "problemas", "vencidas"):
        assert pagina.locator(f'[data-total="{clave}"]').inner_text() == str(cifras[clave]), clave
    filas = pagina.locator("tr.problema")
    assert filas.count() == cifras["problemas"]
    expect(pagina.locator("#contador")).to_have_text(str(cifras["problemas"]))
    assert pagina.get_by_text(HIPERVINCULO).count() >= 1

    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / "calidad.png"), full_page=True)

    pagina.locator("#filtro").fill("fecha inferida")
    visibles = pagina.locator("tr.problema:visible")
    expect(pagina.locator("#contador")).not_to_have_text(str(cifras["problemas"]))
    cuantas = int(pagina.locator("#contador").inner_text())
    assert 0 < cuantas < cifras["problemas"]
    assert visibles.count() == cuantas
    assert all("inferida" in texto.lower() for texto in visibles.all_inner_texts())

    pagina.locator("#filtro").fill("")
    pagina.locator("#filtro-codigo").select_option("valor_desconocido")
    assert 0 < int(pagina.locator("#contador").inner_text()) < cifras["problemas"]
    pagina.locator("#filtro-codigo").select_option("")
    expect(pagina.locator("#contador")).to_have_text(str(cifras["problemas"]))

    assert errores == [] and dialogos == [] and pedidos == []


def test_una_columna_se_ordena_con_un_clic(navegador: object, reporte_html: tuple[Path, dict[str, int]]) -> None:
    from playwright.sync_api import Browser

    assert isinstance(navegador, Browser)
    pagina = navegador.new_page()
    pagina.goto(reporte_html[0].as_uri())
    tabla = pagina.locator("section.archivo", has_text="tamboral_hostil.docx").locator("table")
    boton = tabla.locator("thead th button", has_text="Qué valor")
    boton.click()
    ascendente = tabla.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert ascendente == sorted(
        ascendente, key=lambda t: [int(p) if p.isdigit() else p.casefold() for p in re.split(r"(\d+)", t)]
    )
    boton.click()
    assert tabla.locator("tbody tr td:nth-child(2)").all_inner_texts() == ascendente[::-1]
    assert tabla.locator("thead th", has_text="Qué valor").get_attribute("aria-sort") == "descending"


COLUMNAS_IMPRESAS = [
    "Dependencia", "Cargo responsable", "Entidad", "Archivo", "N°", "Acción de mejora", "Terminación",
    "Días de atraso", "Estado", "Ubicación", "Qué valor", "Tipo", "Valor escrito", "Valor adoptado", "Mensaje",
]  # fmt: skip


def test_impreso_en_pdf_trae_cada_columna_en_la_hoja_y_las_vencidas_desplegadas(
    navegador: object, reporte_html: tuple[Path, dict[str, int]]
) -> None:
    """What «Imprimir» gives: Chromium's own PDF, read back as text, with nothing cut at the right edge."""
    import pdfplumber
    from playwright.sync_api import Browser

    assert isinstance(navegador, Browser)
    pagina = navegador.new_page()
    pagina.goto(reporte_html[0].as_uri())
    acciones_vencidas = pagina.locator("details.vencidas tbody tr td.texto").all_text_contents()
    pdf = pagina.pdf(prefer_css_page_size=True, print_background=True)
    ARTEFACTOS.mkdir(exist_ok=True)
    (ARTEFACTOS / "calidad_impreso.pdf").write_bytes(pdf)

    with pdfplumber.open(io.BytesIO(pdf)) as documento:
        hojas = documento.pages
        assert all(hoja.width > hoja.height for hoja in hojas), "landscape"
        palabras = [(p["text"], p["x1"] <= hoja.width) for hoja in hojas for p in hoja.extract_words()]
    assert all(dentro for _, dentro in palabras), "a word runs off the right edge of the sheet"
    impresas = {texto for texto, _ in palabras}
    for columna in COLUMNAS_IMPRESAS:
        assert set(columna.split()) <= impresas, f"la columna «{columna}» no sale impresa"
    assert acciones_vencidas, "the base has overdue actions"
    for accion in acciones_vencidas:
        assert set(accion.split()[:3]) <= impresas, f"la vencida «{accion}» no sale impresa: la lista quedó plegada"
