"""Vocabularies of typed values kept as data (TOML tables), loaded once."""

from typing import Any

from extractor.vocabulario import leer_toml


def cargar(nombre: str, tabla: str | None = None) -> dict[str, Any]:
    """The table `tabla` of `<nombre>.toml` (by default the one named like the file), keyed as the file writes it."""
    contenido: dict[str, Any] = leer_toml(__name__, nombre)[tabla or nombre]
    return contenido
