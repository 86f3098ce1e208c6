"""The door of the extractor refuses bad files with a Spanish reason, before any parser sees them."""

import builtins
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from extractor.formatos import identidad_sin_leer
from extractor.lector import leer
from extractor.limites import Limites


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


MUESTRAS = Path(__file__).parents[2] / "muestras"


@pytest.mark.parametrize(
    ("primera", "segunda"),
    [
        ("calica_2021.docx", "guavio_2022.docx"),
        ("sabana_alta_2021.xlsx", "puerto_camelias_2022.xlsx"),
        ("calica_2021.pdf", "tamboral_2022.pdf"),
    ],
)
def test_se_lee_exactamente_lo_que_se_hasheo_aunque_el_archivo_se_reemplace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, primera: str, segunda: str
) -> None:
    """Regression (issue 12): a file replaced while it was read was stored under the other version's sha256."""
    ruta = tmp_path / f"plan{Path(primera).suffix}"
    ruta.write_bytes((MUESTRAS / primera).read_bytes())
    esperado = leer(ruta)
    abrir_de_verdad = io.open
    aperturas = 0

    def abrir_y_reemplazar_despues(archivo: Any, *args: Any, **kwargs: Any) -> Any:
        """Each opening of the file after the first finds the other version, as if a copy landed meanwhile."""
        nonlocal aperturas
        if isinstance(archivo, (str, Path)) and Path(archivo) == ruta:
            aperturas += 1
            if aperturas == 2:
                ruta.write_bytes((MUESTRAS / segunda).read_bytes())
        return abrir_de_verdad(archivo, *args, **kwargs)

    monkeypatch.setattr(io, "open", abrir_y_reemplazar_despues)
    monkeypatch.setattr(builtins, "open", abrir_y_reemplazar_despues)
    leido = leer(ruta)
    monkeypatch.undo()

    assert leido.sha256 == hashlib.sha256((MUESTRAS / primera).read_bytes()).hexdigest()
    assert leido.planes == esperado.planes


@pytest.mark.parametrize(
    ("nombre", "datos"),
    [
        ("protegido.docx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le")),
        ("vacio.xlsx", b""),
        ("nota.pdf", b"Pendiente enviar el plan firmado.\n"),
        ("sin_extension", b"Pendiente enviar el plan firmado.\n"),
        ("libro.docx", b"%PDF-1.4\n%\xe2\xe3\n"),
        ("roto.xlsx", b"PK\x03\x04 truncado"),
    ],
)
def test_un_archivo_que_no_se_pudo_leer_tiene_el_mismo_tipo_si_su_lector_se_detuvo(
    tmp_path: Path, nombre: str, datos: bytes
) -> None:
    """Regression: a reader killed at a limit labelled a protected .docx with no `tipo`, `leer` with "docx"."""
    ruta = escribir(tmp_path / nombre, datos)
    documento = leer(ruta)
    assert identidad_sin_leer(ruta) == (documento.tipo, documento.formato)


def test_un_archivo_de_ningun_tipo_no_se_llama_pdf(tmp_path: Path) -> None:
    assert identidad_sin_leer(escribir(tmp_path / "nota", b"texto")) == (None, None)
    assert identidad_sin_leer(tmp_path / "no_esta") == (None, None)
