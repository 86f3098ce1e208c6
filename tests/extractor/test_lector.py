"""The door of the extractor refuses bad files with a Spanish reason, before any parser sees them."""

import zipfile
from pathlib import Path

import pytest

from extractor.lector import Limites, leer


def escribir(ruta: Path, datos: bytes) -> Path:
    ruta.write_bytes(datos)
    return ruta


def test_archivo_vacio(tmp_path: Path) -> None:
    doc = leer(escribir(tmp_path / "plan.pdf", b""))
    assert doc.error == "El archivo está vacío (0 bytes)."
    assert doc.tipo == "pdf" and doc.planes == []


def test_archivo_que_no_existe(tmp_path: Path) -> None:
    doc = leer(tmp_path / "no-esta.docx")
    assert doc.error == "No se encontró el archivo."
    assert doc.tipo == "docx"


@pytest.mark.parametrize(
    ("nombre", "datos", "dice"),
    [
        ("plan.pdf", b"Esto es texto plano, no un PDF.\n", "no es un PDF"),
        ("plan.xlsx", b"%PDF-1.4\n%\xe2\xe3\n", "el contenido es un PDF"),
        ("plan.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, "Office antiguo"),
        ("plan.docx", b"PK\x03\x04 truncado", "dañado o incompleto"),
    ],
)
def test_contenido_que_no_es_lo_que_dice_la_extension(tmp_path: Path, nombre: str, datos: bytes, dice: str) -> None:
    doc = leer(escribir(tmp_path / nombre, datos))
    assert doc.error is not None and dice in doc.error


def test_documento_protegido_con_contrasena(tmp_path: Path) -> None:
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le")
    doc = leer(escribir(tmp_path / "plan.xlsx", ole))
    assert doc.error is not None and "contraseña" in doc.error


def test_bomba_zip_se_rechaza_sin_descomprimir(tmp_path: Path) -> None:
    ruta = tmp_path / "bomba.xlsx"
    with zipfile.ZipFile(ruta, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    doc = leer(ruta, Limites(max_descomprimido=10 * 1024 * 1024))
    assert doc.error is not None and "bomba zip" in doc.error


def test_el_sha256_se_calcula_aunque_el_archivo_falle(tmp_path: Path) -> None:
    doc = leer(escribir(tmp_path / "x.pdf", b"hola"))
    assert doc.sha256 == "b221d9dbb083a7f33428d7c2a3c3198ae925614d70210e28716ccaa7cd4ddb79"


def test_el_nombre_mostrado_es_el_que_dio_el_usuario(tmp_path: Path) -> None:
    doc = leer(escribir(tmp_path / "x.pdf", b""), nombre="muestras/x.pdf")
    assert doc.archivo == "muestras/x.pdf"
