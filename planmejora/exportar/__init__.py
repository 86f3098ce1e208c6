"""What the control office hands in, read from the database's views: the consolidated plan and SIRECI's F14.1.

from pathlib import Path
from planmejora.exportar import exportar_consolidado, exportar_f14

exportar_consolidado("sqlite:///planes.db", Path("consolidado.xlsx"))  # or .csv; returns the rows written
exportar_f14("sqlite:///planes.db", Path("f14.xlsx"))
"""

from __future__ import annotations

from planmejora.exportar.consolidado import exportar_consolidado
from planmejora.exportar.f14 import MODALIDAD_POR_DEFECTO, exportar_f14

__all__ = ["MODALIDAD_POR_DEFECTO", "exportar_consolidado", "exportar_f14"]
