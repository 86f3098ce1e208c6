"""The door of the extractor: what a file really is, whether it is safe to open, and which reader reads it.

Limits are checked here, before any parser sees the bytes, and every failure
becomes a Spanish message in `DocumentoCrudo.error`: a bad file never stops a batch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException

from extractor.ajustes import AjustesLectura
from extractor.conversion import convertido
from extractor.copias import partir_en_copias
from extractor.ensamblar import ensamblar
from extractor.errores import ArchivoIlegible
from extractor.formatos import MB, Identidad, formato_de, nombre, por_extension
from extractor.limites import Limites, mensaje_memoria
from extractor.modelo import DocumentoCrudo, HojaLeida

log = logging.getLogger(__name__)

_COMPRIMIDOS = frozenset({"docx", "xlsx", "odt", "ods"})


def _revisar_zip(datos: bytes, limites: Limites) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as zf:
            miembros = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ArchivoIlegible(
            "El archivo está dañado o incompleto: su estructura interna (ZIP) no se puede abrir."
        ) from error
    if len(miembros) > limites.max_miembros:
        raise ArchivoIlegible(
            f"El archivo contiene {len(miembros)} partes internas (el límite es {limites.max_miembros}): "
            "no parece un documento de oficina normal y no se abrió."
        )
    descomprimido = sum(m.file_size for m in miembros)
    comprimido = max(1, sum(m.compress_size for m in miembros))
    if descomprimido > limites.max_descomprimido or descomprimido / comprimido > limites.max_proporcion:
        raise ArchivoIlegible(
            f"El archivo declara {descomprimido / MB:.0f} MB al descomprimirse "
            f"({descomprimido / comprimido:.0f} veces su tamaño): parece una «bomba zip» "
            "y no se abrió por seguridad."
        )


def _revisar_formato(ruta: Path, datos: bytes, formato: str | None, declarado: str | None, limites: Limites) -> str:
    """The format to read; refuses content of another family than the extension says, or of no format we read.

    Within a family the bytes decide: a .docx renamed .doc is read as the .docx it is.
    """
    if formato is None:
        esperado = nombre(declarado) if declarado else "un PDF, un documento, una hoja de cálculo ni una imagen"
        raise ArchivoIlegible(
            f"El contenido del archivo no es {esperado}: no tiene la marca de ese formato "
            "(puede estar dañado, truncado o ser de otro tipo)."
        )
    if declarado is not None and Identidad(formato, declarado).tipo != Identidad(declarado).tipo:
        raise ArchivoIlegible(
            f"La extensión «{ruta.suffix}» dice que es {nombre(declarado)}, "
            f"pero el contenido es {nombre(formato)}. Corrija la extensión del archivo y vuelva a cargarlo."
        )
    if formato in _COMPRIMIDOS:
        _revisar_zip(datos, limites)
    return formato


def _leer_hojas(datos: bytes, identidad: Identidad, limites: Limites, ajustes: AjustesLectura) -> list[HojaLeida]:
    """The reader of each format: the modern ones directly, .xls with xlrd, the other office formats
    converted by LibreOffice to their modern twin, and images through OCR."""
    formato = identidad.formato or ""
    if formato == "pdf":
        from extractor.pdf import leer_pdf

        return leer_pdf(io.BytesIO(datos), limites.max_paginas, ajustes)
    if formato == "xls":
        from extractor.xls import leer_xls

        return leer_xls(datos)
    if identidad.tipo == "imagen":
        from extractor.imagen import leer_imagen

        return leer_imagen(io.BytesIO(datos), limites.max_paginas, ajustes)
    if identidad.tipo == "docx":
        from extractor.docx import leer_docx

        if formato == "docx":
            return leer_docx(io.BytesIO(datos))
        with convertido(datos, formato, "docx", limites.max_segundos) as copia:
            return leer_docx(copia)
    from extractor.xlsx import leer_xlsx

    if formato == "xlsx":
        return leer_xlsx(io.BytesIO(datos))
    with convertido(datos, formato, "xlsx", limites.max_segundos) as copia:
        hojas = leer_xlsx(copia)
    return _sin_nombre_de_hoja(hojas) if formato == "html" else hojas


def _sin_nombre_de_hoja(hojas: list[HojaLeida]) -> list[HojaLeida]:
    """An HTML page has no sheets: the name LibreOffice gives the one it makes («Sheet1», «Hoja1») comes from
    its language, not from the file, and would only mislead whoever looks for it."""
    return [
        HojaLeida(
            [
                dataclasses.replace(
                    fila,
                    celdas=[
                        dataclasses.replace(c, origen=dataclasses.replace(c.origen, hoja=None)) for c in fila.celdas
                    ],
                )
                for fila in hoja.filas
            ],
            None,
            hoja.paginas_en_blanco,
        )
        for hoja in hojas
    ]


def _causas(error: BaseException) -> Iterator[BaseException]:
    vistas: set[int] = set()
    causa: BaseException | None = error
    while causa is not None and id(causa) not in vistas:
        vistas.add(id(causa))
        yield causa
        causa = causa.__cause__ or causa.__context__


def _por_seguridad(error: ArchivoIlegible, limites: Limites) -> str | None:
    """What a reader reported as damage but was a safety refusal or a limit, whatever it was wrapped in."""
    for causa in _causas(error):
        if isinstance(causa, MemoryError):
            return mensaje_memoria(limites)
        if isinstance(causa, DefusedXmlException):
            return (
                "El archivo contiene declaraciones XML no permitidas (DTD o entidades, que sirven para agotar "
                "la memoria o leer archivos del equipo) y no se abrió por seguridad."
            )
    return None


@dataclass(frozen=True, slots=True)
class _Bytes:
    """The file as read once: its hash, and its bytes when they are within the size limit."""

    sha256: str
    tamano: int
    datos: bytes | None


def _leer_una_vez(ruta: Path, limites: Limites) -> _Bytes:
    """Read the file once, so that what is parsed is exactly what was hashed, even if the file is replaced meanwhile.

    A file past `max_bytes` is only hashed, a block at a time (its failure is stored under its hash).
    """
    with ruta.open("rb") as archivo:
        if os.fstat(archivo.fileno()).st_size <= limites.max_bytes:
            datos = archivo.read(limites.max_bytes + 1)
            if len(datos) <= limites.max_bytes:
                return _Bytes(hashlib.sha256(datos).hexdigest(), len(datos), datos)
        archivo.seek(0)
        huella = hashlib.file_digest(archivo, "sha256")
        return _Bytes(huella.hexdigest(), archivo.tell(), None)


def leer(
    ruta: str | Path,
    limites: Limites | None = None,
    nombre: str | None = None,
    ajustes: AjustesLectura = AjustesLectura(),
) -> DocumentoCrudo:
    """Read one file into the neutral shape; never raises for a bad file.

    `nombre` is how the file is named in the output (the path as the user gave it); `ajustes`, the
    settings of the reading (by default `AjustesLectura()`).
    """
    limites = limites or Limites()
    ruta = Path(ruta)
    archivo = nombre if nombre is not None else str(ruta)
    declarado = por_extension(ruta)
    documento = DocumentoCrudo(archivo, hashlib.sha256(b"").hexdigest(), tipo=Identidad(declarado).tipo)
    try:
        if not ruta.exists():
            raise ArchivoIlegible("No se encontró el archivo.")
        if ruta.is_dir():
            raise ArchivoIlegible("Es una carpeta, no un archivo.")
        leido = _leer_una_vez(ruta, limites)
        documento.sha256 = leido.sha256
        if leido.tamano == 0:
            raise ArchivoIlegible("El archivo está vacío (0 bytes).")
        if leido.datos is None:
            raise ArchivoIlegible(
                f"El archivo pesa {leido.tamano / MB:.0f} MB y el límite es {limites.max_bytes / MB:.0f} MB."
            )
        formato = formato_de(leido.datos)
        documento.formato, documento.tipo = formato, Identidad(formato, declarado).tipo
        formato = _revisar_formato(ruta, leido.datos, formato, declarado, limites)
        hojas = _leer_hojas(leido.datos, Identidad(formato, declarado), limites, ajustes)
        copias = [copia for hoja in hojas for copia in partir_en_copias(hoja, ajustes.ensamble.columnas)]
        documento.planes = [plan for copia in copias if (plan := ensamblar(copia, ajustes.ensamble)) is not None]
        documento.paginas_en_blanco = [n for hoja in hojas for n in hoja.paginas_en_blanco]
        documento.paginas_por_ocr = [n for hoja in hojas for n in hoja.paginas_por_ocr]
    except ArchivoIlegible as error:
        documento.error = _por_seguridad(error, limites) or error.mensaje
        return documento
    except PermissionError:
        documento.error = "No hay permiso para leer el archivo."
        return documento
    except OSError as error:
        documento.error = f"No se pudo leer el archivo del disco: {error.strerror or error}."
        return documento
    except MemoryError:
        documento.error = mensaje_memoria(limites)
        return documento
    except Exception as error:  # a reader bug must not stop the batch; it is logged with its traceback
        log.exception("Error inesperado leyendo %s", archivo)
        documento.error = (
            f"No se pudo leer el archivo por un error inesperado ({type(error).__name__}). "
            "Revise que el archivo abra en Word, Excel o un lector de PDF."
        )
        return documento
    return documento
