"""Files that are not what they should be: each must give one object with an error, or `no_es_gem_fm014`.

The expected JSON of these does not depend on their content: an `error` message, or no
findings and the `no_es_gem_fm014` problem for a readable document that is not the form.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msoffcrypto  # type: ignore[import-untyped]
from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

CLAVE = "control2022"


@dataclass(frozen=True)
class Danado:
    """`legible` is true for a readable document that is simply not a copy of the form.

    `tipo` and `formato` are what the contract says of it: `formato` is what the bytes are (`None` when
    they do not say: empty, cut before the mark, encrypted), `tipo` its family, or that of the extension
    when the bytes do not contradict it; a text file is of no kind at all.
    """

    nombre: str
    porque: str
    tipo: str | None
    formato: str | None
    legible: bool = False


def cifrar(origen: Path, destino: Path) -> None:
    """Encrypt an OOXML file with a password, the way Office's 'Protect with password' does."""
    salida = io.BytesIO()
    with origen.open("rb") as entrada:
        OOXMLFile(entrada).encrypt(CLAVE, salida)
    destino.write_bytes(salida.getvalue())
    with destino.open("rb") as cifrado:
        if not msoffcrypto.OfficeFile(cifrado).is_encrypted():
            raise RuntimeError(f"{destino} no quedó cifrado")


def truncar(origen: Path, destino: Path, fraccion: float) -> None:
    datos = origen.read_bytes()
    destino.write_bytes(datos[: int(len(datos) * fraccion)])


def escribir(
    carpeta: Path,
    docx_bueno: Path,
    xlsx_bueno: Path,
    pdf_bueno: Path,
    pdf_con_clave: Callable[[Path, Path, str], None],
) -> list[Danado]:
    """Write the damaged files (the memo is written by the caller) and say what each one is.

    `pdf_con_clave(origen, destino, clave)` exports a document to a PDF that asks for a password to open.
    """
    carpeta.mkdir(parents=True, exist_ok=True)
    (carpeta / "vacio.pdf").write_bytes(b"")
    truncar(docx_bueno, carpeta / "truncado.docx", 0.4)
    truncar(xlsx_bueno, carpeta / "truncado.xlsx", 0.5)
    truncar(pdf_bueno, carpeta / "truncado.pdf", 0.1)
    cifrar(xlsx_bueno, carpeta / "protegido.xlsx")
    cifrar(docx_bueno, carpeta / "protegido.docx")
    pdf_con_clave(docx_bueno, carpeta / "protegido.pdf", CLAVE)
    (carpeta / "texto_con_extension_pdf.pdf").write_text(
        "Plan de mejoramiento Gestión Financiera\nPendiente enviar el PDF firmado.\n", encoding="utf-8"
    )
    (carpeta / "pdf_con_extension_xlsx.xlsx").write_bytes(pdf_bueno.read_bytes())
    return [
        Danado("vacio.pdf", "archivo de cero bytes", "pdf", None),
        Danado("truncado.docx", "DOCX cortado al 40 %: el ZIP no tiene directorio central", "docx", None),
        Danado("truncado.xlsx", "XLSX cortado a la mitad", "xlsx", None),
        Danado("truncado.pdf", "PDF cortado al 10 %: sin páginas completas ni tabla xref", "pdf", "pdf"),
        Danado("protegido.xlsx", f"XLSX protegido con contraseña ({CLAVE})", "xlsx", None),
        Danado("protegido.docx", f"DOCX protegido con contraseña ({CLAVE})", "docx", None),
        Danado("protegido.pdf", f"PDF cifrado que pide contraseña para abrirse ({CLAVE})", "pdf", "pdf"),
        Danado("texto_con_extension_pdf.pdf", "un archivo de texto con extensión .pdf", None, None),
        Danado("pdf_con_extension_xlsx.xlsx", "un PDF con extensión .xlsx", "pdf", "pdf"),
        Danado("memorando.docx", "un memorando legible que no es un GEM-FM014", "docx", "docx", legible=True),
        Danado("memorando.pdf", "el memorando exportado a PDF por LibreOffice", "pdf", "pdf", legible=True),
    ]
