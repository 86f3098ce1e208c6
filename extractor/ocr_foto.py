"""A page photographed with a phone: seen at a slant, on a desk, lit more on one side than the other.

OpenCV does the geometry (it is what it is for): the paper's light background is estimated
by closing the text away on a small copy, the page is divided by it so the paper comes out
white everywhere, and the paper's outline, a quadrilateral, is warped back to a rectangle.
A scan straight from a scanner has white paper edge to edge and is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

Gris = NDArray[np.uint8]

LADO_MUESTRA = 500
"""Longest side (pixels) of the copy on which paper and outline are found: text is gone at this size."""
BORDE = 0.02
"""Share of each side taken as the border of the picture: a desk shows there in a photo, paper in a scan."""
PAPEL_DESIGUAL = 40
"""Gray levels between the darkest and lightest paper beyond which the light was uneven (a photo)."""
AREA_MINIMA = 0.3
"""The page outline covers at least this share of the picture; anything smaller is not the page."""


@dataclass(frozen=True, slots=True)
class Aplanada:
    """The page after correction; `foto` if it looked photographed, `enderezada` if its outline was found."""

    gris: Gris
    foto: bool
    enderezada: bool


def _muestra(gris: Gris) -> tuple[Gris, float]:
    factor = min(1.0, LADO_MUESTRA / max(gris.shape))
    chica = np.asarray(cv2.resize(gris, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    return chica, factor


def _fondo(chica: Gris) -> Gris:
    """The light the paper reflects, text closed away (a closing wider than a letter at this size)."""
    nucleo = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    cerrada = cv2.morphologyEx(chica, cv2.MORPH_CLOSE, nucleo)
    return np.asarray(cv2.GaussianBlur(cerrada, (0, 0), 5), dtype=np.uint8)


def _escritorio_visible(fondo: Gris) -> bool:
    """The border of the picture is dark: the desk shows around the sheet, so the sheet's outline is in it."""
    alto, ancho = fondo.shape
    b = max(1, round(BORDE * min(alto, ancho)))
    borde = np.concatenate([fondo[:b].ravel(), fondo[-b:].ravel(), fondo[:, :b].ravel(), fondo[:, -b:].ravel()])
    return bool(np.median(borde) < 128)


def _papel_desigual(fondo: Gris) -> bool:
    claro = fondo[fondo >= np.percentile(fondo, 50)]
    return int(claro.max()) - int(claro.min()) > PAPEL_DESIGUAL


def es_foto(gris: Gris) -> bool:
    """A dark border (the desk around the sheet) or paper lit unevenly: not what a scanner gives."""
    fondo = _fondo(_muestra(gris)[0])
    return _escritorio_visible(fondo) or _papel_desigual(fondo)


def luz_pareja(gris: Gris) -> Gris:
    """The page divided by its own background light: paper white all over, ink as dark as it was against it."""
    chica, _ = _muestra(gris)
    fondo = cv2.resize(_fondo(chica), (gris.shape[1], gris.shape[0]), interpolation=cv2.INTER_LINEAR)
    return np.asarray(cv2.divide(gris, np.maximum(fondo, 1), scale=255), dtype=np.uint8)


def _esquinas(gris: Gris) -> NDArray[np.float32] | None:
    """The four corners of the sheet (top-left, top-right, bottom-right, bottom-left), in full-size pixels."""
    chica, factor = _muestra(gris)
    fondo = _fondo(chica)
    _, papel = cv2.threshold(fondo, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    contornos, _ = cv2.findContours(papel, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contornos:
        return None
    mayor = max(contornos, key=cv2.contourArea)
    if cv2.contourArea(mayor) < AREA_MINIMA * papel.size:
        return None
    poligono = cv2.approxPolyDP(mayor, 0.02 * cv2.arcLength(mayor, True), True)
    if len(poligono) != 4:
        return None
    puntos = poligono.reshape(4, 2).astype(np.float32) / factor
    suma, resta = puntos.sum(axis=1), np.diff(puntos, axis=1).ravel()
    orden = [suma.argmin(), resta.argmin(), suma.argmax(), resta.argmax()]
    return np.asarray(puntos[orden], dtype=np.float32)


def _rectangulo(gris: Gris, esquinas: NDArray[np.float32]) -> Gris:
    """The quadrilateral warped to a rectangle as wide and tall as its longer opposite sides."""
    arriba_izq, arriba_der, abajo_der, abajo_izq = esquinas
    ancho = round(max(np.linalg.norm(arriba_der - arriba_izq), np.linalg.norm(abajo_der - abajo_izq)))
    alto = round(max(np.linalg.norm(abajo_izq - arriba_izq), np.linalg.norm(abajo_der - arriba_der)))
    destino = np.asarray([[0, 0], [ancho - 1, 0], [ancho - 1, alto - 1], [0, alto - 1]], dtype=np.float32)
    matriz = cv2.getPerspectiveTransform(esquinas, destino)
    plana = cv2.warpPerspective(gris, matriz, (ancho, alto), flags=cv2.INTER_CUBIC, borderValue=255)
    return np.asarray(plana, dtype=np.uint8)


def aplanar(gris: Gris) -> Aplanada:
    """A photographed page seen square and evenly lit; a scan as it came. The sheet's outline is looked for
    only where the desk shows around it: in a sheet that fills the picture, the edge of the lamp's light
    would pass for one."""
    fondo = _fondo(_muestra(gris)[0])
    escritorio = _escritorio_visible(fondo)
    if not escritorio and not _papel_desigual(fondo):
        return Aplanada(gris, foto=False, enderezada=True)
    esquinas = _esquinas(gris) if escritorio else None
    pareja = luz_pareja(gris)
    if esquinas is None:
        return Aplanada(pareja, foto=True, enderezada=False)
    return Aplanada(_rectangulo(pareja, esquinas), foto=True, enderezada=True)
