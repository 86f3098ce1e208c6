"""Many different files from a few samples: the same plan, each copy with other bytes (as follow-up copies are)."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"


def copias_distintas(origenes: Sequence[Path], carpeta: Path, cuantas: int) -> list[Path]:
    """`cuantas` files cycling over `origenes`, each with its own sha256 and still readable.

    A Word or Excel copy gets a different ZIP comment; a PDF gets a comment line after its end.
    """
    carpeta.mkdir(parents=True, exist_ok=True)
    copias = []
    for n in range(cuantas):
        origen = origenes[n % len(origenes)]
        copia = carpeta / f"{origen.stem}_{n:04}{origen.suffix}"
        shutil.copyfile(origen, copia)
        if origen.suffix == ".pdf":
            with copia.open("ab") as pdf:
                pdf.write(f"\n%copia {n}\n".encode())
        else:
            with zipfile.ZipFile(copia, "a") as libro:
                libro.comment = f"copia {n}".encode()
        copias.append(copia)
    return copias
