"""Copies of the samples in the other formats offices keep: Word 97 (.doc), RTF, OpenDocument (.odt, .ods),
Excel 97 (.xls), and image files of a scanned or photographed copy (.jpg, .png, multi-page .tiff).

Run from the repository root after `muestras/generar.py`: `python muestras/otros_formatos.py`.
LibreOffice saves each office sample in the older or open format, as a person does with «Guardar
como»; the images are pages of the exported PDFs as a scanner (`escanear.escanear_pagina`) or a phone
gives them. The expected JSON of each copy is its source's, with the copy's name, hash, `tipo` and
`formato`: saving in another format or photographing a page changes how a copy is stored, never
what it says. The images are read by OCR and measured by their share of exact fields.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import escribir_docx
import generar
import pypdfium2 as pdfium
from escanear import Escaneo, escanear_pagina

CARPETA = Path(__file__).resolve().parent
ESPERADO = CARPETA / "esperado"

CONVERSIONES = (
    ("calica_2021.docx", "doc", "MS Word 97"),
    ("santa_rosa_2021.docx", "doc", "MS Word 97"),
    ("tamboral_2022.docx", "rtf", "Rich Text Format"),
    ("guavio_2022.docx", "odt", "writer8"),
    ("puerto_camelias_2022.xlsx", "xls", "MS Excel 97"),
    ("san_jacinto_2023.xlsx", "xls", "MS Excel 97"),
    ("sabana_alta_2021.xlsx", "ods", "calc8"),
    ("san_jacinto_2023.xlsx", "ods", "calc8"),
)
"""(source sample, format to save it in, LibreOffice's export filter): each layout in two families."""
FAMILIA = {"doc": "docx", "rtf": "docx", "odt": "docx", "xls": "xlsx", "ods": "xlsx"}


@dataclass(frozen=True)
class Imagen:
    """One image copy of a sample PDF: its format, how it was taken, and whether it says its resolution."""

    fuente: str
    destino: str
    escaneo: Escaneo
    con_dpi: bool = True


COMPACTO = "calica_2021_compacto.docx"
"""The real copy in 5.5-point letters, so the whole plan fits one page: a single image can hold it."""
IMAGENES = (
    Imagen("calica_2021_compacto.pdf", "foto_calica_2021.jpg", Escaneo("", dpi=300, giro=(0.8, 1.6)), con_dpi=False),
    Imagen("calica_2021_compacto.pdf", "escaneado_calica_2021.png", Escaneo("", dpi=300, giro=(0.3, 0.8))),
    Imagen("guavio_2022.pdf", "escaneado_guavio_2022.tiff", Escaneo("", dpi=300, giro=(0.4, 1.0), desenfoque=0.5)),
)
"""A phone photo (JPEG, no resolution in the file), a scan to PNG, and a multi-page TIFF from a scanner."""


def compacto() -> None:
    """The one-page Word copy, its PDF and their expected JSON, written like every sample of `generar.py`."""
    _, plan, diseno, _, _ = next(d for d in generar.disenos_docx() if d[0] == "calica_2021.docx")
    ruta = CARPETA / COMPACTO
    filas = escribir_docx.escribir(plan, dataclasses.replace(diseno, letra=5.5), ruta)
    columnas = generar._columnas(diseno.columnas)
    generar.escribir_json(ruta.name, [generar.esperado_plan(ruta, "docx", plan, columnas, filas, None, None)])
    generar.a_pdf([ruta], CARPETA)
    pdf = ruta.with_suffix(".pdf")
    objetos = [generar.esperado_plan(pdf, "pdf", plan, columnas, filas, [1] * len(filas), None)]
    generar.revisar_pdf(pdf, objetos)
    generar.escribir_json(pdf.name, objetos)


def sha256(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def convertir(fuente: Path, formato: str, filtro: str, destino: Path | None = None) -> Path:
    """The sample saved by LibreOffice in `formato`, with a throwaway profile: beside it, or as `destino`."""
    salida = fuente.with_suffix(f".{formato}").name
    destino = destino or fuente.with_name(salida)
    with tempfile.TemporaryDirectory() as carpeta:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={Path(carpeta, 'perfil').as_uri()}",
                "--headless",
                "--convert-to",
                f"{formato}:{filtro}",
                "--outdir",
                carpeta,
                str(fuente),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.move(Path(carpeta) / salida, destino)
    return destino


def fotografiar(imagen: Imagen) -> Path:
    """The PDF's pages as the image file a scanner or phone gives; seeded by the name, so reproducible."""
    destino = CARPETA / imagen.destino
    azar = random.Random(int.from_bytes(hashlib.sha256(imagen.destino.encode()).digest()[:8], "big"))
    documento = pdfium.PdfDocument(CARPETA / imagen.fuente)
    try:
        escala = imagen.escaneo.dpi / 72
        paginas = [
            escanear_pagina(documento[i].render(scale=escala, grayscale=True).to_pil(), imagen.escaneo, azar)
            for i in range(len(documento))
        ]
    finally:
        documento.close()
    salida = io.BytesIO()
    opciones: dict[str, Any] = {"dpi": (imagen.escaneo.dpi, imagen.escaneo.dpi)} if imagen.con_dpi else {}
    if destino.suffix == ".tiff":
        paginas[0].save(
            salida, "TIFF", save_all=True, append_images=paginas[1:], compression="jpeg", quality=75, **opciones
        )
    elif destino.suffix == ".jpg":
        paginas[0].convert("RGB").save(salida, "JPEG", quality=70, **opciones)
    else:
        paginas[0].save(salida, "PNG", optimize=True, **opciones)
    destino.write_bytes(salida.getvalue())
    return destino


def esperado(fuente: str, copia: Path, tipo: str, formato: str | None = None) -> list[dict[str, Any]]:
    """The source's expected objects, as the copy: same plans, the copy's name, hash, family and format
    (by default the copy's extension)."""
    objetos: list[dict[str, Any]] = json.loads((ESPERADO / f"{fuente}.json").read_text(encoding="utf-8"))
    formato = formato or copia.suffix.lstrip(".").replace("jpeg", "jpg")
    identidad = {"archivo": f"muestras/{copia.name}", "sha256": sha256(copia), "tipo": tipo, "formato": formato}
    return [{**o, **identidad} for o in objetos]


def escribir_json(copia: Path, objetos: list[dict[str, Any]]) -> None:
    texto = json.dumps(objetos, ensure_ascii=False, indent=2) + "\n"
    (ESPERADO / f"{copia.name}.json").write_text(texto, encoding="utf-8")


def main() -> int:
    compacto()
    for fuente, formato, filtro in CONVERSIONES:
        copia = convertir(CARPETA / fuente, formato, filtro)
        escribir_json(copia, esperado(fuente, copia, FAMILIA[formato]))
        print(f"{copia.relative_to(CARPETA.parent)}: {copia.stat().st_size // 1024} KB")
    for imagen in IMAGENES:
        copia = fotografiar(imagen)
        escribir_json(copia, esperado(imagen.fuente, copia, "imagen"))
        print(f"{copia.relative_to(CARPETA.parent)}: {copia.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
