"""Numbers of findings, text, yes/no, state and months cells as people fill them in, read against vocabularies.

A word is looked up by its key: lower case, no accents, punctuation as spaces (`Sí.` is `si`,
`N/A` is `n a`, `Cerrada-C` is `cerrada c`). A cell that is not a known answer as a whole is
still read when it starts with one and goes on with a comment set off by punctuation
(`SI - cumplió`, `No. Ver acta`, `Abierta (en proceso)`), as long as no later part names a
different answer (`No - Si` stays unknown). A yes/no or state cell is never guessed from
free text (`Ver anexo 3`, `Si 100%`): it is unknown, and `valor_desconocido` says so.
A cell of only dashes or dots (`-`, `--`) is blank, as an empty one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

from extractor.modelo import ValorExcel
from normalizacion.modelo import EstadoAccion
from normalizacion.vocabulario import cargar

T = TypeVar("T")

_SI_NO: dict[str, str] = cargar("si_no")
_ESTADOS: dict[str, str] = cargar("estados")
_NUMEROS: dict[str, int] = cargar("numeros")
_UNIDADES_PLAZO: dict[str, int] = cargar("unidades_plazo")
_SIN_RESPUESTA: frozenset[str] = frozenset(cargar("sin_respuesta")["frases"])
_PREFIJOS_NUMERO: frozenset[str] = frozenset(["", *cargar("numeracion")["prefijos"]])
_RESPUESTAS: dict[str, bool | None] = {"si": True, "no": False, "nulo": None}

_NUMERO_CON_ROTULO = re.compile(r"(\D*?)[\s\-.:#]*(\d+(?:\.\d+)*)[.)]?")
_LARGO_ROTULO_Y_NUMERO = 30
"""`Hallazgo No. 1` and its kin are short; a longer cell is a finding's text, not its number."""
_CASILLAS = re.compile("([☐☒☑])")
_MARCADAS = frozenset("☒☑")
_CORTES = re.compile(r"\s+[-–—/]\s+|[–—,;:()\[\]\n]|\.(?:\s|$)")
_TOKEN_PLAZO = re.compile(r"(\d+(?:[.,]\d+)?)|([^\W\d_]+)")
_CONECTOR_NUMEROS = "y"
PLAZO_MAXIMO = 120
"""A plazo over ten years is no plazo in months: most likely a year or a code typed in the wrong cell."""


@dataclass(frozen=True, slots=True)
class Lectura(Generic[T]):
    """A cell's value; `desconocido` when the cell had text that means none of the known values."""

    valor: T | None
    desconocido: bool = False


_NO_ES_TEXTO = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
"""Control characters that are not whitespace, and halves of UTF-16 pairs: no one typed them, and no
database text, XML cell or UTF-8 file may hold them (Excel stores them as `_x0000_`, a PDF as a bad glyph)."""


def texto(crudo: str | None) -> str | None:
    """The contract's text rule: whitespace collapsed, accents and case kept, empty is `None`."""
    if crudo is None:
        return None
    return " ".join(_NO_ES_TEXTO.sub("", crudo).split()) or None


def leer_numero(crudo: str | None) -> str | None:
    """The number of a finding without the label offices write before it: `H-01` is `01`, `Hallazgo No. 1.` is `1`.

    Digits stay as written (`01`, `2.1`), so a finding keeps the same number whether or not its
    row says `Hallazgo`; anything more than a known label and a number is kept as text.
    """
    escrito = texto(crudo)
    if escrito is None:
        return None
    partes = _NUMERO_CON_ROTULO.fullmatch(escrito) if len(escrito) <= _LARGO_ROTULO_Y_NUMERO else None
    if partes is None or clave_de_valor(partes.group(1)) not in _PREFIJOS_NUMERO:
        return escrito
    return partes.group(2)


def clave_de_valor(crudo: str) -> str:
    """Lower case, no accents, punctuation as single spaces: the key the value vocabularies are written in.

    Not `extractor.textos.clave`, the key of labels and titles: a value keeps its marks (`✓`, `✗`) and its
    `No.` is the word no, where a title's `No.` is `numero` and only letters and digits count."""
    letras = (" " if unicodedata.category(c).startswith("P") else c for c in _sin_marcas(crudo.lower()))
    return " ".join("".join(letras).split())


def _sin_marcas(crudo: str) -> str:
    """Accents and emoji variation selectors dropped: `✔️` is `✔`, `Sí` is `Si`."""
    return "".join(c for c in unicodedata.normalize("NFKD", crudo) if unicodedata.category(c) != "Mn")


def _en_blanco(crudo: str) -> bool:
    """Nothing, only dashes and dots, or a drop-down list's `Seleccione…`: a cell left blank."""
    llave = clave_de_valor(crudo)
    return not llave or llave in _SIN_RESPUESTA


def _buscar(tabla: dict[str, str], crudo: str) -> str | None:
    """The table's value for the whole text, or for its first part when the rest is only a comment."""
    entera = tabla.get(clave_de_valor(crudo))
    if entera is not None:
        return entera
    partes = [clave_de_valor(p) for p in _CORTES.split(crudo)]
    partes = [p for p in partes if p]
    if len(partes) < 2 or partes[0] not in tabla:
        return None
    primera = tabla[partes[0]]
    otras = {tabla[p] for p in partes[1:] if p in tabla}
    return primera if otras <= {primera} else None


def _opcion_marcada(crudo: str) -> str:
    """The option whose box is checked when a cell lists several (`Sí ☒ No ☐`, `☐ Abierta ☒ Cerrada`).

    Each box goes with the word after it when the cell starts with a box, else with the word
    before it. Only unchecked boxes (`☐`, `Sí ☐ No ☐`) is a blank answer; anything else with
    boxes but not exactly one checked option is left as it is.
    """
    partes = [p.strip() for p in _CASILLAS.split(crudo.strip())]
    if len(partes) < 3:
        return crudo
    marcas = partes[1::2]
    opciones = partes[2::2] if not partes[0] else partes[0:-1:2]
    marcadas = [o for m, o in zip(marcas, opciones, strict=True) if m in _MARCADAS]
    if not marcadas and (len(marcas) > 1 or not any(opciones)):
        return ""
    return marcadas[0] if len(marcadas) == 1 and marcadas[0] else crudo


def leer_si_no(crudo: str | None, valor_excel: ValorExcel | None = None) -> Lectura[bool]:
    """Cumplimiento and Efectividad: yes is `True`, no is `False`, blank or not applicable is `None`."""
    if isinstance(valor_excel, bool):
        return Lectura(valor_excel)
    if crudo is None or _en_blanco(crudo := _opcion_marcada(crudo)):
        return Lectura(None)
    respuesta = _buscar(_SI_NO, crudo)
    if respuesta is None:
        return Lectura(None, desconocido=True)
    return Lectura(_RESPUESTAS[respuesta])


def leer_estado(crudo: str | None) -> Lectura[EstadoAccion]:
    """Estado de la acción: `abierta`, `cerrada`, or `None` when blank."""
    if crudo is None or _en_blanco(crudo := _opcion_marcada(crudo)):
        return Lectura(None)
    estado = _buscar(_ESTADOS, crudo)
    if estado == "abierta":
        return Lectura("abierta")
    if estado == "cerrada":
        return Lectura("cerrada")
    return Lectura(None, desconocido=True)


def leer_plazo(crudo: str | None, valor_excel: ValorExcel | None = None) -> Lectura[int]:
    """Plazo in whole months: `4`, `4.0`, `4 meses`, `cuatro (4)`, `un año`, or an Excel number.

    The text is cut into quantities, each a number in digits or in words (`treinta y seis`)
    with an optional unit (`meses`, `año`); a quantity without a unit takes the next unit
    written, else the previous one, else months (`un (1) año` is 12, `cuatro meses (4)` is 4).
    Every quantity must give the same whole number of months between 1 and `PLAZO_MAXIMO`.
    """
    if isinstance(valor_excel, int | float) and not isinstance(valor_excel, bool):
        return _meses_validos(valor_excel)
    if valor_excel is not None:
        return Lectura(None, desconocido=True)
    if crudo is None or _en_blanco(crudo):
        return Lectura(None)
    meses = _meses_en_texto(crudo)
    return Lectura(None, desconocido=True) if meses is None else _meses_validos(meses)


def _meses_validos(meses: float) -> Lectura[int]:
    if not 1 <= meses <= PLAZO_MAXIMO or meses != int(meses):
        return Lectura(None, desconocido=True)
    return Lectura(int(meses))


def _meses_en_texto(crudo: str) -> float | None:
    """The months the text states, or `None` when it has an unknown word or its quantities disagree."""
    cantidades: list[float] = []
    unidades: list[int | None] = []
    palabras: list[int] = []
    previo_conector = False
    for coincidencia in _TOKEN_PLAZO.finditer(_sin_marcas(crudo.lower())):
        cifra, palabra = coincidencia.groups()
        if palabra in _NUMEROS:
            if palabras and not previo_conector and _NUMEROS[palabra] >= palabras[-1]:
                return None
            palabras.append(_NUMEROS[palabra])
            previo_conector = False
            continue
        if palabra == _CONECTOR_NUMEROS and palabras and not previo_conector:
            previo_conector = True
            continue
        if previo_conector:
            return None
        if palabras:
            cantidades.append(sum(palabras))
            unidades.append(None)
            palabras = []
        if cifra is not None:
            cantidades.append(float(cifra.replace(",", ".")))
            unidades.append(None)
        elif palabra in _UNIDADES_PLAZO:
            if not cantidades or unidades[-1] is not None:
                return None
            for i in range(len(unidades) - 1, -1, -1):
                if unidades[i] is not None:
                    break
                unidades[i] = _UNIDADES_PLAZO[palabra]
        else:
            return None
    if previo_conector:
        return None
    if palabras:
        cantidades.append(sum(palabras))
        unidades.append(None)
    return _cantidades_en_meses(cantidades, unidades)


def _cantidades_en_meses(cantidades: list[float], unidades: list[int | None]) -> float | None:
    if not cantidades:
        return None
    conocidas = [u for u in unidades if u is not None]
    ultima = conocidas[-1] if conocidas else 1
    meses = {cantidad * (unidad or ultima) for cantidad, unidad in zip(cantidades, unidades, strict=True)}
    return meses.pop() if len(meses) == 1 else None
