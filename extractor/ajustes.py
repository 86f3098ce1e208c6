"""The numbers the reading depends on, that a caller may change: as pdfplumber's `table_settings`, for PDF.

`AjustesLectura` groups them; `planmejora.extraer_archivo(ruta, ajustes=...)` and the other reader
entry points pass it down to the step that uses each part. The defaults are the ones the samples
and variations are read with. They live here, apart from the readers, so that naming a setting
loads no PDF library; the instances are frozen, so they travel to the reader processes as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AjustesTexto:
    """From glyphs to runs and blocks of text (`pdf_texto`): distances as fractions of the font size (em),
    where the producers agree."""

    hueco_palabra: float = 0.15
    """A gap wider than this between two glyphs, with no space glyph drawn, separates words."""
    salto_sin_espacio: float = 0.15
    """On a page that draws its spaces, a jump wider than this with no space glyph is new text (the next cell)."""
    salto_sin_espacios_en_pagina: float = 0.6
    """The same when the page draws no space glyph at all (words placed one by one)."""
    salto_con_espacio: float = 4.0
    """Even after a space, a gap wider than this is layout, not a word space: justified text in a narrow
    cell stretches a space far past its width."""
    espacios_de_relleno: int = 3
    """This many spaces in a row is someone spacing things apart by hand (signatures side by side)."""
    retroceso: float = 0.15
    """A glyph that starts this far back over the previous one is other text drawn on top (clipped overflow)."""
    paso_minimo: float = 0.85
    """Lines closer than this (fraction of the line height) overlap: rows of a sheet too short for their text."""
    paso_maximo: float = 1.75
    """Lines farther apart are not one paragraph: single to one-and-a-half spacing is."""


@dataclass(frozen=True, slots=True)
class AjustesTablas:
    """pdfplumber's defaults for finding tables from their lines (`pdf_objetos`), in points."""

    union: float = 3.0
    """Lines closer than this are one line; pieces of a line with gaps this small are joined."""
    cruce: float = 3.0
    """Two lines this close to touching cross."""
    largo_minimo: float = 3.0
    """Shorter strokes are no ruling line (underlines of a letter, dots)."""


@dataclass(frozen=True, slots=True)
class AjustesPagina:
    """From ruled cells to the grid of rows and columns of a page (`pdf_pagina`)."""

    tolerancia_rejilla: float = 1.5
    """Cell edges closer than this (points) are the same grid line."""


@dataclass(frozen=True, slots=True)
class AjustesColumnas:
    """Thresholds of the column matching (`columnas`), in rapidfuzz points (0–100)."""

    umbral: float = 75.0
    """A heading that scores below this for every field is an unknown column."""
    umbral_fila_titulos: float = 80.0
    """A cell must score this much to count towards recognising a row of column titles."""
    minimo_titulos: int = 4
    """How many cells of a row must look like column titles for it to be the findings table's title row."""
    proporcion_titulos: float = 0.6
    """...and that share of its non-empty cells: a finding's cells may look like titles (`Sin observación`)."""
    castigo_titulo_grupo: float = 10.0
    """A group title (SEGUIMIENTO over three columns) says less than the title under it."""


@dataclass(frozen=True, slots=True)
class AjustesEnsamble:
    """From the rows of any format to one copy of the form (`copias`, `ensamblar`)."""

    columnas: AjustesColumnas = field(default_factory=AjustesColumnas)
    minimo_campos_hallazgo: int = 2
    """A row with fewer filled fields (and no number) is not a finding: stray text, a signature."""


@dataclass(frozen=True, slots=True)
class AjustesLectura:
    """Every setting of the reading: `AjustesLectura(texto=AjustesTexto(paso_maximo=1.2))` reads lines set
    1.5 apart as paragraphs of their own. The PDF parts also apply to scanned pages and images once OCR
    has found their words; `ensamble` applies to every format."""

    texto: AjustesTexto = field(default_factory=AjustesTexto)
    tablas: AjustesTablas = field(default_factory=AjustesTablas)
    pagina: AjustesPagina = field(default_factory=AjustesPagina)
    ensamble: AjustesEnsamble = field(default_factory=AjustesEnsamble)
