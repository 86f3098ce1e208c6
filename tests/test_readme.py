"""The README and docs/ are what a clerk and the IT person follow: every command shown must exist, with its options."""

import importlib
import os
import re
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


def test_el_ejemplo_de_python_del_readme_corre(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "muestras").symlink_to(RAIZ / "muestras")
    monkeypatch.chdir(tmp_path)  # the examples' databases land here, not in the repository
    ejemplos = [b for b in _bloques("python") if re.search(r"^from planmejora import .*\bextraer", b, re.MULTILINE)]
    assert ejemplos, "El README no trae el ejemplo de uso desde Python"
    for ejemplo in ejemplos:
        exec(compile(ejemplo, "README.md", "exec"), {})
