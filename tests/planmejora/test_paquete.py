"""`import planmejora` is the front door: every public name is there, and importing it costs nothing."""

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import planmejora

INIT = Path(planmejora.__file__)


def _importados_para_tipos() -> dict[str, tuple[str, str]]:
    """What the `if TYPE_CHECKING:` block imports, as public name -> (module, name there)."""
    arbol = ast.parse(INIT.read_text(encoding="utf-8"))
    bloque = next(n for n in arbol.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    return {
        alias.asname or alias.name: (importacion.module or "", alias.name)
        for importacion in bloque.body
        if isinstance(importacion, ast.ImportFrom)
        for alias in importacion.names
    }


def test_la_lista_publica_los_tipos_y_la_tabla_de_origen_nombran_lo_mismo() -> None:
    assert sorted(planmejora.__all__) == sorted(planmejora._ORIGEN)
    assert _importados_para_tipos() == planmejora._ORIGEN


@pytest.mark.parametrize("nombre", planmejora.__all__)
def test_cada_nombre_publico_es_el_objeto_de_su_modulo(nombre: str) -> None:
    modulo, original = planmejora._ORIGEN[nombre]
    assert getattr(planmejora, nombre) is getattr(importlib.import_module(modulo), original)


def test_un_nombre_que_no_existe_da_attribute_error() -> None:
    with pytest.raises(AttributeError, match="extraer_todo"):
        planmejora.extraer_todo  # noqa: B018


def test_importar_planmejora_no_carga_lectores_ni_base_de_datos() -> None:
    pesados = ["extractor", "normalizacion", "carga", "sqlalchemy", "pdfplumber", "openpyxl", "docx", "pandas"]
    codigo = f"import sys, planmejora; print([m for m in {pesados!r} if m in sys.modules])"
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, check=True)
    assert salida.stdout.strip() == "[]"


def test_el_ejemplo_de_uso_desde_python() -> None:
    from planmejora import extraer_archivo

    (plan,) = extraer_archivo("muestras/calica_2021.docx")
    assert plan.error is None
    assert plan.encabezado.entidad == "ALCALDIA MUNICIPAL DE CALICA"
