"""The header block read from every layout people use: paragraphs, tabs, tables, Excel cells, page headers."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.encabezado import AJENO, LectorEncabezado, buscar_rotulo, es_titulo_del_formato
from extractor.modelo import Celda, FilaLeida

Texto = str | Celda | None


def linea(texto: str) -> FilaLeida:
    """A paragraph, or a free line of a PDF."""
    return FilaLeida([Celda(texto)])


def fila(*textos: Texto, tabla: int = 0) -> FilaLeida:
    """A table row (Word, PDF) or a sheet row (Excel), one cell per grid column."""
    return FilaLeida([t if isinstance(t, Celda) else Celda(t) for t in textos], tabla=tabla)


def bajo(texto: str) -> Celda:
    """A grid position covered by a vertical merge: the reader repeats the text."""
    return Celda(texto, fusionada=True)


CUBIERTA = Celda(None, fusionada=True)
"""A grid position covered by a horizontal merge: no text of its own."""


def leer(*filas: FilaLeida) -> dict[str, str | None]:
    lector = LectorEncabezado.nuevo()
    for f in filas:
        lector.leer_fila(f)
    return {campo: celda.texto for campo, celda in lector.resultado().items()}


DATOS_GENERALES: dict[str, str | None] = {
    "proceso_auditado": "Gestión Financiera",
    "procedimientos": "GFI-PR001 - Presupuesto",
    "responsables": "Secretario de Hacienda",
    "fecha_suscripcion": "10/02/2023",
}

DISENOS: dict[str, tuple[list[FilaLeida], dict[str, str | None]]] = {
    "párrafos con dos puntos, sin espacio tras ellos": (
        [
            linea("ALCALDIA MUNICIPAL DE CALICA"),
            linea("PROCESO DE GESTION EVALUACION Y MEJORA"),
            linea("FORMATO PLAN DE MEJORAMIENTO"),
            linea("VERSION: 02"),
            linea("FECHA:09/07/2021"),
            linea("CODIGO:GEM-FM014"),
            linea("Proceso Auditado: Gestión Financiera"),
            linea("Procedimientos: GFI-PR001 - Presupuesto"),
            linea("Responsables: Secretario de Hacienda"),
            linea("Fecha de Suscripción: 10/02/2023"),
        ],
        {
            "entidad": "ALCALDIA MUNICIPAL DE CALICA",
            "version": "02",
            "fecha_formato": "09/07/2021",
            "codigo": "GEM-FM014",
            **DATOS_GENERALES,
        },
    ),
    "mayúsculas separadas por tabulador, un rótulo sin valor": (
        [
            linea("ALCALDÍA MUNICIPAL DE TAMBORAL"),
            linea("VERSIÓN\t03"),
            linea("PROCESO AUDITADO\tGestión Financiera"),
            linea("PROCEDIMIENTOS"),
            linea("RESPONSABLES\tSecretario de Hacienda"),
            linea("Fecha Suscripcion\t10/02/2023"),
        ],
        {
            "entidad": "ALCALDÍA MUNICIPAL DE TAMBORAL",
            "version": "03",
            **DATOS_GENERALES,
            "procedimientos": None,
        },
    ),
    "mayúsculas separadas por espacios, sin dos puntos": (
        [
            linea("PROCESO AUDITADO Gestión Financiera"),
            linea("PROCEDIMIENTOS GFI-PR001 - Presupuesto"),
            linea("RESPONSABLES Secretario de Hacienda"),
            linea("FECHA DE SUSCRIPCIÓN 10/02/2023"),
        ],
        DATOS_GENERALES,
    ),
    "tabla rótulo | valor": (
        [
            fila("PROCESO AUDITADO", "Gestión Financiera"),
            fila("PROCEDIMIENTOS", "GFI-PR001 - Presupuesto"),
            fila("RESPONSABLES", "Secretario de Hacienda"),
            fila("FECHA DE SUSCRIPCIÓN", "10/02/2023"),
        ],
        DATOS_GENERALES,
    ),
    "rótulo y valor en la misma celda, uno vacío": (
        [
            fila("PROCESO AUDITADO: Gestión Financiera", CUBIERTA, None),
            fila("PROCEDIMIENTOS:", CUBIERTA, None),
            fila("RESPONSABLES: Secretario de Hacienda", CUBIERTA, None),
            fila("FECHA DE SUSCRIPCIÓN: 10/02/2023", CUBIERTA, None),
        ],
        {**DATOS_GENERALES, "procedimientos": None},
    ),
    "Excel: rótulo y valor en celdas combinadas contiguas, columna vacía delante": (
        [
            fila(None, "Proceso Auditado:", CUBIERTA, "Gestión Financiera", CUBIERTA, CUBIERTA, None),
            fila(None, "Procedimientos:", CUBIERTA, "GFI-PR001 - Presupuesto", CUBIERTA, CUBIERTA, None),
            fila(None, "RESPONSABLES", CUBIERTA, None, None, None, None),
            fila(None, "Fecha de Suscripción:", CUBIERTA, "10/02/2023", CUBIERTA, CUBIERTA, None),
        ],
        {**DATOS_GENERALES, "responsables": None},
    ),
    "bloque de título en tres columnas, entidad combinada a la izquierda": (
        [
            fila("ALCALDÍA DE PUERTO CAMELIAS", "FORMATO PLAN DE MEJORAMIENTO", "CÓDIGO: GEM-FM014"),
            fila(bajo("ALCALDÍA DE PUERTO CAMELIAS"), "PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA", "VERSIÓN: 02"),
            fila(
                bajo("ALCALDÍA DE PUERTO CAMELIAS"),
                bajo("PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA"),
                "FECHA: 09/07/2021",
            ),
        ],
        {
            "entidad": "ALCALDÍA DE PUERTO CAMELIAS",
            "codigo": "GEM-FM014",
            "version": "02",
            "fecha_formato": "09/07/2021",
        },
    ),
    "bloque de título con los títulos en la celda de la entidad": (
        [
            fila(
                "GOBERNACIÓN DEL RÍO GUAVIO\nPROCESO DE GESTION EVALUACION Y MEJORA\nFORMATO PLAN DE MEJORAMIENTO",
                "Código: GEM-FM014",
            ),
            fila(bajo("GOBERNACIÓN DEL RÍO GUAVIO\nPROCESO DE GESTION EVALUACION Y MEJORA"), "Versión: 03"),
        ],
        {"entidad": "GOBERNACIÓN DEL RÍO GUAVIO", "codigo": "GEM-FM014", "version": "03"},
    ),
    "bloque de título con rótulo y valor en celdas separadas": (
        [
            fila("ALCALDÍA DE SAN JACINTO", "FORMATO PLAN DE MEJORAMIENTO", "CÓDIGO", "GEM-FM014"),
            fila(bajo("ALCALDÍA DE SAN JACINTO"), "PROCESO DE EVALUACIÓN Y MEJORA", "VERSIÓN", "02"),
        ],
        {"entidad": "ALCALDÍA DE SAN JACINTO", "codigo": "GEM-FM014", "version": "02"},
    ),
    "fila de rótulos con los valores en la fila de abajo": (
        [
            fila("ALCALDÍA DE SAN JACINTO", "CÓDIGO", "VERSIÓN", "FECHA"),
            fila(bajo("ALCALDÍA DE SAN JACINTO"), "GEM-FM014", "02", "09/07/2021"),
        ],
        {"entidad": "ALCALDÍA DE SAN JACINTO", "codigo": "GEM-FM014", "version": "02", "fecha_formato": "09/07/2021"},
    ),
    "varios rótulos en una línea": (
        [linea("VERSION: 02 FECHA: 09/07/2021 CODIGO: GEM-FM014")],
        {"version": "02", "fecha_formato": "09/07/2021", "codigo": "GEM-FM014"},
    ),
    "varios rótulos en una línea separados por espacios, sin dos puntos": (
        [linea("Código GEM-FM014     Versión 03"), linea("Proceso Auditado: Gestión  Financiera   y Contable")],
        {"codigo": "GEM-FM014", "version": "03", "proceso_auditado": "Gestión Financiera y Contable"},
    ),
    "varios rótulos en una celda, uno por línea": (
        [fila("ALCALDÍA DE CALICA", "CÓDIGO: GEM-FM014\nVERSIÓN: 02\nFECHA: 09/07/2021")],
        {"entidad": "ALCALDÍA DE CALICA", "codigo": "GEM-FM014", "version": "02", "fecha_formato": "09/07/2021"},
    ),
    "rótulo partido en dos renglones por una celda angosta del PDF": (
        [fila("FECHA DE\nSUSCRIPCIÓN", "10/02/2023"), fila("PROCESO\nAUDITADO", "Gestión Financiera")],
        {"fecha_suscripcion": "10/02/2023", "proceso_auditado": "Gestión Financiera"},
    ),
    "entidad y título en una línea, separados por un guion": (
        [fila("ALCALDÍA DE CALICA - FORMATO PLAN DE MEJORAMIENTO", "CÓDIGO: GEM-FM014")],
        {"entidad": "ALCALDÍA DE CALICA", "codigo": "GEM-FM014"},
    ),
    "rótulo con un calificativo antes de los dos puntos": (
        [linea("Responsable del seguimiento: Jefe de Planeación"), linea("Fecha de suscripción del acta: 21/09/2021")],
        {"responsables": "Jefe de Planeación", "fecha_suscripcion": "21/09/2021"},
    ),
    "dos rótulos con (s) en una celda, el primero vacío": (
        [fila("Procedimiento(s):\nResponsable(s): Director de TIC")],
        {"procedimientos": None, "responsables": "Director de TIC"},
    ),
    "tabla del PDF sin líneas entre filas: el rótulo vacío y el siguiente juntos, su valor una fila abajo": (
        [
            fila("Proceso Auditado:", "Gestión de TIC"),
            fila("Procedimiento(s):\nResponsable(s):", None),
            fila(None, "Director de TIC"),
            fila("Fecha de Suscripción:", "15/03/2022"),
        ],
        {
            "proceso_auditado": "Gestión de TIC",
            "procedimientos": None,
            "responsables": "Director de TIC",
            "fecha_suscripcion": "15/03/2022",
        },
    ),
    "rótulo sin valor: el texto de otra columna en la fila siguiente no es su valor": (
        [fila("RESPONSABLES", None, None), fila(None, None, "Vigencia 2022")],
        {"responsables": None},
    ),
    "rótulo combinado sobre varias filas, un valor por fila": (
        [
            fila("PROCEDIMIENTOS", "GTH-PR003 - Vinculación"),
            fila(bajo("PROCEDIMIENTOS"), "GTH-PR007 - Capacitación"),
            fila("RESPONSABLES", "Director de Talento Humano"),
        ],
        {
            "procedimientos": "GTH-PR003 - Vinculación\nGTH-PR007 - Capacitación",
            "responsables": "Director de Talento Humano",
        },
    ),
    "un valor en mayúsculas cuyos renglones empiezan como el rótulo": (
        [fila("PROCEDIMIENTOS: PROCEDIMIENTO DE CONTRATACIÓN\nPROCEDIMIENTO DE PAGOS")],
        {"procedimientos": "PROCEDIMIENTO DE CONTRATACIÓN\nPROCEDIMIENTO DE PAGOS"},
    ),
    "rótulo y valor en renglones de la misma celda": (
        [fila("PROCESO AUDITADO\nGestión Financiera", "RESPONSABLES\nSecretario de Hacienda")],
        {"proceso_auditado": "Gestión Financiera", "responsables": "Secretario de Hacienda"},
    ),
}


@pytest.mark.parametrize(("filas", "esperado"), list(DISENOS.values()), ids=list(DISENOS))
def test_cada_diseno_del_encabezado(filas: list[FilaLeida], esperado: dict[str, str | None]) -> None:
    assert leer(*filas) == esperado


VARIANTES = [
    ("Proceso Auditado: X", "proceso_auditado"),
    ("PROCESO AUDITADO: X", "proceso_auditado"),
    ("Proceso o área auditada: X", "proceso_auditado"),
    ("Proceso: X", "proceso_auditado"),
    ("Procedimiento(s): X", "procedimientos"),
    ("Procedimiento: X", "procedimientos"),
    ("Responsable(s): X", "responsables"),
    ("Responsable del proceso: X", "responsables"),
    ("Líder del proceso: X", "responsables"),
    ("Fecha de suscripción: X", "fecha_suscripcion"),
    ("Fecha Suscripcion: X", "fecha_suscripcion"),
    ("Fecha de Suscripción del Plan: X", "fecha_suscripcion"),
    ("Fecha de Suscrpción: X", "fecha_suscripcion"),
    ("Código: X", "codigo"),
    ("Cod.: X", "codigo"),
    ("Cód. X", "codigo"),
    ("Versión: X", "version"),
    ("Ver. X", "version"),
    ("Fecha: X", "fecha_formato"),
    ("Fecha 09/07/2021", "fecha_formato"),
    ("Fecha de aprobación: X", "fecha_formato"),
    ("Entidad: X", "entidad"),
    ("1. Proceso Auditado: X", "proceso_auditado"),
]


@pytest.mark.parametrize(("texto", "campo"), VARIANTES, ids=[t for t, _ in VARIANTES])
def test_variantes_de_los_rotulos(texto: str, campo: str) -> None:
    hallado = buscar_rotulo(texto)
    assert hallado is not None and hallado[0] == campo


@pytest.mark.parametrize(
    "texto",
    [
        "PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA",
        "Fecha de corte del seguimiento: 30/06/2022",
        "Proceso de contratación directa",
        "FORMATO PLAN DE MEJORAMIENTO",
        "Responsabilidad social",
    ],
)
def test_lo_que_empieza_como_un_rotulo_generico_no_es_un_campo_del_formato(texto: str) -> None:
    hallado = buscar_rotulo(texto)
    assert hallado is None or hallado[0] == AJENO


def test_un_rotulo_sin_valor_nunca_toma_la_linea_de_abajo() -> None:
    filas = [
        linea("ALCALDÍA DE CALICA"),
        linea("PROCEDIMIENTOS:"),
        linea("GFI-PR001 - Presupuesto"),
        linea("RESPONSABLES"),
    ]
    assert leer(*filas) == {"entidad": "ALCALDÍA DE CALICA", "procedimientos": None, "responsables": None}


def test_un_rotulo_sin_valor_no_toma_el_rotulo_vecino_ni_lo_que_no_es_un_valor() -> None:
    assert leer(
        fila("PROCEDIMIENTOS:", None, "RESPONSABLES:", None),
        fila("PROCESO AUDITADO", None, None, "Página 1 de 2"),
        fila("FECHA DE SUSCRIPCIÓN", None, "FORMATO PLAN DE MEJORAMIENTO"),
    ) == {"procedimientos": None, "responsables": None, "proceso_auditado": None, "fecha_suscripcion": None}


def test_una_raya_para_llenar_a_mano_es_un_valor_vacio() -> None:
    assert leer(linea("Proceso Auditado: ____________"), fila("RESPONSABLES", "__________")) == {
        "proceso_auditado": None,
        "responsables": None,
    }


def test_el_encabezado_repetido_en_cada_pagina_no_duplica_valores() -> None:
    pagina = [
        fila("ALCALDÍA DE CALICA\nFORMATO PLAN DE MEJORAMIENTO", "CÓDIGO: GEM-FM014"),
        fila(bajo("ALCALDÍA DE CALICA\nFORMATO PLAN DE MEJORAMIENTO"), "VERSIÓN: 02"),
        fila("PROCESO AUDITADO", "Gestión Financiera", tabla=1),
    ]
    assert leer(*pagina, *pagina) == {
        "entidad": "ALCALDÍA DE CALICA",
        "codigo": "GEM-FM014",
        "version": "02",
        "proceso_auditado": "Gestión Financiera",
    }


def test_el_instructivo_antes_del_formato_nombra_los_campos_pero_no_les_da_valor() -> None:
    instructivo = [
        linea("INSTRUCTIVO PARA DILIGENCIAR EL FORMATO"),
        linea("1. Proceso Auditado: escriba el nombre del proceso al que se le practicó la auditoría."),
        linea("2. Procedimientos: relacione el código y el nombre de los procedimientos auditados."),
        fila("Responsables:", "Indique el cargo de los responsables del proceso.", tabla=0),
        fila("Fecha de Suscripción:", "(Diligencie la fecha en que se firma el plan, dd/mm/aaaa)", tabla=0),
    ]
    formato = [
        linea("ALCALDÍA MUNICIPAL DE CALICA"),
        linea("FORMATO PLAN DE MEJORAMIENTO"),
        linea("Proceso Auditado: Gestión Financiera"),
        linea("Procedimientos: GFI-PR001 - Presupuesto"),
        fila("Responsables:", "Secretario de Hacienda", tabla=1),
        fila("Fecha de Suscripción:", "10/02/2023", tabla=1),
    ]

    leido = leer(*instructivo, *formato)

    assert {campo: leido.get(campo) for campo in DATOS_GENERALES} == DATOS_GENERALES
    assert leido["entidad"] == "ALCALDÍA MUNICIPAL DE CALICA"


def test_solo_el_instructivo_deja_los_campos_sin_valor() -> None:
    leido = leer(linea("Proceso Auditado: escriba aquí el nombre del proceso"), linea("Responsables: debe ir el cargo"))
    assert leido.get("proceso_auditado") is None and leido.get("responsables") is None


def test_proceso_auditado_gana_sobre_el_proceso_del_bloque_de_titulo() -> None:
    assert leer(linea("PROCESO: EVALUACIÓN INDEPENDIENTE"), linea("Proceso Auditado: Gestión Jurídica")) == {
        "proceso_auditado": "Gestión Jurídica"
    }


def test_un_valor_largo_sigue_en_los_renglones_de_su_celda() -> None:
    texto = "Procedimientos: GTH-PR003 - Vinculación\nGTH-PR007 - Plan Institucional de Capacitación"
    assert leer(fila(texto)) == {
        "procedimientos": "GTH-PR003 - Vinculación\nGTH-PR007 - Plan Institucional de Capacitación"
    }


def test_la_entidad_partida_en_renglones_por_una_celda_angosta_se_une() -> None:
    celda = "ALCALDÍA MUNICIPAL DE SAN\nJACINTO DEL CAUCA\nFORMATO PLAN DE MEJORAMIENTO"
    assert leer(fila(celda, "CÓDIGO: GEM-FM014"))["entidad"] == "ALCALDÍA MUNICIPAL DE SAN\nJACINTO DEL CAUCA"


def test_la_entidad_entre_lineas_de_membrete() -> None:
    filas = [
        linea("REPÚBLICA DE COLOMBIA"),
        linea("DEPARTAMENTO DE CUNDINAMARCA"),
        linea("ALCALDÍA MUNICIPAL DE CALICA"),
        linea("NIT 800.100.200-1"),
    ]
    assert leer(*filas) == {"entidad": "ALCALDÍA MUNICIPAL DE CALICA"}


def test_una_entidad_sin_palabra_conocida_en_mayusculas_pero_no_una_frase() -> None:
    assert leer(linea("CORPOAMAZONÍA"), linea("FORMATO PLAN DE MEJORAMIENTO")) == {"entidad": "CORPOAMAZONÍA"}
    introduccion = linea("Se suscribe el presente plan con ocasión de la auditoría interna de 2022.")
    assert leer(introduccion, linea("Código: GEM-FM014")) == {"codigo": "GEM-FM014"}


def test_un_rotulo_ajeno_al_formato_no_da_su_valor_a_nadie() -> None:
    filas = [
        linea("FORMATO PLAN DE MEJORAMIENTO"),
        fila("DEPENDENCIA", "Secretaría de Hacienda"),
        fila("VIGENCIA", "2022"),
        linea("Auditor: JUAN PÉREZ"),
        fila("PROCESO AUDITADO", "Gestión Financiera"),
    ]
    assert leer(*filas) == {"proceso_auditado": "Gestión Financiera"}


def test_el_rotulo_entidad_gana_sobre_las_lineas_sueltas() -> None:
    assert leer(linea("ALCALDÍA MUNICIPAL DE CALICA"), linea("Entidad: Secretaría de Hacienda de Calica")) == {
        "entidad": "Secretaría de Hacienda de Calica"
    }


def test_sin_una_linea_que_nombre_la_entidad_no_se_inventa() -> None:
    assert leer(linea("FORMATO PLAN DE MEJORAMIENTO"), linea("Página 1 de 3"), linea("Código: GEM-FM014")) == {
        "codigo": "GEM-FM014"
    }


def test_la_fecha_que_excel_guardo_como_fecha_se_conserva() -> None:
    guardada = Celda("20/01/2022", valor=dt.date(2022, 1, 20), formato="dd/mm/yyyy")
    lector = LectorEncabezado.nuevo()
    lector.leer_fila(fila("Fecha de Suscripción:", CUBIERTA, guardada))
    celda = lector.resultado()["fecha_suscripcion"]
    assert (celda.texto, celda.valor, celda.formato) == ("20/01/2022", dt.date(2022, 1, 20), "dd/mm/yyyy")


def test_cuenta_los_rotulos_aunque_esten_vacios() -> None:
    lector = LectorEncabezado.nuevo()
    for f in [fila("CÓDIGO", "VERSIÓN", "FECHA"), linea("PROCESO AUDITADO:")]:
        lector.leer_fila(f)
    assert lector.cuantos_rotulos() == 4


@pytest.mark.parametrize(
    ("texto", "es_titulo"),
    [
        ("FORMATO PLAN DE MEJORAMIENTO", True),
        ("PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA", True),
        ("Proceso de Gestion Evaluacion y Mejora", True),
        ("ALCALDÍA MUNICIPAL DE CALICA", False),
        ("Proceso de Gestión Financiera", False),
    ],
)
def test_titulos_del_formato(texto: str, es_titulo: bool) -> None:
    assert es_titulo_del_formato(texto) is es_titulo
