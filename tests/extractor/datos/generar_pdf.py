"""Makes the tiny PDF fixtures of tests/extractor/test_pdf.py, so CI needs no LibreOffice.

Run from the repository root: `.venv/bin/python tests/extractor/datos/generar_pdf.py`.
Word and Excel files are built here and exported by LibreOffice like real copies;
the cases LibreOffice cannot make (interleaved overflow, no text, encryption) are
written as raw PDF.
"""

from __future__ import annotations

import subprocess
import tempfile
import zlib
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from openpyxl.styles import Alignment, Border, Side

DATOS = Path(__file__).parent
LARGO = (
    "Se recomienda a cada dependencia verificar la materialización de los compromisos que garantizan "
    "el cumplimiento de las metas y que registran un avance inferior al cincuenta por ciento. "
)

PROCEDIMIENTOS = (
    "Procedimientos: GF-PR001 Conciliaciones bancarias, GF-PR002 Pagos a proveedores, GF-PR003 Presupuesto, "
    "GF-PR004 Contabilidad y GF-PR005 Tesorería"
)


def _horizontal(documento: Document) -> None:
    seccion = documento.sections[0]
    seccion.orientation = WD_ORIENT.LANDSCAPE
    seccion.page_width, seccion.page_height = Cm(27.94), Cm(21.59)
    for margen in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(seccion, margen, Cm(1.5))


def _sin_bordes(tabla: Table) -> None:
    bordes = OxmlElement("w:tblBorders")
    for lado in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borde = OxmlElement(f"w:{lado}")
        borde.set(qn("w:val"), "nil")
        bordes.append(borde)
    tabla._tbl.tblPr.append(bordes)


def _repetir_titulo(tabla: Table) -> None:
    propiedades = tabla.rows[0]._tr.get_or_add_trPr()
    propiedades.append(OxmlElement("w:tblHeader"))


def _llenar(tabla: Table, filas: list[list[str]]) -> None:
    for fila, textos in zip(tabla.rows, filas, strict=True):
        for celda, texto in zip(fila.cells, textos, strict=True):
            celda.text = texto


def reglada(destino: Path) -> None:
    """Header lines, a ruled table with merged cells and a multi-line cell, signatures."""
    documento = Document()
    _horizontal(documento)
    documento.add_paragraph("FORMATO PLAN DE MEJORAMIENTO")
    documento.add_paragraph("Proceso Auditado: Gestión Estratégica")
    documento.add_paragraph("RESPONSABLES\tDirectora de Planeación")
    tabla = documento.add_table(rows=4, cols=4)
    tabla.style = "Table Grid"
    _llenar(
        tabla,
        [
            ["N° hallazgo", "Descripción del hallazgo", "Fecha inicial", "Estado"],
            ["1", "Primera línea\nsegunda línea", "jun-21", "Abierta"],
            ["", "Otra acción", "ene-22", "Cerrada"],
            ["2", "Texto ancho que cubre dos columnas", "", "C"],
        ],
    )
    tabla.cell(1, 0).merge(tabla.cell(2, 0))
    tabla.cell(3, 1).merge(tabla.cell(3, 2))
    documento.add_paragraph("Proyectó: Javier Lamprea")
    documento.save(destino)


def _larga(repetir: bool, destino: Path) -> None:
    documento = Document()
    _horizontal(documento)
    documento.add_paragraph("Plan de mejoramiento")
    tabla = documento.add_table(rows=4, cols=4)
    tabla.style = "Table Grid"
    _llenar(
        tabla,
        [
            ["N°", "Descripción", "Plazo", "Estado"],
            ["1", LARGO * 6, "4", "Abierta"],
            ["2", LARGO * 9, "7", "Cerrada"],
            ["3", "Corta", "2", "C"],
        ],
    )
    if repetir:
        _repetir_titulo(tabla)
    documento.save(destino)


def sin_lineas(destino: Path) -> None:
    documento = Document()
    documento.add_paragraph("Proceso Auditado: Gestión Financiera")
    documento.add_paragraph(PROCEDIMIENTOS)
    documento.add_paragraph("Responsables: Tesorero General")
    tabla = documento.add_table(rows=3, cols=4)
    _sin_bordes(tabla)
    _llenar(
        tabla,
        [
            ["N°", "Descripción", "Fecha", "Estado"],
            ["1", "Revisar conciliaciones bancarias de cada mes del año", "mar-22", "Abierta"],
            ["2", "Actualizar el manual", "abr-22", "Cerrada"],
        ],
    )
    documento.add_paragraph("Firma Responsables:")
    documento.save(destino)


def _borde(tabla: Table, lados: dict[str, str]) -> None:
    bordes = OxmlElement("w:tblBorders")
    for lado, valor in lados.items():
        borde = OxmlElement(f"w:{lado}")
        borde.set(qn("w:val"), valor)
        if valor != "nil":
            borde.set(qn("w:sz"), "6")
        bordes.append(borde)
    tabla._tbl.tblPr.append(bordes)


def solo_horizontales(destino: Path) -> None:
    """Rows ruled by horizontal lines only, no line between columns: a finder of ruled tables sees none."""
    documento = Document()
    _horizontal(documento)
    tabla = documento.add_table(rows=3, cols=4)
    _borde(
        tabla,
        {"top": "single", "bottom": "single", "insideH": "single", "left": "nil", "right": "nil", "insideV": "nil"},
    )
    _llenar(
        tabla,
        [
            ["N°", "Acción de mejora", "Fecha inicial", "Estado"],
            ["1", "Publicar los informes de supervisión en el SECOP II", "feb-22", "Abierta"],
            ["2", "Capacitar a los supervisores", "mar-22", "Cerrada"],
        ],
    )
    documento.save(destino)


def encabezado_y_firmas(destino: Path) -> None:
    """Word's page header (a ruled table with the page number) on every page, a long table over two pages,
    signatures side by side."""
    documento = Document()
    _horizontal(documento)
    cabecera = documento.sections[0].header
    marco = cabecera.add_table(rows=2, cols=2, width=Cm(24))
    marco.style = "Table Grid"
    _llenar(marco, [["ALCALDÍA DE PRUEBA", "Código: GEM-FM014"], ["FORMATO PLAN DE MEJORAMIENTO", "Página "]])
    numero = marco.cell(1, 1).paragraphs[0]
    for campo, despues in (("PAGE", " de "), ("NUMPAGES", "")):
        elemento = OxmlElement("w:fldSimple")
        elemento.set(qn("w:instr"), campo)
        numero._p.append(elemento)
        numero.add_run(despues)
    documento.add_paragraph("Proceso Auditado: Gestión Financiera")
    tabla = documento.add_table(rows=4, cols=4)
    tabla.style = "Table Grid"
    _llenar(
        tabla,
        [
            ["N°", "Descripción", "Fecha inicial", "Estado"],
            ["1", LARGO * 4, "feb-22", "Abierta"],
            ["2", LARGO * 4, "mar-22", "Cerrada"],
            ["3", "Corta", "abr-22", "C"],
        ],
    )
    _repetir_titulo(tabla)
    documento.add_paragraph("Firma Responsables:")
    for linea in ("MARÍA PÉREZ GÓMEZ\tJUAN CARLOS ROJAS", "Tesorera General\tJefe de Control Interno"):
        parrafo = documento.add_paragraph(linea)
        parrafo.paragraph_format.tab_stops.add_tab_stop(Cm(13))
    documento.save(destino)


def desborde_calc(destino: Path) -> None:
    """Excel text wider than its cell: LibreOffice clips it against the next cell's text."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    assert hoja is not None
    linea = Side(style="thin")
    borde = Border(left=linea, right=linea, top=linea, bottom=linea)
    for fila in (["N°", "Fecha terminación", "Dependencia"], ["1", "15 de marzo de 2022", "Secretaría"]):
        hoja.append(fila)
    hoja.column_dimensions["B"].width = 11
    hoja.column_dimensions["C"].width = 14
    for fila in hoja.iter_rows(min_row=1, max_row=2, max_col=3):
        for celda in fila:
            celda.border = borde
            celda.alignment = Alignment(vertical="top")
    libro.save(destino)


def _exportar(origen: Path, carpeta: Path, nombre: str) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(carpeta), str(origen)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (carpeta / f"{origen.stem}.pdf").replace(DATOS / nombre)


def _pdf_crudo(
    contenido: bytes | list[bytes], extra: bytes = b"", trailer: bytes = b"", pagina: bytes = b"/MediaBox [0 0 400 200]"
) -> bytes:
    """A PDF (Helvetica), a page per content stream, with a correct xref; `extra` is object 6 in a one-page PDF."""
    contenidos = contenido if isinstance(contenido, list) else [contenido]
    hojas = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(contenidos))).encode()
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (hojas, len(contenidos)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, flujo in enumerate(zlib.compress(c) for c in contenidos):
        objetos.append(
            b"<< /Type /Page /Parent 2 0 R "
            + pagina
            + b" /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objetos.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(flujo) + flujo + b"\nendstream")
    if extra:
        objetos.append(extra)
    salida = bytearray(b"%PDF-1.4\n")
    posiciones = []
    for numero, cuerpo in enumerate(objetos, start=1):
        posiciones.append(len(salida))
        salida += b"%d 0 obj\n" % numero + cuerpo + b"\nendobj\n"
    inicio_xref = len(salida)
    salida += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objetos) + 1)
    for posicion in posiciones:
        salida += b"%010d 00000 n \n" % posicion
    salida += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objetos) + 1,
        trailer,
        inicio_xref,
    )
    return bytes(salida)


def _texto(x: float, y: float, texto: str) -> bytes:
    return b"BT /F1 10 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, texto.encode("cp1252"))


def desborde_intercalado() -> bytes:
    """Excel's own export: the whole overflowing text is drawn and clipped, its glyphs under the next cell's."""
    rejilla = b"0.5 w 20 150 m 380 150 l S 20 130 m 380 130 l S 20 110 m 380 110 l S\n"
    for x in (20, 60, 140, 260, 380):
        rejilla += b"%d 150 m %d 110 l S\n" % (x, x)
    contenido = rejilla + b"".join(
        [
            _texto(22, 136, "N°"),
            _texto(62, 136, "Fecha terminación"),
            _texto(142, 136, "Dependencia"),
            _texto(262, 136, "Estado"),
            _texto(22, 116, "1"),
            b"q 60 110 80 20 re W n\n" + _texto(62, 116, "15 de marzo de 2022") + b"Q\n",
            _texto(142, 116, "Secretaría de Hacienda"),
            _texto(262, 116, "Abierta"),
        ]
    )
    return _pdf_crudo(contenido)


def girada() -> bytes:
    """A portrait page turned a quarter (`/Rotate 90`), as scanners and printers save landscape forms.

    The content is drawn sideways so that it reads upright once the page is turned.
    """
    lineas = [(20, 20, "N°"), (60, 20, "Descripción"), (300, 20, "Estado"), (20, 40, "1"), (60, 40, "Revisar actas")]
    lineas.append((300, 40, "Abierta"))
    contenido = b"".join(
        b"BT /F1 10 Tf 0 1 -1 0 %d %d Tm (%s) Tj ET\n" % (y + 10, x, texto.encode("cp1252")) for x, y, texto in lineas
    )
    return _pdf_crudo(contenido, pagina=b"/MediaBox [0 0 200 400] /Rotate 90")


def por_renglones() -> bytes:
    """A table without lines drawn line by line across its columns, as report tools and OCR text layers do:
    the second line of a cell comes after the first line of every cell of its row.
    """
    lineas = [
        [(20, "N°"), (50, "Descripción"), (200, "Acción"), (380, "Estado")],
        [(20, "1"), (50, "Conciliaciones bancarias"), (200, "Elaborar las"), (380, "Abierta")],
        [(50, "sin firmar"), (200, "conciliaciones")],
        [(20, "2"), (50, "Manual desactualizado"), (200, "Actualizarlo"), (380, "Cerrada")],
        [],
        [(20, "Firma Responsables:")],
    ]
    contenido = b"".join(
        _texto(x, 270 - 12 * renglon, texto) for renglon, trozos in enumerate(lineas) for x, texto in trozos
    )
    return _pdf_crudo(contenido, pagina=b"/MediaBox [0 0 500 300]")


def _raya(x0: float, top: float, x1: float, bottom: float) -> bytes:
    """A border as a browser draws it: a thin filled rectangle (top-down coordinates on a 300 pt high page)."""
    return b"%.1f %.1f %.1f %.1f re f\n" % (x0, 300 - bottom, x1 - x0, bottom - top)


def navegador() -> bytes:
    """A table printed by a web browser over two pages: each page's cut row has its column lines but no line
    across at the cut. The signatures are a borderless table of two cells, name over position, with no label.
    """
    columnas = (20, 50, 230, 300, 380)

    def rejilla(filas: list[float], desde: float, hasta: float) -> bytes:
        lineas = b"".join(_raya(20, y, 380, y + 0.6) for y in filas)
        return lineas + b"".join(_raya(x, desde, x + 0.6, hasta) for x in columnas)

    def fila(top: float, textos: list[str]) -> bytes:
        partes = []
        for x, texto in zip(columnas, textos, strict=False):
            for renglon, linea in enumerate(texto.split("\n") if texto else []):
                partes.append(_texto(x + 3, 300 - top - 12 * (renglon + 1), linea))
        return b"".join(partes)

    primera = rejilla([20, 40, 80], 20, 280)
    primera += fila(20, ["N°", "Descripción", "Fecha inicial", "Estado"])
    primera += fila(40, ["1", "Primer hallazgo\nen dos renglones", "feb-22", "Abierta"])
    primera += fila(80, ["2", "\n".join(["Segundo hallazgo tan largo"] * 15), "abr-22", "Cerrada"])
    segunda = rejilla([50, 70], 20, 70)
    segunda += fila(20, ["", "que sigue en la otra página"])
    segunda += fila(50, ["3", "Tercero", "mar-22", "C"])
    segunda += b"".join(
        _texto(x, 300 - y, texto)
        for x, y, texto in (
            (50, 120, "MARÍA PÉREZ"),
            (50, 132, "Tesorera"),
            (250, 120, "JUAN ROJAS"),
            (250, 132, "Contador"),
        )
    )
    return _pdf_crudo([primera, segunda], pagina=b"/MediaBox [0 0 400 300]")


def sin_texto() -> bytes:
    """What a scanner gives: a picture of the page (here a tiny grey one) and no text layer."""
    imagen = b"q 360 160 0 0 20 20 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q\n"
    return _pdf_crudo(b"0.5 w 20 20 360 160 re S\n" + imagen)


def en_blanco() -> bytes:
    """A page with a frame and nothing else: no text, no picture."""
    return _pdf_crudo(b"0.5 w 20 20 360 160 re S\n")


def cifrado() -> bytes:
    """Standard security handler with a user password that is not empty."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <%s> /U <%s> >>" % (
        b"41" * 32,
        b"42" * 32,
    )
    return _pdf_crudo(_texto(20, 100, "secreto"), extra=encrypt, trailer=b"/Encrypt 6 0 R /ID [<00> <00>] ")


def main() -> None:
    with tempfile.TemporaryDirectory() as temporal:
        carpeta = Path(temporal)
        casos = (
            ("reglada", reglada),
            ("sin_lineas", sin_lineas),
            ("solo_horizontales", solo_horizontales),
            ("encabezado_y_firmas", encabezado_y_firmas),
        )
        for nombre, construir in casos:
            construir(carpeta / f"{nombre}.docx")
            _exportar(carpeta / f"{nombre}.docx", carpeta, f"{nombre}.pdf")
        for nombre, repetir in (("paginas_con_titulo", True), ("paginas_sin_titulo", False)):
            _larga(repetir, carpeta / f"{nombre}.docx")
            _exportar(carpeta / f"{nombre}.docx", carpeta, f"{nombre}.pdf")
        desborde_calc(carpeta / "desborde_calc.xlsx")
        _exportar(carpeta / "desborde_calc.xlsx", carpeta, "desborde_calc.pdf")
    (DATOS / "desborde_intercalado.pdf").write_bytes(desborde_intercalado())
    (DATOS / "sin_texto.pdf").write_bytes(sin_texto())
    (DATOS / "en_blanco.pdf").write_bytes(en_blanco())
    (DATOS / "girada.pdf").write_bytes(girada())
    (DATOS / "por_renglones.pdf").write_bytes(por_renglones())
    (DATOS / "navegador.pdf").write_bytes(navegador())
    (DATOS / "cifrado.pdf").write_bytes(cifrado())


if __name__ == "__main__":
    main()
