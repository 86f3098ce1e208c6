"""The consolidated plan in the layout of SIRECI's form F14.1 (Contraloría General de la República).

One row per action, labelled FILA_1, FILA_2…, with the columns the Contraloría publishes and its
dates written AAAA/MM/DD. Nothing is invented: what GEM-FM014 does not carry (causa, unidad de
medida, cantidad) stays empty; a date written only as a month takes the first day of the month
as start and the last day as end; the avance físico is 100 only for a closed action. Every such
gap or choice is listed, row by row, on a second sheet the office works through before uploading.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from normalizacion.modelo import Fecha
from planmejora.exportar.consulta import leer_acciones
from planmejora.exportar.modelo import AccionDelPlan, columnas
from planmejora.salidas.xlsx import OFICIO, guardar, tabla
from planmejora.vencimiento import vence

MODALIDAD_POR_DEFECTO = "seguimiento"
AVANCE_CERRADA = 100
_NO_LO_TRAE = "El GEM-FM014 no tiene esta columna: escríbala."
_ANCHOS_MINIMOS = {"descripcion": 36, "accion_mejora": 36, "actividad": 36, "observaciones": 30}


@dataclass(slots=True)
class FilaF14:
    """One row of the F14.1, and what the office must still fill in or check in it by hand."""

    rotulo: str
    accion: AccionDelPlan
    valores: dict[str, str | int | None] = field(default_factory=dict)
    pendientes: list[tuple[str, str]] = field(default_factory=list)

    def poner(self, clave: str, valor: str | int | None, pendiente: str | None = None) -> None:
        self.valores[clave] = valor
        if pendiente:
            self.pendientes.append((clave, pendiente))


def modalidad_escrita(modalidad: str) -> str:
    """A key of the table (`seguimiento`, `suscripcion`) as the Contraloría writes it; any other text as given."""
    return columnas("modalidades").get(modalidad.strip().casefold(), modalidad.strip())


def _sireci(fecha: dt.date) -> str:
    return fecha.strftime("%Y/%m/%d")


def _fecha(fila: FilaF14, clave: str, fecha: Fecha, nombre: str, extremo: str) -> dt.date | None:
    """Start takes the first day of a month-only date and end the last: said so, for the office to confirm."""
    dia = fecha.valor if extremo == "primer" else vence(fecha.valor, fecha.precision)
    if dia is None:
        fila.poner(clave, None, f"La copia no trae la fecha de {nombre}: escríbala.")
    elif fecha.estado == "inferida":
        fila.poner(
            clave,
            _sireci(dia),
            f"La copia no traía una fecha de {nombre} legible: se dedujo de la otra fecha y del plazo en meses "
            f"({dia:%d/%m/%Y}); confírmela.",
        )
    elif fecha.precision == "mes":
        fila.poner(
            clave,
            _sireci(dia),
            f"La copia solo dice el mes ({dia:%m/%Y}): se tomó el {extremo} día del mes; confirme la fecha.",
        )
    else:
        fila.poner(clave, _sireci(dia))
    return dia


def _plazo(fila: FilaF14, inicio: dt.date | None, fin: dt.date | None) -> None:
    """Weeks between the two dates, rounded: what SIRECI asks, computed, never typed."""
    if inicio is None or fin is None:
        fila.poner("semanas", None, "Sin las dos fechas no se puede calcular el plazo en semanas.")
    elif fin < inicio:
        fila.poner("semanas", None, "La terminación es anterior al inicio: corrija las fechas y el plazo.")
    else:
        fila.poner("semanas", round((fin - inicio).days / 7))


def _avance(fila: FilaF14, accion: AccionDelPlan) -> None:
    if accion.cerrada:
        fila.poner("avance", AVANCE_CERRADA)
    elif accion.hallazgo.estado_accion is None:
        fila.poner("avance", None, "La copia no dice si la acción está cerrada: escriba el avance físico (0 a 100).")
    else:
        fila.poner("avance", None, "La acción está abierta: escriba el avance físico (0 a 100).")


def _texto(fila: FilaF14, clave: str, valor: str | None, nombre: str) -> None:
    fila.poner(clave, valor, None if valor else f"La copia no trae {nombre}: escríbalo.")


def fila_f14(numero: int, accion: AccionDelPlan, modalidad: str) -> FilaF14:
    """The F14.1 row of one action, with its pending items."""
    fila = FilaF14(f"FILA_{numero}", accion)
    fila.poner("fila", fila.rotulo)
    fila.poner("modalidad", modalidad)
    hallazgo = accion.hallazgo
    _texto(fila, "codigo", hallazgo.numero, "el número del hallazgo")
    _texto(fila, "descripcion", hallazgo.descripcion, "la descripción del hallazgo")
    fila.poner("causa", None, _NO_LO_TRAE)
    _texto(fila, "accion_mejora", hallazgo.accion_mejora, "la acción de mejora")
    _texto(fila, "actividad", hallazgo.accion_mejora, "la acción de mejora (la actividad)")
    fila.poner("unidad", None, _NO_LO_TRAE)
    fila.poner("cantidad", None, _NO_LO_TRAE)
    inicio = _fecha(fila, "inicio", hallazgo.fecha_inicio, "inicio", "primer")
    fin = _fecha(fila, "terminacion", hallazgo.fecha_terminacion, "terminación", "último")
    _plazo(fila, inicio, fin)
    _avance(fila, accion)
    fila.poner("observaciones", hallazgo.observaciones)
    return fila


def filas_f14(acciones: list[AccionDelPlan], modalidad: str = MODALIDAD_POR_DEFECTO) -> list[FilaF14]:
    escrita = modalidad_escrita(modalidad)
    return [fila_f14(numero, accion, escrita) for numero, accion in enumerate(acciones, start=1)]


def _escribir(filas: list[FilaF14], salida: Path, corte: dt.date) -> None:
    titulos = columnas("f14")
    libro = Workbook(write_only=True)
    tabla(
        libro,
        "F14.1",
        list(titulos.values()),
        [[fila.valores[clave] for clave in titulos] for fila in filas],
        encabezado_impreso=f"SIRECI F14.1 Planes de mejoramiento — corte al {corte:%d/%m/%Y}",
        anchos_minimos=[_ANCHOS_MINIMOS.get(clave, 0) for clave in titulos],
        papel=OFICIO,
    )
    tabla(
        libro,
        "Por diligenciar",
        ("Fila", "Código hallazgo", "Columna", "Qué falta", "Entidad", "Archivo", "Ubicación"),
        [
            (fila.rotulo, fila.accion.hallazgo.numero, titulos[clave], pendiente, fila.accion.entidad,
             fila.accion.archivo, fila.accion.ubicacion)
            for fila in filas
            for clave, pendiente in fila.pendientes
        ],
        encabezado_impreso="Lo que falta diligenciar a mano antes de cargar el F14.1 en SIRECI",
    )  # fmt: skip
    guardar(libro, salida)


def exportar_f14(db: str, salida: Path, corte: dt.date | None = None, modalidad: str = MODALIDAD_POR_DEFECTO) -> int:
    """Write the F14.1 of every current plan subscribed by `corte` (default today); return how many rows it has.

    Plans subscribed after the cut-off belong to the next report and are left out; a plan whose date
    of subscription could not be read stays in. Raises `ErrorDeBase` when the database cannot be read.
    """
    if salida.suffix.lower() != ".xlsx":
        raise ValueError(f"El F14.1 se escribe en Excel: «{salida.name}» debe terminar en .xlsx.")
    corte = corte or dt.date.today()
    acciones = [a for a in leer_acciones(db) if a.fecha_suscripcion.valor is None or a.fecha_suscripcion.valor <= corte]
    filas = filas_f14(acciones, modalidad)
    _escribir(filas, salida, corte)
    return len(filas)
