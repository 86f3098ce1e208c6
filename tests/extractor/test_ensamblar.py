"""The assembler turns rows seen by any reader into one copy of the form."""

from extractor.ensamblar import ensamblar
from extractor.modelo import Celda, FilaLeida, HojaLeida

TITULOS = [
    "N° hallazgo",
    "Descripción del hallazgo",
    "Acción de mejora",
    "Meta (Indicador de Cumplimiento)",
    "Tiempo de Ejecución Programado (Meses)",
    "Fecha inicial de la Acción",
    "Fecha terminación de la Acción",
    "Dependencia donde se realiza la acción",
    "Cargo Responsable",
    "Cumplimiento",
    "Efectividad",
    "Estado de la Acción (Cerrada-C / Abierta-A)",
    "Dirección Técnica Responsable",
    "Observaciones",
]


def linea(texto: str, pagina: int | None = None) -> FilaLeida:
    return FilaLeida([Celda(texto)], tabla=None, pagina=pagina)


def fila(textos: list[str | None], tabla: int = 0, pagina: int | None = None) -> FilaLeida:
    return FilaLeida([Celda(t) for t in textos], tabla=tabla, pagina=pagina)


def hallazgo(numero: str | None, descripcion: str, inicio: str = "jun-21", fin: str = "ene-22") -> list[str | None]:
    return [
        numero,
        descripcion,
        "Socializar resultados",
        "% Cumplimiento",
        "4",
        inicio,
        fin,
        "Secretaría de Planeación",
        "Directora",
        "Si",
        "Si",
        "Cerrada-C",
        "Dirección de Planeación",
        "Sin observación",
    ]


ENCABEZADO = [
    linea("ALCALDIA MUNICIPAL DE CALICA"),
    linea("PROCESO DE GESTION EVALUACION Y MEJORA"),
    linea("FORMATO PLAN DE MEJORAMIENTO"),
    linea("VERSION: 02"),
    linea("FECHA:09/07/2021"),
    linea("CODIGO:GEM-FM014"),
    linea("Proceso Auditado: Gestión Estratégica"),
    linea("Procedimientos: GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO"),
    linea("Responsables: Directora de Planeación Estratégica"),
    linea("Fecha de Suscripción: 21sept-21"),
]

PIE = [
    linea("Firma Responsables:"),
    linea("Ing. CESAR AUGUSTO CRUZ GONZALEZ\tLUZ-ANDREA HERNÁNDEZ TEJEDOR"),
    linea("Secretario de Planeación\tDirectora de Planeación Estratégica"),
    linea("Proyectó: Javier Lamprea – Profesional de apoyo"),
]


def textos_encabezado(hoja: HojaLeida) -> dict[str, str | None]:
    plan = ensamblar(hoja)
    assert plan is not None
    return {k: v.texto for k, v in plan.encabezado.items()}


def test_el_ejemplo_del_formato_da_encabezado_hallazgos_y_firmas() -> None:
    hoja = HojaLeida([*ENCABEZADO, fila(TITULOS), fila(hallazgo("1", "Primero")), fila(hallazgo("2", "Segundo")), *PIE])
    plan = ensamblar(hoja)
    assert plan is not None
    assert {k: v.texto for k, v in plan.encabezado.items()} == {
        "entidad": "ALCALDIA MUNICIPAL DE CALICA",
        "version": "02",
        "fecha_formato": "09/07/2021",
        "codigo": "GEM-FM014",
        "proceso_auditado": "Gestión Estratégica",
        "procedimientos": "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
        "responsables": "Directora de Planeación Estratégica",
        "fecha_suscripcion": "21sept-21",
    }
    assert [f.celdas["descripcion"].texto for f in plan.filas] == ["Primero", "Segundo"]
    assert [f.origen.fila for f in plan.filas] == [1, 2]
    assert plan.columnas_faltantes == [] and plan.columnas_desconocidas == []
    assert [(f.nombre, f.cargo) for f in plan.firmas] == [
        ("Ing. CESAR AUGUSTO CRUZ GONZALEZ", "Secretario de Planeación"),
        ("LUZ-ANDREA HERNÁNDEZ TEJEDOR", "Directora de Planeación Estratégica"),
    ]
    assert plan.proyecto is not None and plan.proyecto.texto == "Javier Lamprea – Profesional de apoyo"


def test_columnas_en_otro_orden_se_reconocen_por_su_significado() -> None:
    orden = list(reversed(range(14)))
    hoja = HojaLeida([fila([TITULOS[i] for i in orden]), fila([hallazgo("7", "Otro")[i] for i in orden])])
    plan = ensamblar(hoja)
    assert plan is not None
    assert plan.filas[0].celdas["numero"].texto == "7"
    assert plan.filas[0].celdas["fecha_inicio"].texto == "jun-21"


def test_columna_extra_y_columna_faltante_se_reportan() -> None:
    titulos = [*TITULOS[:12], "Avance %", TITULOS[13]]
    plan = ensamblar(HojaLeida([fila(titulos), fila(hallazgo("1", "Uno"))]))
    assert plan is not None
    assert plan.columnas_desconocidas == ["Avance %"]
    assert plan.columnas_faltantes == ["direccion_tecnica"]
    assert "direccion_tecnica" not in plan.filas[0].celdas


def test_titulo_abreviado_con_punto_y_evidencia_sin_observaciones() -> None:
    """`Obs.` es Observaciones; `Evidencia` (el soporte de la acción) no lo es aunque falten las observaciones."""
    con_obs = ensamblar(HojaLeida([fila([*TITULOS[:13], "Obs."]), fila(hallazgo("1", "Uno"))]))
    assert con_obs is not None
    assert con_obs.filas[0].celdas["observaciones"].texto == "Sin observación"
    assert con_obs.columnas_desconocidas == []
    con_evidencia = ensamblar(HojaLeida([fila([*TITULOS[:13], "Evidencia"]), fila(hallazgo("1", "Uno"))]))
    assert con_evidencia is not None
    assert con_evidencia.columnas_desconocidas == ["Evidencia"]
    assert con_evidencia.columnas_faltantes == ["observaciones"]


def test_titulos_en_dos_niveles_con_grupo_seguimiento() -> None:
    arriba = [*TITULOS[:9], "SEGUIMIENTO", None, None, *TITULOS[12:]]
    fila_arriba = FilaLeida(
        [Celda(t, fusionada=(t is None)) for t in arriba],
        tabla=0,
    )
    abajo = [None] * 9 + ["Cumplimiento", "Efectividad", "Estado"] + [None, None]
    plan = ensamblar(HojaLeida([fila_arriba, fila(abajo), fila(hallazgo("1", "Uno"))]))
    assert plan is not None
    assert plan.columnas_faltantes == []
    assert plan.filas[0].celdas["estado_accion"].texto == "Cerrada-C"
    assert len(plan.filas) == 1


def test_fila_partida_por_salto_de_pagina_es_un_solo_hallazgo() -> None:
    continuacion: list[str | None] = [None] * 14
    continuacion[1] = "y su continuación"
    continuacion[13] = "fin de la observación"
    hoja = HojaLeida(
        [
            fila(TITULOS, tabla=0, pagina=1),
            fila(hallazgo("1", "Descripción que empieza"), tabla=0, pagina=1),
            *ENCABEZADO[:3],
            fila(continuacion, tabla=1, pagina=2),
            fila(hallazgo("2", "Segundo"), tabla=1, pagina=2),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1", "2"]
    assert plan.filas[0].celdas["descripcion"].texto == "Descripción que empieza\ny su continuación"
    assert plan.filas[0].celdas["observaciones"].texto == "Sin observación\nfin de la observación"


def test_fila_partida_cuya_fecha_tambien_sigue_en_la_pagina_siguiente() -> None:
    """A narrow date cell wraps too: `10 de enero` on one page, `de 2022` on the next, with the long texts."""
    continuacion: list[str | None] = [None] * 14
    continuacion[1] = "y su continuación"
    continuacion[6] = "de 2022"
    otra_accion = hallazgo(None, "")
    otra_accion[1] = None
    hoja = HojaLeida(
        [
            fila(TITULOS, tabla=0, pagina=1),
            fila(hallazgo("1", "Descripción que empieza", fin="10 de enero"), tabla=0, pagina=1),
            fila(continuacion, tabla=1, pagina=2),
            fila(hallazgo("2", "Segundo"), tabla=1, pagina=2),
            fila(otra_accion, tabla=2, pagina=3),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1", "2", "2"]
    assert plan.filas[0].celdas["fecha_terminacion"].texto == "10 de enero\nde 2022"
    assert plan.filas[0].celdas["descripcion"].texto == "Descripción que empieza\ny su continuación"


def test_hallazgo_cortado_en_su_primer_renglon_sigue_entero_en_la_pagina_siguiente() -> None:
    """Only one line of each cell fits on page 1: the rest fills every cell on page 2, but has no number."""
    primera = [
        "3",
        "No se evidencia la",
        "Organizar el",
        "4",
        "6",
        "15/03/",
        "2022-",
        "Talento",
        "Jefe",
        "Si",
        "No",
        "En",
    ]
    resto = [None, "conciliación mensual.", "archivo.", "pruebas", None, "2022", "05-31", "Humano", "Jurídico"]
    resto += [None, None, "proceso"]
    hoja = HojaLeida(
        [
            fila(TITULOS[:12], tabla=0, pagina=1),
            fila(hallazgo("2", "Otro")[:12], tabla=0, pagina=1),
            fila(primera, tabla=0, pagina=1),
            fila(resto, tabla=1, pagina=2),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert [f.celdas["numero"].texto for f in plan.filas] == ["2", "3"]
    celdas = plan.filas[1].celdas
    assert celdas["descripcion"].texto == "No se evidencia la\nconciliación mensual."
    assert (celdas["fecha_inicio"].texto, celdas["fecha_terminacion"].texto) == ("15/03/2022", "2022-05-31")


def test_palabra_partida_por_el_salto_de_pagina_se_junta() -> None:
    """A narrow cell cut by the page break inside a word: its rest goes on the word, a word of its own does not."""
    primera = hallazgo("1", "Revisar los soportes de pago y\nCapacitar")
    primera[3] = "100% de conciliaciones\nrealizad"
    primera[8] = "Secretario de\nHacien"
    resto: list[str | None] = [None] * 14
    resto[1] = "a los funcionarios."
    resto[3] = "as"
    resto[8] = "da"
    hoja = HojaLeida([fila(TITULOS, pagina=1), fila(primera, pagina=1), fila(resto, tabla=1, pagina=2)])
    plan = ensamblar(hoja)
    assert plan is not None
    celdas = plan.filas[0].celdas
    assert celdas["meta_indicador"].texto == "100% de conciliaciones\nrealizadas"
    assert celdas["cargo_responsable"].texto == "Secretario de\nHacienda"
    assert celdas["descripcion"].texto == "Revisar los soportes de pago y\nCapacitar\na los funcionarios."


def test_una_accion_mas_bajo_un_numero_fusionado_hereda_numero_y_descripcion() -> None:
    segunda = [Celda(t) for t in hallazgo(None, "")]
    segunda[0] = Celda(None, fusionada=True)
    segunda[1] = Celda(None, fusionada=True)
    segunda[2] = Celda("Otra acción")
    plan = ensamblar(HojaLeida([fila(TITULOS), fila(hallazgo("3", "Compartida")), FilaLeida(segunda, tabla=0)]))
    assert plan is not None
    assert [(f.celdas["numero"].texto, f.celdas["descripcion"].texto) for f in plan.filas] == [
        ("3", "Compartida"),
        ("3", "Compartida"),
    ]
    assert plan.filas[1].celdas["accion_mejora"].texto == "Otra acción"


def test_una_accion_mas_sin_numero_ni_descripcion_es_del_hallazgo_de_arriba() -> None:
    """A table without lines (a PDF) cannot show the merge: the blank number and description still mean it."""
    segunda = hallazgo(None, "")
    segunda[1] = None
    segunda[2] = "Otra acción"
    sin_descripcion = hallazgo(None, "Descripción propia")
    filas = [fila(TITULOS), fila(hallazgo("3", "Compartida")), fila(segunda), fila(sin_descripcion)]
    plan = ensamblar(HojaLeida(filas))
    assert plan is not None
    assert [(f.celdas["numero"].texto, f.celdas["descripcion"].texto) for f in plan.filas] == [
        ("3", "Compartida"),
        ("3", "Compartida"),
        (None, "Descripción propia"),
    ]


def test_descripcion_combinada_de_dos_acciones_cuyo_ultimo_renglon_cae_junto_a_la_segunda() -> None:
    """A PDF table without lines: the merged description's last line sits beside the second action."""
    segunda = hallazgo(None, "manual.")
    segunda[2] = "Otra acción"
    filas = [fila(TITULOS), fila(hallazgo("1", "Los controles no están en el")), fila(segunda)]
    plan = ensamblar(HojaLeida(filas))
    assert plan is not None
    assert [(f.celdas["numero"].texto, f.celdas["descripcion"].texto) for f in plan.filas] == [
        ("1", "Los controles no están en el\nmanual."),
        ("1", "Los controles no están en el\nmanual."),
    ]
    assert plan.filas[1].celdas["accion_mejora"].texto == "Otra acción"


def test_nota_bajo_la_tabla_en_la_primera_columna_no_es_otra_accion() -> None:
    """An Excel sheet: the note typed in column A, under the table, falls in the column of `Cargo`; it
    does not inherit the number and description above to pass for one more action."""
    orden = [8, *range(8), *range(9, 14)]
    nota = [None] * 14
    nota[0] = "Nota: el seguimiento se realiza cada trimestre."
    filas = [fila([TITULOS[i] for i in orden]), fila([hallazgo("1", "Uno")[i] for i in orden]), fila(nota)]
    plan = ensamblar(HojaLeida(filas))
    assert plan is not None
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1"]


def test_titulo_repetido_filas_vacias_y_tabla_partida_en_dos() -> None:
    hoja = HojaLeida(
        [
            fila(TITULOS, tabla=0),
            fila(hallazgo("1", "Uno"), tabla=0),
            fila(TITULOS, tabla=0),
            fila(hallazgo("2", "Dos"), tabla=0),
            linea("Continuación"),
            fila(hallazgo("3", "Tres"), tabla=1),
            fila([None] * 14, tabla=1),
            fila([None] * 14, tabla=1),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert [f.celdas["numero"].texto for f in plan.filas] == ["1", "2", "3"]


def test_rotulo_sin_valor_queda_vacio_y_no_toma_la_linea_siguiente() -> None:
    hoja = HojaLeida(
        [
            linea("GOBERNACIÓN DE ARAUCA"),
            linea("PROCESO AUDITADO"),
            linea("Procedimientos: Contratación"),
            fila(TITULOS),
        ]
    )
    assert textos_encabezado(hoja) == {
        "entidad": "GOBERNACIÓN DE ARAUCA",
        "proceso_auditado": None,
        "procedimientos": "Contratación",
    }


def test_rotulos_en_mayusculas_sin_dos_puntos_o_con_tabulador_y_en_celdas() -> None:
    hoja = HojaLeida(
        [
            linea("PROCESO AUDITADO Gestión Financiera"),
            linea("RESPONSABLES\tTesorero General"),
            FilaLeida([Celda("Fecha Suscripcion"), Celda(None, fusionada=True), Celda("15/03/2022")], tabla=0),
            fila(TITULOS, tabla=1),
        ]
    )
    assert textos_encabezado(hoja) == {
        "proceso_auditado": "Gestión Financiera",
        "responsables": "Tesorero General",
        "fecha_suscripcion": "15/03/2022",
    }


def test_documento_sin_tabla_de_hallazgos_no_es_el_formato() -> None:
    hoja = HojaLeida([linea("MEMORANDO"), linea("Para: Secretaría de Hacienda"), linea("Asunto: viáticos")])
    assert ensamblar(hoja) is None


def test_firmas_en_columnas_de_una_tabla_y_sin_proyecto() -> None:
    hoja = HojaLeida(
        [
            fila(TITULOS, tabla=0),
            fila(hallazgo("1", "Uno"), tabla=0),
            FilaLeida([Celda("MARÍA PÉREZ\nTesorera"), Celda("JUAN GÓMEZ\nJefe de Control Interno")], tabla=1),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert [(f.nombre, f.cargo) for f in plan.firmas] == [
        ("MARÍA PÉREZ", "Tesorera"),
        ("JUAN GÓMEZ", "Jefe de Control Interno"),
    ]
    assert plan.proyecto is None


def test_guavio_entidad_sin_titulos_y_cargo_igual_a_responsables() -> None:
    """Regression (guavio_2022): the entity cell also holds the titles; the first signer is the Responsable."""
    entidad = "GOBERNACIÓN DEL RÍO GUAVIO\nPROCESO DE GESTION EVALUACION Y MEJORA\nFORMATO PLAN DE MEJORAMIENTO"
    hoja = HojaLeida(
        [
            FilaLeida([Celda(entidad), Celda("Código: GEM-FM014")], tabla=0),
            FilaLeida([Celda(entidad, fusionada=True), Celda("Versión: 03")], tabla=0),
            fila(["PROCESO AUDITADO", "Gestión del Talento Humano"], tabla=1),
            fila(["RESPONSABLES", "Director de Talento Humano"], tabla=1),
            fila(TITULOS, tabla=2),
            fila(hallazgo("1", "Uno"), tabla=2),
            linea("Firma Responsables:"),
            fila(
                ["_______\nJULIÁN MORALES\nDirector de Talento Humano", "_______\nCLAUDIA RINCÓN\nSecretaria General"],
                3,
            ),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert plan.encabezado["entidad"].texto == "GOBERNACIÓN DEL RÍO GUAVIO"
    assert plan.encabezado["responsables"].texto == "Director de Talento Humano"
    assert [(f.nombre, f.cargo) for f in plan.firmas] == [
        ("JULIÁN MORALES", "Director de Talento Humano"),
        ("CLAUDIA RINCÓN", "Secretaria General"),
    ]
    assert plan.proyecto is None


def test_excel_nombres_y_cargos_en_filas_y_un_cargo_que_parece_rotulo() -> None:
    """Regression (puerto_camelias_2022): the whole sheet is one grid; names on a row, positions on the next."""
    vacias: list[str | None] = [None] * 12
    hoja = HojaLeida(
        [
            fila(["Responsables:", None, "Secretario de Obras Públicas", *vacias[1:]]),
            fila(TITULOS),
            fila(hallazgo("1", "Uno")),
            fila(["Firma Responsables:", *vacias, None]),
            fila([None, "ING. HERNÁN CASTAÑO", None, None, None, "PAOLA MURILLO", *vacias[4:]]),
            fila([None, "Secretario de Obras Públicas", None, None, None, "Responsable del proceso", *vacias[4:]]),
            fila(["Proyectó: Luis Prada – Profesional de Control Interno", *vacias, None]),
        ]
    )
    plan = ensamblar(hoja)
    assert plan is not None
    assert [(f.nombre, f.cargo) for f in plan.firmas] == [
        ("ING. HERNÁN CASTAÑO", "Secretario de Obras Públicas"),
        ("PAOLA MURILLO", "Responsable del proceso"),
    ]
    assert plan.proyecto is not None and plan.proyecto.texto == "Luis Prada – Profesional de Control Interno"


def test_encabezado_de_pagina_repetido_antes_de_las_firmas_no_es_una_firma() -> None:
    titulo = [
        FilaLeida([Celda("ALCALDÍA DE CALICA"), Celda("FORMATO PLAN DE MEJORAMIENTO"), Celda("CÓDIGO: GEM-FM014")], 0),
        fila(["PROCESO AUDITADO", "Gestión Financiera"], tabla=1),
    ]
    hoja = HojaLeida([*titulo, fila(TITULOS, tabla=2), fila(hallazgo("1", "Uno"), tabla=2), *titulo, *PIE])
    plan = ensamblar(hoja)
    assert plan is not None
    assert [f.nombre for f in plan.firmas] == ["Ing. CESAR AUGUSTO CRUZ GONZALEZ", "LUZ-ANDREA HERNÁNDEZ TEJEDOR"]


def _en(texto: str | None, x0: float, x1: float) -> Celda:
    """A cell of a PDF table without lines: its text and where it lies across the page."""
    return Celda(texto, caja=(x0, x1))


def test_titulos_en_dos_niveles_de_una_tabla_sin_lineas_del_pdf() -> None:
    """The reader cut the titles from the rows below (other columns); SEGUIMIENTO, centred and narrower than
    its three columns, still heads them, and a narrow number under both `N°` and a wide title goes to `N°`."""
    arriba = FilaLeida(
        [
            _en("N°", 30, 45),
            _en("Acción de mejora", 30, 120),
            _en("SEGUIMIENTO", 150, 200),
            _en("Observaciones", 230, 290),
            _en("Plazo", 300, 320),
        ],
        tabla=1,
        pagina=1,
    )
    abajo = FilaLeida(
        [
            _en(None, 30, 35),
            _en(None, 60, 125),
            _en("Cumplimiento", 135, 160),
            _en("Efectividad", 162, 188),
            _en("Estado", 190, 215),
            _en(None, 230, 290),
            _en(None, 300, 320),
        ],
        tabla=2,
        pagina=1,
    )
    datos = FilaLeida(
        [
            _en("1", 30, 34),
            _en("Conciliar cada mes", 60, 125),
            _en("Si", 135, 145),
            _en("No", 162, 170),
            _en("C", 190, 195),
            _en("Ver acta", 230, 260),
            _en("6", 300, 305),
        ],
        tabla=2,
        pagina=1,
    )
    plan = ensamblar(HojaLeida([arriba, abajo, datos]))
    assert plan is not None
    assert plan.columnas_desconocidas == []
    celdas = {k: c.texto for k, c in plan.filas[0].celdas.items()}
    assert celdas == {
        "numero": "1",
        "accion_mejora": "Conciliar cada mes",
        "cumplimiento": "Si",
        "efectividad": "No",
        "estado_accion": "C",
        "observaciones": "Ver acta",
        "plazo_meses": "6",
    }
