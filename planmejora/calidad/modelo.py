"""What the quality report is made of, independent of the database and of the output format.

The writers (CSV, XLSX, HTML) and the terminal summary read only these rows, so each can be
tested on rows built by hand, and the queries can change without touching them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from normalizacion.problemas import ETIQUETAS
from planmejora.vencimiento import EstadoSeguimiento, estado_seguimiento, vence

_INDICE_HALLAZGO = re.compile(r"^hallazgos\[(\d+)\]\.?")
_ARTICULOS = ("el", "la", "los", "las")


def _accion(indice: int, numero: str | None) -> str:
    """An action as the office names it: by the form's own N°; without one, by its place in the table."""
    return f"acción N° {numero}" if numero else f"{indice + 1}.ª acción de la tabla"


def _nombre_de_campo(clave: str) -> str:
    articulo, _, resto = ETIQUETAS.get(clave, clave).partition(" ")
    return resto if articulo in _ARTICULOS and resto else ETIQUETAS.get(clave, clave)


def lugar(campo: str, numero: str | None = None) -> str:
    """What a value is, as a person says it: `hallazgos[5].fecha_inicio` is «acción N° 06, fecha de inicio».

    The JSON's `campo` counts findings from zero; people know an action by the number the form gives
    it, so every page and sheet a person reads says that (the JSON and the CSV keep `campo`).
    """
    if indice := _INDICE_HALLAZGO.match(campo):
        accion = _accion(int(indice.group(1)), numero)
        resto = campo[indice.end() :]
        return f"{accion}, {_nombre_de_campo(resto)}" if resto else accion
    if campo.startswith("encabezado."):
        return f"encabezado, {_nombre_de_campo(campo.removeprefix('encabezado.'))}"
    if campo == "archivo":
        return "todo el documento"
    return _nombre_de_campo(campo)


def ubicacion(
    hoja: str | None, pagina: int | None, fila: int | None, campo: str = "", codigo: str = "", numero: str | None = None
) -> str:
    """Where a person finds the value, in words: «hoja «Plan 2022», fila 14», «página 2, fila 3».

    A workbook's row is the Excel row; in PDF and Word it is the row of the findings table.
    Without an origin, the action (by its N°), the header, the table or the whole document is
    still better than nothing.
    """
    partes: list[str] = []
    if hoja:
        partes.append(f"hoja «{hoja}»")
    elif pagina is not None:
        partes.append(f"página {pagina}")
    elif fila is not None:
        partes.append("tabla de hallazgos")
    if fila is not None:
        partes.append(f"fila {fila}")
    elif indice := _INDICE_HALLAZGO.match(campo):
        partes.append(_accion(int(indice.group(1)), numero))
    elif campo.startswith("encabezado"):
        partes.append("encabezado")
    elif codigo.startswith("columna_"):
        partes.append("tabla de hallazgos")
    return ", ".join(partes) or "todo el documento"


def sin_tildes(texto: str) -> str:
    """Text compared the way a person reads it: no accents, no case."""
    descompuesto = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in descompuesto if not unicodedata.combining(c)).casefold().strip()


@dataclass(frozen=True, slots=True)
class FilaProblema:
    """One entry of `v_problemas`, with what the filters and the grouping need."""

    archivo: str
    campo: str
    codigo: str
    mensaje: str
    raw: str | None = None
    valor: str | None = None
    hoja: str | None = None
    pagina: int | None = None
    fila: int | None = None
    dependencia: str | None = None
    fecha_suscripcion: dt.date | None = None
    entidad: str | None = None
    numero_hallazgo: str | None = None

    @property
    def ubicacion(self) -> str:
        return ubicacion(self.hoja, self.pagina, self.fila, self.campo, self.codigo, self.numero_hallazgo)

    @property
    def lugar(self) -> str:
        """The field in words, by the action's own N°: what the report shows instead of `campo`."""
        return lugar(self.campo, self.numero_hallazgo)


@dataclass(frozen=True, slots=True)
class Accion:
    """One improvement action of `v_hallazgos`, with what the control office tracks."""

    archivo: str
    plan: str
    numero: str | None
    accion_mejora: str | None
    dependencia: str | None
    fecha_terminacion: dt.date | None
    fecha_terminacion_precision: str | None
    estado_accion: str | None
    cumplimiento: bool | None
    efectividad: bool | None
    entidad: str | None = None
    fecha_suscripcion: dt.date | None = None
    cargo_responsable: str | None = None
    proceso_auditado: str | None = None
    hallazgo_id: int | None = None
    plan_id: int | None = None

    @property
    def vence(self) -> dt.date | None:
        """The last day to do it: a month-only end date («ene-22») is due at the end of that month."""
        return vence(self.fecha_terminacion, self.fecha_terminacion_precision)

    @property
    def cerrada(self) -> bool:
        return self.estado_accion == "cerrada"

    def estado_seguimiento(self, corte: dt.date) -> EstadoSeguimiento:
        return estado_seguimiento(self.estado_accion, self.fecha_terminacion, self.fecha_terminacion_precision, corte)

    def vencida(self, corte: dt.date) -> bool:
        """Not closed and due before `corte`: an action nobody marked as closed is still pending."""
        return self.estado_seguimiento(corte) == "vencida"

    def dias_de_atraso(self, corte: dt.date) -> int:
        return (corte - self.vence).days if self.vence is not None and self.vencida(corte) else 0


@dataclass(frozen=True, slots=True)
class DocumentoIlegible:
    archivo: str
    error: str


@dataclass(frozen=True, slots=True)
class Filtros:
    """What the person asked to see; an empty filter lets everything through.

    `entidad` and `dependencia` match any value that contains the text, without accents or case.
    """

    dependencia: str | None = None
    desde: dt.date | None = None
    hasta: dt.date | None = None
    codigos: tuple[str, ...] = ()
    entidad: str | None = None

    @property
    def activos(self) -> bool:
        return bool(self.entidad or self.dependencia or self.desde or self.hasta or self.codigos)

    def describir(self) -> list[str]:
        descripcion: list[str] = []
        if self.entidad:
            descripcion.append(f"entidad contiene «{self.entidad}»")
        if self.dependencia:
            descripcion.append(f"dependencia contiene «{self.dependencia}»")
        if self.desde:
            descripcion.append(f"suscrito desde el {self.desde:%d/%m/%Y}")
        if self.hasta:
            descripcion.append(f"suscrito hasta el {self.hasta:%d/%m/%Y}")
        if self.codigos:
            descripcion.append("código " + ", ".join(self.codigos))
        return descripcion

    @staticmethod
    def _contiene(buscado: str | None, valor: str | None) -> bool:
        if not buscado:
            return True
        return valor is not None and sin_tildes(buscado) in sin_tildes(valor)

    def deja_dependencia(self, dependencia: str | None) -> bool:
        return self._contiene(self.dependencia, dependencia)

    def deja_entidad(self, entidad: str | None) -> bool:
        return self._contiene(self.entidad, entidad)

    def deja_fecha(self, fecha_suscripcion: dt.date | None) -> bool:
        if self.desde is None and self.hasta is None:
            return True
        if fecha_suscripcion is None:
            return False
        return (self.desde is None or fecha_suscripcion >= self.desde) and (
            self.hasta is None or fecha_suscripcion <= self.hasta
        )

    def deja_problema(self, problema: FilaProblema) -> bool:
        return (
            (not self.codigos or problema.codigo in self.codigos)
            and self.deja_entidad(problema.entidad)
            and self.deja_dependencia(problema.dependencia)
            and self.deja_fecha(problema.fecha_suscripcion)
        )

    def deja_accion(self, accion: Accion) -> bool:
        return (
            self.deja_entidad(accion.entidad)
            and self.deja_dependencia(accion.dependencia)
            and self.deja_fecha(accion.fecha_suscripcion)
        )


SIN_DEPENDENCIA = "(sin dependencia)"


@dataclass(slots=True)
class Reporte:
    """Everything one run of `planmejora calidad` shows, already filtered."""

    base: str
    corte: dt.date
    generado: dt.datetime
    filtros: Filtros = field(default_factory=Filtros)
    documentos: int = 0
    planes: int = 0
    """Plans that pass the filters, with findings or without: a plan is not its actions."""
    problemas: list[FilaProblema] = field(default_factory=list)
    acciones: list[Accion] = field(default_factory=list)
    ilegibles: list[DocumentoIlegible] = field(default_factory=list)
    """Files that cannot be read and are still what their path holds."""
    ilegibles_reemplazados: int = 0
    """Files that failed and whose path holds newer bytes since: counted, not listed (the error is history)."""
    de_versiones_anteriores: int = 0
    """Problems of superseded copies of a plan: counted, not shown (the current copy is what is tracked)."""
    codigos_en_base: frozenset[str] = frozenset()
    """Every problem code the database holds, before filtering: to tell a mistyped code from an absent one."""

    @property
    def vencidas(self) -> list[Accion]:
        """Overdue actions, the most overdue first within each dependencia."""
        return sorted(
            (a for a in self.acciones if a.vencida(self.corte)),
            key=lambda a: (a.dependencia or SIN_DEPENDENCIA, -a.dias_de_atraso(self.corte), a.archivo),
        )

    def por_codigo(self) -> list[tuple[str, int]]:
        return Counter(p.codigo for p in self.problemas).most_common()

    def por_dependencia(self) -> list[tuple[str, int]]:
        return Counter(p.dependencia or SIN_DEPENDENCIA for p in self.problemas).most_common()

    def por_archivo(self) -> dict[str, list[FilaProblema]]:
        """Problems grouped by file, files in name order, each file's problems in the order stored."""
        grupos: dict[str, list[FilaProblema]] = {}
        for problema in sorted(self.problemas, key=lambda p: p.archivo):
            grupos.setdefault(problema.archivo, []).append(problema)
        return grupos
