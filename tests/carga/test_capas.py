"""`carga` only writes: no module of it opens a document, so a new format never touches the database code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CARGA = Path(__file__).resolve().parents[2] / "carga"


def modulos_importados(ruta: Path) -> set[str]:
    arbol = ast.parse(ruta.read_text(encoding="utf-8"))
    importados = {nombre.name for nodo in ast.walk(arbol) if isinstance(nodo, ast.Import) for nombre in nodo.names}
    return importados | {nodo.module or "" for nodo in ast.walk(arbol) if isinstance(nodo, ast.ImportFrom)}


@pytest.mark.parametrize("ruta", sorted(CARGA.rglob("*.py")), ids=lambda ruta: ruta.relative_to(CARGA).as_posix())
def test_ningun_modulo_de_carga_importa_el_extractor_ni_las_ordenes(ruta: Path) -> None:
    prohibidos = {m for m in modulos_importados(ruta) if m.split(".")[0] in {"extractor", "planmejora"}}
    assert prohibidos == set()


def test_la_prueba_ve_los_modulos_de_carga() -> None:
    assert {"lote.py", "guardar.py", "rutas.py"} <= {ruta.name for ruta in CARGA.glob("*.py")}
