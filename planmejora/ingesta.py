"""Load copies of the form into a database from Python: what `planmejora ingerir` does, without the command line.

from planmejora.ingesta import ingerir

resumen = ingerir(["archivo/planes"], "sqlite:///planes.db", workers=2)
print(resumen.cargados, "cargados,", resumen.con_error, "con error")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from carga.conexion import ErrorDeBase, describir, escritura_imposible
from carga.eleccion import url_elegida
from carga.esquema import abrir_base
from carga.lote import Avance, Progreso, Resumen
from carga.rutas import texto_de_ruta
from extractor.ajustes import AjustesLectura
from extractor.limites import Limites
from planmejora.lectura import leer_y_guardar
from planmejora.recorrido import recorrer

__all__ = ["Avance", "BaseInaccesible", "ErrorDeBase", "Progreso", "Resumen", "ingerir"]

BaseInaccesible = ErrorDeBase
"""The name of `ErrorDeBase` in 0.1.0, when loading and reporting had an error each: obsolete, kept for that code."""


def ingerir(
    rutas: Iterable[str | Path],
    url_db: str | None = None,
    workers: int = 1,
    reintentar: bool = False,
    progreso: Progreso | None = None,
    limites: Limites | None = None,
    parar: Callable[[], bool] | None = None,
    empezado: Callable[[str], None] | None = None,
    ajustes: AjustesLectura | None = None,
) -> Resumen:
    """Load every copy under `rutas` (files or folders) into `url_db`; already loaded content is skipped.

    `url_db` defaults to the environment variable PLANMEJORA_DB, else `sqlite:///planmejora.db`.
    `reintentar` reads again the files that failed before with the same bytes. `progreso` is
    called once per file. Each file is read in a process that is killed past the time or memory of
    `limites` (by default `Limites()`). `parar` (for example `threading.Event().is_set`) is asked
    before each file is handed to a reader: once it says yes, the files in hand (being read, or read
    and waiting to be written) are finished, no other is started, and the
    run is recorded as `interrumpida` (`Resumen.interrumpida`). `empezado` is told the name of each
    file as a reader takes it, so a long read (OCR) shows which file it is. Files found in the folders that are of
    no kind planmejora reads are named in `Resumen.ignorados` with why; a folder that cannot be opened
    is one of `Resumen.errores`. `ajustes` changes how each file is read (see `extraer_archivo`); content
    already loaded is not read again with them. Raises `ErrorDeBase` when the database cannot be used.
    """
    pedido = [str(ruta) for ruta in rutas]
    limites = limites or Limites()
    motor = abrir_base(url_elegida(url_db))
    try:
        recorrido = recorrer(pedido)
        resumen = leer_y_guardar(
            recorrido.archivos,
            motor,
            None,
            workers,
            reintentar,
            progreso,
            pedido,
            limites,
            parar=parar,
            empezado=empezado,
            ajustes=ajustes,
        )
    except DBAPIError as error:
        if motivo := escritura_imposible(error):
            base = describir(motor)
            mensaje = f"No se puede guardar en la base de datos «{base}»: {motivo}. Lo ya cargado quedó completo."
            raise ErrorDeBase(mensaje, permanente=True) from error
        raise
    finally:
        motor.dispose()
    resumen.ignorados = [(texto_de_ruta(i.ruta), i.motivo) for i in recorrido.ignorados]
    for carpeta in recorrido.carpetas_ilegibles:
        resumen.errores.append((texto_de_ruta(carpeta.ruta), carpeta.motivo))
        resumen.con_error += 1
    return resumen
