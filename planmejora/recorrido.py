"""Which files under the folders given are read, and why each of the others is not: none is left out in silence.

Office lock files, temporaries, hidden files and hidden folders are passing traces of the
programs that write the copies: they are left out quietly, as documented. Every other file
is read, or named with the reason it is not (a note, a mail, a ZIP); a folder that cannot be
opened is named too, because the copies inside it were not read.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.formatos import EXTENSIONES, tiene_marca
from planmejora.errores_del_sistema import causa

DE_PASO = ("~$*", ".~lock.*#", "*.tmp", "*.crdownload", "*.part", ".*")
"""Office lock files, downloads and copies in progress, hidden files: never someone's copy of the form."""


@dataclass(frozen=True, slots=True)
class Ignorado:
    """A file that is not read (or a folder that could not be opened), and why, in Spanish."""

    ruta: Path
    motivo: str


@dataclass(slots=True)
class Recorrido:
    """The files to read, in a stable order; the files found and not read; the folders that could not be opened."""

    archivos: list[Path] = field(default_factory=list)
    ignorados: list[Ignorado] = field(default_factory=list)
    carpetas_ilegibles: list[Ignorado] = field(default_factory=list)


def es_de_paso(ruta: Path) -> bool:
    return any(fnmatch.fnmatch(ruta.name, patron) for patron in DE_PASO)


def motivo_para_ignorar(ruta: Path) -> str | None:
    """Why a file found in a folder is not read; None when it may be a copy of the form.

    A file without extension is opened to look at its first bytes: a PDF saved as `plan` is a PDF.
    """
    extension = ruta.suffix.lower()
    if extension in EXTENSIONES:
        return None
    if extension:
        return f"no es un documento que planmejora lea (archivo «{extension}»)"
    try:
        with ruta.open("rb") as archivo:
            if tiene_marca(archivo.read(2048)):
                return None
    except OSError as error:
        return f"no se pudo abrir para ver qué es: {causa(error)}"
    return "no tiene extensión y su contenido no es un PDF, un documento, una hoja de cálculo ni una imagen"


def es_copia_candidata(ruta: Path) -> bool:
    """A file that may be a copy of the form: not a passing trace, and of a kind we read."""
    return not es_de_paso(ruta) and motivo_para_ignorar(ruta) is None


def recorrer(rutas: Iterable[str | Path]) -> Recorrido:
    """Files given by name (always read: reading says what is wrong with them), and everything under the folders."""
    recorrido = Recorrido()
    for ruta in map(Path, rutas):
        if ruta.is_dir():
            _recorrer_carpeta(ruta, recorrido)
        else:
            recorrido.archivos.append(ruta)
    return recorrido


def _recorrer_carpeta(carpeta: Path, recorrido: Recorrido) -> None:
    def no_se_abre(error: OSError) -> None:
        donde = Path(error.filename) if error.filename else carpeta
        motivo = f"no se pudo abrir la carpeta: {causa(error)}; sus archivos no se leyeron"
        recorrido.carpetas_ilegibles.append(Ignorado(donde, motivo))

    encontrados: list[Path] = []
    for raiz, carpetas, archivos in os.walk(carpeta, onerror=no_se_abre):
        carpetas[:] = [c for c in carpetas if not c.startswith(".")]
        encontrados.extend(Path(raiz) / nombre for nombre in archivos)
    for ruta in sorted(encontrados, key=lambda p: p.as_posix()):
        if es_de_paso(ruta) or not ruta.is_file():
            continue
        motivo = motivo_para_ignorar(ruta)
        if motivo is None:
            recorrido.archivos.append(ruta)
        else:
            recorrido.ignorados.append(Ignorado(ruta, motivo))
