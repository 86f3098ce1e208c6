"""Make scanned copies of sample PDFs: what an office scanner, or a phone, gives back from a printed copy.

Run from the repository root after `muestras/generar.py`: `python muestras/escanear.py`.
Each page is rendered at scanner resolution, turned gray, tilted a little, blurred,
speckled and saved as a JPEG inside a PDF with no text layer, so only OCR can read it.
Some copies are fed sideways or upside down, photographed (seen at an angle, under a lamp
that lights one side), made "searchable" by Tesseract (`tesseract … pdf` hides its OCR text
in the page), or have a blank sheet scanned in the batch.
Everything is seeded by the file name: running it again gives the same bytes (except the
searchable copy, which Tesseract writes).
The expected JSON of a scanned copy is the one of its source PDF, with the new file's
name and hash: a scan changes how the values look, never what they are. A blank sheet
moves the findings after it one page on, and is said (`pagina_en_blanco`).
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
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
    variante: str = ""
    """Goes into the copy's name: `escaneado_<variante>_<source>`."""
    vuelta: int = 0
    """Degrees (counter-clockwise) the sheet was fed turned: 90 or 270 sideways, 180 upside down."""
    foto: bool = False
    """Photographed with a phone: seen at an angle on a dark desk, lit unevenly, never cleared to white."""
    buscable: bool = False
    """Made searchable by Tesseract: its OCR text hidden in each page."""
    en_blanco: tuple[int, ...] = ()
    """Pages of the copy that are a blank sheet scanned in the batch (1 = first)."""

    @property
    def nombre(self) -> str:
        return f"{PREFIJO}{self.variante + '_' if self.variante else ''}{self.fuente}"


ESCANEOS = (
    Escaneo("calica_2021.pdf"),
    Escaneo("tamboral_2022.pdf", dpi=300, giro=(0.5, 1.5)),
    Escaneo("guavio_2022.pdf", dpi=300, giro=(0.5, 1.2), desenfoque=0.5),
    Escaneo("guavio_2022.pdf", giro=(0.3, 1.0), variante="de_lado", vuelta=270),
    Escaneo("calica_2021.pdf", giro=(0.0, 0.0), variante="foto", foto=True, desenfoque=0.6, ruido=6.0),
    Escaneo("tamboral_2022.pdf", giro=(0.3, 1.0), variante="buscable", buscable=True),
    Escaneo("tamboral_2022.pdf", giro=(0.3, 1.0), variante="lote", vuelta=180, en_blanco=(1,)),
)


def _semilla(nombre: str) -> int:
    return int.from_bytes(hashlib.sha256(nombre.encode()).digest()[:8], "big")


def fotografiar(gris: Image.Image, azar: random.Random) -> Image.Image:
    """The sheet as a phone sees it: on a dark desk, seen from above at a slant (its corners pulled in
    unevenly), and lit by a lamp on one side, so the paper goes from white to gray across the page."""
    ancho, alto = gris.size
    margen = 0.06
    lienzo = (round(ancho * (1 + 2 * margen)), round(alto * (1 + 2 * margen)))
    x0, y0 = ancho * margen, alto * margen
    esquinas = np.float32([[0, 0], [ancho, 0], [ancho, alto], [0, alto]])
    destino = np.float32(
        [
            [x0 + azar.uniform(0.00, 0.05) * ancho, y0 + azar.uniform(0.00, 0.04) * alto],
            [x0 + ancho - azar.uniform(0.00, 0.05) * ancho, y0 + azar.uniform(0.00, 0.04) * alto],
            [x0 + ancho + azar.uniform(-0.02, 0.03) * ancho, y0 + alto - azar.uniform(0.00, 0.03) * alto],
            [x0 - azar.uniform(-0.02, 0.03) * ancho, y0 + alto - azar.uniform(0.00, 0.03) * alto],
        ]
    )
    matriz = cv2.getPerspectiveTransform(esquinas, destino)
    vista = cv2.warpPerspective(np.asarray(gris), matriz, lienzo, flags=cv2.INTER_CUBIC, borderValue=60)
    xs = np.linspace(0.0, 1.0, lienzo[0], dtype=np.float32)[None, :]
    ys = np.linspace(0.0, 1.0, lienzo[1], dtype=np.float32)[:, None]
    luz = 1.0 - 0.35 * xs * azar.uniform(0.8, 1.0) - 0.15 * ys
    return Image.fromarray(np.clip(vista.astype(np.float32) * luz, 0, 255).astype(np.uint8), mode="L")


def escanear_pagina(imagen: Image.Image, escaneo: Escaneo, azar: random.Random) -> Image.Image:
    """One page as the scanner sees it: gray, tilted, soft and speckled; or as a phone photographs it."""
    gris = imagen.convert("L")
    angulo = azar.uniform(*escaneo.giro) * azar.choice((-1, 1))
    girada = gris.rotate(angulo, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if escaneo.vuelta:
        girada = girada.rotate(escaneo.vuelta, expand=True)
    if escaneo.foto:
        girada = fotografiar(girada, azar)
    suave = girada.filter(ImageFilter.GaussianBlur(escaneo.desenfoque))
    generador = np.random.default_rng(azar.getrandbits(64))
    pixeles = np.asarray(suave, dtype=np.float32)
    pixeles = pixeles * azar.uniform(0.93, 0.98) + generador.normal(0.0, escaneo.ruido, pixeles.shape)
    if not escaneo.foto:
        pixeles[pixeles > escaneo.fondo] = 255
    return Image.fromarray(np.clip(pixeles, 0, 255).astype(np.uint8), mode="L")


def hoja_en_blanco(tamano: tuple[int, int], escaneo: Escaneo, azar: random.Random) -> Image.Image:
    """A blank sheet through the same scanner: only its speckle, mostly cleared."""
    generador = np.random.default_rng(azar.getrandbits(64))
    pixeles = 245.0 + generador.normal(0.0, escaneo.ruido, (tamano[1], tamano[0]))
    pixeles[pixeles > escaneo.fondo] = 255
    return Image.fromarray(np.clip(pixeles, 0, 255).astype(np.uint8), mode="L")


def buscable(paginas: list[Image.Image], escaneo: Escaneo) -> bytes:
    """The pages as Tesseract's searchable PDF: each image, with the text it recognized hidden over it."""
    with tempfile.TemporaryDirectory() as carpeta:
        nombres = []
        for i, pagina in enumerate(paginas):
            nombre = Path(carpeta) / f"{i}.jpg"
            pagina.save(nombre, "JPEG", quality=escaneo.calidad_jpeg, dpi=(escaneo.dpi, escaneo.dpi))
            nombres.append(str(nombre))
        lista = Path(carpeta) / "paginas.txt"
        lista.write_text("\n".join(nombres) + "\n", encoding="utf-8")
        salida = Path(carpeta) / "buscable"
        subprocess.run(["tesseract", str(lista), str(salida), "-l", "spa", "pdf"], check=True, capture_output=True)
        return salida.with_suffix(".pdf").read_bytes()


def escanear(origen: Path, destino: Path, escaneo: Escaneo) -> None:
    azar = random.Random(_semilla(escaneo.nombre if escaneo.variante else origen.name))
    documento = pdfium.PdfDocument(origen)
    try:
        paginas = [
            escanear_pagina(documento[i].render(scale=escaneo.dpi / 72, grayscale=True).to_pil(), escaneo, azar)
            for i in range(len(documento))
        ]
    finally:
        documento.close()
    for pagina in escaneo.en_blanco:
        paginas.insert(pagina - 1, hoja_en_blanco(paginas[0].size, escaneo, azar))
    if escaneo.buscable:
        destino.write_bytes(buscable(paginas, escaneo))
        return
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


def _corrida(hallazgo: dict[str, Any], en_blanco: tuple[int, ...]) -> dict[str, Any]:
    """The finding with its page moved on by the blank sheets scanned before it."""
    origen = dict(hallazgo["origen"])
    for blanca in sorted(en_blanco):
        if origen["pagina"] is not None and origen["pagina"] >= blanca:
            origen["pagina"] += 1
    return {**hallazgo, "origen": origen}


def esperado(fuente: Path, copia: Path, en_blanco: tuple[int, ...] = ()) -> list[dict[str, Any]]:
    """The source PDF's expected objects, renamed to the scanned copy; blank sheets move pages and are said."""
    objetos: list[dict[str, Any]] = json.loads((ESPERADO / f"{fuente.name}.json").read_text(encoding="utf-8"))
    sha = hashlib.sha256(copia.read_bytes()).hexdigest()
    copias = [{**o, "archivo": f"muestras/{copia.name}", "sha256": sha} for o in objetos]
    for objeto in copias:
        objeto["hallazgos"] = [_corrida(h, en_blanco) for h in objeto["hallazgos"]]
    avisos = [
        {"campo": "archivo", "codigo": "pagina_en_blanco", "mensaje": f"La página {n} está en blanco.", "raw": None}
        for n in en_blanco
    ]
    copias[0]["problemas"] = copias[0]["problemas"] + avisos
    return copias


def main() -> int:
    for escaneo in ESCANEOS:
        fuente = CARPETA / escaneo.fuente
        copia = CARPETA / escaneo.nombre
        escanear(fuente, copia, escaneo)
        json_fuente = ESPERADO / f"{fuente.name}.json"
        if not json_fuente.exists():
            print(f"Falta {json_fuente.relative_to(CARPETA.parent)}: corra antes muestras/generar.py", file=sys.stderr)
            return 1
        texto = json.dumps(esperado(fuente, copia, escaneo.en_blanco), ensure_ascii=False, indent=2) + "\n"
        (ESPERADO / f"{copia.name}.json").write_text(texto, encoding="utf-8")
        print(f"{copia.relative_to(CARPETA.parent)}: {copia.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
