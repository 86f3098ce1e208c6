"""Two real copies of one plan, January and July, as an office keeps them: what the follow-up meeting sees.

The July copy is the sample `tamboral_2022.docx` edited as people do between two follow-ups: an
action closed, a date moved, a finished action's row deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import docx
from openpyxl import load_workbook

from planmejora import escribir_seguimiento, ingerir, leer_seguimiento

MUESTRA = Path(__file__).parents[2] / "muestras" / "tamboral_2022.docx"
ENERO = dt.datetime(2022, 1, 15, 9, 0).timestamp()
JULIO = dt.datetime(2022, 7, 15, 9, 0).timestamp()
CORTE = dt.date(2022, 9, 30)


def copia_de_julio(destino: Path) -> Path:
    documento = docx.Document(str(MUESTRA))
    hallazgos, continuacion = documento.tables[0], documento.tables[1]
    for fila in hallazgos.rows:
        celdas = fila.cells
        if celdas[0].text == "02":
            celdas[11].text = "Cerrada"
        elif celdas[0].text == "04":
            celdas[7].text = "30/12/2022"
    fila_08 = next(f for f in continuacion.rows if f.cells[0].text == "08")
    continuacion._tbl.remove(fila_08._tr)
    documento.save(str(destino))
    return destino


def test_lo_que_cambio_entre_dos_copias_reales_del_mismo_plan(tmp_path: Path) -> None:
    carpeta = tmp_path / "planes"
    carpeta.mkdir()
    enero = shutil.copy2(MUESTRA, carpeta / "tamboral_enero.docx")
    julio = copia_de_julio(carpeta / "tamboral_julio.docx")
    os.utime(enero, (ENERO, ENERO))
    os.utime(julio, (JULIO, JULIO))
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    assert ingerir([carpeta], url).cargados == 2

    seg = leer_seguimiento(url, CORTE)
    [plan] = seg.cambios
    assert plan.anterior.archivo.endswith("tamboral_enero.docx") and plan.actual.archivo.endswith("tamboral_julio.docx")
    assert [(c.numero, c.tipo, c.antes, c.despues) for c in plan.cambios] == [
        ("02", "cerrada", "abierta", "cerrada"),
        ("04", "fecha_movida", "30/10/2022", "30/12/2022"),
        ("05", "vencida", "En término", "Vencida el 15/03/2022"),
        ("07", "vencida", "En término", "Vencida el 30/06/2022"),
        ("08", "quitada", "cerrada", None),
    ]
    assert [(a.numero, seg.estado(a)) for a in seg.acciones] == [
        ("01", "cumplida"),
        ("02", "cumplida"),
        ("03", "cumplida"),
        ("04", "en_termino"),
        ("05", "vencida"),
        ("06", "sin_fecha"),
        ("07", "vencida"),
    ]

    escribir_seguimiento(seg, tmp_path / "seguimiento.xlsx")
    cambios = list(load_workbook(tmp_path / "seguimiento.xlsx")["Cambios"].iter_rows(values_only=True))
    assert [fila[6] for fila in cambios[1:]] == [
        "Se cerró",
        "Cambió la fecha de terminación",
        "Se venció",
        "Se venció",
        "Acción que ya no está",
    ]
