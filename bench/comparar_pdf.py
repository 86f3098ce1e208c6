"""pdfium against pdfminer on every PDF of the repository: the same glyphs, strokes and readings.

`python -m bench.comparar_pdf [RUTA…]` reads each PDF (all those under muestras/ and tests/
by default) both ways and says, per file, whether
(a) every page draws the same: the same glyph texts in the same order (a no-break space as a space),
    their boxes and sizes
    within 0.01 pt, the same pictures, and the same table cells from the strokes;
(b) `extraer_archivo` gives the same JSON.
It exits 1 when some file differs. Scanned pages are read by OCR either way: (b) is slow for them.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

import extractor.pdf
from extractor.pdf_objetos import Dibujo, dibujo, tablas
from extractor.pdf_pdfium import dibujo_de_pdfium
from planmejora.api import extraer_archivo

RAIZ = Path(__file__).resolve().parents[1]
TOLERANCIA = 0.01
CAMPOS = ("x0", "x1", "top", "bottom", "size")
ESPACIO_DURO = "\xa0"
"""A no-break space that a browser draws as a text of its own comes from pdfium as a space (see
`extractor.pdf_pdfium._espacios_sueltos`): the reader takes every blank alike."""


def _diferencias_de_pagina(viejo: Dibujo, nuevo: Dibujo) -> list[str]:
    diferencias = []
    textos_viejos = "".join(c["text"] for c in viejo.caracteres).replace(ESPACIO_DURO, " ")
    textos_nuevos = "".join(c["text"] for c in nuevo.caracteres).replace(ESPACIO_DURO, " ")
    if textos_viejos != textos_nuevos:
        inicio = next((i for i, (a, b) in enumerate(zip(textos_viejos, textos_nuevos, strict=False)) if a != b), 0)
        diferencias.append(
            f"texto: {len(textos_viejos)} vs {len(textos_nuevos)} letras, desde {inicio}: "
            f"{textos_viejos[inicio : inicio + 30]!r} vs {textos_nuevos[inicio : inicio + 30]!r}"
        )
    else:
        for a, b in zip(viejo.caracteres, nuevo.caracteres, strict=True):
            malos = [f"{k} {a[k]:.3f}/{b[k]:.3f}" for k in CAMPOS if abs(a[k] - b[k]) > TOLERANCIA]
            if malos or a["upright"] != b["upright"]:
                diferencias.append(f"letra {a['text']!r}: {', '.join(malos)} upright {a['upright']}/{b['upright']}")
                break
    if viejo.imagenes != nuevo.imagenes:
        diferencias.append(f"imágenes: {viejo.imagenes} vs {nuevo.imagenes}")

    def celdas(d: Dibujo) -> list[tuple[float, ...]]:
        return sorted(c for t in tablas(d.bordes) for c in t)

    celdas_viejas, celdas_nuevas = celdas(viejo), celdas(nuevo)
    if len(celdas_viejas) != len(celdas_nuevas) or any(
        abs(a - b) > TOLERANCIA
        for ca, cb in zip(celdas_viejas, celdas_nuevas, strict=True)
        for a, b in zip(ca, cb, strict=True)
    ):
        diferencias.append(f"celdas: {len(celdas_viejas)} vs {len(celdas_nuevas)}")
    return diferencias


def _dibujos(ruta: Path) -> Iterator[tuple[int, Dibujo, Dibujo | None]]:
    with pdfplumber.open(ruta) as pdf:
        documento = pdfium.PdfDocument(ruta)
        try:
            for numero, pagina in enumerate(pdf.pages, start=1):
                pagina_pdfium = documento[numero - 1]
                try:
                    yield numero, dibujo(pagina), dibujo_de_pdfium(pagina, pagina_pdfium.raw)
                finally:
                    pagina_pdfium.close()
        finally:
            documento.close()


@contextlib.contextmanager
def solo_pdfminer() -> Iterator[None]:
    """The reader as it was: every page read by pdfminer."""
    antes = extractor.pdf.dibujo_de_pdfium
    extractor.pdf.dibujo_de_pdfium = lambda pagina, pagina_pdfium: None
    try:
        yield
    finally:
        extractor.pdf.dibujo_de_pdfium = antes


def _json(ruta: Path) -> str:
    return json.dumps([p.a_json() for p in extraer_archivo(ruta)], ensure_ascii=False, indent=1, default=str)


def comparar(ruta: Path, con_lectura: bool) -> list[str]:
    diferencias = []
    try:
        for numero, viejo, nuevo in _dibujos(ruta):
            if nuevo is None:
                print(f"    página {numero}: la lee pdfminer")
            else:
                diferencias += [f"página {numero}: {d}" for d in _diferencias_de_pagina(viejo, nuevo)]
    except Exception as error:  # a damaged file: only the readings are compared
        print(f"    no se abre: {type(error).__name__}: {error}")
    if con_lectura:
        with solo_pdfminer():
            viejo_json = _json(ruta)
        nuevo_json = _json(ruta)
        if viejo_json != nuevo_json:
            diferencias.append("extraer_archivo da otro JSON")
    return diferencias


def pdfs_del_repositorio() -> list[Path]:
    return sorted(p for carpeta in ("muestras", "tests") for p in (RAIZ / carpeta).rglob("*.pdf"))


def main(argumentos: list[str]) -> int:
    con_lectura = "--sin-lectura" not in argumentos
    rutas = [Path(a) for a in argumentos if not a.startswith("--")] or pdfs_del_repositorio()
    distintos = 0
    for ruta in rutas:
        diferencias = comparar(ruta, con_lectura)
        distintos += bool(diferencias)
        print(f"{'≠' if diferencias else '='} {ruta.relative_to(RAIZ) if ruta.is_relative_to(RAIZ) else ruta}")
        for diferencia in diferencias[:5]:
            print(f"    {diferencia}")
    print(f"{len(rutas) - distintos} iguales, {distintos} distintos de {len(rutas)}")
    return 1 if distintos else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
