"""Vocabularies of the form kept as data (TOML), loaded once.

`leer_toml` is the one loader of the project: every package keeps its vocabularies as TOML files
beside its code and reads them through it.
"""

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def leer_toml(paquete: str, nombre: str) -> dict[str, Any]:
    """`<nombre>.toml` shipped inside the package `paquete`, read once: callers must not change it."""
    with resources.files(paquete).joinpath(f"{nombre}.toml").open("rb") as archivo:
        return tomllib.load(archivo)


def cargar(nombre: str) -> dict[str, Any]:
    """A vocabulary of the extractor (`extractor/vocabulario/<nombre>.toml`)."""
    return leer_toml(__name__, nombre)
