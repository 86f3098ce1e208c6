"""Dates as Colombian offices type them, read day-first by a small grammar over tokens.

The text is cut into number and word tokens. Words are months (vocabulario/meses*.toml),
weekdays, the connectors `de`/`del`, an ordinal mark glued to the day (`1o.`), a day in
letters (`quince`), a few words that may precede a date (`del`, `hasta`, `Fecha:`), or words
that join two dates (`a`, `y`): all of it is data (vocabulario/palabras_fecha.toml). What lies
between two tokens is their separator. The order of number (n) and month-word (m) tokens
decides the reading: `nnn` day/month/year (year/month/day when the first has four digits),
`nmn` day-month-year, `mn` month-year (`jun-21`, `mar. 22`), `nn` month/year with a
four-digit year, `mnn` month-day-year (`marzo 15 de 2022`), eight glued digits, a lone
five-digit Excel serial. Two-digit years are 1970–2069.

`ok` is a normal way to write a date: after trimming the ends, a Spanish month word, the
separators `/ - .` between numbers (the same one twice), and `- / . de del` or a space
(after an optional abbreviation dot) around a month word; a leading weekday; `marzo 15 de
2022`. Any repair makes it `corregida` and the reason says which: English month, missing
separator (`21sept-21`), ordinal (`1o.`), day in letters, an unusual or misspelt month,
doubled spaces or line breaks, mixed or stray punctuation, words before the date, a note in
parentheses, a time of day, an Excel serial, a year before its month, a weekday that does not
match. Impossible values (`31-04-2022`, `13/13/2021`), tokens that are no day, month or year
(`004-21`), years outside 1950–2100, a missing year, unknown words, two dates in one cell
(`ene-22 a jun-22`), and what has two readings are `invalida`: never turned into some other
date. Two readings: `03/05` (3 May, or March 2005?), `junio 21` (a full month name, a space
and two digits: the 21st, or 2021?), a misspelt month close to two months (`juino`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from extractor.modelo import ValorExcel
from normalizacion.modelo import Fecha, Precision
from normalizacion.vocabulario import cargar

_MESES: dict[str, int] = cargar("meses")
_MESES_POCO_USUALES: dict[str, int] = cargar("meses", "meses_poco_usuales")
_MESES_INGLES: dict[str, int] = cargar("meses_ingles")
_DIAS_SEMANA: dict[str, int] = cargar("dias_semana")
_DIAS_SEMANA_INGLES: dict[str, int] = cargar("dias_semana", "dias_semana_ingles")
_DIAS_EN_LETRAS: dict[str, int] = cargar("dias_en_letras")
_PALABRAS: dict[str, list[str]] = cargar("palabras_fecha")
_CONECTORES = frozenset(_PALABRAS["conectores"])
_ORDINALES = frozenset(_PALABRAS["ordinales"])
_PREVIAS = frozenset(_PALABRAS["previas"])
_ENLACES = frozenset(_PALABRAS["enlaces"])
_TODOS_LOS_MESES = _MESES | _MESES_POCO_USUALES | _MESES_INGLES
_NOMBRES: dict[str, int] = {nombre: mes for nombre, mes in (_MESES | _MESES_INGLES).items() if len(nombre) >= 4}
_PARECIDO_MINIMO = 80  # one letter missing, doubled or changed in a five-letter name
_VENTAJA_MINIMA = 10
_NOMBRE_MES: dict[int, str] = {mes: nombre for nombre, mes in sorted(_MESES.items(), key=lambda par: len(par[0]))}

_PLIEGUE = str.maketrans("áéíóúüàèìòùÁÉÍÓÚÜÀÈÌÒÙºª°", "aeiouuaeiouAEIOUUAEIOUoao")
_INVISIBLES = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"))
_TOKEN = re.compile(r"([0-9]+)|([^\W\d_]+)")
_MERIDIANO = r"(?:[ap]\.?\s*m\.?|hrs?\.?|h)"
_HORA = re.compile(
    rf"(?:\s+|(?<=[0-9])t)(?:(?:a\s+las\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:[.,]\d+)?)?(?:z|[+-]\d{{2}}:?\d{{2}})?"
    rf"(?:\s*{_MERIDIANO})?|\d{{1,2}}\s*{_MERIDIANO}|a\s+las\s+\d{{1,2}}(?:\s*{_MERIDIANO})?)[\s.,;]*$"
)
_SERIAL_TEXTO = re.compile(r"[0-9]{5}(?:[.,][0-9]+)?")
_DIA_EN_LETRAS = re.compile(r"\b(" + "|".join(sorted(_DIAS_EN_LETRAS, key=len, reverse=True)) + r")\b")
_NUMERO_REPETIDO = re.compile(r"\b([0-9]{1,2})\s*\(\s*\1\s*\)")
_PARENTESIS = re.compile(r"\s*\(([^()]*)\)")
_SEPARADORES_NUMERICOS = frozenset({"/", "-", "."})
_SEPARADORES_MES = frozenset(
    {"-", "/", " ", ".", " de ", " del ", " del año ", ". ", ".-", "./", ". de ", ". del ", ". del año "}
)

_ANIO_MINIMO = 1950
_ANIO_MAXIMO = 2100
_EPOCA_EXCEL = dt.date(1899, 12, 30)
_SERIAL_MINIMO = 32874  # 1990-01-01: a smaller bare number is more likely a code or an amount than a date
_SERIAL_MAXIMO = 73415  # 2100-12-31
_MOTIVO_SERIAL = "venía como número de serie de Excel, sin formato de fecha"


class LecturaFecha(NamedTuple):
    """A date and, when it was repaired or could not be read, why (a Spanish phrase for the message)."""

    fecha: Fecha
    motivo: str | None = None


class _Ilegible(Exception):
    """The text is not one date; the message says why, in Spanish."""


class _Token(NamedTuple):
    tipo: str  # "n" number, "m" month word
    texto: str
    mes: int


class _Lectura(NamedTuple):
    tokens: list[_Token]
    separadores: list[str]
    dia_semana: tuple[str, int] | None


def normalizar_fecha(
    raw: str | None, valor_excel: ValorExcel | None = None, formato_excel: str | None = None
) -> LecturaFecha:
    """The date a cell shows: `raw` is the text shown; an Excel cell also gives its stored value and format."""
    if isinstance(valor_excel, dt.date):
        return _desde_celda_de_fecha(raw, valor_excel, formato_excel)
    if isinstance(valor_excel, int | float) and not isinstance(valor_excel, bool):
        return _desde_numero(raw, valor_excel)
    if raw is None or not raw.strip():
        return LecturaFecha(Fecha(None, None, None, "vacia"))
    return _leer_texto(raw)


def _desde_numero(raw: str | None, numero: int | float) -> LecturaFecha:
    """A number cell: an Excel serial without a date format, or digits typed as a number (`20220315`)."""
    mostrado = raw if raw and raw.strip() else None
    serial = _desde_serial(numero)
    if serial is not None:
        return LecturaFecha(Fecha(mostrado or _como_general(numero), serial, "dia", "corregida"), _MOTIVO_SERIAL)
    if mostrado is None:
        texto = _como_general(numero)
        return LecturaFecha(Fecha(texto, None, None, "invalida"), f"la celda guarda el número {texto}, no una fecha")
    return _leer_texto(mostrado)


def _como_general(numero: int | float) -> str:
    return str(numero) if isinstance(numero, int) else f"{numero:.15g}"


def _desde_celda_de_fecha(raw: str | None, valor: dt.date, formato: str | None) -> LecturaFecha:
    dia = valor.date() if isinstance(valor, dt.datetime) else valor
    if not _ANIO_MINIMO <= dia.year <= _ANIO_MAXIMO:
        motivo = f"la celda de Excel guarda el año {dia.year}, que no puede ser el de un plan de mejoramiento"
        return LecturaFecha(Fecha(raw, None, None, "invalida"), motivo)
    precision = _precision_de_formato(formato)
    if precision is None:
        return LecturaFecha(Fecha(raw, None, None, "invalida"), "la celda de Excel muestra solo una hora, no una fecha")
    return LecturaFecha(Fecha(raw, dia.replace(day=1) if precision == "mes" else dia, precision, "ok"))


def _precision_de_formato(formato: str | None) -> Precision | None:
    """`mmm-yy` or `mmmm yyyy` show no day: the writer meant a month. `h:mm` shows no date at all (None)."""
    if not formato:
        return "dia"
    codigos = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.', "", formato.split(";", 1)[0]).lower()
    if "d" in codigos:
        return "dia"
    if "y" not in codigos and ("h" in codigos or "s" in codigos):
        return None
    return "mes" if "m" in codigos or "y" in codigos else "dia"


def _desde_serial(numero: float) -> dt.date | None:
    if not _SERIAL_MINIMO <= numero <= _SERIAL_MAXIMO:
        return None
    return _EPOCA_EXCEL + dt.timedelta(days=int(numero))


@lru_cache(maxsize=65536)
def _leer_texto(raw: str) -> LecturaFecha:
    reparaciones: list[str] = []
    try:
        valor, precision = _interpretar(raw, reparaciones)
    except _Ilegible as error:
        return LecturaFecha(Fecha(raw, None, None, "invalida"), str(error))
    if reparaciones:
        return LecturaFecha(Fecha(raw, valor, precision, "corregida"), "; ".join(dict.fromkeys(reparaciones)))
    return LecturaFecha(Fecha(raw, valor, precision, "ok"))


def _interpretar(raw: str, reparaciones: list[str]) -> tuple[dt.date, Precision]:
    texto = _limpiar(raw, reparaciones)
    texto = _dias_en_letras(texto, reparaciones)
    texto = _quitar_notas(texto, reparaciones)
    texto = _quitar_hora(texto, reparaciones)
    if _SERIAL_TEXTO.fullmatch(texto):
        serial = _desde_serial(float(texto.replace(",", ".")))
        if serial is None:
            raise _Ilegible(f"«{texto}» no es una fecha")
        reparaciones.append(_MOTIVO_SERIAL)
        return serial, "dia"
    lectura = _tokenizar(texto, reparaciones)
    tokens, separadores = _unir_anio_con_punto(lectura.tokens, lectura.separadores, reparaciones)
    try:
        valor, precision = _leer_tokens(tokens, separadores, reparaciones)
    except _Ilegible:
        if _dos_fechas(tokens, separadores):
            raise _Ilegible("trae más de una fecha; no se sabe cuál vale") from None
        raise
    if lectura.dia_semana is not None:
        _revisar_dia_semana(valor, precision, *lectura.dia_semana, reparaciones)
    return valor, precision


def _limpiar(raw: str, reparaciones: list[str]) -> str:
    """Folded to lower case without accents, on one line."""
    texto = raw.strip()
    colapsado = " ".join(texto.translate(_INVISIBLES).split())
    if colapsado != texto:
        reparaciones.append("tenía espacios, saltos de línea o caracteres invisibles de más")
    return colapsado.translate(_PLIEGUE).lower()


def _quitar_hora(texto: str, reparaciones: list[str]) -> str:
    hora = _HORA.search(texto)
    if hora is None:
        return texto
    reparaciones.append("traía una hora, que se descartó")
    return texto[: hora.start()]


def _dias_en_letras(texto: str, reparaciones: list[str]) -> str:
    """`quince de marzo`, `quince (15) de marzo`, `15 (quince)`: the day as digits, said once."""
    if _DIA_EN_LETRAS.search(texto) is None:
        return texto
    reparaciones.append("el día estaba escrito en letras")
    en_cifras = _DIA_EN_LETRAS.sub(lambda m: str(_DIAS_EN_LETRAS[m.group(1)]), texto)
    return _NUMERO_REPETIDO.sub(r"\1", en_cifras)


def _quitar_notas(texto: str, reparaciones: list[str]) -> str:
    """`30/06/2022 (reprogramada)`: words in parentheses with no number or month are a note, not the date."""
    if "(" not in texto:
        return texto

    def nota(coincidencia: re.Match[str]) -> str:
        dentro = coincidencia.group(1)
        palabras = [m.group(2) for m in _TOKEN.finditer(dentro)]
        if any(p is None or p in _TODOS_LOS_MESES for p in palabras):
            return coincidencia.group(0)
        reparaciones.append(f"tenía una nota entre paréntesis («{dentro.strip()}»)")
        return ""

    return _PARENTESIS.sub(nota, texto)


def _tokenizar(texto: str, reparaciones: list[str]) -> _Lectura:
    """Number and month tokens, and the text between consecutive ones (connectors kept as ` de `)."""
    recorrido = _Recorrido(reparaciones)
    posicion = 0
    for coincidencia in _TOKEN.finditer(texto):
        hueco = texto[posicion : coincidencia.start()]
        posicion = coincidencia.end()
        numero, palabra = coincidencia.group(1), coincidencia.group(2)
        if numero is not None:
            recorrido.token(_Token("n", numero, 0), hueco)
        elif palabra in _DIAS_SEMANA or palabra in _DIAS_SEMANA_INGLES:
            fuera_de_lugar = bool(recorrido.tokens or recorrido.previo.strip() or hueco.strip())
            recorrido.dia_semana = _dia_semana(palabra, fuera_de_lugar, reparaciones)
            posicion = _saltar_coma(texto, posicion)
        else:
            recorrido.palabra(palabra, hueco)
    return recorrido.cerrar(texto[posicion:])


class _Recorrido:
    """The tokens of a date as `_tokenizar` meets them; what is not a token goes before, between or after."""

    __slots__ = ("dia_semana", "pendiente", "previo", "reparaciones", "separadores", "tokens")

    def __init__(self, reparaciones: list[str]) -> None:
        self.reparaciones = reparaciones
        self.tokens: list[_Token] = []
        self.separadores: list[str] = []
        self.previo = ""
        """Text before the first token."""
        self.pendiente = ""
        """Connectors since the last token: part of the next separator, or of the tail."""
        self.dia_semana: tuple[str, int] | None = None

    def token(self, token: _Token, hueco: str) -> None:
        if self.tokens:
            self.separadores.append(self.pendiente + hueco)
        else:
            self.previo += hueco
        self.tokens.append(token)
        self.pendiente = ""

    def palabra(self, palabra: str, hueco: str) -> None:
        """A connector (`de`), an ordinal mark (`1o.`), a word before the date, a range, or else a month."""
        if palabra in _CONECTORES:
            if self.tokens:
                self.pendiente += hueco + palabra
            else:
                self.previo += hueco + palabra
        elif palabra in _ORDINALES and _es_ordinal(self.tokens, hueco, self.pendiente):
            self.reparaciones.append(f"el día llevaba una marca de ordinal («{self.tokens[-1].texto}{palabra}»)")
        elif not self.tokens and palabra in _PREVIAS:
            self.previo += hueco + palabra
        elif self.tokens and palabra in _ENLACES:
            raise _Ilegible(f"es un rango o una lista de fechas (unidas por «{palabra}»), no una sola fecha")
        else:
            self.token(_Token("m", palabra, _mes_de_palabra(palabra, self.reparaciones)), hueco)

    def cerrar(self, resto: str) -> _Lectura:
        cola = self.pendiente + resto
        if self.previo.endswith("/") or cola.startswith("/"):
            raise _Ilegible("le falta una parte: empieza o termina en «/»")
        if self.previo.strip():
            self.reparaciones.append(f"tenía «{self.previo.strip()}» antes de la fecha")
        if cola.strip():
            self.reparaciones.append(f"tenía «{cola.strip()}» después de la fecha")
        return _Lectura(self.tokens, [_normalizar_separador(s) for s in self.separadores], self.dia_semana)


def _dia_semana(palabra: str, fuera_de_lugar: bool, reparaciones: list[str]) -> tuple[str, int]:
    if fuera_de_lugar:
        reparaciones.append("tenía el día de la semana fuera de lugar")
    if palabra in _DIAS_SEMANA:
        return palabra, _DIAS_SEMANA[palabra]
    reparaciones.append("tenía el día de la semana en inglés")
    return palabra, _DIAS_SEMANA_INGLES[palabra]


def _es_ordinal(tokens: list[_Token], hueco: str, pendiente: str) -> bool:
    """`1o`, `1.o`, `2do`: a mark glued to a day number, not a word of its own (`1 o 2` is a list)."""
    pegada = hueco in ("", ".") and not pendiente
    return pegada and bool(tokens) and tokens[-1].tipo == "n" and len(tokens[-1].texto) <= 2


def _saltar_coma(texto: str, posicion: int) -> int:
    """`lunes, 15 de marzo`: the comma and space after a weekday belong to it."""
    resto = texto[posicion:]
    return posicion + len(resto) - len(resto.lstrip(", "))


def _normalizar_separador(separador: str) -> str:
    """Connector words are spaced as written; any other letter never reaches here."""
    return re.sub(r"(?<=\S)(de|del)\b", r" \1", separador) if "de" in separador else separador


def _mes_de_palabra(palabra: str, reparaciones: list[str]) -> int:
    if palabra in _MESES:
        return _MESES[palabra]
    if palabra in _MESES_POCO_USUALES:
        reparaciones.append(f"el mes estaba abreviado de forma poco usual («{palabra}»)")
        return _MESES_POCO_USUALES[palabra]
    if palabra in _MESES_INGLES:
        reparaciones.append(f"el mes estaba en inglés («{palabra}»)")
        return _MESES_INGLES[palabra]
    if len(palabra) >= 3:
        prefijos = {mes for nombre, mes in _NOMBRES.items() if nombre.startswith(palabra)}
        if len(prefijos) == 1:
            reparaciones.append(f"el mes estaba abreviado de forma poco usual («{palabra}»)")
            return prefijos.pop()
    if len(palabra) >= 4:
        mes = _mes_parecido(palabra)
        if mes is not None:
            reparaciones.append(f"el mes estaba mal escrito («{palabra}»)")
            return mes
    raise _Ilegible(f"«{palabra}» no es parte de una fecha")


def _mes_parecido(palabra: str) -> int | None:
    """The month a misspelt word is closest to, when no other month comes near (`juino`: junio or julio?)."""
    puntajes: dict[int, float] = {}
    for nombre, mes in _NOMBRES.items():
        puntajes[mes] = max(puntajes.get(mes, 0.0), fuzz.ratio(palabra, nombre))
    (mes, mejor), (_, segundo) = heapq.nlargest(2, puntajes.items(), key=lambda par: par[1])
    if mejor < _PARECIDO_MINIMO:
        return None
    if mejor - segundo < _VENTAJA_MINIMA:
        raise _Ilegible(f"«{palabra}» se parece a más de un mes")
    return mes


def _unir_anio_con_punto(
    tokens: list[_Token], separadores: list[str], reparaciones: list[str]
) -> tuple[list[_Token], list[str]]:
    """`15/03/2.022`: a year written with a thousands dot, as amounts are."""
    if len(tokens) < 3 or separadores[-1] != ".":
        return tokens, separadores
    mil, resto = tokens[-2], tokens[-1]
    if mil.tipo != "n" or resto.tipo != "n" or len(mil.texto) != 1 or len(resto.texto) != 3:
        return tokens, separadores
    anio = mil.texto + resto.texto
    if not _ANIO_MINIMO <= int(anio) <= _ANIO_MAXIMO:
        return tokens, separadores
    reparaciones.append("el año tenía un punto de miles")
    return [*tokens[:-2], _Token("n", anio, 0)], separadores[:-1]


def _dos_fechas(tokens: list[_Token], separadores: list[str]) -> bool:
    """`15/03/2022 - 30/06/2022`: the tokens split into two readable dates."""
    for corte in range(2, len(tokens) - 1):
        try:
            _leer_tokens(tokens[:corte], separadores[: corte - 1], [])
            _leer_tokens(tokens[corte:], separadores[corte:], [])
        except _Ilegible:
            continue
        return True
    return False


def _revisar_dia_semana(valor: dt.date, precision: Precision, palabra: str, dia: int, reparaciones: list[str]) -> None:
    if precision == "mes":
        reparaciones.append(f"tenía un día de la semana («{palabra}») pero no el día del mes")
    elif valor.isoweekday() != dia:
        reparaciones.append(f"el día de la semana («{palabra}») no coincide con la fecha")


def _leer_tokens(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    """The date the tokens say, read by their shape (`n` a number, `m` a month word: `nmn` is `21 sept 2021`)."""
    forma = "".join(t.tipo for t in tokens)
    lector = _POR_FORMA.get(forma)
    if lector is not None:
        return lector(tokens, separadores, reparaciones)
    if forma == "n" and len(tokens[0].texto) == 8:
        reparaciones.append("los números del día, el mes y el año venían pegados")
        return _compacta(tokens[0].texto), "dia"
    raise _Ilegible(_sin_forma_de_fecha(tokens, forma))


def _numeros(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    """`21/09/2021`, or `2021-09-21` with the year first."""
    a, b, c = tokens
    _exigir_separadores_numericos(separadores, reparaciones)
    if len(a.texto) == 4:
        return _dia(_anio(a), _mes_numero(b), c), "dia"
    return _dia(_anio(c), _mes_numero(b), a), "dia"


def _dia_mes_anio(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    """`21 de septiembre de 2021`, `21sept-21`, or `2021-sep-21` with the year first."""
    a, b, c = tokens
    _exigir_separadores_de_mes(separadores, reparaciones)
    if len(a.texto) == 4 and len(c.texto) <= 2:
        reparaciones.append("el año iba antes del mes")
        return _dia(_anio(a), b.mes, c), "dia"
    return _dia(_anio(c), b.mes, a), "dia"


def _mes_dia_anio(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    """`septiembre 21 de 2021`: usual only with those separators."""
    a, b, c = tokens
    if separadores[0] not in (" ", ". ") or separadores[1] not in (" de ", " del "):
        reparaciones.append("el mes iba antes del día")
    return _dia(_anio(c), a.mes, b), "dia"


def _mes_anio(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    """`ene-22`, `marzo de 2022`."""
    mes, anio = tokens
    if separadores[0] == " " and len(mes.texto) > 4 and len(anio.texto) == 2:
        raise _Ilegible(f"no se sabe si «{mes.texto} {anio.texto}» trae el día o el año")
    _exigir_separadores_de_mes(separadores, reparaciones)
    return dt.date(_anio(anio), mes.mes, 1), "mes"


def _anio_mes(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    """`2022 marzo`: only with a four-digit year."""
    if len(tokens[0].texto) != 4:
        raise _Ilegible("falta el año")
    reparaciones.append("el año iba antes del mes")
    return dt.date(_anio(tokens[0]), tokens[1].mes, 1), "mes"


def _dos_numeros(tokens: list[_Token], separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    return _mes_y_anio(tokens[0], tokens[1], separadores, reparaciones)


_POR_FORMA: dict[str, Callable[[list[_Token], list[str], list[str]], tuple[dt.date, Precision]]] = {
    "nnn": _numeros,
    "nmn": _dia_mes_anio,
    "mnn": _mes_dia_anio,
    "mn": _mes_anio,
    "nm": _anio_mes,
    "nn": _dos_numeros,
}


def _sin_forma_de_fecha(tokens: list[_Token], forma: str) -> str:
    """Why tokens of no known shape are no date."""
    if not tokens:
        return "no tiene ninguna fecha reconocible"
    if forma == "m":
        return "solo trae el mes; falta el año"
    if forma == "n":
        return f"«{tokens[0].texto}» no es una fecha completa"
    if forma.count("m") > 1:
        return "tiene más de un mes"
    return "no tiene la forma día, mes y año ni la forma mes y año"


def _mes_y_anio(a: _Token, b: _Token, separadores: list[str], reparaciones: list[str]) -> tuple[dt.date, Precision]:
    if len(a.texto) == 4 and len(b.texto) <= 2:
        anio, mes = _anio(a), _mes_numero(b)
    elif len(b.texto) == 4 and len(a.texto) <= 2:
        anio, mes = _anio(b), _mes_numero(a)
    else:
        _exigir_numero(a)
        _exigir_numero(b)
        raise _Ilegible(f"no se sabe si «{a.texto}/{b.texto}» es día y mes sin año, o mes y año")
    _exigir_separadores_numericos(separadores, reparaciones)
    return dt.date(anio, mes, 1), "mes"


def _compacta(cifras: str) -> dt.date:
    """`20210921` (year first) or `21092021` (day first), whichever is a real date: never both."""
    for anio, mes, dia in ((cifras[:4], cifras[4:6], cifras[6:]), (cifras[4:], cifras[2:4], cifras[:2])):
        if _ANIO_MINIMO <= int(anio) <= _ANIO_MAXIMO:
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
        if not _ANIO_MINIMO <= anio <= _ANIO_MAXIMO:
            raise _Ilegible(f"el año {token.texto} no puede ser el de un plan de mejoramiento")
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
        raise _Ilegible(f"el día {dia} no existe en {_NOMBRE_MES[mes]} de {anio}")
    return dt.date(anio, mes, dia)


def estilos_de_mes() -> Iterator[tuple[str, int]]:
    """Every month word the reader knows, with its month: for tests and the benchmark."""
    yield from _TODOS_LOS_MESES.items()
