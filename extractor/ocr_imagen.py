"""A scanned page as pixels: ink or paper, how much it is tilted, and the ruling lines drawn on it.

Numpy on a boolean ink mask: a ruling line is a long run of ink (a morphological
opening with a line, done by OpenCV), and the tilt is the angle at which the rows of
ink stack up most sharply. A page is three of these masks' worth of pixels, so each
step is one pass over arrays, never a loop over angles at full size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

Mascara = NDArray[np.bool_]


TINTA_OSCURA = 128
"""Darker than this is ink on any page, whatever the paper: speckle and show-through stay lighter."""
TINTA_DE_PAGINA_EN_BLANCO = 0.0005
"""A page with less dark ink than this share of its pixels holds a page number or specks at most (one
line of small print is about 0.03 %, a page of the form 3 to 8 %)."""


def tinta(gris: NDArray[np.uint8]) -> Mascara:
    """Ink pixels by Otsu's threshold: the gray level that best splits paper from ink on this page.

    A page of one gray level (a blank scan) has no threshold and no ink.
    """
    histograma = np.asarray(Image.fromarray(gris).histogram(), dtype=np.float64)
    total = histograma.sum()
    niveles = np.arange(256, dtype=np.float64)
    peso = np.cumsum(histograma)
    suma = np.cumsum(histograma * niveles)
    fondo = total - peso
    with np.errstate(divide="ignore", invalid="ignore"):
        media_tinta = suma / peso
        media_fondo = (suma[-1] - suma) / fondo
        varianza = peso * fondo * (media_tinta - media_fondo) ** 2
    if not np.isfinite(varianza).any():
        return np.zeros(gris.shape, dtype=np.bool_)
    umbral = int(np.argmax(np.where(np.isfinite(varianza), varianza, -1.0)))
    mascara: Mascara = gris <= umbral
    return mascara


def casi_en_blanco(gris: NDArray[np.uint8]) -> bool:
    """A blank or near-blank page: too little dark ink to hold any value of the form."""
    return gris.size == 0 or float(np.mean(gris < TINTA_OSCURA)) < TINTA_DE_PAGINA_EN_BLANCO


def _nitidez(filas: NDArray[np.float64], columnas: NDArray[np.float64], angulo: float) -> float:
    """How sharply rows of ink stand out when the page is turned by `angulo`: high when lines are level.

    Each ink pixel (row and column from the center) goes to the row it lands on when turned, as
    Pillow turns (counter-clockwise); the profile is how many land on each row.
    """
    radianes = np.deg2rad(angulo)
    destino = np.rint(filas * np.cos(radianes) - columnas * np.sin(radianes)).astype(np.int64)
    perfil = np.bincount(destino - destino.min()).astype(np.float64)
    return float(np.sum(np.diff(perfil) ** 2))


def angulo_inclinacion(mascara: Mascara, maximo: float = 5.0, ancho_muestra: int = 1200) -> float:
    """Degrees to turn the page (counter-clockwise, as Pillow turns) so its lines of text and rules lie level.

    Coarse search over ±`maximo` on a small copy, then a fine one around the best angle
    on a larger copy: ruling lines and text baselines give a sharp peak. The ink pixels are
    turned, not the image: a few tens of thousands of points per angle.
    """
    alto, ancho = mascara.shape
    if not mascara.any():
        return 0.0
    imagen = Image.fromarray(mascara.astype(np.uint8) * 255, mode="L")
    mejor = 0.0
    for escala, paso, radio in ((ancho_muestra / 2, 0.25, maximo), (ancho_muestra, 0.02, 0.3)):
        factor = min(1.0, escala / ancho)
        chica = imagen.resize((max(1, round(ancho * factor)), max(1, round(alto * factor))), Image.Resampling.BOX)
        filas, columnas = np.nonzero(np.asarray(chica) > 40)
        centradas = (filas - chica.height // 2).astype(np.float64), (columnas - chica.width // 2).astype(np.float64)
        angulos = np.arange(mejor - radio, mejor + radio + paso / 2, paso)
        mejor = float(max(angulos, key=lambda a: _nitidez(*centradas, float(a))))
    return round(mejor, 2)


def enderezar(imagen: Image.Image, angulo: float) -> Image.Image:
    """The page turned by `angulo` degrees around its center, corners filled with paper."""
    if abs(angulo) < 0.01:
        return imagen
    return imagen.rotate(angulo, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _corridas(mascara: Mascara, largo: int, eje: int) -> Mascara:
    """Opening with a line of `largo` pixels along `eje`: only ink in runs at least that long survives.

    An erosion keeps the pixels that start a full run (the line anchored at its first pixel, nothing
    outside the page counting as ink), a dilation anchored at the line's last pixel paints the runs back.
    """
    import cv2  # OpenCV takes hundreds of MB of address space: only scans load it

    if largo <= 1:
        return mascara.copy()
    linea = np.ones((1, largo) if eje == 1 else (largo, 1), dtype=np.uint8)
    ultimo = (largo - 1, 0) if eje == 1 else (0, largo - 1)
    datos = np.ascontiguousarray(mascara).view(np.uint8)
    comienzos = cv2.erode(datos, linea, anchor=(0, 0), borderType=cv2.BORDER_CONSTANT, borderValue=0)
    cubiertas = cv2.dilate(comienzos, linea, anchor=ultimo, borderType=cv2.BORDER_CONSTANT, borderValue=0)
    resultado: Mascara = cubiertas.view(np.bool_)
    return resultado


def engordar(mascara: Mascara, radio: int) -> Mascara:
    """The mask grown by `radio` pixels each way (a square dilation), to cover the soft edges of a line."""
    gruesa = mascara.copy()
    for eje in (0, 1):
        base = gruesa.copy()
        for d in range(1, radio + 1):
            if eje == 0:
                gruesa[d:] |= base[:-d]
                gruesa[:-d] |= base[d:]
            else:
                gruesa[:, d:] |= base[:, :-d]
                gruesa[:, :-d] |= base[:, d:]
    return gruesa


@dataclass(frozen=True, slots=True)
class Segmento:
    """A straight ruling line: horizontal (`horizontal`) at `posicion` (y) from `inicio` to `fin` (x), or the
    other way round for a vertical one. Pixels of the straightened page."""

    horizontal: bool
    posicion: float
    inicio: int
    fin: int

    @property
    def largo(self) -> int:
        return self.fin - self.inicio


def _tramos(presencia: NDArray[np.bool_], hueco: int) -> list[tuple[int, int]]:
    """Runs of True in a 1-D array, joining runs separated by at most `hueco` False cells."""
    indices = np.flatnonzero(presencia)
    if indices.size == 0:
        return []
    cortes = np.flatnonzero(np.diff(indices) > hueco + 1)
    inicios = np.concatenate([[indices[0]], indices[cortes + 1]])
    fines = np.concatenate([indices[cortes], [indices[-1]]])
    return [(int(a), int(b) + 1) for a, b in zip(inicios, fines, strict=True)]


def _segmentos(lineas: Mascara, horizontal: bool, largo: int, hueco: int) -> list[Segmento]:
    datos = lineas if horizontal else lineas.T
    resultado: list[Segmento] = []
    filas = np.asarray(datos.any(axis=1), dtype=np.bool_)
    for arriba, abajo in _tramos(filas, hueco=1):
        banda = np.asarray(datos[arriba:abajo].any(axis=0), dtype=np.bool_)
        for inicio, fin in _tramos(banda, hueco=hueco):
            if fin - inicio >= largo:
                resultado.append(Segmento(horizontal, (arriba + abajo - 1) / 2, inicio, fin))
    return resultado


def lineas_de_regla(mascara: Mascara, dpi: float) -> tuple[list[Segmento], Mascara]:
    """The ruling lines of the page and the mask of their pixels (to clear them before OCR).

    A horizontal rule is at least a third of an inch of unbroken ink, a vertical one a
    fifth: longer than any stroke of a letter at office sizes, shorter than any cell.
    """
    largo_h = max(8, round(dpi / 3))
    largo_v = max(8, round(dpi / 5))
    hueco = max(2, round(dpi / 50))
    horizontales = _corridas(mascara, largo_h, eje=1)
    verticales = _corridas(mascara, largo_v, eje=0)
    segmentos = _segmentos(horizontales, True, largo_h, hueco) + _segmentos(verticales, False, largo_v, hueco)
    return segmentos, horizontales | verticales
