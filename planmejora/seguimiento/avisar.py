"""Reminders per dependencia: what each one owes at the cut-off, in a file it can read and a memo to mail.

A dependencia gets a reminder when it has an action overdue, or due within `dias` days of the
cut-off (the cut-off day included); a dependencia with nothing due gets no file, so every file in
the folder is one that needs an answer. Each reminder is an XLSX sheet that prints and an HTML memo
a person can open and paste into an e-mail.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from openpyxl import Workbook

from carga.identidad import comparable
from planmejora.calidad.modelo import SIN_DEPENDENCIA, Accion
from planmejora.salidas.xlsx import fecha, guardar, tabla
from planmejora.seguimiento.modelo import fecha_legible
from planmejora.vencimiento import NOMBRES_ESTADOS


@dataclass(frozen=True, slots=True)
class Aviso:
    """The actions one dependencia owes at the cut-off: the overdue ones first, the most overdue first."""

    dependencia: str
    corte: dt.date
    dias: int
    acciones: list[Accion]

    @property
    def vencidas(self) -> int:
        return sum(a.vencida(self.corte) for a in self.acciones)

    @property
    def asunto(self) -> str:
        return (
            f"Plan de mejoramiento: {len(self.acciones)} acción(es) vencidas o por vencer al "
            f"{self.corte:%d/%m/%Y} — {self.dependencia}"
        )

    def plazo(self, accion: Accion) -> str:
        """«Vencida hace 12 días», «Vence hoy», «Vence en 5 días»: what the person must know first."""
        dias = ((accion.vence or self.corte) - self.corte).days
        if dias < 0:
            return f"Vencida hace {-dias} día(s)"
        return "Vence hoy" if dias == 0 else f"Vence en {dias} día(s)"


def _debe(accion: Accion, corte: dt.date, dias: int) -> bool:
    estado = accion.estado_seguimiento(corte)
    return estado == "vencida" or (
        estado == "en_termino" and accion.vence is not None and accion.vence <= corte + dt.timedelta(days=dias)
    )


def _nombre_mas_escrito(grupo: list[Accion]) -> str:
    """The spelling most plans use (the first one on a tie): the name the memo is addressed to."""
    return Counter(a.dependencia or SIN_DEPENDENCIA for a in grupo).most_common(1)[0][0]


def avisos_de(acciones: list[Accion], corte: dt.date, dias: int) -> list[Aviso]:
    """One reminder per dependencia that owes something, dependencias in name order.

    «Secretaría de Hacienda» and «SECRETARIA DE HACIENDA.» in two plans are one office, and get one
    memo: names are compared as the address list compares them, without accents, case or punctuation.
    """
    grupos: dict[str, list[Accion]] = {}
    for accion in acciones:
        if _debe(accion, corte, dias):
            grupos.setdefault(comparable(accion.dependencia or SIN_DEPENDENCIA), []).append(accion)
    return [
        Aviso(_nombre_mas_escrito(grupo), corte, dias, sorted(grupo, key=lambda a: (a.vence or corte, a.plan)))
        for _, grupo in sorted(grupos.items())
    ]


def nombre_de_archivo(dependencia: str, usados: set[str]) -> str:
    """A file name any system accepts, that says whose it is: `secretaria_de_hacienda`, never a path."""
    base = comparable(dependencia).replace(" ", "_")[:80] or "dependencia"
    nombre, numero = base, 2
    while nombre in usados:
        nombre, numero = f"{base}_{numero}", numero + 1
    usados.add(nombre)
    return nombre


def escribir_xlsx(aviso: Aviso, ruta: Path) -> None:
    libro = Workbook(write_only=True)
    tabla(
        libro,
        "Acciones",
        ("Entidad", "Proceso auditado", "N°", "Acción de mejora", "Cargo responsable", "Terminación", "Vence",
         "Estado al corte", "Plazo", "Archivo"),
        [
            (a.entidad, a.proceso_auditado, a.numero, a.accion_mejora, a.cargo_responsable,
             fecha(a.fecha_terminacion, a.fecha_terminacion_precision), a.vence,
             NOMBRES_ESTADOS[a.estado_seguimiento(aviso.corte)], aviso.plazo(a), a.archivo)
            for a in aviso.acciones
        ],
        encabezado_impreso=f"{aviso.dependencia}: acciones vencidas o por vencer al {aviso.corte:%d/%m/%Y}",
    )  # fmt: skip
    guardar(libro, ruta)


def memo_html(aviso: Aviso) -> str:
    """The memo: inline styles only, so that it keeps its look when pasted into an e-mail."""
    entorno = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    entorno.filters["fecha"] = fecha_legible
    plantilla = resources.files("planmejora.seguimiento").joinpath("aviso.html").read_text(encoding="utf-8")
    return entorno.from_string(plantilla).render(aviso=aviso)


def escribir_aviso(aviso: Aviso, carpeta: Path, usados: set[str]) -> tuple[Path, Path]:
    """The reminder's XLSX and HTML memo in `carpeta`, named after the dependencia."""
    nombre = nombre_de_archivo(aviso.dependencia, usados)
    xlsx, html = carpeta / f"{nombre}.xlsx", carpeta / f"{nombre}.html"
    escribir_xlsx(aviso, xlsx)
    html.write_text(memo_html(aviso), encoding="utf-8")
    return xlsx, html
