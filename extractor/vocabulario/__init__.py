"""Vocabularies of the form kept as data (TOML), loaded once."""

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def cargar(nombre: str) -> dict[str, Any]:
    with resources.files(__name__).joinpath(f"{nombre}.toml").open("rb") as archivo:
        return tomllib.load(archivo)
