"""The rules that tie the dates of one finding to its plazo and to the plan, as pure functions.

Months, not days: the start plus `plazo_meses` is the end when the month of the end is
`plazo_meses` calendar months after the month of the start
(`indice_mes(fin) - indice_mes(inicio) == plazo`), whatever the days: jun-21 + 7 = ene-22,
01/03/2022 + 6 = 30/09/2022. Offices write a month, the first or the last day, and all
of them mean the same plazo.

Inference: a start or end date that is unreadable (`invalida`) or empty (`vacia`) is
derived from the other date when that one was read (`ok` or `corregida`) and the plazo is
known: start = end − plazo, end = start + plazo, at the precision of the source and
keeping its day (31 becomes the last day of a shorter month). It becomes `inferida`,
keeps what the document showed in `raw`, and `fecha_inferida` says from which fields.

Inconsistencies: `fechas_invertidas` when the end is before the start (compared by month
when either is only a month), `plazo_inconsistente` when both dates and the plazo are
known and the months disagree, `fecha_fuera_de_rango` when a year lies outside
`ANIO_MINIMO`..`ANIO_MAXIMO`, or a finding date lies more than
`MESES_ANTES_DE_SUSCRIPCION` months before the plan's fecha_suscripcion or more than
`MESES_DESPUES_DE_SUSCRIPCION` months after it (a mistyped year, most of the time).
A derived date is never checked for range: its source is.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.modelo import Origen
from normalizacion import problemas
from normalizacion.calendario import indice_mes, sumar_meses
from normalizacion.fechas import LecturaFecha
from normalizacion.modelo import Fecha, Problema

ANIO_MINIMO = 2000
ANIO_MAXIMO = 2099
MESES_ANTES_DE_SUSCRIPCION = 12
MESES_DESPUES_DE_SUSCRIPCION = 60

_LEIDAS = ("ok", "corregida")
_SIN_LEER = ("invalida", "vacia")


@dataclass(frozen=True, slots=True)
class FechasRevisadas:
    """The two dates of a finding after inference, and every problem they have."""

    inicio: Fecha
    terminacion: Fecha
    problemas: list[Problema]


def revisar_hallazgo(
    ruta: str,
    inicio: LecturaFecha | None,
    terminacion: LecturaFecha | None,
    plazo: int | None,
    plazo_raw: str | None = None,
    suscripcion: Fecha | None = None,
    origen: Origen | None = None,
) -> FechasRevisadas:
    """Infer, then check, the dates of the finding at JSON path `ruta` (`hallazgos[3]`).

    A date given as `None` is a column the table lacks: it stays empty, is never inferred
    and raises no problem of its own (`columna_faltante` already says so).
    """
    campo_inicio, campo_fin = f"{ruta}.fecha_inicio", f"{ruta}.fecha_terminacion"
    fecha_inicio = _inferir(inicio, terminacion, plazo, -1)
    fecha_fin = _inferir(terminacion, inicio, plazo, +1)
    salida: list[Problema] = []
    if inicio is not None:
        salida += _problemas_de_lectura(
            campo_inicio, inicio, fecha_inicio, campo_fin, fecha_fin, plazo, plazo_raw, origen
        )
    if terminacion is not None:
        salida += _problemas_de_lectura(
            campo_fin, terminacion, fecha_fin, campo_inicio, fecha_inicio, plazo, plazo_raw, origen
        )
    salida += _cruces(ruta, fecha_inicio, fecha_fin, plazo, plazo_raw, origen)
    for campo, fecha in ((campo_inicio, fecha_inicio), (campo_fin, fecha_fin)):
        fuera = fuera_de_rango(campo, fecha, suscripcion, origen)
        if fuera is not None:
            salida.append(fuera)
    return FechasRevisadas(fecha_inicio, fecha_fin, salida)


def problemas_de_fecha(campo: str, lectura: LecturaFecha, requerida: bool, origen: Origen | None) -> list[Problema]:
    """A header date on its own: repaired, unreadable, missing where required, or out of range."""
    fecha, motivo = lectura
    salida: list[Problema] = []
    if fecha.estado == "corregida":
        salida.append(problemas.fecha_corregida(campo, fecha, motivo, origen))
    elif fecha.estado == "invalida":
        salida.append(problemas.fecha_invalida(campo, fecha, motivo, None, origen))
    elif fecha.estado == "vacia" and requerida:
        salida.append(problemas.fecha_faltante(campo, None, origen))
    fuera = fuera_de_rango(campo, fecha, None, origen)
    if fuera is not None:
        salida.append(fuera)
    return salida


def fuera_de_rango(campo: str, fecha: Fecha, suscripcion: Fecha | None, origen: Origen | None) -> Problema | None:
    """A read date whose year is not plausible, or too far before or after the plan was signed."""
    if fecha.valor is None or fecha.estado not in _LEIDAS:
        return None
    if not ANIO_MINIMO <= fecha.valor.year <= ANIO_MAXIMO:
        razon = f"tiene el año {fecha.valor.year}, fuera de {ANIO_MINIMO} a {ANIO_MAXIMO}"
        return problemas.fecha_fuera_de_rango(campo, fecha, razon, origen)
    if suscripcion is None or suscripcion.valor is None or not ANIO_MINIMO <= suscripcion.valor.year <= ANIO_MAXIMO:
        return None
    meses = indice_mes(fecha.valor) - indice_mes(suscripcion.valor)
    firmada = f"la fecha de suscripción del plan ({problemas.mostrar(suscripcion)})"
    if meses < -MESES_ANTES_DE_SUSCRIPCION:
        return problemas.fecha_fuera_de_rango(campo, fecha, f"es {-meses} meses anterior a {firmada}", origen)
    if meses > MESES_DESPUES_DE_SUSCRIPCION:
        return problemas.fecha_fuera_de_rango(campo, fecha, f"es {meses} meses posterior a {firmada}", origen)
    return None


def _inferir(objetivo: LecturaFecha | None, fuente: LecturaFecha | None, plazo: int | None, sentido: int) -> Fecha:
    """`objetivo` as read, or derived from `fuente` ± `plazo` months when it could not be read."""
    if objetivo is None:
        return Fecha(None, None, None, "vacia")
    fecha = objetivo.fecha
    if fecha.estado not in _SIN_LEER or fuente is None or plazo is None:
        return fecha
    origen = fuente.fecha
    if origen.estado not in _LEIDAS or origen.valor is None:
        return fecha
    try:
        valor = sumar_meses(origen.valor, sentido * plazo)
    except OverflowError:
        return fecha
    return Fecha(fecha.raw, valor, origen.precision, "inferida")


def _problemas_de_lectura(
    campo: str,
    lectura: LecturaFecha,
    fecha: Fecha,
    campo_otra: str,
    otra: Fecha,
    plazo: int | None,
    plazo_raw: str | None,
    origen: Origen | None,
) -> list[Problema]:
    motivo = lectura.motivo
    if fecha.estado == "inferida" and plazo is not None:
        return [problemas.fecha_inferida(campo, fecha, motivo, campo_otra, otra, plazo, origen)]
    if fecha.estado == "corregida":
        return [problemas.fecha_corregida(campo, fecha, motivo, origen)]
    sin_deducir = _por_que_no_se_deduce(campo_otra, otra, plazo, plazo_raw)
    if fecha.estado == "invalida":
        return [problemas.fecha_invalida(campo, fecha, motivo, sin_deducir, origen)]
    if fecha.estado == "vacia":
        return [problemas.fecha_faltante(campo, sin_deducir, origen)]
    return []


def _por_que_no_se_deduce(campo_otra: str, otra: Fecha, plazo: int | None, plazo_raw: str | None) -> str:
    if otra.valor is None:
        return f"{problemas.etiqueta(campo_otra)} también falta o no se puede leer"
    if plazo is None and plazo_raw and plazo_raw.strip():
        return f"el plazo en meses («{plazo_raw}») no se pudo leer"
    return "falta el plazo en meses"


def _cruces(
    ruta: str, inicio: Fecha, fin: Fecha, plazo: int | None, plazo_raw: str | None, origen: Origen | None
) -> list[Problema]:
    if inicio.valor is None or fin.valor is None:
        return []
    salida: list[Problema] = []
    por_mes = inicio.precision == "mes" or fin.precision == "mes"
    if (indice_mes(fin.valor) < indice_mes(inicio.valor)) if por_mes else fin.valor < inicio.valor:
        salida.append(problemas.fechas_invertidas(f"{ruta}.fecha_terminacion", inicio, fin, origen))
    if plazo is not None:
        meses = indice_mes(fin.valor) - indice_mes(inicio.valor)
        if meses != plazo:
            esperado = _mes_de(indice_mes(inicio.valor) + plazo)
            salida.append(
                problemas.plazo_inconsistente(
                    f"{ruta}.plazo_meses", plazo_raw, plazo, inicio, fin, meses, esperado, origen
                )
            )
    return salida


def _mes_de(indice: int) -> str:
    anio, mes = divmod(indice, 12)
    return f"{mes + 1:02d}/{anio}"
