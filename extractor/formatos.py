"""What a file really is, told from its bytes: the extension only says which files of a folder are worth opening.

An office renames a .docx to .doc, saves a .xls from a program that writes .xlsx, or
copies a photo with no extension: the reader to use comes from the bytes. The formats,
their family (`tipo` in the contract) and their names live in `vocabulario/formatos.toml`.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import olefile

from extractor.errores import ArchivoIlegible
from extractor.modelo import TipoArchivo
from extractor.vocabulario import cargar

MB = 1024 * 1024
MAX_IDENTIFICAR = 100 * MB
"""Bytes read to name a file the readers gave up on: an OLE or ZIP container says what it holds at its end."""
_FORMATOS = cargar("formatos")
EXTENSIONES: dict[str, str] = {ext: formato for formato, datos in _FORMATOS.items() for ext in datos["extensiones"]}
"""Extension (with dot, lower case) → the format a file so named usually is."""

_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_CIFRADO = "EncryptedPackage".encode("utf-16-le")
_MARCAS: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "rtf"),
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.text-template": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.spreadsheet-template": "ods",
}


_HOJA_XML = b"urn:schemas-microsoft-com:office:spreadsheet"
_INICIOS_HTML = (b"<!doctype html", b"<html", b"<table", b"<head", b"<meta", b"<body")
_ANTES_DEL_MARCADO = b"\xef\xbb\xbf \t\r\n"
"""A UTF-8 byte-order mark and blank space, which web systems often write before the first tag."""


@dataclass(frozen=True, slots=True)
class Identidad:
    """The real format of a file (`None` when its bytes are of no format we know) and its family.

    `declarado` is the format the file's name promises: it picks the family of a format that can be
    either (HTML from a web system is a workbook as .xls and a document as .doc).
    """

    formato: str | None
    declarado: str | None = None

    @property
    def tipo(self) -> TipoArchivo | None:
        if not self.formato:
            return None
        datos = _FORMATOS[self.formato]
        if self.declarado and (prometida := _FORMATOS[self.declarado]["familia"]) in datos.get("tambien", []):
            return cast(TipoArchivo, prometida)
        return cast(TipoArchivo, datos["familia"])


def nombre(formato: str) -> str:
    """How a message names the format: «un documento de Word 97-2003 (.doc)»."""
    return str(_FORMATOS[formato]["nombre"])


def por_extension(ruta: Path) -> str | None:
    """The format a file's name promises, or None for an extension we do not read."""
    return EXTENSIONES.get(ruta.suffix.lower())


def formato_de(datos: bytes) -> str | None:
    """The format the bytes are; raises `ArchivoIlegible` when they say why the file cannot be read at all
    (password, a damaged Office file, a ZIP that holds no document)."""
    if b"%PDF-" in datos[:1024]:
        return "pdf"
    if datos.startswith(_OLE):
        return _formato_ole(datos)
    if datos.startswith(b"PK"):
        return _formato_zip(datos)
    return next((formato for marca, formato in _MARCAS if datos.startswith(marca)), None) or _formato_marcado(datos)


def _formato_marcado(datos: bytes) -> str | None:
    """A workbook or document written as markup by a web system: Excel 2003 XML, or an HTML page with a table."""
    inicio = datos[:4096].lstrip(_ANTES_DEL_MARCADO).lower()
    if inicio.startswith(b"<?xml") and _HOJA_XML in inicio:
        return "xml"
    if inicio.startswith(b"<?xml") or inicio.startswith(b"<!--"):
        inicio = inicio[inicio.find(b">") + 1 :].lstrip()
    if inicio.startswith(_INICIOS_HTML) and b"<table" in datos[: 4 * MB].lower():
        return "html"
    return None


def tiene_marca(cabecera: bytes) -> bool:
    """Whether the first bytes of a file carry the mark of a format we read (or of a container that may hold one)."""
    return (
        b"%PDF-" in cabecera[:1024]
        or cabecera.startswith((_OLE, b"PK"))
        or any(cabecera.startswith(marca) for marca, _ in _MARCAS)
    )


def _formato_ole(datos: bytes) -> str:
    """Old Office files and password-protected new ones are OLE containers: their streams tell which."""
    try:
        with olefile.OleFileIO(datos) as ole:
            flujos = {"/".join(partes) for partes in ole.listdir(streams=True, storages=False)}
    except (OSError, ValueError, IndexError, TypeError) as error:  # olefile raises plain errors on bad structures
        if _CIFRADO in datos[:MB]:
            raise _protegido() from error
        raise ArchivoIlegible(
            "Es un archivo de Office antiguo (.doc o .xls) dañado: su estructura interna no se puede leer. "
            "Ábralo en Word o Excel y guárdelo de nuevo."
        ) from error
    if "EncryptedPackage" in flujos:
        raise _protegido()
    if "WordDocument" in flujos:
        return "doc"
    if "Workbook" in flujos or "Book" in flujos:
        return "xls"
    raise ArchivoIlegible(
        "Es un archivo de Office antiguo que no es un documento de Word ni un libro de Excel "
        "(quizá de PowerPoint o de otro programa)."
    )


def _protegido() -> ArchivoIlegible:
    return ArchivoIlegible(
        "El archivo está protegido con contraseña. Quite la contraseña en Word o Excel y guárdelo de nuevo."
    )


def _formato_zip(datos: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as zf:
            nombres = set(zf.namelist())
            tipo_odf = b""
            if "mimetype" in nombres:
                with zf.open("mimetype") as mimetype:
                    tipo_odf = mimetype.read(100).strip()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as error:
        raise ArchivoIlegible(
            "El archivo está dañado o incompleto: su estructura interna (ZIP) no se puede abrir."
        ) from error
    if "word/document.xml" in nombres:
        return "docx"
    if "xl/workbook.xml" in nombres:
        return "xlsx"
    if tipo_odf in _ODF:
        return _ODF[tipo_odf]
    raise ArchivoIlegible(
        "El archivo es un ZIP que no contiene un documento de Word, un libro de Excel ni un archivo de "
        "OpenDocument, o está dañado o incompleto."
    )


def sha256_de(ruta: Path) -> str:
    with ruta.open("rb") as archivo:
        return hashlib.file_digest(archivo, "sha256").hexdigest()


def identidad_sin_leer(ruta: Path) -> tuple[TipoArchivo | None, str | None]:
    """The `tipo` and `formato` `leer` gives a file that fails, for a file whose reader was stopped (a limit, a crash).

    Same rule as `leer`: what the bytes are when they say it; the family the extension promises when
    the bytes cannot say (empty, damaged, protected, unreadable); no family for bytes of no format we read.
    """
    declarado = Identidad(por_extension(ruta)).tipo
    try:
        with ruta.open("rb") as archivo:
            datos = archivo.read(MAX_IDENTIFICAR)
        formato = formato_de(datos) if datos else None
    except (ArchivoIlegible, OSError):
        return declarado, None
    return (Identidad(formato, por_extension(ruta)).tipo, formato) if datos else (declarado, None)
