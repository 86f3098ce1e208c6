"""Text keys for comparing what people wrote with the vocabularies, whatever the accents or case."""

import re
import unicodedata
from functools import lru_cache

_NUMERAL = re.compile(r"(?:(?<![0-9a-z])(?:n\s*[°º]|no\s*\.|nro\s*\.?|num\s*\.)|#)\s*", re.IGNORECASE)
_NO_ALFANUMERICO = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=8192)
def clave(texto: str) -> str:
    """Lower case, no accents, `N°`/`No.`/`Nº`/`#` as `numero`, punctuation as spaces."""
    texto = _NUMERAL.sub(" numero ", texto)
    sin_tildes = unicodedata.normalize("NFKD", texto)
    sin_tildes = "".join(c for c in sin_tildes if not unicodedata.combining(c))
    return _NO_ALFANUMERICO.sub(" ", sin_tildes.lower()).strip()


def colapsar(texto: str | None) -> str | None:
    """Whitespace collapsed to single spaces; empty text is `None`."""
    if texto is None:
        return None
    limpio = " ".join(texto.split())
    return limpio or None


_RELLENO = re.compile(r"_{2,}|\.{4,}|…{2,}|-{4,}")


def sin_relleno(texto: str) -> str:
    """The text without the blanks printed for a hand to fill in (`Firma: ________`, `.......`)."""
    return _RELLENO.sub(" ", texto)


def tiene_letras(texto: str) -> bool:
    return any(c.isalpha() for c in texto)
