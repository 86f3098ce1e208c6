"""Free-text search: accents and case do not matter, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, MetaData, Table, Text, insert, select

from carga.conexion import crear_motor
from planmejora.web.busqueda import contiene

TEXTOS = [
    "Secretaría de PLANEACIÓN",
    "Dirección de Talento Humano",
    "Compañía de seguros",
    "Avance del 40% en el plan_2022",
    "Planeacion estrategica",
]


@pytest.mark.parametrize(
    ("buscado", "encontrados"),
    [
        ("planeacion", {0, 4}),
        ("PLANEACIÓN", {0, 4}),
        ("direccion de  talento", {1}),
        ("compania", {2}),
        ("COMPAÑÍA", {2}),
        ("40%", {3}),
        ("plan_2022", {3}),
        ("plan%2022", set()),
        ("evaluación", set()),
    ],
)
def test_contiene_sin_importar_tildes_ni_mayusculas(url_db: str, buscado: str, encontrados: set[int]) -> None:
    motor = crear_motor(url_db)
    tabla = Table("textos", MetaData(), Column("id", Text), Column("texto", Text))
    with motor.begin() as conexion:
        tabla.create(conexion)
        conexion.execute(insert(tabla), [{"id": str(n), "texto": t} for n, t in enumerate(TEXTOS)])
    with motor.connect() as conexion:
        hallados = conexion.scalars(select(tabla.c.id).where(contiene(tabla.c.texto, buscado))).all()
    motor.dispose()
    assert {int(n) for n in hallados} == encontrados
