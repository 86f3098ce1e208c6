"""The watch's log: a person reads it the morning after, so it is in Spanish and never grows without end.

The file gets everything. Standard error gets everything too when someone reads it (a terminal, or the
systemd journal), but only warnings and errors otherwise: cron mails whatever a job prints, and a mail
every night saying all went well teaches people to ignore the one that matters.
"""

from __future__ import annotations

import logging
import os
import sys
import unicodedata
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from carga.conexion import enmascarar

NOMBRE = "planmejora.vigilancia"
TAMANO_MAXIMO = 5 * 1024 * 1024
COPIAS = 5
_NIVELES = {"DEBUG": "DETALLE", "INFO": "INFO", "WARNING": "AVISO", "ERROR": "ERROR", "CRITICAL": "GRAVE"}


def en_una_linea(texto: str) -> str:
    """`texto` with every control character or line separator written out (`\\n`), so a file named with a
    newline cannot start a line of its own and pass for an entry of the log; a byte of a name that is not
    UTF-8 is written out too, where it would otherwise break the writing of the entry."""
    return "".join(
        caracter.encode("unicode_escape").decode("ascii") if _corta_la_linea(caracter) else caracter
        for caracter in texto
    )


def _corta_la_linea(caracter: str) -> bool:
    return unicodedata.category(caracter) in ("Cc", "Zl", "Zp", "Cs")


class _Formato(logging.Formatter):
    """Each entry is one line (a traceback, at level DETALLE, follows it) with the level in Spanish, and never
    a secret of the database URLs in `ocultar`, whatever message quoted them."""

    def __init__(self, formato: str, ocultar: Sequence[str]) -> None:
        super().__init__(formato)
        self._ocultar = tuple(ocultar)

    def format(self, record: logging.LogRecord) -> str:
        copia = logging.makeLogRecord(record.__dict__)
        copia.msg = en_una_linea(enmascarar(record.getMessage(), *self._ocultar))
        copia.args = None
        copia.nivel = _NIVELES.get(record.levelname, record.levelname)
        return super().format(copia)


def _nivel_en_pantalla() -> int:
    alguien_lee = sys.stderr.isatty() or "JOURNAL_STREAM" in os.environ
    return logging.INFO if alguien_lee else logging.WARNING


def configurar(archivo: Path, ocultar: Sequence[str] = ()) -> logging.Logger:
    """Log to `archivo` (rotated at 5 MB, 5 old copies kept) and to standard error; OSError if unwritable.

    `ocultar`: database URLs whose secrets no entry may show.
    """
    archivo.parent.mkdir(parents=True, exist_ok=True)
    registro = logging.getLogger(NOMBRE)
    registro.setLevel(logging.INFO)
    registro.propagate = False
    for viejo in list(registro.handlers):
        registro.removeHandler(viejo)
        viejo.close()
    en_archivo = RotatingFileHandler(archivo, maxBytes=TAMANO_MAXIMO, backupCount=COPIAS, encoding="utf-8")
    en_archivo.setFormatter(_Formato("%(asctime)s %(nivel)s %(message)s", ocultar))
    en_pantalla = logging.StreamHandler(sys.stderr)
    en_pantalla.setLevel(_nivel_en_pantalla())
    en_pantalla.setFormatter(_Formato("%(nivel)s %(message)s", ocultar))
    registro.addHandler(en_archivo)
    registro.addHandler(en_pantalla)
    return registro


def registro() -> logging.Logger:
    return logging.getLogger(NOMBRE)
