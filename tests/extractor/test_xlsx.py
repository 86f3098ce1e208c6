"""`leer_xlsx`: each visible sheet as one grid, as Excel shows it, with the typed value beside the text."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Border, Side
from openpyxl.worksheet.worksheet import Worksheet

from extractor import xlsx
from extractor.errores import ArchivoIlegible
from extractor.lector import leer
from extractor.modelo import Celda, HojaLeida
from extractor.xlsx import leer_xlsx

Relleno = Callable[[Worksheet], None]


def _libro(tmp_path: Path, *hojas: tuple[str, Relleno], nombre: str = "plan.xlsx") -> Path:
    libro = openpyxl.Workbook()
    libro.remove(libro.active)
    for titulo, rellenar in hojas:
        rellenar(libro.create_sheet(titulo))
    ruta = tmp_path / nombre
    libro.save(ruta)
    return ruta


def _una_hoja(tmp_path: Path, rellenar: Relleno) -> HojaLeida:
    (hoja,) = leer_xlsx(_libro(tmp_path, ("Plan", rellenar)))
    return hoja


def _textos(hoja: HojaLeida) -> list[list[str | None]]:
    return [[c.texto for c in fila.celdas] for fila in hoja.filas]


def _celda(tmp_path: Path, valor: object, formato: str | None = None) -> Celda:
    def rellenar(ws: Worksheet) -> None:
        ws["A1"] = valor
        if formato is not None:
            ws["A1"].number_format = formato

    return _una_hoja(tmp_path, rellenar).filas[0].celdas[0]


def _reescribir(ruta: Path, parte: str, cambiar: Callable[[str], str]) -> None:
    """Edit one XML part of a saved workbook, to build what openpyxl cannot write."""
    with zipfile.ZipFile(ruta) as origen:
        contenido = {nombre: origen.read(nombre) for nombre in origen.namelist()}
    contenido[parte] = cambiar(contenido[parte].decode()).encode()
    with zipfile.ZipFile(ruta, "w") as destino:
        for nombre, datos in contenido.items():
            destino.writestr(nombre, datos)


def test_encabezado_en_celdas_combinadas_y_tabla_en_cualquier_lugar(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws.merge_cells("C2:F2")
        ws["C2"] = "ALCALDÍA DE CALICA"
        ws["C4"] = "PROCESO AUDITADO"
        ws.merge_cells("D4:F4")
        ws["D4"] = "Gestión Estratégica"
        ws["C5"] = "Responsables: Directora de Planeación"
        for columna, titulo in zip("CDEF", ["N° hallazgo", "Descripción", "Acción de mejora", "Plazo"], strict=True):
            ws[f"{columna}8"] = titulo
        ws.append([None, None, 1, "Falta seguimiento", "Reuniones\nmensuales", 4])

    hoja = _una_hoja(tmp_path, rellenar)

    assert hoja.nombre == "Plan"
    assert _textos(hoja) == [
        ["ALCALDÍA DE CALICA", None, None, None],
        ["PROCESO AUDITADO", "Gestión Estratégica", None, None],
        ["Responsables: Directora de Planeación", None, None, None],
        ["N° hallazgo", "Descripción", "Acción de mejora", "Plazo"],
        ["1", "Falta seguimiento", "Reuniones\nmensuales", "4"],
    ]
    assert [fila.celdas[0].origen.fila for fila in hoja.filas] == [2, 4, 5, 8, 9]
    assert {fila.tabla for fila in hoja.filas} == {0}
    assert all(c.origen.hoja == "Plan" for fila in hoja.filas for c in fila.celdas)
    assert [c.fusionada for c in hoja.filas[0].celdas] == [False, True, True, True]
    assert [c.fusionada for c in hoja.filas[1].celdas] == [False, False, True, True]


def test_hallazgo_con_dos_acciones_repite_lo_combinado_hacia_abajo(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws.append(["N°", "Descripción", "Acción"])
        ws.append([1, "Hallazgo único", "Primera acción"])
        ws.append([None, None, "Segunda acción"])
        ws.merge_cells("A2:A3")
        ws.merge_cells("B2:B3")

    segunda = _una_hoja(tmp_path, rellenar).filas[2]

    assert [(c.texto, c.fusionada) for c in segunda.celdas] == [
        ("1", True),
        ("Hallazgo único", True),
        ("Segunda acción", False),
    ]
    assert segunda.celdas[0].valor == 1
    assert segunda.celdas[0].origen.fila == 3


def test_bloque_combinado_en_dos_sentidos(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws["A1"] = "Fecha de suscripción"
        ws.merge_cells("A1:B2")
        ws["C1"] = "arriba"
        ws["C2"] = "abajo"

    filas = _una_hoja(tmp_path, rellenar).filas

    assert [(c.texto, c.fusionada) for c in filas[1].celdas] == [
        ("Fecha de suscripción", True),
        (None, True),
        ("abajo", False),
    ]


def test_fila_que_solo_continua_lo_combinado_no_se_repite(tmp_path: Path) -> None:
    """A finding row made taller by merging every cell down shows nothing new below its first row."""

    def rellenar(ws: Worksheet) -> None:
        ws["A1"], ws["B1"] = 1, "Descripción larga"
        ws.merge_cells("A1:A3")
        ws.merge_cells("B1:B3")
        ws["A4"], ws["B4"] = 2, "Otra"

    hoja = _una_hoja(tmp_path, rellenar)

    assert _textos(hoja) == [["1", "Descripción larga"], ["2", "Otra"]]
    assert [fila.celdas[0].origen.fila for fila in hoja.filas] == [1, 4]


def test_filas_y_columnas_vacias(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws["B2"] = "a"
        ws["D5"] = "b"
        ws["E20"].number_format = "0.00"
        ws["F30"] = "   "
        ws["XFD1048576"].number_format = "0.00"

    hoja = _una_hoja(tmp_path, rellenar)

    assert _textos(hoja) == [["a", None, None], [None, None, "b"]]
    assert [fila.celdas[0].origen.fila for fila in hoja.filas] == [2, 5]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.tuples(st.integers(1, 40), st.integers(1, 12)), st.from_regex(r"[a-zñ0-9]{1,4}", fullmatch=True), min_size=1
    )
)
def test_cada_valor_una_vez_en_su_fila_y_columna(tmp_path: Path, valores: dict[tuple[int, int], str]) -> None:
    def rellenar(ws: Worksheet) -> None:
        for (fila, columna), texto in valores.items():
            ws.cell(row=fila, column=columna, value=texto)

    hoja = _una_hoja(tmp_path, rellenar)
    primera = min(columna for _, columna in valores)

    assert len({len(fila.celdas) for fila in hoja.filas}) == 1
    leidos = {
        (c.origen.fila, primera + i): c.texto for fila in hoja.filas for i, c in enumerate(fila.celdas) if c.texto
    }
    assert leidos == valores


def test_hojas_ocultas_y_vacias_se_omiten(tmp_path: Path) -> None:
    def con_texto(texto: str, estado: str = "visible") -> Relleno:
        def rellenar(ws: Worksheet) -> None:
            ws["A1"] = texto
            ws.sheet_state = estado

        return rellenar

    ruta = _libro(
        tmp_path,
        ("Listas", con_texto("Abierta", "hidden")),
        ("2021", con_texto("plan 2021")),
        ("Vacía", lambda ws: None),
        ("Macro", con_texto("x", "veryHidden")),
        ("2022", con_texto("plan 2022")),
    )

    assert [(h.nombre, _textos(h)) for h in leer_xlsx(ruta)] == [("2021", [["plan 2021"]]), ("2022", [["plan 2022"]])]


@pytest.mark.parametrize(
    ("valor", "formato", "texto"),
    [
        (dt.datetime(2022, 1, 15), "mmm-yy", "ene-22"),
        (dt.datetime(2021, 9, 21), "[$-240A]mmm-yy;@", "sep-21"),
        (dt.datetime(2021, 12, 1), "mmmm yyyy", "diciembre 2021"),
        (dt.datetime(2021, 8, 3), 'd "de" mmmm "de" yyyy', "3 de agosto de 2021"),
        (dt.datetime(2021, 8, 3), "dddd, dd-mmm", "martes, 03-ago"),
        (dt.datetime(2021, 5, 4, 14, 5), "d-mmm h:mm AM/PM", "4-may 2:05 p. m."),
        (dt.datetime(2021, 5, 4), "m/d/yyyy", "04/05/2021"),
        (dt.datetime(2021, 5, 4), "mm-dd-yy", "04/05/2021"),
        (dt.datetime(2021, 5, 4), "yyyy-mm-dd h:mm:ss", "04/05/2021"),
        (dt.datetime(2021, 5, 4, 9, 30), "dd/mm/yyyy hh:mm", "04/05/2021 09:30"),
        (dt.datetime(2021, 5, 4, 9, 30), "h:mm", "09:30"),
        (dt.date(2021, 7, 9), "dd/mm/yyyy", "09/07/2021"),
    ],
)
def test_fechas_con_su_valor_y_formato(tmp_path: Path, valor: dt.date, formato: str, texto: str) -> None:
    celda = _celda(tmp_path, valor, formato)

    assert (celda.texto, celda.formato) == (texto, formato)
    assert isinstance(celda.valor, dt.datetime)
    assert celda.valor.date() == (valor.date() if isinstance(valor, dt.datetime) else valor)


@pytest.mark.parametrize(
    ("valor", "formato", "texto"),
    [
        (4, "General", "4"),
        (4.0, "General", "4"),
        (4.5, "General", "4.5"),
        (0.1 + 0.2, "General", "0.3"),
        (0.5, "0%", "50%"),
        (0.456, "0.0%", "45.6%"),
        (2.675, "0.00", "2.68"),
        (1234.5, "#,##0", "1235"),
        (3, "0.00", "3.00"),
        (7, '"$" #,##0', "7"),
        (True, "General", "VERDADERO"),
        (False, "General", "FALSO"),
    ],
)
def test_numeros_como_los_muestra_excel(tmp_path: Path, valor: float, formato: str, texto: str) -> None:
    celda = _celda(tmp_path, valor, formato)

    assert (celda.texto, celda.formato) == (texto, formato)
    assert celda.valor == pytest.approx(valor)


def test_texto_con_saltos_de_linea_de_excel(tmp_path: Path) -> None:
    celda = _celda(tmp_path, "Primera_x000D_\nSegunda\r\nTercera")

    assert (celda.texto, celda.valor, celda.formato) == ("Primera\nSegunda\nTercera", None, None)


def test_formula_sin_valor_guardado_se_calcula_como_excel(tmp_path: Path) -> None:
    # openpyxl, like any program, writes formulas without their result: Excel computes it when it opens the file
    def rellenar(ws: Worksheet) -> None:
        ws.append(["N°", "Plazo", "Inicio", "Fin", "Mes", "Tipo"])
        ws.append([1, 6, dt.datetime(2022, 3, 1), "=EDATE(C2,B2)", "=DATE(2022,3,15)", '="Hallazgo "&A2'])
        ws.append(["=A2+1", 4, dt.datetime(2022, 5, 2), "=EDATE(C3,B3)", None, "=Listas!A1"])
        ws.append(["=A3+1", "=B3*2"])
        for celda in ("C2", "C3", "D2", "D3"):
            ws[celda].number_format = "dd/mm/yyyy"
        ws["E2"].number_format = "mmm-yy"

    ruta = _libro(tmp_path, ("Plan", rellenar), ("Listas", lambda ws: ws.append(["Administrativo"])))

    plan, _ = leer_xlsx(ruta)

    assert _textos(plan)[1:] == [
        ["1", "6", "01/03/2022", "01/09/2022", "mar-22", "Hallazgo 1"],
        ["2", "4", "02/05/2022", "02/09/2022", None, "Administrativo"],
        ["3", "8", None, None, None, None],
    ]
    fin = plan.filas[1].celdas[3]
    assert (fin.valor, fin.formato, fin.formula) == (dt.datetime(2022, 9, 1), "dd/mm/yyyy", None)


def test_formula_guardada_por_excel_vale_lo_guardado(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws["A1"] = 4
        ws["B1"] = "=A1*2"

    ruta = _libro(tmp_path, ("Plan", rellenar))
    _reescribir(ruta, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("<f>A1*2</f><v></v>", "<f>A1*2</f><v>9</v>"))

    (hoja,) = leer_xlsx(ruta)

    assert [(c.texto, c.valor) for c in hoja.filas[0].celdas] == [("4", 4), ("9", 9)]


@pytest.mark.parametrize(
    "formula",
    ["=HOY()", "=TODAY()+30", "=A1/0", "=NOEXISTE(A1)", "=B1", "=SUM(C:C)", "=Otra!A1", "=A1+"],
)
def test_formula_que_no_se_puede_calcular_queda_sin_valor_y_nunca_como_texto(tmp_path: Path, formula: str) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws["A1"] = 4
        ws["B1"] = formula
        ws["C1"] = "=B1"
        ws["C20000"] = 1

    (hoja,) = leer_xlsx(_libro(tmp_path, ("Plan", rellenar)))

    _, celda, _ = hoja.filas[0].celdas
    assert (celda.texto, celda.valor, celda.formula) == (None, None, formula)


def test_formula_compartida_sin_valor_se_traslada(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws.append([1, "=A1+1"])
        ws.append([2, "=A2+1"])

    ruta = _libro(tmp_path, ("Plan", rellenar))
    _reescribir(
        ruta,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<f>A1+1</f>", '<f t="shared" ref="B1:B2" si="0">A1+1</f>').replace(
            "<f>A2+1</f>", '<f t="shared" si="0"/>'
        ),
    )

    (hoja,) = leer_xlsx(ruta)

    assert [fila.celdas[1].texto for fila in hoja.filas] == ["2", "3"]


def test_encabezado_y_pie_de_impresion_como_lineas_sueltas(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws["A1"] = "N° hallazgo"
        ws.oddHeader.center.text = "FORMATO PLAN DE MEJORAMIENTO"
        ws.oddHeader.right.text = "&BCódigo: GEM-FM014&B\nVersión: 02"
        ws.oddFooter.center.text = "Página &P de &N"

    hoja = _una_hoja(tmp_path, rellenar)

    assert [(fila.tabla, [c.texto for c in fila.celdas]) for fila in hoja.filas] == [
        (None, ["FORMATO PLAN DE MEJORAMIENTO"]),
        (None, ["Código: GEM-FM014"]),
        (None, ["Versión: 02"]),
        (0, ["N° hallazgo"]),
        (None, ["Página 1 de 1"]),
    ]
    assert hoja.filas[0].celdas[0].origen.fila is None


def test_lo_que_queda_tras_un_gran_hueco_se_ignora(tmp_path: Path) -> None:
    def rellenar(ws: Worksheet) -> None:
        ws["A1"] = "plan"
        ws.cell(row=2 + xlsx.HUECO_FILAS, column=1, value="basura")
        ws.cell(row=1, column=2 + xlsx.HUECO_COLUMNAS, value="basura")

    assert _textos(_una_hoja(tmp_path, rellenar)) == [["plan"]]


def _bordes_y_datos(ws: Worksheet) -> None:
    for fila in ws["A1:D40"]:
        for celda in fila:
            celda.border = Border(left=Side(style="thin"))
    ws["B2"], ws["C3"], ws["D3"] = "x", "=B2", 5
    ws.merge_cells("B3:B4")
    ws["B3"] = "combinada"
    ws["A4"] = "y"


def test_hoja_grande_de_celdas_vacias_se_lee_igual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty bordered cells are dropped before openpyxl sees them; what shows stays the same."""
    ruta = _libro(tmp_path, ("Plan", _bordes_y_datos))
    normal = leer_xlsx(ruta)
    monkeypatch.setattr(xlsx, "UMBRAL_CELDAS_VACIAS", 0)

    assert leer_xlsx(ruta) == normal
    assert _textos(normal[0]) == [
        [None, "x", None, None],
        [None, "combinada", "x", "5"],
        ["y", "combinada", None, None],
    ]


def test_celdas_sin_ubicacion_no_se_corren(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some programs omit each cell's address: then an empty cell keeps the next one in its column."""

    def rellenar(ws: Worksheet) -> None:
        ws["A1"].border = Border(left=Side(style="thin"))
        ws["B1"] = "x"
        ws["A2"] = "y"

    ruta = _libro(tmp_path, ("Plan", rellenar))
    _reescribir(ruta, "xl/worksheets/sheet1.xml", lambda xml: re.sub(r'(<c) r="[A-Z]+[0-9]+"', r"\1", xml))
    monkeypatch.setattr(xlsx, "UMBRAL_CELDAS_VACIAS", 0)

    assert _textos(leer_xlsx(ruta)[0]) == [[None, "x"], ["y", None]]


def test_hoja_demasiado_larga_se_rechaza(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "LIMITE_FILAS", 3)

    def rellenar(ws: Worksheet) -> None:
        for fila in range(4):
            ws.append([fila])

    with pytest.raises(ArchivoIlegible, match="más de 3 filas"):
        leer_xlsx(_libro(tmp_path, ("Plan", rellenar)))


def test_contenido_xlsx_con_otra_extension_se_lee(tmp_path: Path) -> None:
    ruta = _libro(tmp_path, ("Plan", lambda ws: ws.append(["hola"])), nombre="plan.xls")

    assert _textos(leer_xlsx(ruta)[0]) == [["hola"]]


def _zip_con(tmp_path: Path, partes: dict[str, str]) -> Path:
    ruta = tmp_path / "otro.xlsx"
    with zipfile.ZipFile(ruta, "w") as paquete:
        for nombre, texto in partes.items():
            paquete.writestr(nombre, texto)
    return ruta


def _xml_dañado(tmp_path: Path) -> Path:
    ruta = _libro(tmp_path, ("Plan", lambda ws: ws.append(["hola"])))
    _reescribir(ruta, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", "<row></sheetData>"))
    return ruta


def _truncado(tmp_path: Path) -> Path:
    ruta = _libro(tmp_path, ("Plan", lambda ws: ws.append(["hola"])))
    ruta.write_bytes(ruta.read_bytes()[:300])
    return ruta


def _escribir(tmp_path: Path, datos: bytes) -> Path:
    ruta = tmp_path / "libro.xlsx"
    ruta.write_bytes(datos)
    return ruta


TIPOS_WORD = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument'
    '.wordprocessingml.document.main+xml"/></Types>'
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("construir", "mensaje"),
    [
        (lambda d: _escribir(d, b"N\xb0;Descripci\xf3n\n1;algo\n"), "no es un libro de Excel"),
        (lambda d: _escribir(d, OLE2 + b"Workbook"), r"antiguo \(\.xls\)"),
        (lambda d: _escribir(d, OLE2 + "EncryptionInfo".encode("utf-16-le")), "contraseña"),
        (lambda d: _escribir(d, b""), "no es un libro de Excel"),
        (lambda d: _zip_con(d, {"documento.txt": "hola"}), r"incompleto: le falta la parte interna «\[Content_Types\]"),
        (lambda d: _zip_con(d, {"[Content_Types].xml": TIPOS_WORD}), "no contiene un libro de Excel"),
        (lambda d: _zip_con(d, {"[Content_Types].xml": "<Types"}), "dañado"),
        (_xml_dañado, "dañado"),
        (_truncado, "dañado"),
        (lambda d: d / "no-existe.xlsx", "No se encontró"),
    ],
    ids=["csv", "xls", "cifrado", "vacio", "zip-ajeno", "word", "xml-roto", "hoja-rota", "truncado", "inexistente"],
)
def test_archivos_ilegibles_dicen_por_que(tmp_path: Path, construir: Callable[[Path], Path], mensaje: str) -> None:
    with pytest.raises(ArchivoIlegible, match=mensaje):
        leer_xlsx(construir(tmp_path))


@pytest.mark.parametrize("pie", ["Página &P de &N", "Pág. &P", "Hoja &P de &N", "Page &P &A", "Page &P of &N"])
def test_la_numeracion_del_pie_de_impresion_no_es_una_firma(tmp_path: Path, pie: str) -> None:
    libro = openpyxl.load_workbook("muestras/sabana_alta_2021.xlsx")
    libro.active.oddFooter.center.text = pie  # type: ignore[union-attr]
    libro.save(tmp_path / "con_pie.xlsx")

    documento = leer(tmp_path / "con_pie.xlsx")

    assert [firma.nombre for firma in documento.planes[0].firmas] == [
        "MARTHA LUCÍA PEÑA ARANGO",
        "OSCAR IVÁN TORRES MEJÍA",
    ]
