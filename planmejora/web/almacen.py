"""The storage folder: every uploaded file kept as it came, under a name that cannot escape or deceive.

A file goes to `CARPETA/<sha256>/<name>`: the same bytes uploaded again (under any name) find the
file already there and are not written twice, so the ledger of `ingerir` sees the same path, size
and date and skips them without reading. The name a browser sends is only a suggestion: any folder
part, control character or character a file system or a shell treats specially is replaced.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import BinaryIO

LARGO_MAXIMO = 120
_NO_PERMITIDO = re.compile(r"[^\w .,()+\-]")
_ESPACIOS = re.compile(r"\s+")
_BLOQUE = 1024 * 1024


def sanear_nombre(nombre: str | None) -> str:
    """A plain file name from whatever a browser sent: no folders, no control characters, no leading dot."""
    propio = re.split(r"[/\\]", nombre or "")[-1]
    propio = unicodedata.normalize("NFC", propio)
    propio = "".join(c for c in propio if unicodedata.category(c)[0] != "C")
    propio = _ESPACIOS.sub(" ", _NO_PERMITIDO.sub("_", propio)).strip(" .")
    raiz, punto, extension = propio.rpartition(".")
    if not punto:
        raiz, extension = propio, ""
    extension = extension[:10]
    raiz = raiz[: LARGO_MAXIMO - len(extension) - 1].strip(" .") or "archivo"
    return f"{raiz}.{extension}" if extension else raiz


def guardar(carpeta: Path, nombre: str, origen: BinaryIO) -> Path:
    """Keep the bytes of `origen` in the storage folder and say where; bytes already kept are not written again."""
    temporales = carpeta / ".subiendo"
    temporales.mkdir(parents=True, exist_ok=True)
    resumen = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=temporales, delete=False) as temporal:
        try:
            while bloque := origen.read(_BLOQUE):
                resumen.update(bloque)
                temporal.write(bloque)
        except BaseException:
            os.unlink(temporal.name)
            raise
    destino_carpeta = carpeta / resumen.hexdigest()
    if existentes := sorted(p for p in destino_carpeta.glob("*") if p.is_file()):
        os.unlink(temporal.name)
        return existentes[0]
    destino_carpeta.mkdir(parents=True, exist_ok=True)
    destino = destino_carpeta / sanear_nombre(nombre)
    os.replace(temporal.name, destino)
    return destino
