"""The PDF reader gives each page's text as rows of cells, the same shape as the Word and Excel readers.

The fixtures in `datos/` are made by `datos/generar_pdf.py`: Word and Excel files
exported by LibreOffice like real copies, and raw PDFs for what LibreOffice cannot make.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

import extractor.pdf
from extractor.errores import ArchivoIlegible
from extractor.lector import leer
from extractor.modelo import FilaLeida, PlanCrudo
from extractor.pdf import hoja_de_escaneos, leer_pdf
from extractor.pdf_objetos import Caracter, Dibujo, dibujo, tablas
from extractor.pdf_texto import Tramo, texto_de
from extractor.textos import colapsar

DATOS = Path(__file__).parent / "datos"
LARGO = (
    "Se recomienda a cada dependencia verificar la materialización de los compromisos que garantizan "
    "el cumplimiento de las metas y que registran un avance inferior al cincuenta por ciento. "
)


def filas(nombre: str) -> list[FilaLeida]:
    hojas = leer_pdf(DATOS / nombre, max_paginas=50)
    assert len(hojas) == 1
    return hojas[0].filas


def textos(lista: list[FilaLeida]) -> list[list[str | None]]:
    return [[c.texto for c in f.celdas] for f in lista]


def plan_de(nombre: str) -> PlanCrudo:
    documento = leer(DATOS / nombre)
    assert documento.error is None
    assert len(documento.planes) == 1
    return documento.planes[0]


def en_tabla(lista: list[FilaLeida]) -> list[FilaLeida]:
    return [f for f in lista if f.tabla is not None]


# ---------------------------------------------------------------- ruled tables


def test_tabla_reglada_con_celdas_combinadas_y_texto_en_dos_renglones() -> None:
    leidas = filas("reglada.pdf")
    assert textos(leidas) == [
        ["FORMATO PLAN DE MEJORAMIENTO"],
        ["Proceso Auditado: Gestión Estratégica"],
        ["RESPONSABLES", "Directora de Planeación"],
        ["N° hallazgo", "Descripción del hallazgo", "Fecha inicial", "Estado"],
        ["1", "Primera línea\nsegunda línea", "jun-21", "Abierta"],
        ["1", "Otra acción", "ene-22", "Cerrada"],
        ["2", "Texto ancho que cubre dos columnas", None, "C"],
        ["Proyectó: Javier Lamprea"],
    ]
    tabla = en_tabla(leidas)
    assert len(tabla) == 4 and {f.tabla for f in tabla} == {tabla[0].tabla}
    assert [f.tabla for f in leidas if f not in tabla] == [None] * 4
    assert [c.fusionada for c in tabla[2].celdas] == [True, False, False, False]
    assert [c.fusionada for c in tabla[3].celdas] == [False, False, True, False]
    assert {(f.pagina, c.origen.pagina) for f in leidas for c in f.celdas} == {(1, 1)}


def test_cada_celda_de_una_tabla_reglada_sabe_su_columna_en_la_pagina() -> None:
    titulos = en_tabla(filas("reglada.pdf"))[0]
    cajas = [c.caja for c in titulos.celdas]
    assert all(caja is not None for caja in cajas)
    bordes = [x for caja in cajas if caja is not None for x in caja]
    assert bordes == sorted(bordes)


def test_pagina_horizontal_reglada_se_ensambla_como_el_formato() -> None:
    plan = plan_de("reglada.pdf")
    assert plan.encabezado["proceso_auditado"].texto == "Gestión Estratégica"
    assert plan.encabezado["responsables"].texto == "Directora de Planeación"
    assert [(f.celdas["numero"].texto, f.celdas["descripcion"].texto) for f in plan.filas] == [
        ("1", "Primera línea\nsegunda línea"),
        ("1", "Otra acción"),
        ("2", "Texto ancho que cubre dos columnas"),
    ]
    assert [(f.origen.pagina, f.origen.fila) for f in plan.filas] == [(1, 1), (1, 2), (1, 3)]
    assert plan.proyecto is not None and plan.proyecto.texto == "Javier Lamprea"


def test_pagina_girada_un_cuarto_se_lee_derecha() -> None:
    assert textos(filas("girada.pdf")) == [["N°", "Descripción", "Estado"], ["1", "Revisar actas", "Abierta"]]


@pytest.mark.parametrize("nombre", ["reglada.pdf", "encabezado_y_firmas.pdf", "desborde_calc.pdf", "girada.pdf"])
def test_letras_y_tablas_son_las_que_ve_pdfplumber(nombre: str) -> None:
    """The reader skips pdfplumber's slow conversion of every object, not its geometry."""

    def redondo(valores: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(round(v, 3) for v in valores)

    with pdfplumber.open(DATOS / nombre) as pdf:
        for pagina in pdf.pages:
            contenido = dibujo(pagina)
            letras = [(c["text"], *redondo((c["x0"], c["x1"], c["top"], c["bottom"]))) for c in pagina.chars]
            assert [
                (c["text"], *redondo((c["x0"], c["x1"], c["top"], c["bottom"]))) for c in contenido.caracteres
            ] == letras
            esperadas = sorted(sorted(redondo(c) for c in t.cells) for t in pagina.find_tables())
            assert sorted(sorted(redondo(c) for c in t) for t in tablas(contenido.bordes)) == esperadas


# ---------------------------------------------------------------- few or no ruling lines


def test_tabla_sin_lineas_se_arma_por_la_alineacion_del_texto() -> None:
    leidas = filas("sin_lineas.pdf")
    assert textos(leidas) == [
        ["Proceso Auditado: Gestión Financiera"],
        [
            "Procedimientos: GF-PR001 Conciliaciones bancarias, GF-PR002 Pagos a\nproveedores, GF-PR003 Presupuesto, "
            "GF-PR004 Contabilidad y GF-PR005\nTesorería"
        ],
        ["Responsables: Tesorero General"],
        ["N°", "Descripción", "Fecha", "Estado"],
        ["1", "Revisar\nconciliaciones\nbancarias de\ncada mes del año", "mar-22", "Abierta"],
        ["2", "Actualizar el\nmanual", "abr-22", "Cerrada"],
        ["Firma Responsables:"],
    ]
    assert [f.tabla is not None for f in leidas] == [False, False, False, True, True, True, False]
    assert len({f.tabla for f in en_tabla(leidas)}) == 1


def test_tabla_con_solo_lineas_horizontales() -> None:
    leidas = filas("solo_horizontales.pdf")
    assert textos(leidas) == [
        ["N°", "Acción de mejora", "Fecha inicial", "Estado"],
        ["1", "Publicar los informes de\nsupervisión en el SECOP II", "feb-22", "Abierta"],
        ["2", "Capacitar a los supervisores", "mar-22", "Cerrada"],
    ]
    assert len({f.tabla for f in leidas}) == 1 and leidas[0].tabla is not None


def test_tabla_sin_lineas_dibujada_renglon_por_renglon() -> None:
    """Report tools and OCR text layers draw a table line by line: a cell's second line still joins its cell."""
    assert textos(filas("por_renglones.pdf")) == [
        ["N°", "Descripción", "Acción", "Estado"],
        ["1", "Conciliaciones bancarias\nsin firmar", "Elaborar las\nconciliaciones", "Abierta"],
        ["2", "Manual desactualizado", "Actualizarlo", "Cerrada"],
        ["Firma Responsables:"],
    ]


# ---------------------------------------------------------------- text wider than its cell


def test_texto_recortado_por_la_celda_vecina_no_se_mezcla_con_ella() -> None:
    """Excel draws the whole date under the next cell's text; its glyphs and the neighbour's interleave."""
    assert textos(filas("desborde_intercalado.pdf")) == [
        ["N°", "Fecha terminación", "Dependencia", "Estado"],
        ["1", "15 de marzo de 2022", "Secretaría de Hacienda", "Abierta"],
    ]


def test_texto_cortado_por_libreoffice_queda_en_su_celda() -> None:
    """LibreOffice draws only the visible part of the date: what is left stays in its own cell."""
    _, fila = textos(filas("desborde_calc.pdf"))
    assert fila[0] == "1"
    assert fila[1] is not None and fila[1].startswith("15 de marzo")
    assert fila[2] == "Secretaría"


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize("nombre", ["paginas_con_titulo.pdf", "paginas_sin_titulo.pdf"])
def test_hallazgo_partido_por_salto_de_pagina_es_uno_solo(nombre: str) -> None:
    plan = plan_de(nombre)
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1", "2", "3"]
    assert [colapsar(f.celdas["descripcion"].texto) for f in plan.filas] == [
        colapsar(LARGO * 6),
        colapsar(LARGO * 9),
        "Corta",
    ]
    assert [f.celdas["plazo_meses"].texto for f in plan.filas] == ["4", "7", "2"]
    assert [f.origen.pagina for f in plan.filas] == [1, 2, 3]


def test_fila_que_sigue_en_otra_pagina_no_trae_numero_ni_campos_cortos() -> None:
    """What lets the assembler join it to the finding above."""
    continuacion = next(f for f in filas("paginas_sin_titulo.pdf") if f.pagina == 2)
    numero, descripcion, plazo, estado = continuacion.celdas
    assert numero.texto is None and plazo.texto is None and estado.texto is None
    assert descripcion.texto is not None and descripcion.texto.startswith("compromisos que garantizan")


def test_tabla_de_navegador_sin_linea_en_el_corte_de_pagina() -> None:
    """A browser leaves the cut row open: column lines only. It is still a row of the table."""
    leidas = filas("navegador.pdf")
    assert [(f.pagina, f.tabla is not None, [c.texto for c in f.celdas][:2]) for f in leidas[2:5]] == [
        (1, True, ["2", "\n".join(["Segundo hallazgo tan largo"] * 15)]),
        (2, True, [None, "que sigue en la otra página"]),
        (2, True, ["3", "Tercero"]),
    ]
    plan = plan_de("navegador.pdf")
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1", "2", "3"]
    segundo = plan.filas[1].celdas["descripcion"].texto
    assert segundo is not None and segundo.endswith("tan largo\nque sigue en la otra página")


def test_firmas_en_una_tabla_sin_bordes_y_sin_rotulo() -> None:
    ultima = filas("navegador.pdf")[-1]
    assert ultima.tabla is not None
    assert [c.texto for c in ultima.celdas] == ["MARÍA PÉREZ\nTesorera", "JUAN ROJAS\nContador"]
    assert [(f.nombre, f.cargo) for f in plan_de("navegador.pdf").firmas] == [
        ("MARÍA PÉREZ", "Tesorera"),
        ("JUAN ROJAS", "Contador"),
    ]


def test_encabezado_de_pagina_repetido_se_lee_una_vez() -> None:
    leidas = filas("encabezado_y_firmas.pdf")
    assert [t for t in textos(leidas) if "ALCALDÍA DE PRUEBA" in t] == [["ALCALDÍA DE PRUEBA", "Código: GEM-FM014"]]
    assert [t for t in textos(leidas) if "FORMATO PLAN DE MEJORAMIENTO" in t] == [
        ["FORMATO PLAN DE MEJORAMIENTO", "Página 1 de 2"]
    ]
    segunda = [t for f, t in zip(leidas, textos(leidas), strict=True) if f.pagina == 2]
    assert segunda[0] == ["N°", "Descripción", "Fecha inicial", "Estado"]


def test_firmas_lado_a_lado_son_celdas_de_una_fila() -> None:
    leidas = filas("encabezado_y_firmas.pdf")
    assert textos(leidas)[-2:] == [
        ["MARÍA PÉREZ GÓMEZ", "JUAN CARLOS ROJAS"],
        ["Tesorera General", "Jefe de Control Interno"],
    ]
    plan = plan_de("encabezado_y_firmas.pdf")
    assert [(f.nombre, f.cargo) for f in plan.firmas] == [
        ("MARÍA PÉREZ GÓMEZ", "Tesorera General"),
        ("JUAN CARLOS ROJAS", "Jefe de Control Interno"),
    ]
    assert plan.encabezado["entidad"].texto == "ALCALDÍA DE PRUEBA"
    assert plan.encabezado["codigo"].texto == "GEM-FM014"
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1", "2", "3"]
    assert colapsar(plan.filas[1].celdas["descripcion"].texto) == colapsar(LARGO * 4)


# ---------------------------------------------------------------- files that cannot be read


def test_mas_paginas_que_el_limite_se_rechaza_sin_leerlas(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_leer(*_: object) -> None:
        raise AssertionError("no debía leer ninguna página")

    monkeypatch.setattr(extractor.pdf, "_leer_pagina", no_leer)
    with pytest.raises(ArchivoIlegible) as error:
        leer_pdf(DATOS / "paginas_con_titulo.pdf", max_paginas=2)
    assert "tiene 3 páginas y el límite es 2" in error.value.mensaje


def test_arbol_de_paginas_que_miente_sobre_cuantas_tiene(tmp_path: Path) -> None:
    datos = (DATOS / "paginas_con_titulo.pdf").read_bytes()
    mentiroso = tmp_path / "plan.pdf"
    mentiroso.write_bytes(datos.replace(b"/Count 3", b"/Count 1", 1))
    with pytest.raises(ArchivoIlegible, match="tiene más de 2 páginas y el límite es 2"):
        leer_pdf(mentiroso, max_paginas=2)


def test_pdf_protegido_con_contrasena() -> None:
    with pytest.raises(ArchivoIlegible, match="protegido con contraseña"):
        leer_pdf(DATOS / "cifrado.pdf", max_paginas=50)


@pytest.mark.parametrize("fraccion", [0.1, 0.5, 0.99])
def test_pdf_truncado_se_dice_danado(tmp_path: Path, fraccion: float) -> None:
    datos = (DATOS / "reglada.pdf").read_bytes()
    truncado = tmp_path / "plan.pdf"
    truncado.write_bytes(datos[: int(len(datos) * fraccion)])
    with pytest.raises(ArchivoIlegible, match="dañado o incompleto"):
        leer_pdf(truncado, max_paginas=50)


def test_pdf_escaneado_que_el_ocr_no_lee_se_dice_escaneado(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor.pdf, "_dibujo_sin_texto", lambda pagina, numero: None)
    with pytest.raises(ArchivoIlegible) as error:
        leer_pdf(DATOS / "sin_texto.pdf", max_paginas=50)
    assert "escaneado" in error.value.mensaje and "OCR" in error.value.mensaje


def test_pdf_sin_texto_ni_imagenes_esta_en_blanco() -> None:
    with pytest.raises(ArchivoIlegible, match="en blanco"):
        leer_pdf(DATOS / "en_blanco.pdf", max_paginas=50)


def test_una_pagina_sin_texto_se_lee_con_lo_que_vea_el_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """The place where OCR plugs in: the glyphs it reads go the same way as a PDF's, with how sure it was."""

    def glifos(texto: str, x: float, confianza: float) -> list[Caracter]:
        return [
            {"text": letra, "x0": x + 6 * i, "x1": x + 6 * i + 6, "top": 20.0, "bottom": 30.0, "size": 10.0}
            | {"upright": True, "confianza": confianza}
            for i, letra in enumerate(texto)
        ]

    leido = Dibujo(glifos("Responsables:", 20, 0.95) + glifos("Tesorero General", 200, 0.5), [])
    monkeypatch.setattr(extractor.pdf, "_dibujo_sin_texto", lambda pagina, numero: leido)
    (fila,) = filas("sin_texto.pdf")
    assert [(c.texto, c.confianza, c.origen.pagina) for c in fila.celdas] == [
        ("Responsables:", 0.95, 1),
        ("Tesorero General", 0.5, 1),
    ]


def test_el_lector_dice_que_paginas_leyo_por_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """What lets a digital copy be preferred to a scan of the same moment: the pages OCR read, never a guess."""
    leido = Dibujo(
        [{"text": "X", "x0": 20.0, "x1": 26.0, "top": 20.0, "bottom": 30.0, "size": 10.0, "upright": True}], []
    )
    monkeypatch.setattr(extractor.pdf, "_dibujo_sin_texto", lambda pagina, numero: leido)
    assert leer_pdf(DATOS / "sin_texto.pdf", max_paginas=50)[0].paginas_por_ocr == [1]
    assert leer_pdf(DATOS / "reglada.pdf", max_paginas=50)[0].paginas_por_ocr == []
    assert hoja_de_escaneos([leido, leido]).paginas_por_ocr == [1, 2], "an image file is all OCR"
    assert leer(DATOS / "sin_texto.pdf").paginas_por_ocr == [1]


def test_la_puerta_del_extractor_da_el_motivo_en_espanol_sin_detener_el_lote() -> None:
    documento = leer(DATOS / "cifrado.pdf")
    assert documento.tipo == "pdf" and documento.planes == []
    assert documento.error is not None and "contraseña" in documento.error


def _renglon(texto: str, x1: float, top: float, espacio_final: bool | None) -> Tramo:
    """One line of 8-point text in a cell whose text starts at x = 105."""
    return Tramo(texto, 105.0, x1, top, top + 8.0, x1, espacio_final=espacio_final)


CELDA_ANGOSTA = (100.0, 140.0)
"""A cell 40 points wide with 5 points of padding: its lines may reach x = 135."""


@pytest.mark.parametrize(
    ("renglones", "esperado"),
    [
        pytest.param(
            [
                _renglon("Secreta", 132.0, 0, False),
                _renglon("ría de", 125.0, 9, True),
                _renglon("Hacienda", 134.0, 18, None),
            ],
            "Secretaría de\nHacienda",
            id="palabra más ancha que la celda, cortada sin guion",
        ),
        pytest.param(
            [_renglon("Director", 134.9, 0, False), _renglon("de TIC", 125.0, 9, None)],
            "Director\nde TIC",
            id="palabra que llena el renglón justo, sin sitio para el espacio, y una palabra de enlace",
        ),
        pytest.param(
            [_renglon("Talento", 134.0, 0, False), _renglon("humano", 130.0, 9, None)],
            "Talento\nhumano",
            id="palabra entera que llena el renglón justo, sin sitio para el espacio, y otra palabra entera",
        ),
        pytest.param(
            [
                _renglon("Dirección", 120.0, 0, True),
                _renglon("Adminis", 134.0, 9, False),
                _renglon("trativa", 128.0, 18, None),
            ],
            "Dirección\nAdministrativa",
            id="en una celda con mayúsculas iniciales, lo que sigue en minúscula es el resto de la palabra",
        ),
        pytest.param(
            [_renglon("Almac", 134.0, 0, False), _renglon("én", 115.0, 9, None)],
            "Almacén",
            id="renglón justo seguido del resto corto de la palabra",
        ),
        pytest.param(
            [_renglon("Talento", 128.0, 0, True), _renglon("humano", 130.0, 9, None)],
            "Talento\nhumano",
            id="renglón que termina entre dos palabras, con su espacio dibujado",
        ),
        pytest.param(
            [_renglon("Archivo", 120.0, 0, False), _renglon("organizado", 134.0, 9, None)],
            "Archivo\norganizado",
            id="renglón que termina lejos del borde: la siguiente palabra no cabía",
        ),
        pytest.param(
            [_renglon("Secreta", 132.0, 0, None), _renglon("ría", 118.0, 9, None)],
            "Secreta\nría",
            id="página que no dibuja espacios: no se sabe, no se junta",
        ),
        pytest.param(
            [_renglon("DEPE", 132.0, 0, False), _renglon("NDENCIA", 130.0, 9, None)],
            "DEPENDENCIA",
            id="título en mayúsculas cortado",
        ),
        pytest.param(
            [_renglon("Cerrada", 132.0, 0, False), _renglon("Abierta", 130.0, 9, None)],
            "Cerrada\nAbierta",
            id="el renglón siguiente empieza en mayúscula: otra palabra",
        ),
    ],
)
def test_palabra_cortada_por_una_celda_angosta_se_junta(renglones: list[Tramo], esperado: str) -> None:
    assert texto_de(renglones, CELDA_ANGOSTA) == esperado


def test_tabla_rotulo_valor_con_solo_lineas_de_columna_da_una_fila_por_renglon() -> None:
    """Word's label | value table with no line between rows: one ruled row holds every label and every value;
    each line is a row again, and the label whose value was left empty keeps an empty cell."""
    lista = filas("variaciones/v40.pdf")
    generales = [t for t in textos(lista) if t and t[0] and t[0].lower().startswith(("proce", "respo", "fecha de s"))]
    assert generales == [
        ["Proceso auditado", "Gestión Documental"],
        ["Procedimiento(s):", None],
        ["Responsables:", "Jefe Oficina Jurídica"],
        ["FECHA DE SUSCRIPCION", "feb-22"],
    ]
    encabezado = plan_de("variaciones/v40.pdf").encabezado
    assert encabezado["procedimientos"].texto is None
    assert encabezado["responsables"].texto == "Jefe Oficina Jurídica"
