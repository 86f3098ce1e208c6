"""What the watch needs from the ingestion, and nothing more: load these files, say what came of each.

Keeping it this narrow lets the watch be tested with a stand-in. The real one is `planmejora.ingesta`,
whose ledger makes handing it a known file cheap: same path, size and time, or same bytes, add nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from carga.conexion import enmascarar
from planmejora.ingesta import Avance, ErrorDeBase, ingerir


class Desenlace(Enum):
    CARGADO = "cargado"
    """New content: a new plan or a new version of one."""
    CONOCIDO = "conocido"
    """The same file, or the same bytes, were already in the database (with a `motivo` if those bytes failed)."""
    ERROR = "error"
    """The file cannot be read or holds no copy of the form: trying again will not help."""


@dataclass(frozen=True)
class Resultado:
    desenlace: Desenlace
    motivo: str | None = None


AlTerminar = Callable[[Path, Resultado], None]
"""Told of each file once it is done (stored, or known)."""

Parar = Callable[[], bool]
"""Asked between files: once it says yes, no further file is started (a stop was requested)."""


class BaseNoDisponible(Exception):
    """The database cannot be reached now; the files not yet reported can be tried again later.

    `permanente`: it refuses to store anything until a person acts (read-only, disk full, no permission).
    """

    def __init__(self, mensaje: str, permanente: bool = False) -> None:
        super().__init__(mensaje)
        self.permanente = permanente


class Ingestor(Protocol):
    def __call__(self, rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        """Load `rutas` in order, reporting each as it is done, until done or `parar` says to stop."""
        ...


_DESENLACES = {"cargado": Desenlace.CARGADO, "omitido": Desenlace.CONOCIDO, "error": Desenlace.ERROR}


def _primera_linea(error: BaseException, url_db: str) -> str:
    texto = str(error.orig if isinstance(error, DBAPIError) else error).strip()
    return enmascarar(texto.splitlines()[0], url_db) if texto else type(error).__name__


def ingestor_de(url_db: str) -> Ingestor:
    """The real ingestion into `url_db`, one reader (the watch sees files one by one)."""

    def cargar(rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        def avisar(avance: Avance) -> None:
            al_terminar(avance.ruta, Resultado(_DESENLACES[avance.resultado], avance.mensaje))

        try:
            ingerir(rutas, url_db, workers=1, progreso=avisar, parar=parar)
        except ErrorDeBase as error:
            raise BaseNoDisponible(error.mensaje, error.permanente) from error
        except (OperationalError, InterfaceError) as error:
            raise BaseNoDisponible(f"{_primera_linea(error, url_db)}.") from error

    return cargar
