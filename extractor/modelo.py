"""The neutral shape every format reader produces, whatever the file looked like.

Keys are the canonical names of the form (see `extractor/vocabulario/`):
header keys `entidad`, `codigo`, `version`, `fecha_formato`, `proceso_auditado`,
`procedimientos`, `responsables`, `fecha_suscripcion`; column keys `COLUMNAS`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from extractor.vocabulario import cargar

COLUMNAS: tuple[str, ...] = tuple(cargar("columnas"))
"""The form's 14 fields of a finding, in the form's order: the tables of `vocabulario/columnas.toml`.
The one list of them: the model, the JSON, the database and the test oracles all follow it."""
TipoArchivo = Literal["pdf", "docx", "xlsx", "imagen"]
Fuente = Path | io.BytesIO
"""What a format reader reads: a path, or the bytes the door already read (and hashed) from one."""
ValorExcel = dt.datetime | dt.date | int | float | bool


@dataclass(frozen=True, slots=True)
class Origen:
    """Where a person finds the value: PDF page, Excel sheet, and row.

    `fila` is the Excel row number in a workbook, and the position of the row
    among the findings rows (1 = first finding row) in PDF and Word tables.
    """

    pagina: int | None = None
    hoja: str | None = None
    fila: int | None = None


@dataclass(frozen=True, slots=True)
class Celda:
    """One value as the document showed it, before anyone interprets it.

    `texto` is the text shown (line breaks kept, `None` for an empty cell).
    `valor` is the typed value Excel stored (a real date cell, a number), and
    `formato` its number format: `mmm-yy` means the writer meant a month.
    `fusionada` marks a grid position covered by a merged cell that starts
    elsewhere: vertically, the reader repeats the merged text (`texto` set);
    horizontally, only the first column holds the text (`texto` is `None`).
    `caja` is the horizontal extent (x0, x1) on a PDF page, to align columns of
    a table that goes on over pages without repeating its title row.
    `confianza` (0 to 1) is set only for text read by OCR from a scanned page:
    the confidence of its least certain word.
    `formula` is set only for an Excel cell whose formula result is unknown (never
    stored, and not computable here); `texto` is then `None`, never the formula.
    """

    texto: str | None
    origen: Origen = field(default_factory=Origen)
    valor: ValorExcel | None = None
    formato: str | None = None
    fusionada: bool = False
    caja: tuple[float, float] | None = None
    confianza: float | None = None
    formula: str | None = None


@dataclass(slots=True)
class FilaLeida:
    """One row as a format reader saw it, before anyone knows what it is.

    A paragraph or a free line of text is a row of one cell with `tabla=None`;
    a table row has one cell per grid column and the index of its table in the
    document (a table that goes on over a PDF page break gets a new index).
    """

    celdas: list[Celda]
    tabla: int | None = None
    pagina: int | None = None


@dataclass(slots=True)
class HojaLeida:
    """Everything a reader saw of one place that may hold one copy of the form.

    A PDF or Word file is one `HojaLeida`; a workbook gives one per visible sheet.
    """

    filas: list[FilaLeida]
    nombre: str | None = None
    paginas_en_blanco: list[int] = field(default_factory=list)
    """Pages of a scan skipped because they hold nothing to read."""
    paginas_por_ocr: list[int] = field(default_factory=list)
    """Pages whose text was read by OCR from their image: a scan is less trusted than a digital copy."""


@dataclass(slots=True)
class FilaCruda:
    """One row of the findings table, cells keyed by canonical column."""

    celdas: dict[str, Celda]
    origen: Origen


@dataclass(frozen=True, slots=True)
class FirmaCruda:
    nombre: str
    cargo: str | None = None


@dataclass(slots=True)
class PlanCrudo:
    """One copy of the form: a file usually holds one, a workbook one per sheet."""

    encabezado: dict[str, Celda] = field(default_factory=dict)
    filas: list[FilaCruda] = field(default_factory=list)
    columnas_desconocidas: list[str] = field(default_factory=list)
    columnas_faltantes: list[str] = field(default_factory=list)
    firmas: list[FirmaCruda] = field(default_factory=list)
    proyecto: Celda | None = None
    hoja: str | None = None


@dataclass(slots=True)
class DocumentoCrudo:
    """What one file gave.

    `error` set: the file could not be read (`planes` is empty). `error` unset
    and `planes` empty: a readable document that holds no copy of the form.
    """

    archivo: str
    sha256: str
    tipo: TipoArchivo | None
    """The family of the format (`None` when neither the bytes nor the extension tell it)."""
    planes: list[PlanCrudo] = field(default_factory=list)
    error: str | None = None
    paginas_en_blanco: list[int] = field(default_factory=list)
    paginas_por_ocr: list[int] = field(default_factory=list)
    formato: str | None = None
    """What the bytes are (`doc`, `xls`, `jpg`…), `None` when they are of no format we read."""
