"""How an extraction is held against its expected JSON, field by field.

One rule for `tests/test_muestras.py` and for `precision.py`, so the accuracy they report
is the same thing the tests check. Only the JSON of the contract is read, never project code
(but for the list of the form's fields, `extractor.modelo.COLUMNAS`, which is data).
Messages are free text: `error` counts as set or not, and `problemas` as the set of
(`campo`, `codigo`) pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.modelo import COLUMNAS

RAIZ = Path(__file__).resolve().parents[1]
ESPERADO = RAIZ / "muestras" / "esperado"

CAMPOS_DOCUMENTO = ("archivo", "sha256", "tipo", "formato", "error")
CAMPOS_ENCABEZADO = (
    "entidad",
    "codigo",
    "version",
    "fecha_formato",
    "proceso_auditado",
    "procedimientos",
    "responsables",
    "fecha_suscripcion",
)
CAMPOS_HALLAZGO = (*COLUMNAS, "origen")

Ruta = tuple[str | int, ...]
_FALTA = "(no está en la salida)"


@dataclass(frozen=True)
class Muestra:
    """One sample file and the objects `planmejora extraer --json` must print for it."""

    archivo: str
    esperado: list[dict[str, Any]]

    @property
    def tipo(self) -> str:
        return str(self.esperado[0]["tipo"])

    @property
    def formato(self) -> str:
        return str(self.esperado[0]["formato"])

    @property
    def escaneada(self) -> bool:
        """A scanned or photographed copy (`escanear.py`, image files): read by OCR, held to a share of exact
        fields, not to every one."""
        return self.tipo == "imagen" or Path(self.archivo).name.startswith("escaneado_")


def muestras() -> list[Muestra]:
    """Every sample that has an expected JSON, in a stable order."""
    salida = []
    for ruta in sorted(ESPERADO.rglob("*.json")):
        esperado = json.loads(ruta.read_text(encoding="utf-8"))
        salida.append(Muestra(archivo=esperado[0]["archivo"], esperado=esperado))
    return salida


def rutas(esperado: list[dict[str, Any]]) -> Iterator[Ruta]:
    """Every field of the expected objects that is compared on its own."""
    yield ("planes",)
    for k, plan in enumerate(esperado):
        for campo in CAMPOS_DOCUMENTO:
            yield (k, campo)
        for campo in CAMPOS_ENCABEZADO:
            yield (k, "encabezado", campo)
        yield (k, "hallazgos")
        for i in range(len(plan["hallazgos"])):
            for campo in CAMPOS_HALLAZGO:
                yield (k, "hallazgos", i, campo)
        yield (k, "firmas")
        yield (k, "proyecto")
        yield (k, "problemas")


def nombre(ruta: Ruta, planes: int) -> str:
    """`hallazgos[2].fecha_inicio`; with several plans in the file, prefixed by `[k].`."""
    partes = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in ruta]
    if planes == 1 and isinstance(ruta[0], int):
        partes = partes[1:]
    return "".join(partes).lstrip(".")


def generico(ruta: Ruta) -> str:
    """The field without positions (`hallazgos[].fecha_inicio`), to add up over plans and findings."""
    campo = re.sub(r"\[\d+\]", "[]", nombre(ruta, 1)).removeprefix("[].")
    return f"{campo} (cantidad)" if campo in ("planes", "hallazgos") else campo


def valor(objetos: list[dict[str, Any]], ruta: Ruta) -> Any:
    """What is compared at `ruta`: the value itself, or a count, a set or a yes/no where the rule says so."""
    if ruta == ("planes",):
        return len(objetos)
    actual: Any = objetos
    for paso in ruta:
        try:
            actual = actual[paso]
        except (IndexError, KeyError, TypeError):
            return _FALTA
    ultimo = ruta[-1]
    if ultimo == "error":
        return "con error" if actual is not None else "sin error"
    if ultimo == "hallazgos":
        return len(actual) if isinstance(actual, list) else _FALTA
    if ultimo == "problemas":
        return {(p.get("campo"), p.get("codigo")) for p in actual} if isinstance(actual, list) else _FALTA
    return actual


def aciertos_problemas(esperado: Any, obtenido: Any) -> tuple[int, int]:
    """Problems found right out of all expected or reported ones: each pair of the union counts once."""
    esperados = esperado if isinstance(esperado, set) else set()
    obtenidos = obtenido if isinstance(obtenido, set) else set()
    return len(esperados & obtenidos), len(esperados | obtenidos)
