"""Dates as Colombian offices type them, read day-first by a small tokenizer.

The text is cut into number and word tokens; words are months (vocabulario/meses*.toml),
weekdays, the connectors `de`/`del` or an ordinal mark (`1o.`), anything else makes the
date unreadable. What lies between two tokens is their separator. The order of number (n)
and month-word (m) tokens decides the reading: `nnn` day/month/year (year/month/day when
the first has four digits), `nmn` day-month-year, `mn` month-year, `nn` month/year with a
four-digit year, `mnn` month-day-year (English order), a lone five-digit Excel serial.

`ok` is a normal way to write a date: after trimming the ends, a Spanish month word, the
separators `/ - .` between numbers (the same one twice), and `- / . de del` or a space
(after an optional abbreviation dot) around a month word. Any repair makes it `corregida`
and says which: English month, missing separator (`21sept-21`), ordinal (`1o.`), a month
misspelt or cut, doubled spaces or line breaks, mixed or stray punctuation, a time of day,
an Excel serial, a year before its month. Impossible values (`31-04-2022`, `13/13/2021`),
tokens that are no day, month or year (`004-21`), a missing year and unknown words are
`invalida`: never turned into some other date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from extractor.modelo import ValorExcel
from normalizacion.modelo import Fecha, Precision
from normalizacion.vocabulario import cargar

_MESES: dict[str, int] = cargar("meses")
_MESES_INGLES: dict[str, int] = cargar("meses_ingles")
_DIAS_SEMANA: dict[str, str] = cargar("dias_semana")
_NOMBRES_COMPLETOS: dict[str, int] = {
    nombre: mes for nombre, mes in (_MESES | _MESES_INGLES).items() if len(nombre) > 4
}
_NOMBRE_MES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
               "octubre", "noviembre", "diciembre")
_CONECTORES = frozenset({"de", "del"})
_ORDINALES = frozenset({"o", "ro", "er", "ero", "vo", "to", "no", "st", "nd", "rd", "th"})

_PLIEGUE = str.maketrans("áéíóúüàèìòùÁÉÍÓÚÜÀÈÌÒÙºª°", "aeiouuaeiouAEIOUUAEIOUoao")
_TOKEN = re.compile(r"(\d+)|([^\W\d_]+)")
_HORA = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?\s*m\.?)?$")
_SERIAL_TEXTO = re.compile(r"\d{5}(?:[.,]\d+)?")
_SEPARADORES_NUMERICOS = frozenset({"/", "-", "."})
_SEPARADORES_MES = frozenset(
    {"-", "/", " ", ".", " de ", " del ", ". ", ".-", "./", ". de ", ". del "}
)
_PUNTUACION = frozenset(" /-.,")

_EPOCA_EXCEL = dt.date(1899, 12, 30)
_SERIAL_MINIMO = 32874  # 1990-01-01
_SERIAL_MAXIMO = 73415  # 2100-12-31


class LecturaFecha(NamedTuple):
    """A date and, when it was repaired or could not be read, why (a Spanish phrase for the message)."""

    fecha: Fecha
    motivo: str | None = None


class _Ilegible(Exception):
    """The text is not a date; the message says why, in Spanish."""


class _Token(NamedTuple):
    tipo: str  # "n" number, "m" month word
    texto: str
    mes: int


def normalizar_fecha(
    raw: str | None, valor_excel: ValorExcel | None = None, formato_excel: str | None = None
) -> LecturaFecha:
    """The date a cell shows: `raw` is the text shown; an Excel cell also gives its stored value and format."""
    if isinstance(valor_excel, dt.date):
        dia = valor_excel.date() if isinstance(valor_excel, dt.datetime) else valor_excel
        precision = _precision_de_formato(formato_excel)
        return LecturaFecha(Fecha(raw, dia.replace(day=1) if precision == "mes" else dia, precision, "ok"))
    if isinstance(valor_excel, int | float) and not isinstance(valor_excel, bool):
        serial = _desde_serial(float(valor_excel))
        if serial is not None:
            return LecturaFecha(Fecha(raw, serial, "dia", "corregida"), _MOTIVO_SERIAL)
    if raw is None or not raw.strip():
        return LecturaFecha(Fecha(raw if raw else None, None, None, "vacia"))
    return _leer_texto(raw)


_MOTIVO_SERIAL = "venía como número de serie de Excel, sin formato de fecha"


def _precision_de_formato(formato: str | None) -> Precision:
    """`mmm-yy` or `mmmm yyyy` show no day: the writer meant a month."""
    if not formato:
        return "dia"
    codigos = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", formato.split(";", 1)[0]).lower()
    return "dia" if "d" in codigos or not ("m" in codigos or "y" in codigos) else "mes"


def _desde_serial(numero: float) -> dt.date | None:
    if not _SERIAL_MINIMO <= numero <= _SERIAL_MAXIMO:
        return None
    return _EPOCA_EXCEL + dt.timedelta(days=int(numero))


@lru_cache(maxsize=65536)
def _leer_texto(raw: str) -> LecturaFecha:
    try:
        valor, precision, reparaciones = _interpretar(raw)
    except _Ilegible as error:
        return LecturaFecha(Fecha(raw, None, None, "invalida"), str(error))
    if reparaciones:
        return LecturaFecha(Fecha(raw, valor, precision, "corregida"), "; ".join(dict.fromkeys(reparaciones)))
    return LecturaFecha(Fecha(raw, valor, precision, "ok"))


def _interpretar(raw: str) -> tuple[dt.date, Precision, list[str]]:
    texto = raw.strip()
    reparaciones: list[str] = []
    if any(c in texto for c in "\n\r\t\xa0") or "  " in texto:
        reparaciones.append("tenía espacios o saltos de línea de más")
        texto = " ".join(texto.split())
    texto = texto.translate(_PLIEGUE).lower()
    hora = _HORA.search(texto)
    if hora:
        reparaciones.append("traía una hora, que se descartó")
        texto = texto[: hora.start()]
    if _SERIAL_TEXTO.fullmatch(texto):
        serial = _desde_serial(float(texto.replace(",", ".")))
        if serial is None:
            raise _Ilegible(f"«{texto}» no es una fecha")
        return serial, "dia", [*reparaciones, _MOTIVO_SERIAL]
    tokens, separadores = _tokenizar(texto, reparaciones)
    return _leer_tokens(tokens, separadores, reparaciones)


def _tokenizar(texto: str, reparaciones: list[str]) -> tuple[list[_Token], list[str]]:
    """Number and month tokens, and the text between consecutive ones (connectors kept as ` de `)."""
    tokens: list[_Token] = []
    separadores: list[str] = []
    pendiente = ""
    posicion = 0
    for coincidencia in _TOKEN.finditer(texto):
        hueco = texto[posicion : coincidencia.start()]
        posicion = coincidencia.end()
        numero, palabra = coincidencia.group(1), coincidencia.group(2)
        if numero is not None:
            tokens.append(_Token("n", numero, 0))
            separadores.append(pendiente + hueco)
            pendiente = ""
            continue
        if palabra in _CONECTORES:
            pendiente += hueco + palabra
        elif palabra in _ORDINALES and tokens and tokens[-1].tipo == "n" and not hueco and not pendiente:
            reparaciones.append(f"el día llevaba una marca de ordinal («{tokens[-1].texto}{palabra}»)")
        elif palabra in _DIAS_SEMANA:
            if tokens or hueco.strip():
                reparaciones.append("tenía el día de la semana fuera de lugar")
            elif _DIAS_SEMANA[palabra] != "es":
                reparaciones.append("tenía el día de la semana en inglés")
            posicion = _saltar_coma(texto, posicion)
        else:
            tokens.append(_Token("m", palabra, _mes_de_palabra(palabra, reparaciones)))
            separadores.append(pendiente + hueco)
            pendiente = ""
    cola = pendiente + texto[posicion:]
    if separadores and separadores[0].strip():
        reparaciones.append(f"tenía «{separadores[0].strip()}» antes de la fecha")
    if cola.strip():
        reparaciones.append(f"tenía «{cola.strip()}» después de la fecha")
    return tokens, [_normalizar_separador(s) for s in separadores[1:]]


def _saltar_coma(texto: str, posicion: int) -> int:
    """`lunes, 15 de marzo`: the comma and space after a leading weekday belong to it."""
    resto = texto[posicion:]
    return posicion + len(resto) - len(resto.lstrip(", "))


def _normalizar_separador(separador: str) -> str:
    """Connector words are spaced as written; any other letter never reaches here."""
    return re.sub(r"(?<=\S)(de|del)\b", r" \1", separador) if "de" in separador else separador


def _mes_de_palabra(palabra: str, reparaciones: list[str]) -> int:
    if palabra in _MESES:
        return _MESES[palabra]
    if palabra in _MESES_INGLES:
        reparaciones.append(f"el mes estaba en inglés («{palabra}»)")
        return _MESES_INGLES[palabra]
    if len(palabra) >= 3:
        prefijos = {mes for nombre, mes in _NOMBRES_COMPLETOS.items() if nombre.startswith(palabra)}
        if len(prefijos) == 1:
            reparaciones.append(f"el mes estaba abreviado de forma poco usual («{palabra}»)")
            return prefijos.pop()
    if len(palabra) >= 5:
        parecido = process.extractOne(palabra, _NOMBRES_COMPLETOS.keys(), scorer=fuzz.ratio, score_cutoff=80)
        if parecido is not None:
            reparaciones.append(f"el mes estaba mal escrito («{palabra}»)")
            return _NOMBRES_COMPLETOS[parecido[0]]
    raise _Ilegible(f"«{palabra}» no es el nombre de un mes")


def _leer_tokens(
    tokens: list[_Token], separadores: list[str], reparaciones: list[str]
) -> tuple[dt.date, Precision, list[str]]:
    forma = "".join(t.tipo for t in tokens)
    if forma == "nnn":
        a, b, c = tokens
        if len(a.texto) == 4:
            _exigir_separadores_numericos(separadores, reparaciones)
            return _dia(_anio(a), _mes_numero(b), c), "dia", reparaciones
        _exigir_separadores_numericos(separadores, reparaciones)
        return _dia(_anio(c), _mes_numero(b), a), "dia", reparaciones
    if forma == "nmn":
        a, b, c = tokens
        _exigir_separadores_de_mes(separadores, reparaciones)
        if len(a.texto) == 4 and len(c.texto) <= 2:
            reparaciones.append("el año iba antes del mes")
            return _dia(_anio(a), b.mes, c), "dia", reparaciones
        return _dia(_anio(c), b.mes, a), "dia", reparaciones
    if forma == "mnn":
        a, b, c = tokens
        reparaciones.append("el mes iba antes del día")
        return _dia(_anio(c), a.mes, b), "dia", reparaciones
    if forma == "mn":
        _exigir_separadores_de_mes(separadores, reparaciones)
        return dt.date(_anio(tokens[1]), tokens[0].mes, 1), "mes", reparaciones
    if forma == "nm":
        if len(tokens[0].texto) != 4:
            raise _Ilegible("falta el año")
        reparaciones.append("el año iba antes del mes")
        return dt.date(_anio(tokens[0]), tokens[1].mes, 1), "mes", reparaciones
    if forma == "nn":
        return _mes_y_anio(tokens[0], tokens[1], separadores, reparaciones)
    if forma == "n" and len(tokens[0].texto) == 8:
        reparaciones.append("los números del día, el mes y el año venían pegados")
        return _compacta(tokens[0].texto), "dia", reparaciones
    if not tokens:
        raise _Ilegible("no tiene ninguna fecha reconocible")
    if forma.count("m") > 1:
        raise _Ilegible("tiene más de un mes")
    raise _Ilegible("no tiene la forma día, mes y año ni la forma mes y año")


def _mes_y_anio(
    a: _Token, b: _Token, separadores: list[str], reparaciones: list[str]
) -> tuple[dt.date, Precision, list[str]]:
    if len(a.texto) == 4 and len(b.texto) <= 2:
        anio, mes = _anio(a), _mes_numero(b)
    elif len(b.texto) == 4 and len(a.texto) <= 2:
        anio, mes = _anio(b), _mes_numero(a)
    else:
        _exigir_numero(a)
        _exigir_numero(b)
        raise _Ilegible(f"no se sabe si «{a.texto}/{b.texto}» es día y mes sin año, o mes y año")
    _exigir_separadores_numericos(separadores, reparaciones)
    return dt.date(anio, mes, 1), "mes", reparaciones


def _compacta(cifras: str) -> dt.date:
    """`20210921` (year first) or `21092021` (day first), whichever is a real date."""
    for anio, mes, dia in ((cifras[:4], cifras[4:6], cifras[6:]), (cifras[4:], cifras[2:4], cifras[:2])):
        if 1990 <= int(anio) <= 2100:
            try:
                return dt.date(int(anio), int(mes), int(dia))
            except ValueError:
                continue
    raise _Ilegible(f"«{cifras}» no es una fecha")


def _exigir_numero(token: _Token) -> None:
    if len(token.texto) not in (1, 2, 4):
        raise _Ilegible(f"«{token.texto}» no es un día, un mes ni un año")


def _exigir_separadores_numericos(separadores: list[str], reparaciones: list[str]) -> None:
    if any(s not in _SEPARADORES_NUMERICOS for s in separadores) or len(set(separadores)) > 1:
        reparaciones.append(_reparacion_separadores(separadores))


def _exigir_separadores_de_mes(separadores: list[str], reparaciones: list[str]) -> None:
    if any(s not in _SEPARADORES_MES for s in separadores):
        reparaciones.append(_reparacion_separadores(separadores))


def _reparacion_separadores(separadores: list[str]) -> str:
    if any(s == "" for s in separadores):
        return "faltaba un separador entre el día, el mes o el año"
    return "tenía separadores irregulares (" + ", ".join(f"«{s}»" for s in separadores) + ")"


def _anio(token: _Token) -> int:
    if len(token.texto) == 4:
        anio = int(token.texto)
        if anio < 1:
            raise _Ilegible(f"«{token.texto}» no es un año")
        return anio
    if len(token.texto) == 2:
        corto = int(token.texto)
        return 2000 + corto if corto < 70 else 1900 + corto
    raise _Ilegible(f"«{token.texto}» no es un año")


def _mes_numero(token: _Token) -> int:
    _exigir_numero(token)
    if len(token.texto) > 2:
        raise _Ilegible(f"«{token.texto}» no es un mes")
    mes = int(token.texto)
    if not 1 <= mes <= 12:
        raise _Ilegible(f"el mes {mes} no existe")
    return mes


def _dia(anio: int, mes: int, token: _Token) -> dt.date:
    if len(token.texto) > 2:
        raise _Ilegible(f"«{token.texto}» no es un día")
    dia = int(token.texto)
    if not 1 <= dia <= calendar.monthrange(anio, mes)[1]:
        raise _Ilegible(f"el día {dia} no existe en {_NOMBRE_MES[mes - 1]} de {anio}")
    return dt.date(anio, mes, dia)


def estilos_de_mes() -> Iterator[tuple[str, int]]:
    """Every month word the reader knows, with its month: for tests and the benchmark."""
    yield from _MESES.items()
    yield from _MESES_INGLES.items()
