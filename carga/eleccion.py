"""Which database the user means: `--db`, else the environment variable, else a SQLite file here.

Apart from `carga.conexion`: a verb that only names the option (`extraer`, the help) must not
import SQLAlchemy to know its default.
"""

from __future__ import annotations

import os

URL_POR_DEFECTO = "sqlite:///planmejora.db"
VARIABLE_DB = "PLANMEJORA_DB"

_EXTENSIONES_SQLITE = (".db", ".sqlite", ".sqlite3", ".db3")


def url_elegida(url: str | None = None) -> str:
    """`--db` if given, else the environment variable, else a SQLite file in the current folder.

    A plain path (`planes.db`, `/srv/planes.sqlite`, or any file that exists) means that SQLite file,
    as sqlite-utils and Datasette take it.
    """
    elegida = url or os.environ.get(VARIABLE_DB) or URL_POR_DEFECTO
    return f"sqlite:///{elegida}" if _es_ruta_de_sqlite(elegida) else elegida


def _es_ruta_de_sqlite(texto: str) -> bool:
    if "://" in texto or "=" in texto:
        return False
    return texto.lower().endswith(_EXTENSIONES_SQLITE) or os.path.isfile(texto)
