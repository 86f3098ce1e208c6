"""Signatures and the `Proyectó:` line, read from every way people lay them out under the table."""

from __future__ import annotations

import pytest

from extractor.modelo import Celda, FilaLeida
from extractor.pie import LectorPie, empieza_pie, es_marca_de_firmas

Firma = tuple[str, str | None]


def linea(texto: str) -> FilaLeida:
    return FilaLeida([Celda(texto)])


def fila(*textos: str | None, tabla: int = 3) -> FilaLeida:
    return FilaLeida([Celda(t) for t in textos], tabla=tabla)


def en_pdf(*cajas: tuple[str, float, float]) -> FilaLeida:
    """A PDF line with blocks of text where the page put them (x0, x1): centred text moves."""
    return FilaLeida([Celda(texto, caja=(x0, x1)) for texto, x0, x1 in cajas])


def leer(*filas: FilaLeida, ignorar: frozenset[str] = frozenset()) -> tuple[list[Firma], str | None]:
    pie = LectorPie(ignorar=set(ignorar))
    for f in filas:
        pie.leer_fila(f)
    proyecto = pie.proyecto
    return [(f.nombre, f.cargo) for f in pie.firmas()], proyecto.texto if proyecto else None


DOS_FIRMAS: list[Firma] = [("JUAN PÉREZ GÓMEZ", "Secretario de Hacienda"), ("MARÍA LÓPEZ RUIZ", "Tesorera General")]

DISENOS: dict[str, tuple[list[FilaLeida], list[Firma], str | None]] = {
    "lado a lado, separadas por tabulador, y Proyectó": (
        [
            linea("Firma Responsables:"),
            linea("JUAN PÉREZ GÓMEZ\tMARÍA LÓPEZ RUIZ"),
            linea("Secretario de Hacienda\tTesorera General"),
            linea("Proyectó: Javier Lamprea – Profesional de apoyo"),
        ],
        DOS_FIRMAS,
        "Javier Lamprea – Profesional de apoyo",
    ),
    "lado a lado, nombre y cargo en una celda separados por un salto de línea": (
        [fila("JUAN PÉREZ GÓMEZ\nSecretario de Hacienda", "MARÍA LÓPEZ RUIZ\nTesorera General")],
        DOS_FIRMAS,
        None,
    ),
    "lado a lado con la línea para firmar encima del nombre": (
        [
            fila(
                "______________\nJUAN PÉREZ GÓMEZ\nSecretario de Hacienda",
                "______________\nMARÍA LÓPEZ RUIZ\nTesorera General",
            )
        ],
        DOS_FIRMAS,
        None,
    ),
    "Excel: nombres en una fila y cargos en la siguiente, con columnas vacías": (
        [
            fila("Firma Responsables:", None, None, None, None, None, tabla=0),
            fila(None, "JUAN PÉREZ GÓMEZ", None, None, "MARÍA LÓPEZ RUIZ", None, tabla=0),
            fila(None, "Secretario de Hacienda", None, None, "Tesorera General", None, tabla=0),
            fila("Proyectó: Luis Prada – Profesional de Control Interno", None, None, None, None, None, tabla=0),
        ],
        DOS_FIRMAS,
        "Luis Prada – Profesional de Control Interno",
    ),
    "PDF: texto centrado, el cargo no empieza donde el nombre": (
        [
            en_pdf(("JUAN PÉREZ GÓMEZ", 100, 260), ("MARÍA LÓPEZ RUIZ", 420, 570)),
            en_pdf(("Secretario de Hacienda", 95, 265), ("Tesorera General", 440, 550)),
        ],
        DOS_FIRMAS,
        None,
    ),
    "una debajo de otra": (
        [
            linea("Ing. CESAR AUGUSTO CRUZ"),
            linea("Secretario de Planeación"),
            linea("LUZ-ANDREA HERNÁNDEZ"),
            linea("Directora de Planeación Estratégica"),
        ],
        [
            ("Ing. CESAR AUGUSTO CRUZ", "Secretario de Planeación"),
            ("LUZ-ANDREA HERNÁNDEZ", "Directora de Planeación Estratégica"),
        ],
        None,
    ),
    "líneas de Firma con raya para llenar": (
        [
            linea("Firma: ______________    Firma: ______________"),
            linea("JUAN PÉREZ GÓMEZ\tMARÍA LÓPEZ RUIZ"),
            linea("Secretario de Hacienda\tTesorera General"),
        ],
        DOS_FIRMAS,
        None,
    ),
    "cargo tras un guion o una coma en la misma línea": (
        [linea("JUAN PÉREZ GÓMEZ – Secretario de Hacienda"), linea("María López Ruiz, Tesorera General")],
        [("JUAN PÉREZ GÓMEZ", "Secretario de Hacienda"), ("María López Ruiz", "Tesorera General")],
        None,
    ),
    "Aprobó y Revisó presentan a quien firma; Proyecto sin tilde": (
        [
            linea("Aprobó: JUAN PÉREZ GÓMEZ - Secretario de Hacienda"),
            linea("Revisó: MARÍA LÓPEZ RUIZ"),
            linea("Tesorera General"),
            linea("Proyecto: Ana Ruiz"),
        ],
        DOS_FIRMAS,
        "Ana Ruiz",
    ),
    "Nombre: y Cargo: rotulados, en una línea o en dos": (
        [
            linea("Nombre: JUAN PÉREZ GÓMEZ    Cargo: Secretario de Hacienda"),
            linea("C.C. 79.123.456"),
            linea("Nombre: María López Ruiz"),
            linea("Cargo: Tesorera General"),
            linea("Fecha: 21/09/2021"),
        ],
        [("JUAN PÉREZ GÓMEZ", "Secretario de Hacienda"), ("María López Ruiz", "Tesorera General")],
        None,
    ),
    "cuadro Elaboró | Revisó | Aprobó": (
        [
            fila("Elaboró", "Revisó", "Aprobó"),
            fila("Firma: ________", "Firma: ________", "Firma: ________"),
            fila("Nombre: Ana Ruiz", "Nombre: JUAN PÉREZ GÓMEZ", "Nombre: MARÍA LÓPEZ RUIZ"),
            fila("Cargo: Contratista", "Cargo: Secretario de Hacienda", "Cargo: Tesorera General"),
        ],
        DOS_FIRMAS,
        "Ana Ruiz – Contratista",
    ),
    "Elaboró/Proyectó en un solo rótulo": (
        [fila("JUAN PÉREZ GÓMEZ\nSecretario de Hacienda"), linea("Elaboró/Proyectó: Ana Ruiz")],
        [DOS_FIRMAS[0]],
        "Ana Ruiz",
    ),
    "Proyectó con el nombre en la celda vecina": (
        [fila("JUAN PÉREZ GÓMEZ\nSecretario de Hacienda"), fila("Proyectó:", "Ana Ruiz – Contratista", tabla=4)],
        [DOS_FIRMAS[0]],
        "Ana Ruiz – Contratista",
    ),
    "Proyectó con el nombre debajo, en la misma celda, y otra firma después": (
        [fila("Proyectó:\nAna Ruiz\nContratista\nRevisó: JUAN PÉREZ GÓMEZ\nSecretario de Hacienda")],
        [DOS_FIRMAS[0]],
        "Ana Ruiz\nContratista",
    ),
    "Proyectó sin nombre": (
        [fila("JUAN PÉREZ GÓMEZ\nSecretario de Hacienda"), linea("Proyectó:")],
        [DOS_FIRMAS[0]],
        None,
    ),
    "cargo partido en dos renglones por una celda angosta": (
        [
            fila(
                "LUZ HERNÁNDEZ TEJEDOR\nDirectora de Planeación\nEstratégica",
                "JUAN PÉREZ GÓMEZ\nJefe Oficina Asesora de\nPlaneación",
            )
        ],
        [
            ("LUZ HERNÁNDEZ TEJEDOR", "Directora de Planeación\nEstratégica"),
            ("JUAN PÉREZ GÓMEZ", "Jefe Oficina Asesora de\nPlaneación"),
        ],
        None,
    ),
    "un rótulo del encabezado como cargo (Responsable del proceso)": (
        [fila("JUAN PÉREZ GÓMEZ", "MARÍA LÓPEZ RUIZ"), fila("Responsable del proceso", "Tesorera General")],
        [("JUAN PÉREZ GÓMEZ", "Responsable del proceso"), ("MARÍA LÓPEZ RUIZ", "Tesorera General")],
        None,
    ),
    "una firma sin cargo seguida de otra": (
        [linea("JUAN PÉREZ GÓMEZ"), linea("MARÍA LÓPEZ RUIZ"), linea("Tesorera General")],
        [("JUAN PÉREZ GÓMEZ", None), ("MARÍA LÓPEZ RUIZ", "Tesorera General")],
        None,
    ),
    "cargo como rótulo de la caja, encima de la línea para firmar": (
        [
            fila("Secretario de Hacienda", "Tesorera General"),
            fila("______________", "______________"),
            fila("JUAN PÉREZ GÓMEZ", "MARÍA LÓPEZ RUIZ"),
        ],
        DOS_FIRMAS,
        None,
    ),
    "nombres en minúsculas, una debajo de otra": (
        [
            linea("Juan Pérez Gómez"),
            linea("Secretario de Hacienda"),
            linea("María López Ruiz"),
            linea("Tesorera General"),
        ],
        [("Juan Pérez Gómez", "Secretario de Hacienda"), ("María López Ruiz", "Tesorera General")],
        None,
    ),
}


@pytest.mark.parametrize(("filas", "firmas", "proyecto"), list(DISENOS.values()), ids=list(DISENOS))
def test_cada_diseno_de_firmas(filas: list[FilaLeida], firmas: list[Firma], proyecto: str | None) -> None:
    assert leer(*filas) == (firmas, proyecto)


def test_proyecto_gana_sobre_elaboro_y_quien_elaboro_firma() -> None:
    firmas, proyecto = leer(linea("Elaboró: Pedro Gómez – Contratista"), linea("Proyectó: Ana Ruiz"))
    assert proyecto == "Ana Ruiz"
    assert firmas == [("Pedro Gómez", "Contratista")]


def test_el_encabezado_repetido_en_otra_pagina_no_es_una_firma() -> None:
    filas = [
        linea("ALCALDÍA MUNICIPAL DE CALICA"),
        linea("FORMATO PLAN DE MEJORAMIENTO"),
        linea("Código: GEM-FM014"),
        linea("Página 2 de 2"),
        fila("JUAN PÉREZ GÓMEZ\nSecretario de Hacienda"),
    ]
    assert leer(*filas, ignorar=frozenset({"alcaldia municipal de calica"})) == ([DOS_FIRMAS[0]], None)


def test_el_cargo_igual_a_una_linea_del_encabezado_se_conserva() -> None:
    """Only a whole row the header already showed is skipped: the signer is usually the Responsable."""
    ignorar = frozenset({"responsables|secretario de hacienda", "responsables", "secretario de hacienda"})
    filas = [fila("JUAN PÉREZ GÓMEZ", "MARÍA LÓPEZ RUIZ"), fila("Secretario de Hacienda", "Tesorera General")]
    assert leer(*filas, ignorar=ignorar) == (DOS_FIRMAS, None)


@pytest.mark.parametrize(
    ("texto", "empieza"),
    [
        ("Firma Responsables:", True),
        ("FIRMAS", True),
        ("Proyectó: Ana Ruiz", True),
        ("Aprobó:", True),
        ("Elaboró", True),
        ("Responsables: Secretario de Hacienda", False),
        ("Código: GEM-FM014", False),
        ("1", False),
        ("JUAN PÉREZ GÓMEZ", False),
        ("firma del supervisor del contrato.", False),
    ],
)
def test_que_abre_el_bloque_de_firmas(texto: str, empieza: bool) -> None:
    assert empieza_pie(linea(texto)) is empieza


@pytest.mark.parametrize(
    ("texto", "es_marca"),
    [("Firma Responsables:", True), ("Firma: ________", True), ("Firmas", True), ("Secretario de Hacienda", False)],
)
def test_marcas_de_firma(texto: str, es_marca: bool) -> None:
    assert es_marca_de_firmas(texto) is es_marca


def test_el_instructivo_impreso_despues_del_formato_no_firma() -> None:
    firmas, proyecto = leer(
        fila("ANDREA SUÁREZ\nGerente", "LUIS MORA\nJefe de Control Interno"),
        linea("Proyectó: Oficina de Control Interno"),
        linea("INSTRUCTIVO DE DILIGENCIAMIENTO"),
        linea("Responsables: indique el cargo de los responsables de ejecutar el plan."),
        fila("Código", "Diligencie el código del formato.", tabla=4),
        linea("JUAN PÉREZ"),
    )
    assert firmas == [("ANDREA SUÁREZ", "Gerente"), ("LUIS MORA", "Jefe de Control Interno")]
    assert proyecto == "Oficina de Control Interno"


def test_una_fila_que_es_instruccion_corta_el_pie_aunque_no_tenga_titulo() -> None:
    firmas, _ = leer(linea("MARÍA ROJAS"), linea("Secretaria de Hacienda"), linea("N° hallazgo: escriba el número"))
    assert firmas == [("MARÍA ROJAS", "Secretaria de Hacienda")]
