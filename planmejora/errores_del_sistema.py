"""The operating system's reason for a failed file or connection, in Spanish.

Python's `strerror` is English ("Permission denied", "File exists") and ended up inside Spanish
messages; the words live in `vocabulario/errores_del_sistema.toml`.
"""

from __future__ import annotations

import errno
from functools import cache

from extractor.vocabulario import leer_toml


@cache
def _tabla() -> dict[int, str]:
    palabras: dict[str, str] = leer_toml("planmejora.vocabulario", "errores_del_sistema")["errores"]
    return {getattr(errno, nombre): texto for nombre, texto in palabras.items() if hasattr(errno, nombre)}


def causa(error: OSError) -> str:
    """«no hay permiso», «el disco está lleno»…; the system's own words for a code the table lacks."""
    if error.errno is not None and error.errno in _tabla():
        return _tabla()[error.errno]
    return error.strerror or str(error)
