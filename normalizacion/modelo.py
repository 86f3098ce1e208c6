"""Typed values of one plan, each saying how it was obtained, and the JSON of the contract.

The form's fields (`COLUMNAS`) and `Origen` are re-exported: what `carga` stores comes from here,
never from the extractor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from extractor.modelo import COLUMNAS as COLUMNAS
from extractor.modelo import Origen as Origen
from extractor.modelo import TipoArchivo

Precision = Literal["dia", "mes"]
EstadoFecha = Literal["ok", "corregida", "inferida", "invalida", "vacia"]
EstadoAccion = Literal["abierta", "cerrada"]


@dataclass(frozen=True, slots=True)
class Fecha:
    """A date as typed (`raw`) and as understood (`valor` at `precision`).

    With precision `mes`, `valor` is the first day of that month.
    """

    raw: str | None
    valor: dt.date | None
    precision: Precision | None
    estado: EstadoFecha

    def texto_valor(self) -> str | None:
        if self.valor is None:
            return None
        if self.precision == "mes":
            return self.valor.strftime("%Y-%m")
        return self.valor.isoformat()

    def a_json(self) -> dict[str, Any]:
        return {
            "raw": self.raw,
            "valor": self.texto_valor(),
            "precision": self.precision if self.valor is not None else None,
            "estado": self.estado,
        }


@dataclass(frozen=True, slots=True)
class Problema:
    """Something a person should look at: `campo` is a JSON path such as `hallazgos[0].fecha_inicio`."""

    campo: str
    codigo: str
    mensaje: str
    raw: str | None = None
    valor: str | None = None
    origen: Origen | None = None

    def a_json(self) -> dict[str, Any]:
        return {"campo": self.campo, "codigo": self.codigo, "mensaje": self.mensaje, "raw": self.raw}


@dataclass(slots=True)
class Encabezado:
    entidad: str | None = None
    codigo: str | None = None
    version: str | None = None
    fecha_formato: Fecha = field(default_factory=lambda: Fecha(None, None, None, "vacia"))
    proceso_auditado: str | None = None
    procedimientos: str | None = None
    responsables: str | None = None
    fecha_suscripcion: Fecha = field(default_factory=lambda: Fecha(None, None, None, "vacia"))

    def a_json(self) -> dict[str, Any]:
        return {
            "entidad": self.entidad,
            "codigo": self.codigo,
            "version": self.version,
            "fecha_formato": self.fecha_formato.a_json(),
            "proceso_auditado": self.proceso_auditado,
            "procedimientos": self.procedimientos,
            "responsables": self.responsables,
            "fecha_suscripcion": self.fecha_suscripcion.a_json(),
        }


@dataclass(slots=True)
class Hallazgo:
    numero: str | None
    descripcion: str | None
    accion_mejora: str | None
    meta_indicador: str | None
    plazo_meses: int | None
    fecha_inicio: Fecha
    fecha_terminacion: Fecha
    dependencia: str | None
    cargo_responsable: str | None
    cumplimiento: bool | None
    efectividad: bool | None
    estado_accion: EstadoAccion | None
    direccion_tecnica: str | None
    observaciones: str | None
    origen: Origen

    def a_json(self) -> dict[str, Any]:
        """The form's fields in its order (`COLUMNAS`), then where the finding was read."""
        campos = {campo: getattr(self, campo) for campo in COLUMNAS}
        return {
            **{campo: valor.a_json() if isinstance(valor, Fecha) else valor for campo, valor in campos.items()},
            "origen": {"pagina": self.origen.pagina, "hoja": self.origen.hoja, "fila": self.origen.fila},
        }


@dataclass(frozen=True, slots=True)
class Firma:
    nombre: str
    cargo: str | None


@dataclass(slots=True)
class Plan:
    """One copy of the form, normalized: what `extraer --json` prints and `carga` stores."""

    archivo: str
    sha256: str
    tipo: TipoArchivo | None
    error: str | None = None
    formato: str | None = None
    encabezado: Encabezado = field(default_factory=Encabezado)
    hallazgos: list[Hallazgo] = field(default_factory=list)
    firmas: list[Firma] = field(default_factory=list)
    proyecto: str | None = None
    problemas: list[Problema] = field(default_factory=list)
    hoja: str | None = None
    leido_por_ocr: bool = False
    """Some of its file's text was read by OCR from a scan: a digital copy of the same moment is preferred.
    Not in the JSON (the contract fixes its keys); the database keeps it."""

    @classmethod
    def fallido(cls, archivo: str, sha256: str, tipo: TipoArchivo | None, formato: str | None, mensaje: str) -> Plan:
        """The one plan of a file that could not be read or normalized, so that every file answers.

        `tipo` is None when the file is of no kind planmejora reads: never a guess.
        """
        return cls(archivo, sha256, tipo, error=mensaje, formato=formato)

    def a_json(self) -> dict[str, Any]:
        return {
            "archivo": self.archivo,
            "sha256": self.sha256,
            "tipo": self.tipo,
            "formato": self.formato,
            "error": self.error,
            "encabezado": self.encabezado.a_json(),
            "hallazgos": [h.a_json() for h in self.hallazgos],
            "firmas": [{"nombre": f.nombre, "cargo": f.cargo} for f in self.firmas],
            "proyecto": self.proyecto,
            "problemas": [p.a_json() for p in self.problemas],
        }
