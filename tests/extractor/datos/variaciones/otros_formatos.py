"""Some of the variations saved by LibreOffice in the other formats offices keep: .doc, .rtf, .odt, .xls, .ods.

Run from the repository root after `generar.py`: `python tests/extractor/datos/variaciones/otros_formatos.py`.
Each copy gets its source's truth with its own name: «Guardar como» changes how a copy is stored,
never what it says. Every workbook is saved as .xls (read by xlrd, cheap), every third as .ods too;
every third Word copy as .doc, .rtf or .odt in turn (each costs a LibreOffice conversion when read).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CARPETA = Path(__file__).resolve().parent
FILTROS = {"doc": "doc:MS Word 97", "rtf": "rtf:Rich Text Format", "odt": "odt:writer8", "xls": "xls:MS Excel 97",
           "ods": "ods:calc8"}  # fmt: skip
FAMILIA = {"doc": "docx", "rtf": "docx", "odt": "docx", "xls": "xlsx", "ods": "xlsx"}
FALLAS_CONOCIDAS = {"v09.doc": {"firmas": "doc_sin_tabla"}}
"""Values a saved copy loses on its way through LibreOffice, with their cause (`test_variaciones.CAUSAS`)."""


def elegidos() -> dict[str, list[Path]]:
    """Format → the variations saved in it."""
    palabras = sorted(CARPETA.glob("v*.docx"))[::3]
    libros = sorted(CARPETA.glob("v*.xlsx"))
    por_formato: dict[str, list[Path]] = {"xls": libros, "ods": libros[::3]}
    for i, fuente in enumerate(palabras):
        por_formato.setdefault(("doc", "rtf", "odt")[i % 3], []).append(fuente)
    return por_formato


def convertir(fuentes: list[Path], formato: str) -> None:
    with tempfile.TemporaryDirectory() as carpeta:
        perfil = Path(carpeta, "perfil").as_uri()
        orden = ["soffice", f"-env:UserInstallation={perfil}", "--headless", "--convert-to", FILTROS[formato]]
        subprocess.run([*orden, "--outdir", carpeta, *map(str, fuentes)], check=True, capture_output=True, timeout=600)
        for fuente in fuentes:
            shutil.move(Path(carpeta) / fuente.with_suffix(f".{formato}").name, fuente.with_suffix(f".{formato}"))


def main() -> int:
    for formato, fuentes in elegidos().items():
        convertir(fuentes, formato)
        for fuente in fuentes:
            copia = fuente.with_suffix(f".{formato}")
            verdad = json.loads((CARPETA / f"{fuente.name}.json").read_text(encoding="utf-8"))
            fallas = {**verdad.get("fallas_conocidas", {}), **FALLAS_CONOCIDAS.get(copia.name, {})}
            verdad.update(archivo=copia.name, tipo=FAMILIA[formato], fallas_conocidas=fallas)
            (CARPETA / f"{copia.name}.json").write_text(json.dumps(verdad, ensure_ascii=False, indent=1) + "\n")
            print(copia.relative_to(CARPETA.parents[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
