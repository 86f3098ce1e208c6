"""Old and open office formats (.doc, .rtf, .odt, .ods) read as their modern twin, converted by LibreOffice.

No well-kept Python library reads the tables of a .doc or .rtf, and LibreOffice reads them
as Word does; .odt and .ods go the same way so that one Word reader and one Excel reader
keep every rule. The conversion runs inside the reader's own process (`extractor.aislamiento`),
so the time and memory limits of the file apply to it: LibreOffice inherits the address-space
cap, dies with the reader when the reader is killed (the kernel's parent-death signal), and is
killed itself when it outlives the file's time limit. Each conversion has a private, throwaway
LibreOffice profile: conversions in parallel never share or lock one, and none is left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from extractor.errores import ArchivoIlegible
from extractor.formatos import nombre

INSTALAR = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
SEGUNDOS_SIN_LIMITE = 600.0
"""Time a conversion may take when the file has no time limit of its own: LibreOffice may hang on a bad file."""
PARTE_DEL_LIMITE = 0.9
"""Share of the file's time limit a conversion may take: stopping it here, before the reader process is killed,
gives the precise message and removes the temporary folder."""
_FILTROS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
_FILTROS_DE_ENTRADA = {("html", "xlsx"): "HTML (StarCalc)", ("html", "docx"): "HTML (StarWriter)"}
"""How to open a format LibreOffice would otherwise open in the wrong program: an HTML page as a sheet or a text."""
_REINICIO = 81
"""soffice.bin's exit code after creating a new profile: it asks to be started again (its launcher does so)."""
_PR_SET_PDEATHSIG = 1
_PREFIJO = "planmejora-conversion-"
"""Temporary folders are named by this and the reader's process id, so whoever kills a reader can find its own."""


class SinLibreOffice(ArchivoIlegible):
    """The file needs LibreOffice to be read and this machine has none."""


def _programa() -> Path | None:
    """soffice.bin itself, not its launcher script: a single process that a parent-death signal reaches."""
    lanzador = shutil.which("soffice") or shutil.which("libreoffice")
    if lanzador is None:
        return None
    real = Path(lanzador).resolve()
    binario = real.with_name("soffice.bin")
    return binario if binario.exists() else real


def _morir_con_el_lector() -> None:
    """Run in the child before LibreOffice starts: the kernel kills it when the reader process dies."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


@contextlib.contextmanager
def convertido(datos: bytes, formato: str, destino: str, max_segundos: float | None) -> Iterator[Path]:
    """The file's bytes converted to `destino` (docx or xlsx), in a temporary folder removed on leaving."""
    programa = _programa()
    if programa is None:
        raise SinLibreOffice(
            f"El archivo es {nombre(formato)} y para leerlo hace falta LibreOffice, que no está instalado en "
            f"este equipo. Instálelo con «{INSTALAR}» y vuelva a procesar el archivo."
        )
    with tempfile.TemporaryDirectory(prefix=f"{_PREFIJO}{os.getpid()}-") as carpeta:
        entrada = Path(carpeta) / f"entrada.{formato}"
        entrada.write_bytes(datos)
        salida = Path(carpeta) / "salida"
        orden = [
            str(programa),
            f"-env:UserInstallation={(Path(carpeta) / 'perfil').as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nologo",
            "--nodefault",
            *([f"--infilter={filtro}"] if (filtro := _FILTROS_DE_ENTRADA.get((formato, destino))) else []),
            "--convert-to",
            _FILTROS[destino],
            "--outdir",
            str(salida),
            str(entrada),
        ]
        _correr(orden, formato, PARTE_DEL_LIMITE * max_segundos if max_segundos else SEGUNDOS_SIN_LIMITE, Path(carpeta))
        convertida = salida / f"entrada.{destino}"
        if not convertida.is_file() or convertida.stat().st_size == 0:
            raise ArchivoIlegible(
                f"LibreOffice no pudo convertir el archivo ({nombre(formato)}): puede estar dañado, "
                "protegido con contraseña o no ser lo que parece. Ábralo y guárdelo de nuevo."
            )
        yield convertida


def barrer(pid: int) -> None:
    """Remove the temporary folders of the conversions of reader `pid`: a reader killed at its time limit
    never reaches the end of its `with`, and would leave the file's copy and a LibreOffice profile behind."""
    for carpeta in Path(tempfile.gettempdir()).glob(f"{_PREFIJO}{pid}-*"):
        shutil.rmtree(carpeta, ignore_errors=True)


def _correr(orden: list[str], formato: str, max_segundos: float, carpeta: Path) -> None:
    """Run LibreOffice (twice if a new profile asks for it), killed with all it started past `max_segundos`."""
    entorno = {**os.environ, "HOME": str(carpeta), "SAL_USE_VCLPLUGIN": "svp"}
    for _ in range(2):
        proceso = subprocess.Popen(
            orden,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=entorno,
            cwd=carpeta,
            start_new_session=True,
            preexec_fn=_morir_con_el_lector,
        )
        try:
            codigo = proceso.wait(max_segundos)
        except subprocess.TimeoutExpired as error:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proceso.pid, signal.SIGKILL)
            proceso.wait()
            raise ArchivoIlegible(
                f"LibreOffice no terminó de convertir el archivo ({nombre(formato)}) en {max_segundos:g} segundos "
                "y se detuvo: el archivo puede estar dañado. Ábralo y guárdelo como .docx o .xlsx."
            ) from error
        with contextlib.suppress(ProcessLookupError):  # whatever it left running
            os.killpg(proceso.pid, signal.SIGKILL)
        if codigo != _REINICIO:
            return
