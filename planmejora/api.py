"""What a Python user calls: the same jobs as the command line, without it."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from operator import itemgetter
from pathlib import Path

from extractor.aislamiento import Aislados, Caida
from extractor.ajustes import AjustesLectura
from extractor.formatos import identidad_sin_leer, sha256_de
from extractor.lector import leer
from extractor.limites import Limites
from normalizacion import normalizar_documento
from normalizacion.documento import plan_fallido
from normalizacion.modelo import Plan
from planmejora.recorrido import es_copia_candidata, recorrer

log = logging.getLogger(__name__)

__all__ = ["archivos_en", "es_copia_candidata", "extraer", "extraer_aislados", "extraer_archivo"]


def archivos_en(rutas: Iterable[str | Path]) -> list[Path]:
    """Files given by name, and every candidate copy under the folders given, in a stable order.

    `planmejora.recorrido.recorrer` also says which files were found and not read, and why.
    """
    return recorrer(rutas).archivos


def extraer_archivo(
    ruta: str | Path, limites: Limites | None = None, ajustes: AjustesLectura | None = None
) -> list[Plan]:
    """Every plan in one file, normalized; a bad file gives one plan with `error` set, never an exception.

    `ajustes` changes how the file is read (`AjustesLectura`; by default the settings the samples are read with).
    """
    documento = leer(ruta, limites, ajustes=ajustes or AjustesLectura())
    try:
        return normalizar_documento(documento)
    except Exception as error:  # a normalizer bug must not stop the batch; it is logged with its traceback
        log.exception("Error inesperado normalizando %s", documento.archivo)
        mensaje = (
            f"El archivo se leyó, pero sus valores no se pudieron interpretar por un error inesperado "
            f"({type(error).__name__}). Reporte este archivo al equipo de soporte."
        )
        return [plan_fallido(documento, mensaje)]


def extraer(
    rutas: Iterable[str | Path], limites: Limites | None = None, ajustes: AjustesLectura | None = None
) -> Iterator[Plan]:
    """The plans of every file under `rutas`, in order."""
    for ruta in archivos_en(rutas):
        yield from extraer_archivo(ruta, limites, ajustes)


def extraer_aislados(
    rutas: Sequence[Path], limites: Limites | None = None, workers: int = 1, ajustes: AjustesLectura | None = None
) -> Iterator[list[Plan]]:
    """The plans of each file in the order given, each read in a process killed past the time or memory of `limites`.

    What `extraer_archivo` gives, except that a file that hangs a reader or exhausts its memory
    gives one plan with `error` instead of stopping the caller. `workers` processes read at once;
    a file read early waits for those before it, so the order is the caller's whatever finishes first.
    """
    limites = limites or Limites()
    leer_uno = partial(extraer_archivo, limites=limites, ajustes=ajustes)
    leidos: dict[int, list[Plan]] = {}
    siguiente = 0
    for (indice, ruta), resultado in Aislados(workers, limites).procesar(leer_uno, enumerate(rutas), itemgetter(1)):
        leidos[indice] = _plan_caido(ruta, resultado) if isinstance(resultado, Caida) else resultado
        while siguiente in leidos:
            yield leidos.pop(siguiente)
            siguiente += 1


def _plan_caido(ruta: Path, caida: Caida) -> list[Plan]:
    try:
        sha256 = sha256_de(ruta)
    except OSError:
        sha256 = hashlib.sha256(b"").hexdigest()
    tipo, formato = identidad_sin_leer(ruta)
    return [Plan.fallido(str(ruta), sha256, tipo, formato, caida.mensaje)]
