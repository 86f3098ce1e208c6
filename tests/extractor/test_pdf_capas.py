"""Searchable scans: the text layer someone's OCR hid in a scanned page is not what the page shows.

The PDFs are written here byte by byte: a page-sized JPEG of a table (drawn as in `test_ocr`)
and a text layer that says something else, so a test knows which of the two was read.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from extractor.pdf import leer_pdf
from extractor.pdf_capas import texto_de_ocr_ajeno
from tests.extractor.test_ocr import DPI, formulario, leidas_del_formulario

CAPA = "GEM-FMO14 Conciliaciones sn firmr"
"""What a scanner's OCR typically hides in the page: its own misreadings."""


def pdf_con_capa(destino: Path, imagen: Image.Image, modo: int, capa_encima: bool = True) -> Path:
    """One page showing `imagen`, with `CAPA` written in text render mode `modo` over it, or under it."""
    jpeg = io.BytesIO()
    imagen.convert("L").save(jpeg, "JPEG", quality=85)
    ancho, alto = imagen.width * 72 / DPI, imagen.height * 72 / DPI
    dibujo_imagen = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n" % (ancho, alto)
    texto = b"BT %d Tr /F1 10 Tf 30 %.2f Td (%s) Tj ET\n" % (modo, alto - 40, CAPA.encode())
    contenido = zlib.compress(dibujo_imagen + texto if capa_encima else texto + dibujo_imagen)
    datos = jpeg.getvalue()
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 5 0 R "
        b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im0 6 0 R >> >> >>" % (ancho, alto),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(contenido) + contenido + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n"
        % (imagen.width, imagen.height, len(datos))
        + datos
        + b"\nendstream",
    ]
    salida = bytearray(b"%PDF-1.4\n")
    posiciones = []
    for numero, cuerpo in enumerate(objetos, start=1):
        posiciones.append(len(salida))
        salida += b"%d 0 obj\n" % numero + cuerpo + b"\nendobj\n"
    inicio = len(salida)
    salida += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objetos) + 1)
    salida += b"".join(b"%010d 00000 n \n" % p for p in posiciones)
    salida += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objetos) + 1, inicio)
    destino.write_bytes(bytes(salida))
    return destino


@pytest.mark.parametrize(
    ("modo", "capa_encima", "oculta"),
    [
        pytest.param(3, True, True, id="capa invisible sobre la imagen (escáner, tesseract pdf)"),
        pytest.param(0, False, True, id="texto visible tapado por la imagen"),
        pytest.param(0, True, False, id="texto escrito sobre una imagen de fondo: es el texto de la página"),
    ],
)
def test_se_reconoce_el_texto_de_un_ocr_ajeno(tmp_path: Path, modo: int, capa_encima: bool, oculta: bool) -> None:
    ruta = pdf_con_capa(tmp_path / "plan.pdf", formulario().imagen, modo, capa_encima)
    pdf = pdfium.PdfDocument(ruta)
    try:
        assert texto_de_ocr_ajeno(pdf[0]) == oculta
    finally:
        pdf.close()


def test_un_pdf_con_texto_y_un_logo_no_es_un_escaneo() -> None:
    pdf = pdfium.PdfDocument(Path(__file__).parent / "datos" / "reglada.pdf")
    try:
        assert not texto_de_ocr_ajeno(pdf[0])
    finally:
        pdf.close()


@pytest.mark.usefixtures("con_tesseract")
def test_un_escaneo_buscable_se_lee_de_la_imagen_y_no_de_su_capa(tmp_path: Path) -> None:
    ruta = pdf_con_capa(tmp_path / "buscable.pdf", formulario().escaneada(1.3), modo=3)
    (hoja,) = leer_pdf(ruta, max_paginas=5)
    texto = str([c.texto for f in hoja.filas for c in f.celdas])
    assert leidas_del_formulario(hoja.filas)
    assert "FMO14" not in texto and "firmr" not in texto
