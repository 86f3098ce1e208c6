"""What a file is comes from its bytes: the samples of every format, renamed copies, and what is no document."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from extractor.errores import ArchivoIlegible
from extractor.formatos import Identidad, formato_de, identidad_sin_leer, por_extension
from extractor.lector import leer

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"


@pytest.mark.parametrize(
    ("muestra", "formato", "tipo"),
    [
        ("calica_2021.pdf", "pdf", "pdf"),
        ("calica_2021.docx", "docx", "docx"),
        ("calica_2021.doc", "doc", "docx"),
        ("tamboral_2022.rtf", "rtf", "docx"),
        ("guavio_2022.odt", "odt", "docx"),
        ("sabana_alta_2021.xlsx", "xlsx", "xlsx"),
        ("puerto_camelias_2022.xls", "xls", "xlsx"),
        ("sabana_alta_2021.ods", "ods", "xlsx"),
        ("foto_calica_2021.jpg", "jpg", "imagen"),
        ("escaneado_calica_2021.png", "png", "imagen"),
        ("escaneado_guavio_2022.tiff", "tiff", "imagen"),
        ("sabana_alta_2021_web.xls", "html", "xlsx"),
        ("san_jacinto_2023_xml.xls", "xml", "xlsx"),
    ],
)
def test_cada_formato_se_reconoce_por_sus_bytes_aunque_no_tenga_extension(
    tmp_path: Path, muestra: str, formato: str, tipo: str
) -> None:
    sin_extension = tmp_path / "plan"
    shutil.copyfile(MUESTRAS / muestra, sin_extension)
    assert formato_de(sin_extension.read_bytes()) == formato
    assert Identidad(formato).tipo == tipo


def test_un_docx_guardado_con_extension_doc_se_lee_como_el_docx_que_es(tmp_path: Path) -> None:
    renombrado = tmp_path / "plan.doc"
    shutil.copyfile(MUESTRAS / "calica_2021.docx", renombrado)
    documento = leer(renombrado)
    assert documento.error is None
    assert (documento.tipo, documento.formato, len(documento.planes)) == ("docx", "docx", 1)


def test_un_libro_con_extension_de_word_se_rechaza_diciendo_que_es(tmp_path: Path) -> None:
    renombrado = tmp_path / "plan.doc"
    shutil.copyfile(MUESTRAS / "puerto_camelias_2022.xls", renombrado)
    documento = leer(renombrado)
    assert documento.error is not None and "Excel 97-2003" in documento.error
    assert (documento.tipo, documento.formato) == ("xlsx", "xls")


def test_un_texto_no_es_de_ningun_tipo(tmp_path: Path) -> None:
    nota = tmp_path / "nota.pdf"
    nota.write_text("Pendiente enviar el plan firmado.\n", encoding="utf-8")
    documento = leer(nota)
    assert (documento.tipo, documento.formato) == (None, None)
    assert documento.error is not None and "no es un PDF" in documento.error
    assert identidad_sin_leer(nota) == (None, None)


def test_un_zip_cualquiera_no_es_un_documento(tmp_path: Path) -> None:
    archivo = tmp_path / "fotos.zip"
    shutil.make_archive(str(tmp_path / "fotos"), "zip", MUESTRAS / "esperado" / "danados")
    with pytest.raises(ArchivoIlegible, match="ZIP que no contiene"):
        formato_de(archivo.read_bytes())


def test_la_extension_solo_dice_que_vale_la_pena_abrir() -> None:
    nombres = ("a.PDF", "b.Doc", "c.ods", "d.JPEG", "e.tif", "f.dotx", "g.xlt", "h.txt", "i")
    assert [por_extension(Path(n)) for n in nombres] == ["pdf", "doc", "ods", "jpg", "tiff", "docx", "xls", None, None]


def test_una_plantilla_de_opendocument_diligenciada_se_lee_como_su_documento(tmp_path: Path) -> None:
    plantilla = tmp_path / "plan.ott"
    with zipfile.ZipFile(MUESTRAS / "guavio_2022.odt") as original, zipfile.ZipFile(plantilla, "w") as copia:
        for parte in original.infolist():
            datos = original.read(parte)
            if parte.filename == "mimetype":
                datos = b"application/vnd.oasis.opendocument.text-template"
            copia.writestr(parte, datos)
    assert formato_de(plantilla.read_bytes()) == "odt"


@pytest.mark.parametrize(
    ("nombre", "tipo"), [("plan.xls", "xlsx"), ("plan.xlsx", "xlsx"), ("plan.doc", "docx"), ("plan.docx", "docx")]
)
def test_una_pagina_html_de_un_sistema_es_de_la_familia_que_promete_su_nombre(nombre: str, tipo: str) -> None:
    pagina = b"\xef\xbb\xbf\r\n<html><head><meta charset='utf-8'></head><body><table><tr><td>1</td></tr></table>"
    formato = formato_de(pagina)
    assert formato == "html"
    assert Identidad(formato, por_extension(Path(nombre))).tipo == tipo


@pytest.mark.parametrize(
    "contenido",
    [
        b"<html><body><h1>Su sesion expiro</h1></body></html>",
        b"<?xml version='1.0'?><informe><fila/></informe>",
        b"Plan de mejoramiento: ver tabla adjunta",
    ],
)
def test_un_marcado_sin_tabla_ni_libro_no_es_de_ningun_formato(contenido: bytes) -> None:
    assert formato_de(contenido) is None


def test_una_pagina_html_con_extension_de_pdf_se_rechaza_diciendo_que_es(tmp_path: Path) -> None:
    renombrado = tmp_path / "plan.pdf"
    shutil.copyfile(MUESTRAS / "sabana_alta_2021_web.xls", renombrado)
    documento = leer(renombrado)
    assert documento.error is not None and "página web (HTML)" in documento.error
