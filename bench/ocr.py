"""OCR seconds per page: our reading of the scanned samples next to bare Tesseract on the same images.

Our side is `extraer_archivo` on each scanned sample of muestras/ (render, orientation, skew, rules,
Tesseract, second looks, assembly, normalization), in this process after one untimed read that pays
the imports. Bare Tesseract reads the same pages, rendered at our resolution and written to PNG
beforehand (untimed), with the same language, page segmentation and one thread: the floor of any
OCR built on it. The ratio says what our preprocessing and second looks cost on top.
Besides the wall clock, CPU seconds (this process and the Tesseract it starts): on a machine shared with
other work they stay put when the wall clock does not, so two runs compare.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image
from rich.console import Console
from rich.table import Table

MUESTRAS = Path(__file__).resolve().parents[1] / "muestras"
ESCANEADOS = sorted([*MUESTRAS.glob("escaneado_*"), *MUESTRAS.glob("foto_*")])


def _paginas(ruta: Path, carpeta: Path) -> list[Path]:
    """The pages of `ruta` as PNG files, as our reader renders them (PDF at its DPI, images as they are)."""
    from extractor.ocr import DPI

    if ruta.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(ruta)
        try:
            imagenes = [pagina.render(scale=DPI / 72).to_pil() for pagina in pdf]
        finally:
            pdf.close()
    else:
        with Image.open(ruta) as imagen:
            imagenes = []
            for cuadro in range(getattr(imagen, "n_frames", 1)):
                imagen.seek(cuadro)
                imagenes.append(imagen.convert("RGB"))
    rutas = []
    for numero, imagen in enumerate(imagenes, start=1):
        destino = carpeta / f"{ruta.stem}_{numero}.png"
        imagen.save(destino)
        rutas.append(destino)
    return rutas


def _cpu() -> float:
    """CPU seconds so far of this process and of the children it waited for (Tesseract)."""
    propio, hijos = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return propio.ru_utime + propio.ru_stime + hijos.ru_utime + hijos.ru_stime


def _tesseract(paginas: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of bare Tesseract over `paginas`."""
    from extractor.ocr import IDIOMA

    entorno = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    inicio, cpu = time.perf_counter(), _cpu()
    for pagina in paginas:
        orden = ["tesseract", str(pagina), "-", "-l", IDIOMA, "--psm", "3", "tsv"]
        subprocess.run(orden, env=entorno, capture_output=True, check=True)
    return time.perf_counter() - inicio, _cpu() - cpu


def _nuestro(rutas: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of our reading of `rutas`, after one read that pays the imports."""
    from planmejora.api import extraer_archivo

    extraer_archivo(rutas[0])
    inicio, cpu = time.perf_counter(), _cpu()
    for ruta in rutas:
        extraer_archivo(ruta)
    return time.perf_counter() - inicio, _cpu() - cpu


def correr(consola: Console) -> None:
    with tempfile.TemporaryDirectory(prefix="planmejora-ocr-") as temporal:
        paginas = [pagina for ruta in ESCANEADOS for pagina in _paginas(ruta, Path(temporal))]
        consola.print(f"{len(ESCANEADOS)} escaneados de muestras/, {len(paginas)} páginas…")
        desnudo = _tesseract(paginas)
        nuestro = _nuestro(ESCANEADOS)
    tabla = Table(title=f"OCR: {len(paginas)} páginas escaneadas, un hilo de Tesseract")
    for columna in ("caso", "s", "s/página", "× Tesseract", "s de CPU", "CPU/página", "× Tesseract (CPU)"):
        tabla.add_column(columna, justify="left" if columna == "caso" else "right")
    casos = (("Tesseract solo (--psm 3, tsv)", desnudo), ("planmejora (extraer_archivo)", nuestro))
    for caso, (segundos, cpu) in casos:
        por_pagina = (f"{segundos:.1f}", f"{segundos / len(paginas):.2f}", f"{segundos / desnudo[0]:.2f}")
        tabla.add_row(caso, *por_pagina, f"{cpu:.1f}", f"{cpu / len(paginas):.2f}", f"{cpu / desnudo[1]:.2f}")
    consola.print(tabla)
