"""How long the command takes to start, next to Python's own start (`python -c pass`), the floor.

Each case runs as a user types it, in a fresh process: one warm-up, then BENCH_REPETICIONES runs
(10 by default), reporting the median and the fastest, like hyperfine. An `ingerir` over an
archive already loaded has nothing to read: its time is start-up and the check of what changed.
The modules column comes from `python -X importtime`: how many modules the case imports and how
long the imports take, so that a slow start says whether it is imports or work.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

MUESTRAS = Path(__file__).resolve().parents[1] / "muestras"
PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
REPETICIONES_POR_DEFECTO = 10
ARCHIVO_PEQUENO = ("calica_2021.docx", "la_esperanza_2023.xlsx", "guavio_2022.pdf")


def _segundos(orden: list[str]) -> float:
    inicio = time.perf_counter()
    subprocess.run(orden, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - inicio


def _importaciones(orden: list[str]) -> tuple[int, float]:
    """Modules imported and seconds spent importing them (the top-level entries of -X importtime)."""
    programa = orden[1:] if orden[0] == sys.executable else orden
    salida = subprocess.run(
        [sys.executable, "-X", "importtime", *programa], capture_output=True, text=True, check=False
    ).stderr
    lineas = [linea.split("|") for linea in salida.splitlines() if linea.startswith("import time:") and "|" in linea]
    medidas = [(int(partes[1]), partes[2]) for partes in lineas if partes[1].strip().isdigit()]
    total = sum(acumulado for acumulado, nombre in medidas if not nombre[1:].startswith(" "))
    return len(medidas), total / 1e6


def _medir(orden: list[str], repeticiones: int) -> tuple[float, float]:
    _segundos(orden)
    tiempos = [_segundos(orden) for _ in range(repeticiones)]
    return statistics.median(tiempos), min(tiempos)


def _casos(carpeta: Path, base: Path) -> dict[str, list[str]]:
    ingerir = [PLANMEJORA, "ingerir", str(carpeta), "--db", f"sqlite:///{base}"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import planmejora'": [sys.executable, "-c", "import planmejora"],
        "planmejora --help": [PLANMEJORA, "--help"],
        "planmejora extraer --help": [PLANMEJORA, "extraer", "--help"],
        f"planmejora ingerir (sin cambios, {len(ARCHIVO_PEQUENO)} archivos)": ingerir,
    }


def correr(consola: Console) -> None:
    repeticiones = int(os.environ.get("BENCH_REPETICIONES", REPETICIONES_POR_DEFECTO))
    with tempfile.TemporaryDirectory(prefix="planmejora-arranque-") as temporal:
        carpeta = Path(temporal) / "archivo"
        carpeta.mkdir()
        for nombre in ARCHIVO_PEQUENO:
            shutil.copy(MUESTRAS / nombre, carpeta / nombre)
        base = Path(temporal) / "planes.db"
        casos = _casos(carpeta, base)
        subprocess.run(casos[next(c for c in casos if "ingerir" in c)], capture_output=True, check=False)
        tabla = Table(title=f"Arranque: mediana y mínimo de {repeticiones} corridas, {os.cpu_count()} núcleos")
        for columna in ("caso", "mediana s", "mínimo s", "× python -c pass", "módulos", "s importando"):
            tabla.add_column(columna, justify="left" if columna == "caso" else "right")
        piso: float | None = None
        for caso, orden in casos.items():
            mediana, minimo = _medir(orden, repeticiones)
            piso = piso or mediana
            modulos, importando = _importaciones(orden)
            tabla.add_row(
                caso, f"{mediana:.3f}", f"{minimo:.3f}", f"{mediana / piso:.1f}", str(modulos), f"{importando:.3f}"
            )
        consola.print(tabla)
