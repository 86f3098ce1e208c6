"""The expected values of the samples, written by hand next to what the document shows.

Every sample is built from these records: the writers put `raw` into the file and
the expected JSON takes the hand-written normalized value. Nothing here calls project
code (the list of the form's fields, `COLUMNAS`, is data); `revisar` only checks that
the hand-written values obey the contract's rules, so a slip in the data is caught
before it becomes a wrong oracle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from extractor.modelo import COLUMNAS

Estado = Literal["ok", "corregida", "inferida", "invalida", "vacia"]

PROBLEMA_DE_ESTADO: dict[str, str] = {
    "corregida": "fecha_corregida",
    "inferida": "fecha_inferida",
    "invalida": "fecha_invalida",
    "vacia": "fecha_faltante",
}

MENSAJES: dict[str, str] = {
    "fecha_corregida": "La fecha estaba escrita de forma irregular y se corrigió.",
    "fecha_inferida": "La fecha no se pudo leer y se dedujo de la otra fecha y del plazo en meses.",
    "fecha_invalida": "La fecha no se puede leer ni deducir de otros campos.",
    "fecha_faltante": "Falta la fecha y no se puede deducir de otros campos.",
    "fechas_invertidas": "La fecha de terminación es anterior a la fecha de inicio.",
    "plazo_inconsistente": "La fecha de inicio más el plazo en meses no coincide con la de terminación.",
    "valor_desconocido": "El valor de la celda no corresponde a ninguno de los valores conocidos.",
    "columna_desconocida": "La tabla tiene una columna que el formato GEM-FM014 no tiene.",
    "columna_faltante": "A la tabla le falta una columna del formato GEM-FM014.",
    "no_es_gem_fm014": "El documento se puede leer pero no contiene una copia del formato GEM-FM014.",
    "formula_sin_valor": "La celda es una fórmula de Excel sin resultado guardado que no se pudo calcular.",
}


@dataclass(frozen=True)
class Fecha:
    """A date cell: what is typed (`raw`) and what the contract expects from it.

    `excel` makes the XLSX writer store a real date cell with number format `formato`;
    `raw` is then the text Excel shows for it in Spanish (Colombia).
    """

    raw: str | None
    valor: str | None
    estado: Estado
    excel: dt.date | None = None
    formato: str | None = None

    @property
    def precision(self) -> str | None:
        if self.valor is None:
            return None
        return "dia" if len(self.valor) == 10 else "mes"

    def meses(self) -> int | None:
        if self.valor is None:
            return None
        return int(self.valor[:4]) * 12 + int(self.valor[5:7])

    def a_json(self) -> dict[str, Any]:
        return {"raw": self.raw, "valor": self.valor, "precision": self.precision, "estado": self.estado}


def ok(raw: str, valor: str) -> Fecha:
    return Fecha(raw, valor, "ok")


def corregida(raw: str, valor: str) -> Fecha:
    return Fecha(raw, valor, "corregida")


def inferida(raw: str | None, valor: str) -> Fecha:
    return Fecha(raw, valor, "inferida")


def invalida(raw: str) -> Fecha:
    return Fecha(raw, None, "invalida")


def vacia() -> Fecha:
    return Fecha(None, None, "vacia")


def excel(fecha: dt.date, formato: str, mostrado: str) -> Fecha:
    """A real Excel date cell: `mmm-yy` means the writer meant a month."""
    valor = fecha.strftime("%Y-%m") if "d" not in formato.lower() else fecha.isoformat()
    return Fecha(mostrado, valor, "ok", excel=fecha, formato=formato)


@dataclass(frozen=True)
class Valor:
    """A yes/no, state or months cell: the text typed and its expected value."""

    raw: str | None
    valor: bool | int | str | None
    desconocido: bool = False


def v(raw: str | None, valor: bool | int | str | None) -> Valor:
    return Valor(raw, valor)


def desconocido(raw: str) -> Valor:
    return Valor(raw, None, desconocido=True)


SI, NO, BLANCO = Valor("Si", True), Valor("No", False), Valor(None, None)
CERRADA, ABIERTA = Valor("Cerrada-C", "cerrada"), Valor("Abierta-A", "abierta")


@dataclass(frozen=True)
class Hallazgo:
    """One finding row. `sigue_al_anterior`: a second action of the previous finding,
    its number and description in cells merged vertically with the row above."""

    numero: str
    descripcion: str
    accion_mejora: str
    meta_indicador: str | None
    plazo_meses: Valor
    fecha_inicio: Fecha
    fecha_terminacion: Fecha
    dependencia: str | None
    cargo_responsable: str | None
    cumplimiento: Valor
    efectividad: Valor
    estado_accion: Valor
    direccion_tecnica: str | None
    observaciones: str | None
    cruzados: tuple[str, ...] = ()
    extra: str | None = None
    sigue_al_anterior: bool = False


@dataclass(frozen=True)
class Firma:
    nombre: str
    cargo: str | None


@dataclass(frozen=True)
class PlanMuestra:
    entidad: str
    codigo: str | None
    version: str | None
    fecha_formato: Fecha
    proceso_auditado: str | None
    procedimientos: str | None
    responsables: str | None
    fecha_suscripcion: Fecha
    hallazgos: tuple[Hallazgo, ...]
    firmas: tuple[Firma, ...]
    proyecto: str | None


CAMPOS_TEXTO = (
    "numero",
    "descripcion",
    "accion_mejora",
    "meta_indicador",
    "dependencia",
    "cargo_responsable",
    "direccion_tecnica",
    "observaciones",
)


def texto(valor: str | None) -> str | None:
    """The contract's text rule: whitespace collapsed, empty is null."""
    if valor is None:
        return None
    colapsado = " ".join(valor.split())
    return colapsado or None


@dataclass
class Ubicacion:
    """Where each finding ends up: `filas` and `paginas` run parallel to the findings."""

    filas: list[int]
    paginas: list[int | None]
    hoja: str | None = None


@dataclass
class Columnas:
    """What the table shows: present canonical keys, and unknown headings as written."""

    presentes: tuple[str, ...] = COLUMNAS
    desconocidas: tuple[str, ...] = ()


def problema(campo: str, codigo: str, raw: str | None = None) -> dict[str, Any]:
    return {"campo": campo, "codigo": codigo, "mensaje": MENSAJES[codigo], "raw": raw}


def _json_hallazgo(
    h: Hallazgo, presentes: tuple[str, ...], fila: int, pagina: int | None, hoja: str | None
) -> dict[str, Any]:
    def si(clave: str, valor: Any, vacio: Any = None) -> Any:
        return valor if clave in presentes else vacio

    sin_fecha = vacia().a_json()
    return {
        "numero": si("numero", texto(h.numero)),
        "descripcion": si("descripcion", texto(h.descripcion)),
        "accion_mejora": si("accion_mejora", texto(h.accion_mejora)),
        "meta_indicador": si("meta_indicador", texto(h.meta_indicador)),
        "plazo_meses": si("plazo_meses", h.plazo_meses.valor),
        "fecha_inicio": si("fecha_inicio", h.fecha_inicio.a_json(), sin_fecha),
        "fecha_terminacion": si("fecha_terminacion", h.fecha_terminacion.a_json(), sin_fecha),
        "dependencia": si("dependencia", texto(h.dependencia)),
        "cargo_responsable": si("cargo_responsable", texto(h.cargo_responsable)),
        "cumplimiento": si("cumplimiento", h.cumplimiento.valor),
        "efectividad": si("efectividad", h.efectividad.valor),
        "estado_accion": si("estado_accion", h.estado_accion.valor),
        "direccion_tecnica": si("direccion_tecnica", texto(h.direccion_tecnica)),
        "observaciones": si("observaciones", texto(h.observaciones)),
        "origen": {"pagina": pagina, "hoja": hoja, "fila": fila},
    }


def _problemas_hallazgo(i: int, h: Hallazgo) -> list[dict[str, Any]]:
    salida: list[dict[str, Any]] = []
    for clave in ("fecha_inicio", "fecha_terminacion"):
        fecha: Fecha = getattr(h, clave)
        if fecha.estado in PROBLEMA_DE_ESTADO:
            salida.append(problema(f"hallazgos[{i}].{clave}", PROBLEMA_DE_ESTADO[fecha.estado], fecha.raw))
    for clave in ("plazo_meses", "cumplimiento", "efectividad", "estado_accion"):
        valor: Valor = getattr(h, clave)
        if valor.desconocido:
            salida.append(problema(f"hallazgos[{i}].{clave}", "valor_desconocido", valor.raw))
    for codigo in h.cruzados:
        campo = "fecha_terminacion" if codigo == "fechas_invertidas" else "plazo_meses"
        salida.append(problema(f"hallazgos[{i}].{campo}", codigo))
    return salida


def plan_json(
    archivo: str, sha256: str, tipo: str, formato: str, plan: PlanMuestra, ubicacion: Ubicacion, columnas: Columnas
) -> dict[str, Any]:
    """The object `planmejora extraer --json` must print for one copy of the form."""
    revisar(plan)
    problemas: list[dict[str, Any]] = []
    for clave in ("fecha_formato", "fecha_suscripcion"):
        fecha: Fecha = getattr(plan, clave)
        if fecha.estado in ("corregida", "inferida", "invalida"):
            problemas.append(problema(f"encabezado.{clave}", PROBLEMA_DE_ESTADO[fecha.estado], fecha.raw))
    problemas += [problema(t, "columna_desconocida") for t in columnas.desconocidas]
    problemas += [problema(k, "columna_faltante") for k in COLUMNAS if k not in columnas.presentes]
    hallazgos = []
    for i, h in enumerate(plan.hallazgos):
        hallazgos.append(
            _json_hallazgo(h, columnas.presentes, ubicacion.filas[i], ubicacion.paginas[i], ubicacion.hoja)
        )
        problemas += [p for p in _problemas_hallazgo(i, h) if _campo_presente(p["campo"], columnas)]
    return {
        "archivo": archivo,
        "sha256": sha256,
        "tipo": tipo,
        "formato": formato,
        "error": None,
        "encabezado": {
            "entidad": texto(plan.entidad),
            "codigo": texto(plan.codigo),
            "version": texto(plan.version),
            "fecha_formato": plan.fecha_formato.a_json(),
            "proceso_auditado": texto(plan.proceso_auditado),
            "procedimientos": texto(plan.procedimientos),
            "responsables": texto(plan.responsables),
            "fecha_suscripcion": plan.fecha_suscripcion.a_json(),
        },
        "hallazgos": hallazgos,
        "firmas": [{"nombre": texto(f.nombre), "cargo": texto(f.cargo)} for f in plan.firmas],
        "proyecto": texto(plan.proyecto),
        "problemas": problemas,
    }


def _campo_presente(campo: str, columnas: Columnas) -> bool:
    return campo.split(".", 1)[1] in columnas.presentes


def sin_plan_json(
    archivo: str,
    sha256: str,
    tipo: str | None,
    formato: str | None,
    error: str | None,
    problemas: list[dict[str, Any]],
) -> dict[str, Any]:
    """A file that cannot be read (`error`) or holds no copy of the form."""
    vacia_json = vacia().a_json()
    return {
        "archivo": archivo,
        "sha256": sha256,
        "tipo": tipo,
        "formato": formato,
        "error": error,
        "encabezado": {
            "entidad": None,
            "codigo": None,
            "version": None,
            "fecha_formato": vacia_json,
            "proceso_auditado": None,
            "procedimientos": None,
            "responsables": None,
            "fecha_suscripcion": vacia_json,
        },
        "hallazgos": [],
        "firmas": [],
        "proyecto": None,
        "problemas": problemas,
    }


class DatoIncoherente(ValueError):
    """The hand-written expected values break a rule of the contract."""


def revisar(plan: PlanMuestra) -> None:
    """Check the hand-written oracle against the contract's cross-field rules."""
    for i, h in enumerate(plan.hallazgos):
        inicio, fin = h.fecha_inicio.meses(), h.fecha_terminacion.meses()
        plazo = h.plazo_meses.valor
        esperados: set[str] = set()
        if inicio is not None and fin is not None:
            if _antes(h.fecha_terminacion, h.fecha_inicio):
                esperados.add("fechas_invertidas")
            if isinstance(plazo, int) and not isinstance(plazo, bool) and fin - inicio != plazo:
                esperados.add("plazo_inconsistente")
        if esperados != set(h.cruzados):
            raise DatoIncoherente(
                f"{plan.entidad} hallazgo {i} ({h.numero}): cruzados {h.cruzados} y deberían ser {esperados}"
            )
        for fecha in (h.fecha_inicio, h.fecha_terminacion):
            if (fecha.estado in ("invalida", "vacia")) != (fecha.valor is None):
                raise DatoIncoherente(f"hallazgo {i}: estado {fecha.estado} con valor {fecha.valor}")
            if fecha.estado == "vacia" and fecha.raw is not None:
                raise DatoIncoherente(f"hallazgo {i}: fecha vacía con texto {fecha.raw!r}")
        if h.fecha_inicio.estado == "inferida" or h.fecha_terminacion.estado == "inferida":
            _revisar_inferida(i, h)


def _antes(a: Fecha, b: Fecha) -> bool:
    """`a` strictly before `b`, at the coarser of their two precisions."""
    assert a.valor is not None and b.valor is not None
    if a.precision == "mes" or b.precision == "mes":
        return a.valor[:7] < b.valor[:7]
    return a.valor < b.valor


def _revisar_inferida(i: int, h: Hallazgo) -> None:
    plazo = h.plazo_meses.valor
    if not isinstance(plazo, int) or isinstance(plazo, bool):
        raise DatoIncoherente(f"hallazgo {i}: fecha inferida sin plazo en meses")
    derivada, fuente = (
        (h.fecha_inicio, h.fecha_terminacion)
        if h.fecha_inicio.estado == "inferida"
        else (h.fecha_terminacion, h.fecha_inicio)
    )
    if fuente.estado not in ("ok", "corregida") or derivada.precision != fuente.precision:
        raise DatoIncoherente(f"hallazgo {i}: la fecha inferida debe tener la precisión de su fuente")
    a, b = h.fecha_inicio.meses(), h.fecha_terminacion.meses()
    assert a is not None and b is not None
    if b - a != plazo:
        raise DatoIncoherente(f"hallazgo {i}: la fecha inferida no cuadra con el plazo")
    if derivada.valor and fuente.valor and len(fuente.valor) == 10 and derivada.valor[8:] != fuente.valor[8:]:
        raise DatoIncoherente(f"hallazgo {i}: la fecha inferida debe conservar el día de su fuente")
