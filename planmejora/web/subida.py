"""An upload, file by file: kept in the storage folder, then loaded by the very ingestion `planmejora ingerir` runs.

Reading a scan can take a minute: the ingestion runs in a worker thread (and each file in its own
killable reader process, with the limits of `ingerir`), so the server keeps answering other people.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.datastructures import UploadFile

from carga.rutas import texto_de_ruta
from extractor.formatos import sha256_de
from planmejora.ingesta import Avance, ingerir
from planmejora.web import almacen
from planmejora.web.consultas import CargaDeDocumento, cargas_de
from planmejora.web.servicio import Servicio


@dataclass(frozen=True, slots=True)
class ResultadoArchivo:
    """What became of one uploaded file: `cargado`, `ya_estaba`, `error` or `repetido` (twice in one upload)."""

    nombre: str
    resultado: str
    mensaje: str | None = None
    carga: CargaDeDocumento | None = None


def guardar_subidos(servicio: Servicio, subidos: list[UploadFile]) -> list[tuple[str, Path]]:
    """Each uploaded file's sanitized name and where it is kept."""
    return [
        (almacen.sanear_nombre(subido.filename), almacen.guardar(servicio.archivos, subido.filename or "", subido.file))
        for subido in subidos
    ]


def cargar_guardados(servicio: Servicio, guardados: list[tuple[str, Path]]) -> list[ResultadoArchivo]:
    """Load the kept files with `ingerir` (ledger, limits, one transaction per file) and say what became of each."""
    rutas = list(dict.fromkeys(ruta for _, ruta in guardados))
    avances: dict[str, Avance] = {}

    def anotar(avance: Avance) -> None:
        avances[avance.archivo] = avance

    ingerir(rutas, servicio.url, workers=1, progreso=anotar, limites=servicio.limites)
    sha256s = {ruta: sha256_de(ruta) for ruta in rutas}
    with servicio.leer() as conexion:
        cargas = cargas_de(conexion, list(sha256s.values()))
    vistos: dict[Path, str] = {}
    resultados: list[ResultadoArchivo] = []
    for nombre, ruta in guardados:
        if ruta in vistos:
            resultados.append(
                ResultadoArchivo(
                    nombre, "repetido", f"Tiene los mismos bytes que «{vistos[ruta]}», de este mismo envío."
                )
            )
            continue
        vistos[ruta] = nombre
        resultados.append(_resultado(nombre, avances.get(texto_de_ruta(ruta)), cargas.get(sha256s[ruta])))
    return resultados


def _resultado(nombre: str, avance: Avance | None, carga: CargaDeDocumento | None) -> ResultadoArchivo:
    if avance is None:
        return ResultadoArchivo(nombre, "error", "No se alcanzó a cargar; vuelva a subirlo.", carga)
    if avance.resultado == "cargado":
        return ResultadoArchivo(nombre, "cargado", None, carga)
    if avance.resultado == "omitido":
        anterior = f" Cuando se cargó dio este error: {avance.mensaje}" if avance.mensaje else ""
        return ResultadoArchivo(
            nombre, "ya_estaba", "Estos mismos bytes ya estaban cargados: no se agregó nada." + anterior, carga
        )
    return ResultadoArchivo(nombre, "error", avance.mensaje, carga)
