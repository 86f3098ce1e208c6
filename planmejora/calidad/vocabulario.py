"""The names a person reads for each problem code, kept as data (`codigos.toml`)."""

from extractor.vocabulario import leer_toml


def nombres_de_codigos() -> dict[str, str]:
    tabla: dict[str, str] = leer_toml("planmejora.calidad", "codigos")["codigos"]
    return tabla


def nombre_de_codigo(codigo: str) -> str:
    return nombres_de_codigos().get(codigo, codigo)
