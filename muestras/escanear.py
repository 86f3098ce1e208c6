"""Make scanned copies of sample PDFs: what an office scanner gives back from a printed copy.

Run from the repository root after `muestras/generar.py`: `python muestras/escanear.py`.
Each page is rendered at scanner resolution, turned gray, tilted a little, blurred,
speckled and saved as a JPEG inside a PDF with no text layer, so only OCR can read it.
Everything is seeded by the file name: running it again gives the same bytes.
The expected JSON of a scanned copy is the one of its source PDF, with the new file's
name and hash: a scan changes how the values look, never what they are.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

CARPETA = Path(__file__).resolve().parent
ESPERADO = CARPETA / "esperado"
PREFIJO = "escaneado_"


@dataclass(frozen=True)
class Escaneo:
    """How one copy is scanned: resolution, tilt range (degrees), blur radius (pixels), noise (gray levels)."""

    fuente: str
    dpi: int = 300
    giro: tuple[float, float] = (0.5, 2.0)
    desenfoque: float = 0.7
    ruido: float = 10.0
    calidad_jpeg: int = 70
    fondo: int = 215
    """Lighter than this is paper: scanners clear the background, which also keeps the file small."""


ESCANEOS = (
    Escaneo("calica_2021.pdf"),
    Escaneo("tamboral_2022.pdf", dpi=300, giro=(0.5, 1.5)),
    Escaneo("guavio_2022.pdf", dpi=300, giro=(0.5, 1.2), desenfoque=0.5),
)


def _semilla(nombre: str) -> int:
    return int.from_bytes(hashlib.sha256(nombre.encode()).digest()[:8], "big")


def escanear_pagina(imagen: Image.Image, escaneo: Escaneo, azar: random.Random) -> Image.Image:
    """One page as the scanner sees it: gray, tilted, soft and speckled."""
    gris = imagen.convert("L")
    angulo = azar.uniform(*escaneo.giro) * azar.choice((-1, 1))
    girada = gris.rotate(angulo, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    suave = girada.filter(ImageFilter.GaussianBlur(escaneo.desenfoque))
    generador = np.random.default_rng(azar.getrandbits(64))
    pixeles = np.asarray(suave, dtype=np.float32)
    pixeles = pixeles * azar.uniform(0.93, 0.98) + generador.normal(0.0, escaneo.ruido, pixeles.shape)
    pixeles[pixeles > escaneo.fondo] = 255
    return Image.fromarray(np.clip(pixeles, 0, 255).astype(np.uint8), mode="L")


def escanear(origen: Path, destino: Path, escaneo: Escaneo) -> None:
    azar = random.Random(_semilla(origen.name))
    documento = pdfium.PdfDocument(origen)
    try:
        paginas = [
            escanear_pagina(documento[i].render(scale=escaneo.dpi / 72, grayscale=True).to_pil(), escaneo, azar)
            for i in range(len(documento))
        ]
    finally:
        documento.close()
    salida = io.BytesIO()
    paginas[0].save(
        salida,
        "PDF",
        save_all=True,
        append_images=paginas[1:],
        resolution=escaneo.dpi,
        quality=escaneo.calidad_jpeg,
        creationDate=None,
        modDate=None,
    )
    destino.write_bytes(salida.getvalue())


def esperado(fuente: Path, copia: Path) -> list[dict[str, Any]]:
    """The source PDF's expected objects, renamed to the scanned copy."""
    objetos: list[dict[str, Any]] = json.loads((ESPERADO / f"{fuente.name}.json").read_text(encoding="utf-8"))
    sha = hashlib.sha256(copia.read_bytes()).hexdigest()
    return [{**o, "archivo": f"muestras/{copia.name}", "sha256": sha} for o in objetos]


def main() -> int:
    for escaneo in ESCANEOS:
        fuente = CARPETA / escaneo.fuente
        copia = CARPETA / f"{PREFIJO}{escaneo.fuente}"
        escanear(fuente, copia, escaneo)
        json_fuente = ESPERADO / f"{fuente.name}.json"
        if not json_fuente.exists():
            print(f"Falta {json_fuente.relative_to(CARPETA.parent)}: corra antes muestras/generar.py", file=sys.stderr)
            return 1
        texto = json.dumps(esperado(fuente, copia), ensure_ascii=False, indent=2) + "\n"
        (ESPERADO / f"{copia.name}.json").write_text(texto, encoding="utf-8")
        print(f"{copia.relative_to(CARPETA.parent)}: {copia.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
