"""The watch's log: a person reads it the morning after, so it is in Spanish and never grows without end.

The file gets everything. Standard error gets everything too when someone reads it (a terminal, or the
systemd journal), but only warnings and errors otherwise: cron mails whatever a job prints, and a mail
every night saying all went well teaches people to ignore the one that matters.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

NOMBRE = "planmejora.vigilancia"
TAMANO_MAXIMO = 5 * 1024 * 1024
COPIAS = 5
_NIVELES = {"DEBUG": "DETALLE", "INFO": "INFO", "WARNING": "AVISO", "ERROR": "ERROR", "CRITICAL": "GRAVE"}


class _Formato(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        record.nivel = _NIVELES.get(record.levelname, record.levelname)
        return super().format(record)


def _nivel_en_pantalla() -> int:
    alguien_lee = sys.stderr.isatty() or "JOURNAL_STREAM" in os.environ
    return logging.INFO if alguien_lee else logging.WARNING


def configurar(archivo: Path) -> logging.Logger:
    """Log to `archivo` (rotated at 5 MB, 5 old copies kept) and to standard error; OSError if unwritable."""
    archivo.parent.mkdir(parents=True, exist_ok=True)
    registro = logging.getLogger(NOMBRE)
    registro.setLevel(logging.INFO)
    registro.propagate = False
    for viejo in list(registro.handlers):
        registro.removeHandler(viejo)
        viejo.close()
    en_archivo = RotatingFileHandler(archivo, maxBytes=TAMANO_MAXIMO, backupCount=COPIAS, encoding="utf-8")
    en_archivo.setFormatter(_Formato("%(asctime)s %(nivel)s %(message)s"))
    en_pantalla = logging.StreamHandler(sys.stderr)
    en_pantalla.setLevel(_nivel_en_pantalla())
    en_pantalla.setFormatter(_Formato("%(nivel)s %(message)s"))
    registro.addHandler(en_archivo)
    registro.addHandler(en_pantalla)
    return registro


def registro() -> logging.Logger:
    return logging.getLogger(NOMBRE)
