"""The whole pipeline over an archive of N copies: files per second and peak memory, against naive readers.

The archive cycles over the samples of muestras/ that have text (Word, Excel, PDF; the
scanned ones need OCR, which no naive reader does), each copy with its own bytes: a Word or
Excel copy gets another title in docProps/core.xml, a PDF a comment after its end. N comes
from the environment variable BENCH_N (1000 by default; `make bench N=200`).

Measured in one run, each case in a fresh process:
- `planmejora ingerir` cold, into a new SQLite base, with 1 and with 2 readers;
- the same command again over the unchanged archive (nothing to read);
- our reading (`extraer_archivo`, in one process) of the PDFs, workbooks and Word files,
  next to a naive loop: pdfplumber's `extract_tables()` on every page, `pandas.read_excel`
  of every sheet, python-docx's cells of every table; and, for PDFs, pdfium's plain text of
  every page, the floor: no reading of the form can be faster than getting its characters.
Peak memory is each process's high-water mark (VmHWM): the writer, and the largest reader.
When our PDF reading is slower than the naive loop, a profile says where the time goes.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import json
import multiprocessing
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

MUESTRAS = Path(__file__).resolve().parents[1] / "muestras"
PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
N_POR_DEFECTO = 1000
LECTURAS_POR_TIPO = 40
"""Files of each type read by our reader and by the naive one (the copies of a sample differ in one title)."""
META_CALIENTE = 0.02
META_MEMORIA_MB = 300
_TITULO = re.compile(rb"<dc:title>.*?</dc:title>|<dc:title/>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Medida:
    caso: str
    archivos: int
    segundos: float
    """Wall time, the interpreter's start included."""
    segundos_carga: float | None = None
    """The time `ingerir` itself reports (walk, read, write), without starting Python and importing."""
    pico_mb: float | None = None
    """The peak memory of the command (the writer), or of the only process."""
    pico_lector_mb: float | None = None
    """The peak memory of the largest reader process."""

    @property
    def por_segundo(self) -> float:
        return self.archivos / self.segundos if self.segundos else float("inf")


# --- the archive ------------------------------------------------------------------------------


def _con_titulo(origen: Path, destino: Path, titulo: str) -> None:
    """A copy of a Word or Excel package whose document title (docProps/core.xml) is `titulo`."""
    nuevo = f'<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">{titulo}</dc:title>'.encode()
    with zipfile.ZipFile(origen) as viejo, zipfile.ZipFile(destino, "w", zipfile.ZIP_DEFLATED) as copia:
        for info in viejo.infolist():
            datos = viejo.read(info)
            if info.filename == "docProps/core.xml":
                datos, cambios = _TITULO.subn(nuevo, datos, count=1)
                if not cambios:
                    datos = datos.replace(b"</cp:coreProperties>", nuevo + b"</cp:coreProperties>")
            copia.writestr(info, datos)


def archivo_de_copias(carpeta: Path, cuantas: int) -> list[Path]:
    muestras = sorted(
        p for p in MUESTRAS.iterdir() if p.suffix in (".pdf", ".docx", ".xlsx") and not p.name.startswith("escaneado")
    )
    carpeta.mkdir(parents=True, exist_ok=True)
    copias = []
    for n in range(cuantas):
        origen = muestras[n % len(muestras)]
        copia = carpeta / f"{n:05}_{origen.name}"
        if origen.suffix == ".pdf":
            shutil.copyfile(origen, copia)
            with copia.open("ab") as pdf:
                pdf.write(f"%copia {n} del benchmark\n".encode())
        else:
            _con_titulo(origen, copia, f"Copia {n} del benchmark")
        copias.append(copia)
    return copias


# --- cases run as a real command ---------------------------------------------------------------


def _pico_mb(proceso: psutil.Process) -> float | None:
    """The process's peak resident memory so far (VmHWM), in MB."""
    try:
        with open(f"/proc/{proceso.pid}/status") as estado:
            for linea in estado:
                if linea.startswith("VmHWM:"):
                    return int(linea.split()[1]) / 1024
    except OSError:
        return None
    return None


def ingerir(caso: str, carpeta: Path, base: Path, trabajadores: int, archivos: int) -> Medida:
    """`planmejora ingerir` as a user runs it, watching the memory of the command and of every process it starts.

    The readers are the children of the fork server that the command starts (see `extractor.aislamiento`).
    """
    orden = [PLANMEJORA, "ingerir", str(carpeta), "--db", f"sqlite:///{base}", "--workers", str(trabajadores), "--json"]
    inicio = time.perf_counter()
    with tempfile.TemporaryFile() as salida:
        proceso = subprocess.Popen(orden, stdout=salida, stderr=subprocess.DEVNULL)
        principal = psutil.Process(proceso.pid)
        picos: dict[int, float] = {}
        padres: dict[int, int] = {}
        servidores: set[int] = set()
        while proceso.poll() is None:
            try:
                hijos = principal.children(recursive=True)
            except psutil.NoSuchProcess:
                break
            for p in [principal, *hijos]:
                pico = _pico_mb(p)
                if pico is None:
                    continue
                picos[p.pid] = max(pico, picos.get(p.pid, 0.0))
                if p.pid not in padres:
                    with contextlib.suppress(psutil.Error):
                        padres[p.pid] = p.ppid()
                        if "forkserver" in " ".join(p.cmdline()) and p.ppid() == proceso.pid:
                            servidores.add(p.pid)
            time.sleep(0.05)
        segundos = time.perf_counter() - inicio
        salida.seek(0)
        resumen = json.loads(salida.read() or b"{}")
    lector = max((mb for pid, mb in picos.items() if padres.get(pid) in servidores), default=None)
    return Medida(caso, archivos, segundos, resumen.get("segundos"), picos.get(proceso.pid), lector)


# --- reading alone, in one fresh process ----------------------------------------------------------


def _pdfplumber(ruta: Path) -> None:
    import pdfplumber

    with pdfplumber.open(ruta) as pdf:
        for pagina in pdf.pages:
            pagina.extract_tables()


def _pdfium(ruta: Path) -> None:
    """pdfium's plain text of every page: no table, no geometry, the floor of any PDF reading."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(ruta)
    try:
        for pagina in pdf:
            pagina.get_textpage().get_text_range()
    finally:
        pdf.close()


def _pandas(ruta: Path) -> None:
    import pandas

    pandas.read_excel(ruta, sheet_name=None)


def _python_docx(ruta: Path) -> None:
    import docx

    for tabla in docx.Document(str(ruta)).tables:
        for fila in tabla.rows:
            for celda in fila.cells:
                _ = celda.text


def _nuestro(ruta: Path) -> None:
    from planmejora.api import extraer_archivo

    extraer_archivo(ruta)


LECTORES: dict[str, Callable[[Path], None]] = {
    "planmejora": _nuestro,
    "pdfplumber": _pdfplumber,
    "pdfium": _pdfium,
    "pandas": _pandas,
    "python-docx": _python_docx,
}


def _leer_todos(lector: str, rutas: list[Path], perfilar: bool) -> tuple[float, float | None, str]:
    """In a fresh process: the first file read untimed (imports, caches), then all of them timed."""
    try:
        return _medir(LECTORES[lector], rutas, perfilar)
    except Exception as error:  # lxml's errors do not cross a process boundary: their text does
        raise RuntimeError(f"{lector} falló: {type(error).__name__}: {error}") from None


def _medir(leer: Callable[[Path], None], rutas: list[Path], perfilar: bool) -> tuple[float, float | None, str]:
    leer(rutas[0])
    perfil = cProfile.Profile() if perfilar else None
    inicio = time.perf_counter()
    if perfil:
        perfil.enable()
    for ruta in rutas:
        leer(ruta)
    if perfil:
        perfil.disable()
    segundos = time.perf_counter() - inicio
    informe = ""
    if perfil:
        salida = io.StringIO()
        pstats.Stats(perfil, stream=salida).sort_stats("tottime").print_stats(15)
        informe = salida.getvalue()
    return segundos, _pico_mb(psutil.Process()), informe


def leer(caso: str, lector: str, rutas: list[Path], perfilar: bool = False) -> tuple[Medida, str]:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as proceso:
        segundos, pico, informe = proceso.submit(_leer_todos, lector, rutas, perfilar).result()
    return Medida(caso, len(rutas), segundos, pico_mb=pico), informe


# --- the report -----------------------------------------------------------------------------------


def _mb(valor: float | None) -> str:
    return "—" if valor is None else f"{valor:.0f}"


def _tabla(medidas: list[Medida], referencias: dict[str, str], n: int) -> Table:
    """`referencias`: for a case, the case it is compared with (a warm run by time, the others by speed)."""
    por_caso = {m.caso: m for m in medidas}
    tabla = Table(title=f"Canal completo: {n} copias, SQLite, {os.cpu_count()} núcleos")
    for columna in ("caso", "n", "s", "s carga", "arch/s", "MB esc.", "MB lect.", "razón"):
        tabla.add_column(columna, justify="left" if columna == "caso" else "right")
    for m in medidas:
        razon = ""
        if m.caso in referencias:
            base = por_caso[referencias[m.caso]]
            if m.caso == OTRA_VEZ:
                razon = f"{m.segundos / base.segundos:.1%} t"
            else:
                razon = f"{m.por_segundo / base.por_segundo:.2f}×"
        tabla.add_row(
            m.caso,
            str(m.archivos),
            f"{m.segundos:.1f}",
            "—" if m.segundos_carga is None else f"{m.segundos_carga:.2f}",
            f"{m.por_segundo:.1f}",
            _mb(m.pico_mb),
            _mb(m.pico_lector_mb),
            razon,
        )
    return tabla


FRIO_1 = "ingerir, 1 lector"
FRIO_2 = "ingerir, 2 lectores"
OTRA_VEZ = "ingerir otra vez"
PDF_NUESTRO = "PDF, planmejora"
PDF_INGENUO = "PDF, pdfplumber"
PDF_PISO = "PDF, texto de pdfium"
META_PDF = 0.40
"""Our PDF reading's time as a fraction of the naive loop's (issue 19)."""
LECTURAS = [
    (PDF_INGENUO, "pdfplumber", "pdf"),
    (PDF_NUESTRO, "planmejora", "pdf"),
    (PDF_PISO, "pdfium", "pdf"),
    ("Excel, pandas", "pandas", "xlsx"),
    ("Excel, planmejora", "planmejora", "xlsx"),
    ("Word, python-docx", "python-docx", "docx"),
    ("Word, planmejora", "planmejora", "docx"),
]
REFERENCIAS = {
    FRIO_2: FRIO_1,
    OTRA_VEZ: FRIO_2,
    PDF_NUESTRO: PDF_INGENUO,
    PDF_PISO: PDF_INGENUO,
    "Excel, planmejora": "Excel, pandas",
    "Word, planmejora": "Word, python-docx",
}


def _metas(por_caso: dict[str, Medida]) -> list[tuple[str, bool, str]]:
    frio, otra_vez = por_caso[FRIO_2], por_caso[OTRA_VEZ]
    caliente = otra_vez.segundos / frio.segundos
    detalle = f"{caliente:.1%} con el arranque de Python"
    if frio.segundos_carga and otra_vez.segundos_carga is not None:
        detalle += f", {otra_vez.segundos_carga / frio.segundos_carga:.2%} sin él"
    lectores = [m.pico_lector_mb for m in por_caso.values() if m.pico_lector_mb is not None]
    pdf = por_caso[PDF_NUESTRO].por_segundo / por_caso[PDF_INGENUO].por_segundo
    return [
        ("segunda corrida < 2% de la primera", caliente < META_CALIENTE, detalle),
        (
            f"memoria de cada lector < {META_MEMORIA_MB} MB",
            bool(lectores) and max(lectores) < META_MEMORIA_MB,
            f"{max(lectores, default=0):.0f} MB",
        ),
        ("lectura de PDF ≥ pdfplumber ingenuo", pdf >= 1, f"{pdf:.2f}×"),
        (f"lectura de PDF ≤ {META_PDF:.2f} del tiempo de pdfplumber ingenuo", 1 / pdf <= META_PDF, f"{1 / pdf:.2f}"),
    ]


def correr(consola: Console) -> None:
    n = int(os.environ.get("BENCH_N", N_POR_DEFECTO))
    with tempfile.TemporaryDirectory(prefix="planmejora-bench-") as temporal:
        carpeta = Path(temporal) / "archivo"
        consola.print(f"Generando {n} copias en {carpeta}…")
        copias = archivo_de_copias(carpeta, n)
        por_tipo = {t: [c for c in copias if c.suffix == f".{t}"][:LECTURAS_POR_TIPO] for t in ("pdf", "xlsx", "docx")}

        medidas: list[Medida] = []
        for trabajadores, caso in ((1, FRIO_1), (2, FRIO_2)):
            consola.print(f"{caso}…")
            medidas.append(ingerir(caso, carpeta, Path(temporal) / f"frio_{trabajadores}.db", trabajadores, n))
        consola.print(f"{OTRA_VEZ} sobre el mismo archivo…")
        medidas.append(ingerir(OTRA_VEZ, carpeta, Path(temporal) / "frio_2.db", 2, n))
        for caso, lector, tipo in LECTURAS:
            if por_tipo[tipo]:
                consola.print(f"{caso} ({len(por_tipo[tipo])} archivos, en un proceso)…")
                medidas.append(leer(caso, lector, por_tipo[tipo])[0])

        por_caso = {m.caso: m for m in medidas}
        consola.print(_tabla(medidas, {k: v for k, v in REFERENCIAS.items() if k in por_caso and v in por_caso}, n))
        consola.print(
            "s: segundos de reloj; s carga: los que dice `ingerir`, sin arrancar Python; MB: pico de memoria "
            "(VmHWM) del escritor y del mayor lector; razón: velocidad frente a la fila de arriba "
            "(1 lector, pdfplumber, pandas, python-docx), o «t» tiempo frente a la carga en frío; el texto de pdfium "
            "(sin tablas ni geometría) es el piso de cualquier lectura de PDF."
        )
        if {PDF_NUESTRO, PDF_INGENUO} <= set(por_caso):
            metas = _metas(por_caso)
            for meta, cumple, valor in metas:
                consola.print(f"{'[green]✓' if cumple else '[red]✗'}[/] {meta}: {valor}")
            if not metas[2][1]:
                consola.print("La lectura de PDF es más lenta que el lazo ingenuo; dónde va el tiempo (10 archivos):")
                consola.print(leer("perfil", "planmejora", por_tipo["pdf"][:10], perfilar=True)[1], markup=False)
