"""Reader of Excel workbooks: each visible sheet becomes one grid of cells that keep their Excel row.

Nothing here knows what a cell means; it only shows what Excel would show
(dates with Spanish month names, numbers as formatted) next to the typed
value Excel stored, so normalization can trust a real date over its text.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import warnings
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl.cell.cell import MergedCell
from openpyxl.formula.translate import Translator, TranslatorError
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.escape import unescape

from extractor.errores import ArchivoIlegible
from extractor.modelo import Celda, FilaLeida, Fuente, HojaLeida, Origen, ValorExcel
from extractor.vocabulario import cargar
from extractor.xlsx_formulas import CalculoDeFormulas, FormulaSinValor

LIMITE_FILAS = 100_000
"""A sheet with more rows holding data than this is refused: no copy of the form is that long."""
LIMITE_COLUMNAS = 1_000
"""A sheet wider than this (in used columns) is refused for the same reason."""
HUECO_FILAS = 5_000
"""Whatever lies below this many consecutive empty rows is stray content, not the form: it is ignored."""
HUECO_COLUMNAS = 100
"""Whatever lies right of this many consecutive empty columns is ignored, like `HUECO_FILAS`."""
UMBRAL_CELDAS_VACIAS = 2 * 1024 * 1024
"""A sheet's XML larger than this (bytes) is stripped of its empty cells before openpyxl reads it."""

_FECHAS_EXCEL = cargar("fechas_excel")
MESES: list[str] = _FECHAS_EXCEL["meses"]
MESES_ABREVIADOS: list[str] = _FECHAS_EXCEL["meses_abreviados"]
DIAS: list[str] = _FECHAS_EXCEL["dias"]
DIAS_ABREVIADOS: list[str] = _FECHAS_EXCEL["dias_abreviados"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CIFRADO = "EncryptionInfo".encode("utf-16-le")
_ZIP = b"PK"
_FORMULA_SIN_VALOR = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*(?:</(?:\w+:)?c>|<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)"
)
_DATOS_DE_HOJA = re.compile(rb"<(?:\w+:)?sheetData\b")
_CELDA = re.compile(rb"<(?:\w+:)?c[\s>/]")
_CELDA_UBICADA = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=")
_CELDA_VACIA = re.compile(rb"<(?:\w+:)?c\s[^>]*?/>|<(?:\w+:)?c\s[^>]*>\s*</(?:\w+:)?c>")
_PIE_O_ENCABEZADO = re.compile(
    rb"<(?:\w+:)?(oddHeader|firstHeader|oddFooter|firstFooter)>(.*?)</(?:\w+:)?\1>", re.DOTALL
)
_PRIMERA_DISTINTA = re.compile(rb"<(?:\w+:)?headerFooter\b[^>]*differentFirst=\"(?:1|true)\"")
_SECCION_IMPRESION = re.compile(r"&[LCR]")
_CODIGO_IMPRESION = re.compile(r'&(?:"[^"]*"|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|\d+|\[[^\]]*\]|[A-Za-z&])')
_CAMPOS_DE_PAGINA = {"&&": "&", "&P": "1", "&p": "1", "&N": "1", "&n": "1"}

Posicion = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Contenido:
    """What a cell shows; `formula` only when its result is unknown (never stored, not computable here)."""

    texto: str | None
    valor: ValorExcel | None
    formato: str | None
    formula: str | None = None


@dataclass(slots=True)
class _Crudo:
    """What only the sheet's XML tells: formulas without a cached value, and the printed header and footer."""

    formulas: dict[Posicion, str]
    encabezado: list[str]
    pie: list[str]


def leer_xlsx(fuente: Fuente) -> list[HojaLeida]:
    """Every visible, non-empty worksheet of the workbook, in sheet order."""
    with _abrir(fuente) as archivo:
        _rechazar_si_no_es_xlsx(archivo)
        libro, crudos = _cargar(archivo)
    formulas = {
        (nombre, *posicion): texto for nombre, crudo in crudos.items() for posicion, texto in crudo.formulas.items()
    }
    calculo = CalculoDeFormulas(libro, formulas)
    hojas: list[HojaLeida] = []
    for hoja in libro.worksheets:
        if hoja.sheet_state != "visible":
            continue
        leida = _leer_hoja(hoja, crudos.get(hoja.title, _Crudo({}, [], [])), calculo)
        if leida.filas:
            hojas.append(leida)
    return hojas


def leer_hoja(hoja: Any) -> HojaLeida:
    """One openpyxl worksheet built by another reader (`extractor.xls`, whose formulas all keep their result),
    read like a sheet of a .xlsx."""
    return _leer_hoja(hoja, _Crudo({}, [], []), CalculoDeFormulas(hoja.parent, {}))


def _abrir(fuente: Fuente) -> IO[bytes]:
    if not isinstance(fuente, Path):
        return fuente
    ruta = fuente
    try:
        return ruta.open("rb")
    except FileNotFoundError as e:
        raise ArchivoIlegible(f"No se encontró el archivo «{ruta.name}».") from e
    except OSError as e:
        raise ArchivoIlegible(f"No se pudo abrir el archivo «{ruta.name}»: {e.strerror or e}.") from e


def _rechazar_si_no_es_xlsx(archivo: IO[bytes]) -> None:
    inicio = archivo.read(8)
    archivo.seek(0)
    if inicio.startswith(_OLE2):
        if _CIFRADO in archivo.read():
            raise ArchivoIlegible("El libro de Excel está protegido con contraseña (cifrado); no se puede leer.")
        raise ArchivoIlegible("El archivo es un libro de Excel antiguo (.xls); guárdelo como .xlsx para poder leerlo.")
    if not inicio.startswith(_ZIP):
        raise ArchivoIlegible("El archivo no es un libro de Excel .xlsx: su contenido no es un paquete de Office.")


def _cargar(archivo: IO[bytes]) -> tuple[Any, dict[str, _Crudo]]:
    """Load with cached formula values, then read from the raw XML what openpyxl drops."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with zipfile.ZipFile(archivo) as paquete:
                fuente = _sin_celdas_vacias(paquete) or archivo
            lector = ExcelReader(fuente, read_only=False, keep_vba=False, data_only=True, keep_links=False)
            lector.read()
            with zipfile.ZipFile(fuente) as paquete:
                partes = set(paquete.namelist())
                crudos = {
                    hoja.name: _leer_crudo(paquete.read(rel.target))
                    for hoja, rel in lector.parser.find_sheets()
                    if rel.target in partes and hoja.state in (None, "visible") and "chartsheet" not in rel.Type
                }
    except zipfile.BadZipFile as e:
        raise ArchivoIlegible("El libro de Excel está dañado: el paquete .xlsx no se puede abrir.") from e
    except KeyError as e:
        parte = re.search(r"'([^']+)'", str(e))
        nombre = f" «{parte.group(1)}»" if parte else ""
        raise ArchivoIlegible(f"El libro de Excel está incompleto: le falta la parte interna{nombre}.") from e
    except OSError as e:
        raise ArchivoIlegible(
            "El archivo es un paquete de Office pero no contiene un libro de Excel (¿es un documento de Word?)."
        ) from e
    except (SyntaxError, DefusedXmlException) as e:
        raise ArchivoIlegible("El libro de Excel está dañado: una de sus partes XML no se puede leer.") from e
    except Exception as e:
        raise ArchivoIlegible(
            "No se pudo leer el archivo como libro de Excel .xlsx: está dañado o no es un libro de Excel."
        ) from e
    return lector.wb, crudos


def _sin_celdas_vacias(paquete: zipfile.ZipFile) -> io.BytesIO | None:
    """A copy of the package whose big sheets lost their empty cells, or None when no sheet is big.

    Borders drawn over thousands of rows are stored as empty cells; openpyxl
    would build an object for each (seconds and hundreds of MB for one file).
    """
    grandes = {
        info.filename
        for info in paquete.infolist()
        if info.filename.endswith(".xml") and info.file_size > UMBRAL_CELDAS_VACIAS
    }
    if not grandes:
        return None
    copia = io.BytesIO()
    with zipfile.ZipFile(copia, "w", zipfile.ZIP_STORED) as nueva:
        for info in paquete.infolist():
            datos = paquete.read(info)
            nueva.writestr(info, _adelgazar(datos) if info.filename in grandes else datos)
    copia.seek(0)
    return copia


def _adelgazar(xml: bytes) -> bytes:
    """Without its empty cells, when every cell says where it is (else removing one would shift the next)."""
    if not _DATOS_DE_HOJA.search(xml) or len(_CELDA.findall(xml)) != len(_CELDA_UBICADA.findall(xml)):
        return xml
    return _CELDA_VACIA.sub(b"", xml)


def _leer_crudo(xml: bytes) -> _Crudo:
    encabezado: list[str] = []
    pie: list[str] = []
    partes = {m.group(1): m.group(2) for m in _PIE_O_ENCABEZADO.finditer(xml)}
    primera = b"first" if _PRIMERA_DISTINTA.search(xml) else b"odd"
    encabezado.extend(_lineas_impresion(partes.get(primera + b"Header")))
    pie.extend(_lineas_impresion(partes.get(primera + b"Footer")))
    return _Crudo(_formulas_sin_valor(xml), encabezado, pie)


def _lineas_impresion(xml: bytes | None) -> list[str]:
    """The printed header or footer as lines, without Excel's `&` codes (fonts, page numbers)."""
    if not xml:
        return []
    texto = _limpiar(html.unescape(xml.decode("utf-8", errors="replace"))) or ""
    lineas: list[str] = []
    for seccion in _SECCION_IMPRESION.split(texto):
        limpio = _CODIGO_IMPRESION.sub(_sin_codigo, seccion)
        lineas.extend(linea.strip() for linea in limpio.split("\n") if linea.strip())
    return lineas


def _sin_codigo(codigo: re.Match[str]) -> str:
    """A page field (`&P`, `&N`) prints a number: written as one, so «Página &P de &N» reads as page numbering
    wherever page numbers are recognised, instead of leaving «Página de» to pass for a signer."""
    return _CAMPOS_DE_PAGINA.get(codigo.group(0), "")


def _formulas_sin_valor(xml: bytes) -> dict[Posicion, str]:
    """Formula text of the cells whose result was never computed (files written by programs, not Excel)."""
    if not _FORMULA_SIN_VALOR.search(xml):
        return {}
    formulas: dict[Posicion, str] = {}
    compartidas: dict[str, tuple[str, str]] = {}
    for _, elemento in iterparse(io.BytesIO(xml)):
        etiqueta = _local(elemento.tag)
        if etiqueta == "row":
            elemento.clear()
        if etiqueta != "c":
            continue
        formula = _hijo(elemento, "f")
        referencia = elemento.get("r")
        if formula is None or referencia is None:
            continue
        texto = formula.text
        indice = formula.get("si")
        if formula.get("t") == "shared" and indice is not None:
            if texto:
                compartidas[indice] = (referencia, texto)
            elif indice in compartidas:
                texto = _trasladar(*compartidas[indice], referencia)
        valor = _hijo(elemento, "v")
        if texto and (valor is None or not valor.text):
            formulas[coordinate_to_tuple(referencia)] = f"={texto}"
    return formulas


def _trasladar(origen: str, formula: str, destino: str) -> str | None:
    try:
        return str(Translator(f"={formula}", origin=origen).translate_formula(destino))[1:]
    except TranslatorError:
        return None


def _local(etiqueta: str) -> str:
    return etiqueta.rpartition("}")[2]


def _hijo(elemento: Element, nombre: str) -> Element | None:
    return next((h for h in elemento if _local(h.tag) == nombre), None)


def _leer_hoja(hoja: Any, crudo: _Crudo, calculo: CalculoDeFormulas) -> HojaLeida:
    contenidos = _contenidos(hoja, crudo.formulas, calculo)
    filas = _recortar(sorted({f for f, _ in contenidos}), HUECO_FILAS)
    if len(filas) > LIMITE_FILAS:
        raise ArchivoIlegible(
            f"La hoja «{hoja.title}» tiene más de {LIMITE_FILAS:,} filas con datos".replace(",", ".")
            + "; es demasiado grande para ser una copia del formato."
        )
    if not filas:
        return HojaLeida([], nombre=hoja.title)
    ultima_fila = filas[-1]
    columnas = _recortar(sorted({c for f, c in contenidos if f <= ultima_fila}), HUECO_COLUMNAS)
    primera, ultima = columnas[0], columnas[-1]
    if ultima - primera + 1 > LIMITE_COLUMNAS:
        raise ArchivoIlegible(
            f"La hoja «{hoja.title}» usa más de {LIMITE_COLUMNAS:,} columnas".replace(",", ".")
            + "; es demasiado ancha para ser una copia del formato."
        )
    cubiertas = _cubiertas(hoja, contenidos, filas, primera, ultima)
    resultado = [_fila_impresa(linea, hoja.title) for linea in crudo.encabezado]
    for fila in filas:
        origen = Origen(hoja=hoja.title, fila=fila)
        vacia = Celda(None, origen)
        celdas: list[Celda] = []
        for columna in range(primera, ultima + 1):
            contenido = contenidos.get((fila, columna))
            if contenido is not None:
                celdas.append(_celda(contenido, origen))
            elif (fila, columna) in cubiertas:
                celdas.append(_cubierta(cubiertas[(fila, columna)], origen))
            else:
                celdas.append(vacia)
        resultado.append(FilaLeida(celdas, tabla=0))
    resultado.extend(_fila_impresa(linea, hoja.title) for linea in crudo.pie)
    return HojaLeida(resultado, nombre=hoja.title)


def _fila_impresa(linea: str, hoja: str) -> FilaLeida:
    return FilaLeida([Celda(linea, Origen(hoja=hoja))], tabla=None)


def _contenidos(hoja: Any, formulas: dict[Posicion, str], calculo: CalculoDeFormulas) -> dict[Posicion, _Contenido]:
    """Only the cells that show something; openpyxl keeps the sheet sparse, so this is one pass over them."""
    contenidos: dict[Posicion, _Contenido] = {}
    for posicion, celda in hoja._cells.items():
        if isinstance(celda, MergedCell):
            continue
        formula = formulas.get(posicion)
        if formula is None:
            contenido = _contenido(celda.value, celda.number_format)
        else:
            contenido = _de_formula(calculo, (hoja.title, *posicion), formula, celda.number_format)
        if contenido is not None:
            contenidos[posicion] = contenido
    return contenidos


def _de_formula(
    calculo: CalculoDeFormulas, posicion: tuple[str, int, int], formula: str, formato: str
) -> _Contenido | None:
    """A formula's computed result as if Excel had stored it, or the formula itself marked as unknown."""
    try:
        return _contenido(calculo.valor(posicion), formato)
    except FormulaSinValor:
        return _Contenido(None, None, None, formula)


def _recortar(indices: list[int], hueco: int) -> list[int]:
    """The indices up to the first gap wider than `hueco`."""
    for i in range(1, len(indices)):
        if indices[i] - indices[i - 1] > hueco:
            return indices[:i]
    return indices


def _cubiertas(
    hoja: Any, contenidos: dict[Posicion, _Contenido], filas: list[int], primera: int, ultima: int
) -> dict[Posicion, _Contenido | None]:
    """Grid positions covered by a merged range, with the range's content when they repeat it.

    Only kept rows and columns are visited, so a range spanning a whole
    column costs no more than the rows that hold data.
    """
    cubiertas: dict[Posicion, _Contenido | None] = {}
    for rango in hoja.merged_cells.ranges:
        ancla = (rango.min_row, rango.min_col)
        contenido = contenidos.get(ancla)
        desde, hasta = max(rango.min_col, primera), min(rango.max_col, ultima)
        for fila in filas[bisect_left(filas, rango.min_row) : bisect_right(filas, rango.max_row)]:
            for columna in range(desde, hasta + 1):
                if (fila, columna) != ancla:
                    cubiertas[(fila, columna)] = contenido if columna == rango.min_col else None
    return cubiertas


def _celda(contenido: _Contenido, origen: Origen, fusionada: bool = False) -> Celda:
    return Celda(
        contenido.texto, origen, contenido.valor, contenido.formato, fusionada=fusionada, formula=contenido.formula
    )


def _cubierta(contenido: _Contenido | None, origen: Origen) -> Celda:
    if contenido is None:
        return Celda(None, origen, fusionada=True)
    return _celda(contenido, origen, fusionada=True)


def _contenido(valor: object, formato: str | None) -> _Contenido | None:
    if valor is None:
        return None
    if isinstance(valor, str):
        texto = _limpiar(valor)
        return _Contenido(texto, None, None) if texto is not None else None
    if isinstance(valor, bool):
        return _Contenido("VERDADERO" if valor else "FALSO", valor, formato)
    if isinstance(valor, int | float):
        return _Contenido(_numero(valor, formato or "General"), valor, formato)
    if isinstance(valor, dt.datetime | dt.date):
        return _Contenido(_fecha(valor, formato or ""), valor, formato)
    if isinstance(valor, dt.time):
        return _Contenido(_hora(valor), None, formato)
    if isinstance(valor, dt.timedelta):
        return _Contenido(_duracion(valor), None, formato)
    return _Contenido(str(valor), None, None)


def _limpiar(texto: str) -> str | None:
    """Text as shown: Excel's `_x000D_` escapes decoded, one kind of line break; blank is empty."""
    limpio = unescape(texto).replace("\r\n", "\n").replace("\r", "\n")
    return limpio if limpio.strip() else None


def _seccion(formato: str) -> str:
    """The first section of a number format (the one for positive values), without quoted text or tags."""
    sin_literales = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", formato)
    return sin_literales.split(";", 1)[0]


def _numero(valor: int | float, formato: str) -> str:
    """Decimals and percent as the format asks, rounded half up like Excel; other formats as General."""
    seccion = _seccion(formato)
    if re.search(r"[0#?]", seccion) is None or re.search(r"[eE][+-]|/", seccion):
        return _general(valor)
    decimales = re.search(r"\.([0#?]+)", seccion)
    cifras = decimales.group(1) if decimales else ""
    porcentaje = "%" in seccion
    try:
        exacto = Decimal(_general(valor)) * (100 if porcentaje else 1)
        texto = f"{exacto.quantize(Decimal(1).scaleb(-len(cifras)), rounding=ROUND_HALF_UP):f}"
    except InvalidOperation:
        return _general(valor)
    if cifras and "0" not in cifras:
        texto = texto.rstrip("0").rstrip(".")
    return texto + ("%" if porcentaje else "")


def _general(valor: int | float) -> str:
    if isinstance(valor, float) and valor.is_integer() and abs(valor) < 1e15:
        return str(int(valor))
    return f"{valor:.15g}" if isinstance(valor, float) else str(valor)


_TOKEN_FECHA = re.compile(
    r'"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.|(am/pm|a/p|yyyy|yyy|yy|y|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|e)|(.)',
    re.IGNORECASE | re.DOTALL,
)


def _fecha(valor: dt.datetime | dt.date, formato: str) -> str:
    """Month-name formats as Excel shows them in Spanish; any other date as dd/mm/yyyy, day first.

    The time of day is shown only when the format has one and it is not midnight.
    """
    momento = valor if isinstance(valor, dt.datetime) else dt.datetime(valor.year, valor.month, valor.day)
    tokens = list(_TOKEN_FECHA.finditer(formato.split(";", 1)[0]))
    codigos = {(m.group(3) or "").lower() for m in tokens} - {""}
    if any(c.startswith("mmm") for c in codigos):
        return _con_nombres(momento, tokens)
    con_hora = bool(codigos & {"h", "hh"})
    if con_hora and not any(c[0] in "dye" for c in codigos):
        return _hora(momento.time())
    texto = f"{momento.day:02d}/{momento.month:02d}/{momento.year:04d}"
    return f"{texto} {_hora(momento.time())}" if con_hora and momento.time() != dt.time() else texto


def _con_nombres(momento: dt.datetime, tokens: list[re.Match[str]]) -> str:
    doce_horas = any((m.group(3) or "").lower() in ("am/pm", "a/p") for m in tokens)
    partes: list[str] = []
    anterior = ""
    for i, m in enumerate(tokens):
        literal, escapado, codigo, otro = m.group(1), m.group(2), (m.group(3) or "").lower(), m.group(4)
        if literal is not None or escapado is not None:
            partes.append(literal if literal is not None else escapado)
            continue
        if not codigo:
            partes.append(otro or "")
            continue
        siguiente = next(((t.group(3) or "").lower() for t in tokens[i + 1 :] if t.group(3)), "")
        es_minuto = codigo in ("m", "mm") and (anterior in ("h", "hh") or siguiente in ("s", "ss"))
        partes.append(_pieza(codigo, momento, doce_horas, es_minuto))
        anterior = codigo
    return "".join(partes)


def _pieza(codigo: str, momento: dt.datetime, doce_horas: bool, es_minuto: bool) -> str:
    """One code of an Excel date format as Excel shows it in Spanish; `m`/`mm` are minutes next to hours."""
    if codigo in ("m", "mm"):
        numero = momento.minute if es_minuto else momento.month
    elif codigo in ("h", "hh"):
        numero = momento.hour % 12 or 12 if doce_horas else momento.hour
    else:
        return _PIEZAS[codigo](momento)
    return f"{numero:02d}" if len(codigo) == 2 else str(numero)


_PIEZAS: dict[str, Callable[[dt.datetime], str]] = {
    "yyyy": lambda m: f"{m.year:04d}",
    "yyy": lambda m: f"{m.year:04d}",
    "e": lambda m: f"{m.year:04d}",
    "yy": lambda m: f"{m.year % 100:02d}",
    "y": lambda m: f"{m.year % 100:02d}",
    "mmmmm": lambda m: MESES[m.month - 1][0],
    "mmmm": lambda m: MESES[m.month - 1],
    "mmm": lambda m: MESES_ABREVIADOS[m.month - 1],
    "dddd": lambda m: DIAS[m.weekday()],
    "ddd": lambda m: DIAS_ABREVIADOS[m.weekday()],
    "dd": lambda m: f"{m.day:02d}",
    "d": lambda m: str(m.day),
    "ss": lambda m: f"{m.second:02d}",
    "s": lambda m: str(m.second),
    "am/pm": lambda m: "a. m." if m.hour < 12 else "p. m.",
    "a/p": lambda m: "a" if m.hour < 12 else "p",
}
"""The codes that show one part of the moment whatever surrounds them."""


def _hora(momento: dt.time) -> str:
    texto = f"{momento.hour:02d}:{momento.minute:02d}"
    return f"{texto}:{momento.second:02d}" if momento.second else texto


def _duracion(duracion: dt.timedelta) -> str:
    minutos = int(duracion.total_seconds()) // 60
    return f"{minutos // 60}:{minutos % 60:02d}"
