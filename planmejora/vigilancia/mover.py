"""Sorting the folder after loading, never deleting: loaded files to procesados/, failed ones to con_errores/.

A person looking at the shared folder sees at once what is still to do and what went wrong, and why
(the reason sits beside the file, `plan.pdf.error.txt`). The subfolders are kept, so two `plan.pdf` from
different offices do not meet; a name already taken gets a suffix, `plan (2).pdf`, and nothing already
there is ever overwritten.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from carga.rutas import texto_de_ruta
from planmejora.vigilancia.registro import en_una_linea

SUFIJO_MOTIVO = ".error.txt"


def _motivo_de(ruta: Path) -> Path:
    return ruta.with_name(ruta.name + SUFIJO_MOTIVO)


def _reservar(deseada: Path, con_motivo: bool) -> Path:
    """Claim the first free name atomically (O_EXCL), so a clash cannot overwrite anything."""
    deseada.parent.mkdir(parents=True, exist_ok=True)
    numero = 1
    while True:
        nombre = deseada if numero == 1 else deseada.with_name(f"{deseada.stem} ({numero}){deseada.suffix}")
        numero += 1
        if con_motivo and _motivo_de(nombre).exists():
            continue
        try:
            os.close(os.open(nombre, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        return nombre


def mover(ruta: Path, carpeta: Path, subcarpeta: str, motivo: str | None = None) -> Path:
    """Move `ruta` (inside `carpeta`) to `carpeta/subcarpeta/`, keeping its relative folder; return where it went.

    With a `motivo`, it is written beside the moved file. Raises OSError if the move is not possible
    (the file is left where it was).
    """
    destino = _reservar(carpeta / subcarpeta / ruta.relative_to(carpeta), con_motivo=motivo is not None)
    try:
        shutil.move(ruta, destino)
    except OSError:
        destino.unlink(missing_ok=True)
        raise
    if motivo is not None:
        momento = datetime.now().astimezone().isoformat(timespec="seconds")
        nota = f"Archivo: {en_una_linea(texto_de_ruta(ruta))}\nFecha: {momento}\nMotivo: {en_una_linea(motivo)}\n"
        _motivo_de(destino).write_text(nota, encoding="utf-8")
    return destino
