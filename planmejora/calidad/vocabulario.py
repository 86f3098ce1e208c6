"""The names a person reads for each problem code, kept as data (`codigos.toml`)."""

import tomllib
from functools import cache
from importlib import resources


@cache
def nombres_de_codigos() -> dict[str, str]:
    with resources.files("planmejora.calidad").joinpath("codigos.toml").open("rb") as archivo:
        tabla: dict[str, str] = tomllib.load(archivo)["codigos"]
    return tabla


def nombre_de_codigo(codigo: str) -> str:
    return nombres_de_codigos().get(codigo, codigo)
