"""Results of Excel formulas the workbook never stored: a program wrote them and nobody opened the file in Excel.

They are computed with the `formulas` package (a maintained parser and evaluator of Excel
formulas) from what the workbook does store, and from other formulas computed here. A
formula that refers to too much, goes round in a circle, depends on the day it is read
(`HOY()`), uses a function `formulas` lacks, or gives an Excel error has no value: the
caller says so, and its text is never taken for what the cell shows.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.datetime import from_excel, to_excel

Posicion = tuple[str, int, int]
"""Sheet title, row and column of a cell."""
Resultado = str | int | float | bool | dt.datetime

MAX_FORMULAS = 1_000
"""Formulas computed per workbook at most: each costs a few milliseconds to parse, and a plan has a few
dozen (numbers, end dates); the rest of a sheet built from thousands have no value."""
MAX_CELDAS_REFERIDAS = 10_000
"""A formula reading more cells than this (a whole column of a big sheet) is left without a value."""
MAX_PROFUNDIDAD = 100
"""Formulas waiting on formulas further down at most: a longer chain is left without a value."""

_VOLATILES = re.compile(r"\b(?:TODAY|NOW|RAND|RANDBETWEEN|OFFSET|INDIRECT|CELL|INFO)\s*\(", re.IGNORECASE)
_HOJA_Y_RANGO = re.compile(r"^(?:'?(?P<hoja>(?:[^']|'')+?)'?!)?(?P<rango>[^!]+)$")


class FormulaSinValor(Exception):
    """The formula cannot be computed here."""


@dataclass(slots=True)
class CalculoDeFormulas:
    """The formulas without a stored result of one workbook, computed on demand, each once.

    `libro` is the openpyxl workbook loaded with stored values (`data_only`); `formulas`
    holds the text (`=A11+1`) of each cell whose result was never stored.
    """

    libro: Any
    formulas: dict[Posicion, str]
    hechos: dict[Posicion, Resultado | None] = field(default_factory=dict)
    fallidos: set[Posicion] = field(default_factory=set)
    en_curso: list[Posicion] = field(default_factory=list)
    compilados: int = 0

    def valor(self, posicion: Posicion) -> Resultado | None:
        """What the cell would show in Excel (`None` for an empty result); `FormulaSinValor` if it cannot be known."""
        if posicion in self.hechos:
            return self.hechos[posicion]
        if posicion in self.fallidos or posicion in self.en_curso or len(self.en_curso) >= MAX_PROFUNDIDAD:
            raise FormulaSinValor
        self.en_curso.append(posicion)
        try:
            resultado = self._calcular(posicion)
        except FormulaSinValor:
            self.fallidos.add(posicion)
            raise
        finally:
            self.en_curso.pop()
        self.hechos[posicion] = resultado
        return resultado

    def _calcular(self, posicion: Posicion) -> Resultado | None:
        texto = self.formulas[posicion]
        if _VOLATILES.search(texto) or self.compilados >= MAX_FORMULAS:
            raise FormulaSinValor
        self.compilados += 1
        funcion = _compilar(texto)
        entradas = [self._entrada(referencia, posicion[0]) for referencia in funcion.inputs]
        try:
            crudo = funcion(*entradas)
        except Exception as error:
            raise FormulaSinValor from error
        return _resultado(crudo, self.libro[posicion[0]].cell(posicion[1], posicion[2]).number_format)

    def _entrada(self, referencia: str, hoja_propia: str) -> Any:
        """The value of a referred cell, or a 2-D array of values for a range, as `formulas` takes them."""
        import numpy as np

        partes = _HOJA_Y_RANGO.match(referencia)
        if partes is None:
            raise FormulaSinValor
        hoja = self._hoja(partes.group("hoja"), hoja_propia)
        try:
            min_col, min_fila, max_col, max_fila = range_boundaries(partes.group("rango"))
        except ValueError as error:
            raise FormulaSinValor from error
        ultima = self.libro[hoja].max_row
        desde, hasta = min_fila or 1, max_fila or ultima
        if min_col is None or max_col is None or (hasta - desde + 1) * (max_col - min_col + 1) > MAX_CELDAS_REFERIDAS:
            raise FormulaSinValor
        valores = [
            [self._celda((hoja, fila, columna)) for columna in range(min_col, max_col + 1)]
            for fila in range(desde, hasta + 1)
        ]
        if len(valores) == 1 and len(valores[0]) == 1 and ":" not in partes.group("rango"):
            return valores[0][0]
        return np.array(valores, dtype=object)

    def _hoja(self, nombre: str | None, hoja_propia: str) -> str:
        if nombre is None:
            return hoja_propia
        buscado = nombre.replace("''", "'").casefold()
        for titulo in self.libro.sheetnames:
            if titulo.casefold() == buscado:
                return str(titulo)
        raise FormulaSinValor

    def _celda(self, posicion: Posicion) -> Any:
        import schedula

        if posicion in self.formulas:
            calculado = self.valor(posicion)
        else:
            calculado = self.libro[posicion[0]].cell(posicion[1], posicion[2]).value
        if calculado is None:
            return schedula.EMPTY
        if isinstance(calculado, dt.datetime | dt.date | dt.time | dt.timedelta):
            return to_excel(calculado)
        return calculado


def _compilar(texto: str) -> Any:
    """The formula as a function of the cells it refers to (`inputs`, in the order it takes them).

    `formulas` is imported here, when a workbook needs it: its functions load scipy (seconds).
    Its engine logs each failed function with a traceback; here a failure only means "no value".
    """
    import formulas

    logging.getLogger("schedula").setLevel(logging.CRITICAL)

    try:
        return formulas.Parser().ast(texto)[1].compile()
    except Exception as error:
        raise FormulaSinValor from error


def _resultado(crudo: Any, formato: str | None) -> Resultado | None:
    """A plain Python value of what `formulas` returned; a number in a date format is that date."""
    import schedula
    from formulas.tokens.operand import XlError
    from openpyxl.styles.numbers import is_date_format

    valor = _escalar(crudo)
    if isinstance(valor, XlError):
        raise FormulaSinValor
    if valor is schedula.EMPTY or valor == "":
        return None
    if isinstance(valor, str | bool):
        return str(valor) if isinstance(valor, str) else valor
    if not isinstance(valor, int | float) or valor != valor:
        raise FormulaSinValor
    if not (formato and is_date_format(formato)):
        return valor
    try:
        fecha = from_excel(valor)
    except (ValueError, OverflowError) as error:
        raise FormulaSinValor from error
    if not isinstance(fecha, dt.datetime):
        raise FormulaSinValor
    return fecha


def _escalar(crudo: Any) -> Any:
    """One value out of the one-cell arrays and numpy scalars `formulas` returns."""
    valor = crudo
    while hasattr(valor, "item") and not isinstance(valor, str):
        if getattr(valor, "size", 1) != 1:
            raise FormulaSinValor
        valor = valor.item()
    return valor
