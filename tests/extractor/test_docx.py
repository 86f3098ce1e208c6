"""The Word reader gives every visible paragraph and table row, in reading order, without interpreting them.

Documents are built on the fly: with python-docx where it writes the structure
(as Word users make it), and as bare WordprocessingML where it cannot
(content controls, text boxes, tracked changes, Strict Open XML).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.shared import Inches, Pt

from extractor.docx import leer_docx
from extractor.errores import ArchivoIlegible
from extractor.modelo import FilaLeida

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ESPACIOS = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
RELS_PAQUETE = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)


def textos(filas: list[FilaLeida]) -> list[tuple[int | None, list[str | None]]]:
    """Each row as (table index, cell texts): what the assembler will look at."""
    return [(f.tabla, [c.texto for c in f.celdas]) for f in filas]


def leer(ruta: Path) -> list[FilaLeida]:
    hojas = leer_docx(ruta)
    assert len(hojas) == 1
    return hojas[0].filas


def guardar(documento: Document, ruta: Path) -> Path:
    documento.save(str(ruta))
    return ruta


def docx_crudo(ruta: Path, cuerpo: str, partes: dict[str, str] | None = None) -> Path:
    """A minimal .docx whose body is `cuerpo` (WordprocessingML), plus any other parts given by name."""
    with zipfile.ZipFile(ruta, "w") as paquete:
        paquete.writestr("_rels/.rels", RELS_PAQUETE)
        paquete.writestr("word/document.xml", f"<w:document {ESPACIOS}><w:body>{cuerpo}</w:body></w:document>")
        for nombre, contenido in (partes or {}).items():
            paquete.writestr(nombre, contenido)
    return ruta


def p(texto: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{texto}</w:t></w:r></w:p>"


# ---------------------------------------------------------------- paragraphs


def test_encabezado_en_parrafos_con_el_valor_en_negrita(tmp_path: Path) -> None:
    documento = docx.Document()
    documento.add_paragraph("ALCALDIA MUNICIPAL DE CALICA")
    documento.add_paragraph("")
    parrafo = documento.add_paragraph("Proceso Auditado: ")
    parrafo.add_run("Gestión Estratégica").bold = True
    documento.add_paragraph("PROCESO AUDITADO\tGestión")

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas) == [
        (None, ["ALCALDIA MUNICIPAL DE CALICA"]),
        (None, ["Proceso Auditado: Gestión Estratégica"]),
        (None, ["PROCESO AUDITADO\tGestión"]),
    ]
    assert all(f.pagina is None and f.celdas[0].origen.pagina is None for f in filas)


def test_un_salto_de_linea_en_un_parrafo_da_dos_lineas(tmp_path: Path) -> None:
    documento = docx.Document()
    parrafo = documento.add_paragraph("Ing. CESAR AUGUSTO CRUZ GONZALEZ")
    parrafo.add_run().add_break()
    parrafo.add_run(" Secretario de Planeación")

    filas = leer(guardar(documento, tmp_path / "firmas.docx"))

    assert textos(filas) == [(None, ["Ing. CESAR AUGUSTO CRUZ GONZALEZ"]), (None, ["Secretario de Planeación"])]


def test_parrafos_y_tablas_en_el_orden_del_documento(tmp_path: Path) -> None:
    documento = docx.Document()
    documento.add_paragraph("FORMATO PLAN DE MEJORAMIENTO")
    primera = documento.add_table(rows=1, cols=2)
    primera.cell(0, 0).text = "N° hallazgo"
    primera.cell(0, 1).text = "Descripción del hallazgo"
    documento.add_paragraph("(continúa)")
    segunda = documento.add_table(rows=1, cols=2)
    segunda.cell(0, 0).text = "2"
    documento.add_paragraph("Proyectó: Javier Lamprea – Profesional de apoyo")

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas) == [
        (None, ["FORMATO PLAN DE MEJORAMIENTO"]),
        (0, ["N° hallazgo", "Descripción del hallazgo"]),
        (None, ["(continúa)"]),
        (1, ["2", None]),
        (None, ["Proyectó: Javier Lamprea – Profesional de apoyo"]),
    ]


# ---------------------------------------------------------------- page headers and footers


def test_encabezado_de_pagina_primero_y_una_sola_vez(tmp_path: Path) -> None:
    documento = docx.Document()
    seccion = documento.sections[0]
    seccion.different_first_page_header_footer = True
    seccion.first_page_header.paragraphs[0].text = "ALCALDIA MUNICIPAL DE CALICA"
    seccion.header.paragraphs[0].text = "FORMATO PLAN DE MEJORAMIENTO"
    etiquetas = seccion.header.add_table(rows=1, cols=2, width=Inches(6))
    etiquetas.cell(0, 0).text = "CODIGO:"
    etiquetas.cell(0, 1).text = "GEM-FM014"
    seccion.footer.paragraphs[0].text = "VERSION: 02"
    documento.add_paragraph("Proceso Auditado: Gestión")
    documento.add_section()
    documento.add_paragraph("Firma Responsables:")

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas) == [
        (None, ["ALCALDIA MUNICIPAL DE CALICA"]),
        (None, ["FORMATO PLAN DE MEJORAMIENTO"]),
        (0, ["CODIGO:", "GEM-FM014"]),
        (None, ["VERSION: 02"]),
        (None, ["Proceso Auditado: Gestión"]),
        (None, ["Firma Responsables:"]),
    ]


def test_el_encabezado_de_primera_pagina_solo_cuando_la_seccion_lo_usa(tmp_path: Path) -> None:
    documento = docx.Document()
    seccion = documento.sections[0]
    seccion.first_page_header.paragraphs[0].text = "BORRADOR"
    seccion.header.paragraphs[0].text = "FORMATO PLAN DE MEJORAMIENTO"
    seccion.different_first_page_header_footer = False

    assert textos(leer(guardar(documento, tmp_path / "plan.docx"))) == [(None, ["FORMATO PLAN DE MEJORAMIENTO"])]


# ---------------------------------------------------------------- tables


def tabla_de_hallazgos(documento: Document) -> None:
    """Titles on two levels (SEGUIMIENTO over three columns), a finding whose N° spans two rows."""
    tabla = documento.add_table(rows=4, cols=5)
    tabla.cell(0, 0).merge(tabla.cell(1, 0)).text = "N°"
    tabla.cell(0, 1).merge(tabla.cell(1, 1)).text = "Acción de mejora"
    tabla.cell(0, 2).merge(tabla.cell(0, 4)).text = "SEGUIMIENTO"
    for columna, titulo in enumerate(("Cumplimiento", "Efectividad", "Estado"), start=2):
        tabla.cell(1, columna).text = titulo
    tabla.cell(2, 0).merge(tabla.cell(3, 0)).text = "1"
    tabla.cell(2, 1).text = "Socializar"
    tabla.cell(2, 1).add_paragraph("con la Alta Dirección")
    tabla.cell(2, 2).text = "Si"
    linea = tabla.cell(3, 1).paragraphs[0]
    linea.add_run("Reuniones")
    linea.add_run().add_break()
    linea.add_run("mensuales")


def test_celdas_fusionadas_y_saltos_de_linea_en_la_tabla(tmp_path: Path) -> None:
    documento = docx.Document()
    tabla_de_hallazgos(documento)

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas) == [
        (0, ["N°", "Acción de mejora", "SEGUIMIENTO", None, None]),
        (0, ["N°", "Acción de mejora", "Cumplimiento", "Efectividad", "Estado"]),
        (0, ["1", "Socializar\ncon la Alta Dirección", "Si", None, None]),
        (0, ["1", "Reuniones\nmensuales", None, None, None]),
    ]
    assert [[c.fusionada for c in f.celdas] for f in filas] == [
        [False, False, False, True, True],
        [True, True, False, False, False],
        [False, False, False, False, False],
        [True, False, False, False, False],
    ]


def test_la_fila_de_titulos_repetida_en_cada_pagina_sale_una_vez(tmp_path: Path) -> None:
    documento = docx.Document()
    tabla = documento.add_table(rows=3, cols=2)
    tabla.rows[0].cells[0].text = "N°"
    tabla.rows[0].cells[1].text = "Descripción"
    tabla.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W}"/>'))
    tabla.rows[1].cells[0].text = "1"
    tabla.rows[2].cells[0].text = "2"

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert [f.celdas[0].texto for f in filas] == ["N°", "1", "2"]


def test_firmas_lado_a_lado_en_una_tabla_sin_bordes(tmp_path: Path) -> None:
    documento = docx.Document()
    documento.add_paragraph("Firma Responsables:")
    firmas = documento.add_table(rows=1, cols=2)
    for celda, (nombre, cargo) in zip(
        firmas.rows[0].cells,
        [("Ing. CESAR AUGUSTO CRUZ GONZALEZ", "Secretario de Planeación"), ("LUZ-ANDREA HERNÁNDEZ", "Directora")],
        strict=True,
    ):
        celda.text = nombre
        celda.add_paragraph(cargo)

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas)[1] == (
        0,
        ["Ing. CESAR AUGUSTO CRUZ GONZALEZ\nSecretario de Planeación", "LUZ-ANDREA HERNÁNDEZ\nDirectora"],
    )


def test_una_tabla_dentro_de_una_celda_se_lee_como_su_texto(tmp_path: Path) -> None:
    documento = docx.Document()
    tabla = documento.add_table(rows=1, cols=2)
    tabla.cell(0, 0).text = "Cumplimiento"
    casillas = tabla.cell(0, 1).add_table(rows=2, cols=2)
    casillas.cell(0, 0).text = "Si"
    casillas.cell(0, 1).text = "X"
    casillas.cell(1, 0).text = "No"

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas) == [(0, ["Cumplimiento", "Si\tX\nNo"])]


def test_una_tabla_marco_de_una_columna_deja_ver_las_tablas_que_enmarca(tmp_path: Path) -> None:
    documento = docx.Document()
    marco = documento.add_table(rows=2, cols=1)
    marco.cell(0, 0).text = "FORMATO PLAN DE MEJORAMIENTO"
    celda = marco.cell(1, 0)
    celda.text = "Proceso Auditado: Gestión"
    hallazgos = celda.add_table(rows=2, cols=2)
    hallazgos.cell(0, 0).text = "N°"
    hallazgos.cell(0, 1).text = "Descripción"
    hallazgos.cell(1, 0).text = "1"
    celda.add_paragraph("Proyectó: Javier")

    filas = leer(guardar(documento, tmp_path / "plan.docx"))

    assert textos(filas) == [
        (0, ["FORMATO PLAN DE MEJORAMIENTO"]),
        (None, ["Proceso Auditado: Gestión"]),
        (1, ["N°", "Descripción"]),
        (1, ["1", None]),
        (None, ["Proyectó: Javier"]),
    ]


def test_filas_con_columnas_de_rejilla_antes_y_despues(tmp_path: Path) -> None:
    fila_corta = (
        f"<w:tr><w:trPr><w:gridBefore w:val='1'/><w:gridAfter w:val='1'/></w:trPr><w:tc>{p('Gestión')}</w:tc></w:tr>"
    )
    fila_completa = "<w:tr>" + "".join(f"<w:tc>{p(t)}</w:tc>" for t in ("a", "b", "c")) + "</w:tr>"
    rejilla = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    ruta = docx_crudo(tmp_path / "plan.docx", f"<w:tbl>{rejilla}{fila_completa}{fila_corta}</w:tbl>")

    assert textos(leer(ruta)) == [(0, ["a", "b", "c"]), (0, [None, "Gestión", None])]


def test_fusion_horizontal_antigua_hmerge(tmp_path: Path) -> None:
    fila = (
        "<w:tr><w:tc><w:tcPr><w:hMerge w:val='restart'/></w:tcPr>"
        f"{p('SEGUIMIENTO')}</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc>{p('Obs')}</w:tc></w:tr>"
    )
    filas = leer(docx_crudo(tmp_path / "plan.docx", f"<w:tbl>{fila}</w:tbl>"))

    assert textos(filas) == [(0, ["SEGUIMIENTO", None, "Obs"])]
    assert filas[0].celdas[1].fusionada


def test_numeracion_automatica_de_la_columna_numero(tmp_path: Path) -> None:
    numeracion = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
        "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl>"
        "</w:abstractNum><w:num w:numId='3'><w:abstractNumId w:val='0'/></w:num></w:numbering>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" Target="numbering.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"/></Relationships>'
    )
    numerada = "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='3'/></w:numPr></w:pPr></w:p>"
    filas_xml = "".join(f"<w:tr><w:tc>{numerada}</w:tc><w:tc>{p(t)}</w:tc></w:tr>" for t in ("Primera", "Segunda"))
    ruta = docx_crudo(
        tmp_path / "plan.docx",
        f"<w:tbl>{filas_xml}</w:tbl>",
        {"word/numbering.xml": numeracion, "word/_rels/document.xml.rels": rels},
    )

    assert textos(leer(ruta)) == [(0, ["1.", "Primera"]), (0, ["2.", "Segunda"])]


# ---------------------------------------------------------------- what Word hides or wraps


def test_controles_de_contenido_sin_el_texto_de_ayuda(tmp_path: Path) -> None:
    ayuda = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>Haga clic aquí para escribir texto.</w:t></w:r></w:sdtContent></w:sdt>"
    )
    cuerpo = (
        f"<w:sdt><w:sdtContent>{p('FORMATO PLAN DE MEJORAMIENTO')}</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t xml:space='preserve'>Proceso Auditado: </w:t></w:r>"
        "<w:sdt><w:sdtContent><w:r><w:t>Gestión</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        f"<w:p><w:r><w:t xml:space='preserve'>Responsables: </w:t></w:r>{ayuda}</w:p>"
    )
    filas = leer(docx_crudo(tmp_path / "plan.docx", cuerpo))

    assert textos(filas) == [
        (None, ["FORMATO PLAN DE MEJORAMIENTO"]),
        (None, ["Proceso Auditado: Gestión"]),
        (None, ["Responsables:"]),
    ]


def test_cuadro_de_texto_una_sola_vez_aunque_word_guarde_dos_versiones(tmp_path: Path) -> None:
    caja = f"<w:txbxContent>{p('CODIGO: GEM-FM014')}</w:txbxContent>"
    dibujo = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{caja}"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{caja}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    cuerpo = f"<w:p><w:r><w:t>ALCALDIA MUNICIPAL DE CALICA</w:t></w:r>{dibujo}</w:p>"

    filas = leer(docx_crudo(tmp_path / "plan.docx", cuerpo))

    assert textos(filas) == [(None, ["ALCALDIA MUNICIPAL DE CALICA"]), (None, ["CODIGO: GEM-FM014"])]


def test_texto_oculto_borrado_y_codigos_de_campo_no_se_ven(tmp_path: Path) -> None:
    cuerpo = (
        "<w:p><w:r><w:t xml:space='preserve'>Fecha: </w:t></w:r>"
        "<w:del><w:r><w:delText>20/09/2021</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>21/09/2021</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>nota oculta</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t xml:space='preserve'> (pág. 1)</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
    )
    assert textos(leer(docx_crudo(tmp_path / "plan.docx", cuerpo))) == [(None, ["Fecha: 21/09/2021 (pág. 1)"])]


def campo(codigo: str, datos: str = "", resultado: str | None = None) -> str:
    """A complex field as Word writes it: begin (with the form field's data), code, separate, result, end."""
    partes = [f"<w:r><w:fldChar w:fldCharType='begin'><w:ffData>{datos}</w:ffData></w:fldChar></w:r>"]
    partes.append(f"<w:r><w:instrText xml:space='preserve'> {codigo} </w:instrText></w:r>")
    if resultado is not None:
        partes.append("<w:r><w:fldChar w:fldCharType='separate'/></w:r>")
        partes.append(f"<w:r><w:t xml:space='preserve'>{resultado}</w:t></w:r>")
    partes.append("<w:r><w:fldChar w:fldCharType='end'/></w:r>")
    return "".join(partes)


def lista(elegida: int | None, *opciones: str) -> str:
    resultado = "" if elegida is None else f"<w:result w:val='{elegida}'/>"
    entradas = "".join(f"<w:listEntry w:val='{o}'/>" for o in opciones)
    return f"<w:ddList>{resultado}{entradas}</w:ddList>"


def test_campos_de_formulario_antiguos_muestran_lo_diligenciado_y_nunca_su_codigo(tmp_path: Path) -> None:
    celda = "<w:tc><w:p>{}</w:p></w:tc>"
    fila = "".join(
        celda.format(c)
        for c in (
            campo("FORMTEXT", "<w:textInput/>", "H-01"),
            campo("FORMTEXT", "<w:textInput/>", "Archivo sin foliar"),
            campo("FORMDROPDOWN", lista(1, "Seleccione", "Sí", "No")),
            campo("FORMDROPDOWN", lista(None, "Abierta", "Cerrada")),
            campo("FORMTEXT", "<w:textInput/>", "\u2002" * 5),
        )
    )
    cuerpo = (
        "<w:p><w:r><w:t xml:space='preserve'>Proceso Auditado: </w:t></w:r>"
        f"{campo('FORMTEXT', '<w:textInput/>', 'Gestión Documental')}</w:p>"
        f"<w:tbl><w:tr>{fila}</w:tr></w:tbl>"
    )
    filas = leer(docx_crudo(tmp_path / "plan.docx", cuerpo))

    assert textos(filas) == [
        (None, ["Proceso Auditado: Gestión Documental"]),
        (0, ["H-01", "Archivo sin foliar", "Sí", "Abierta", None]),
    ]


def test_casillas_de_formulario_marcadas_y_sin_marcar(tmp_path: Path) -> None:
    marcada = campo("FORMCHECKBOX", "<w:checkBox><w:default w:val='0'/><w:checked/></w:checkBox>")
    sin_marcar = campo("FORMCHECKBOX", "<w:checkBox><w:default w:val='0'/></w:checkBox>")
    por_defecto = campo("FORMCHECKBOX", "<w:checkBox><w:default w:val='1'/></w:checkBox>")
    cuerpo = (
        f"<w:p><w:r><w:t xml:space='preserve'>Cumplimiento: Sí </w:t></w:r>{marcada}"
        f"<w:r><w:t xml:space='preserve'> No </w:t></w:r>{sin_marcar}</w:p>"
        f"<w:p>{por_defecto}</w:p>"
    )
    assert textos(leer(docx_crudo(tmp_path / "plan.docx", cuerpo))) == [
        (None, ["Cumplimiento: Sí ☒ No ☐"]),
        (None, ["☒"]),
    ]


def test_un_campo_dentro_del_codigo_de_otro_no_se_ve(tmp_path: Path) -> None:
    anidado = campo("DATE", resultado="03/12/2026")
    cuerpo = (
        "<w:p><w:r><w:t xml:space='preserve'>Fecha: </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> IF </w:instrText></w:r>"
        f"{anidado}<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>21/09/2021</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
    )
    assert textos(leer(docx_crudo(tmp_path / "plan.docx", cuerpo))) == [(None, ["Fecha: 21/09/2021"])]


def test_documento_en_formato_open_xml_estricto(tmp_path: Path) -> None:
    estricto = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    ruta = tmp_path / "estricto.docx"
    with zipfile.ZipFile(ruta, "w") as paquete:
        paquete.writestr("_rels/.rels", RELS_PAQUETE.replace("officeDocument/2006/relationships", "x/y"))
        paquete.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{estricto}"><w:body><w:p><w:r><w:t>Proceso Auditado:</w:t></w:r>'
            "<w:r><w:tab/><w:t>Gestión</w:t></w:r></w:p></w:body></w:document>",
        )

    assert textos(leer(ruta)) == [(None, ["Proceso Auditado:\tGestión"])]


def test_un_documento_vacio_no_da_filas(tmp_path: Path) -> None:
    assert leer(guardar(docx.Document(), tmp_path / "vacio.docx")) == []


def test_formato_del_texto_no_cambia_lo_leido(tmp_path: Path) -> None:
    documento = docx.Document()
    parrafo = documento.add_paragraph()
    for trozo in ("Fecha de ", "Suscrip", "ción: 21sept-21"):
        parrafo.add_run(trozo).font.size = Pt(9)

    assert textos(leer(guardar(documento, tmp_path / "plan.docx"))) == [(None, ["Fecha de Suscripción: 21sept-21"])]


# ---------------------------------------------------------------- files that cannot be read


def zip_con(partes: dict[str, str]) -> Callable[[Path], None]:
    def crear(ruta: Path) -> None:
        with zipfile.ZipFile(ruta, "w") as paquete:
            for nombre, contenido in partes.items():
                paquete.writestr(nombre, contenido)

    return crear


def bytes_sueltos(datos: bytes) -> Callable[[Path], None]:
    def crear(ruta: Path) -> None:
        ruta.write_bytes(datos)

    return crear


def la_mitad_de_un_docx(ruta: Path) -> None:
    docx.Document().save(str(ruta))
    completo = ruta.read_bytes()
    ruta.write_bytes(completo[: len(completo) // 2])


@pytest.mark.parametrize(
    ("crear", "dice"),
    [
        (bytes_sueltos(b"Esto no es un documento de Word"), "no es un documento de Word .docx"),
        (la_mitad_de_un_docx, "no es un documento de Word .docx"),
        (zip_con({"hola.txt": "hola"}), "falta word/document.xml"),
        (zip_con({"word/document.xml": "<w:document><w:body>"}), "«word/document.xml» no es XML válido"),
        (zip_con({"word/document.xml": '<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;&a;</d>'}), "no se abrió por seguridad"),
        (zip_con({"word/document.xml": f'<w:hdr xmlns:w="{W}"/>'}), "no contiene un documento de Word"),
    ],
    ids=["no es zip", "zip truncado", "zip sin documento", "xml roto", "entidades xml", "sin cuerpo"],
)
def test_archivo_ilegible_con_mensaje_en_espanol(tmp_path: Path, crear: Callable[[Path], None], dice: str) -> None:
    ruta = tmp_path / "plan.docx"
    crear(ruta)
    with pytest.raises(ArchivoIlegible) as error:
        leer_docx(ruta)
    assert dice in error.value.mensaje
