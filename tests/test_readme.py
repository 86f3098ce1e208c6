"""The README and docs/ are what a clerk and the IT person follow: every command shown must exist, with its options."""

import importlib
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import typer

from planmejora.cli import ORDENES

RAIZ = Path(__file__).resolve().parents[1]
PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
_BLOQUE = re.compile(r"```(\w*)\n(.*?)```", re.DOTALL)
_OPCION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


DOCUMENTOS = [RAIZ / "README.md", *sorted((RAIZ / "docs").glob("*.md"))]


def _bloques(lenguaje: str) -> list[str]:
    textos = [documento.read_text(encoding="utf-8") for documento in DOCUMENTOS]
    return [cuerpo for texto in textos for leng, cuerpo in _BLOQUE.findall(texto) if leng == lenguaje]


def _es_grupo(verbo: str) -> bool:
    """A verb made of sub-verbs (`exportar consolidado`): its options are in each sub-verb's help."""
    modulo = ORDENES.get(verbo)
    return modulo is not None and isinstance(getattr(importlib.import_module(modulo), verbo), typer.Typer)


def _ordenes_del_readme() -> list[tuple[str, str]]:
    """(verb, command line) for every `planmejora VERB ...` line in a bash block; a group's verb with its sub-verb."""
    ordenes = []
    for bloque in _bloques("bash"):
        for linea in bloque.splitlines():
            codigo = linea.split("#", 1)[0].strip()
            coincidencia = re.search(r"(?:^|[\s/])planmejora\s+([a-z]+)\b\s*([a-z0-9]*)(.*)", codigo)
            if coincidencia:
                verbo, siguiente = coincidencia.group(1, 2)
                ordenes.append((f"{verbo} {siguiente}" if _es_grupo(verbo) else verbo, codigo))
    return ordenes


@cache
def _ayuda(verbo: str) -> str:
    entorno = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    salida = subprocess.run(
        [PLANMEJORA, *verbo.split(), "--help"], capture_output=True, text=True, timeout=60, env=entorno, check=False
    )
    assert salida.returncode == 0, f"`planmejora {verbo} --help` falló: {salida.stderr}"
    return salida.stdout


def test_el_readme_muestra_las_cuatro_ordenes() -> None:
    assert {v.split()[0] for v, _ in _ordenes_del_readme()} >= {"extraer", "ingerir", "vigilar", "calidad"}


@pytest.mark.parametrize(("verbo", "linea"), _ordenes_del_readme(), ids=lambda x: x)
def test_cada_orden_del_readme_existe_con_sus_opciones(verbo: str, linea: str) -> None:
    ayuda = _ayuda(verbo)
    for opcion in _OPCION.findall(linea):
        if opcion == "--help":
            continue
        assert opcion in ayuda, f"El README usa `{opcion}` en «{linea}», pero `planmejora {verbo}` no la tiene"


GUIA_Y_REFERENCIA = [RAIZ / "README.md", RAIZ / "docs" / "referencia.md"]


def _ejemplos_de_python() -> list[str]:
    textos = [documento.read_text(encoding="utf-8") for documento in GUIA_Y_REFERENCIA]
    return [cuerpo for texto in textos for leng, cuerpo in _BLOQUE.findall(texto) if leng == "python"]


def test_cada_ejemplo_de_python_corre_guardado_como_script_en_otra_carpeta(tmp_path: Path) -> None:
    """Regression (issue 12): saved as a script, the examples that start readers failed with a traceback (no
    `if __name__ == "__main__":`), and the test ran them in the repository root, leaving planes.db there."""
    (tmp_path / "muestras").symlink_to(RAIZ / "muestras")
    (tmp_path / "planes").mkdir()
    for muestra in ("calica_2021.docx", "sabana_alta_2021.xlsx"):
        shutil.copy2(RAIZ / "muestras" / muestra, tmp_path / "planes" / muestra)
    shutil.copy2(RAIZ / "muestras" / "calica_2021.pdf", tmp_path / "plan.pdf")
    ejemplos = _ejemplos_de_python()
    assert any("extraer_archivo" in e for e in ejemplos) and any("ingerir(" in e for e in ejemplos)
    for numero, ejemplo in enumerate(ejemplos, start=1):
        assert 'if __name__ == "__main__":' in ejemplo, f"el ejemplo {numero} no se puede guardar como script"
        script = tmp_path / f"ejemplo_{numero}.py"
        script.write_text(ejemplo, encoding="utf-8")
        salida = subprocess.run(
            [sys.executable, script.name], cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
        )
        assert salida.returncode == 0 and "Traceback" not in salida.stderr, f"ejemplo {numero}: {salida.stderr}"


def test_el_ejemplo_de_extraer_archivo_revisa_el_error() -> None:
    (ejemplo,) = [e for e in _ejemplos_de_python() if "extraer_archivo(" in e]
    assert "plan.error" in ejemplo
