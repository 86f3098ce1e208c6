"""Write bench/datos/fechas.tsv: messy dates as offices type them, each labelled with the right answer.

Run from the repository root: `python -m bench.generar_fechas`. The set is deterministic (fixed seed).
Labels come from the date each string was generated from, or are written by hand; never from
the normalizer under test, and the month words below are this file's own, not its vocabulary.
A label is `YYYY-MM-DD` (a day), `YYYY-MM` (a month) or `invalida` (no single date to read).
The raw dates of the sample plans (muestras/planes.py) are added with their hand-made values;
the ones the plans mark `inferida` or `invalida` are `invalida` here, since only other fields
could give them a value.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

RAIZ = Path(__file__).resolve().parents[1]
DATOS = Path(__file__).resolve().parent / "datos"
DESTINO = DATOS / "fechas.tsv"
A_MANO = DATOS / "fechas_a_mano.tsv"
SEMILLA = 20260915
DIAS_GENERADOS = 800
MESES_GENERADOS = 450
INVALIDAS_GENERADAS = 300

MESES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
ABREVIADOS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
OTRAS_ABREVIATURAS = {3: ["mzo"], 8: ["agto"], 9: ["sept", "set", "setiembre", "sbre"], 11: ["nbre"], 12: ["dbre"]}
INGLES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
INGLES_ABREVIADOS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
DIAS_SEMANA = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
DIAS_EN_LETRAS = [
    "primero",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
    "treinta",
    "treinta y uno",
]
NO_FECHAS = [
    "N/A",
    "NA",
    "No aplica",
    "Pendiente",
    "Por definir",
    "Permanente",
    "Continuo",
    "Continua",
    "Trimestral",
    "Mensual",
    "Anual",
    "Semestral",
    "Inmediato",
    "Inmediata",
    "Según cronograma",
    "Ver observaciones",
    "-",
    "--",
    "X",
    "?",
    "0",
    "Vigencia",
    "I semestre",
    "Primer trimestre",
    "Cuando se requiera",
    "A la fecha",
    "En ejecución",
    "Cerrada",
    "Sin fecha",
    "TBD",
    "s.f.",
    "xx/xx/xxxx",
    "dd/mm/aaaa",
    "00/00/0000",
]


class Caso(NamedTuple):
    raw: str
    esperado: str  # YYYY-MM-DD, YYYY-MM or "invalida"
    origen: str  # family:style, for the per-family table


def _dia(fecha: dt.date) -> str:
    return fecha.isoformat()


def _mes(fecha: dt.date) -> str:
    return fecha.strftime("%Y-%m")


def _caja(texto: str, rng: random.Random) -> str:
    return rng.choice([texto.lower(), texto.lower(), texto.title(), texto.upper(), texto.capitalize()])


def _palabra_mes(mes: int, rng: random.Random) -> tuple[str, str]:
    """A month word and the kind of spelling, weighted roughly as offices write them."""
    tirada = rng.random()
    if tirada < 0.38:
        return ABREVIADOS[mes - 1], "abreviado"
    if tirada < 0.70:
        return MESES[mes - 1], "nombre"
    if tirada < 0.80:
        return ABREVIADOS[mes - 1] + ".", "abreviado_punto"
    if tirada < 0.86:
        return rng.choice([INGLES, INGLES_ABREVIADOS])[mes - 1], "ingles"
    if tirada < 0.92:
        otras = OTRAS_ABREVIATURAS.get(mes)
        return (rng.choice(otras), "otra_abreviatura") if otras else (ABREVIADOS[mes - 1], "abreviado")
    nombre = MESES[mes - 1]
    if len(nombre) < 6:
        return nombre, "nombre"
    posicion = rng.randrange(2, len(nombre) - 1)
    if rng.random() < 0.5:
        return nombre[:posicion] + nombre[posicion + 1 :], "mal_escrito"
    return nombre[:posicion] + nombre[posicion] + nombre[posicion:], "mal_escrito"


def _anio(fecha: dt.date, rng: random.Random) -> str:
    return f"{fecha.year % 100:02d}" if rng.random() < 0.4 and 1970 <= fecha.year <= 2069 else str(fecha.year)


def _separador(rng: random.Random) -> str:
    return rng.choice("/////---.")


Estilo = Callable[[dt.date, random.Random], str]
Estilos = dict[str, tuple[Estilo, int]]  # name: (writer, weight: how often offices write it so)


def _estilos_dia() -> Estilos:
    def numerico(f: dt.date, r: random.Random) -> str:
        s = _separador(r)
        dia, mes = (f"{f.day:02d}", f"{f.month:02d}") if r.random() < 0.6 else (str(f.day), str(f.month))
        return f"{dia}{s}{mes}{s}{_anio(f, r)}"

    def iso(f: dt.date, r: random.Random) -> str:
        s = r.choice("--/.")
        return f"{f.year}{s}{f.month:02d}{s}{f.day:02d}"

    def largo(f: dt.date, r: random.Random) -> str:
        palabra = _caja(_palabra_mes(f.month, r)[0], r)
        return f"{f.day} {r.choice(['de', 'de', 'de', 'De'])} {palabra} {r.choice(['de', 'de', 'del'])} {f.year}"

    def con_mes(f: dt.date, r: random.Random) -> str:
        s = r.choice(["-", "-", "/", " ", "."])
        palabra = _caja(_palabra_mes(f.month, r)[0], r).rstrip(".") if s != " " else _caja(ABREVIADOS[f.month - 1], r)
        return f"{f.day:02d}{s}{palabra}{s}{_anio(f, r)}"

    def mes_primero(f: dt.date, r: random.Random) -> str:
        palabra = _caja(MESES[f.month - 1], r)
        return r.choice(
            [f"{palabra} {f.day} de {f.year}", f"{palabra} {f.day}/{f.year}", f"{palabra} {f.day}, {f.year}"]
        )

    def pegado(f: dt.date, r: random.Random) -> str:
        palabra = r.choice([ABREVIADOS[f.month - 1], "sept" if f.month == 9 else ABREVIADOS[f.month - 1]])
        return r.choice([f"{f.day}{palabra}-{_anio(f, r)}", f"{f.day:02d}{palabra}{f.year}"])

    def ordinal(f: dt.date, r: random.Random) -> str:
        f = f.replace(day=1)
        marca = r.choice(["1o.", "1°", "1º", "1ro", "1ro.", "1er.", "1.º"])
        return f"{marca} de {_caja(MESES[f.month - 1], r)} {r.choice(['de ', ''])}{f.year}"

    def en_letras(f: dt.date, r: random.Random) -> str:
        letras = _caja(DIAS_EN_LETRAS[f.day - 1], r)
        return f"{letras} de {MESES[f.month - 1]} de {f.year}"

    def con_semana(f: dt.date, r: random.Random) -> str:
        semana = _caja(DIAS_SEMANA[f.weekday()], r)
        return f"{semana}{r.choice([', ', ' '])}{f.day} de {_caja(MESES[f.month - 1], r)} de {f.year}"

    def compacto(f: dt.date, r: random.Random) -> str:
        return r.choice([f"{f.day:02d}{f.month:02d}{f.year}", f"{f.year}{f.month:02d}{f.day:02d}"])

    def con_hora(f: dt.date, r: random.Random) -> str:
        hora = r.choice([" 00:00:00", " 00:00", " 10:30 a.m.", "T00:00:00", " 3:15 p. m."])
        base = f"{f.year}-{f.month:02d}-{f.day:02d}" if hora.startswith("T") else f"{f.day:02d}/{f.month:02d}/{f.year}"
        return base + hora

    def punto_de_miles(f: dt.date, r: random.Random) -> str:
        return f"{f.day:02d}/{f.month:02d}/{f.year // 1000}.{f.year % 1000:03d}"

    return {
        "numerico": (numerico, 6),
        "iso": (iso, 1),
        "largo": (largo, 3),
        "con_mes": (con_mes, 3),
        "mes_primero": (mes_primero, 1),
        "pegado": (pegado, 1),
        "ordinal": (ordinal, 1),
        "en_letras": (en_letras, 1),
        "con_semana": (con_semana, 1),
        "compacto": (compacto, 1),
        "con_hora": (con_hora, 1),
        "punto_de_miles": (punto_de_miles, 1),
    }


def _estilos_mes() -> Estilos:
    def abreviado(f: dt.date, r: random.Random) -> str:
        palabra = _caja(_palabra_mes(f.month, r)[0], r)
        separador = r.choice(["-", "-", "-", "/", " ", "-"]) if not palabra.endswith(".") else r.choice(["-", " "])
        if separador == " " and len(palabra) > 4:
            return f"{palabra} {f.year}"  # `junio 21` could be the 21st: a full name and a space take the full year
        return f"{palabra}{separador}{_anio(f, r)}"

    def nombre(f: dt.date, r: random.Random) -> str:
        palabra = _caja(_palabra_mes(f.month, r)[0], r)
        return f"{palabra}{r.choice([' ', ' ', ' de ', ' del ', '-', '/'])}{f.year}"

    def numerico(f: dt.date, r: random.Random) -> str:
        s = r.choice("/-")
        mes = f"{f.month:02d}" if r.random() < 0.6 else str(f.month)
        return r.choice([f"{mes}{s}{f.year}", f"{f.year}{s}{f.month:02d}"])

    return {"abreviado": (abreviado, 3), "nombre": (nombre, 2), "numerico": (numerico, 1)}


def _ruido(texto: str, rng: random.Random) -> str:
    """At most one kind of mess a person or a copy-paste adds around a date."""
    tirada = rng.random()
    if tirada < 0.08:
        return rng.choice(["  ", " ", "\n", "\t"]) + texto + rng.choice(["  ", " ", "\n", ""])
    if tirada < 0.12 and " " in texto:
        return texto.replace(" ", "  ", 1)
    if tirada < 0.16 and " " in texto:
        return texto.replace(" ", "\n", 1)
    if tirada < 0.19 and " " in texto:
        return texto.replace(" ", "\xa0")
    if tirada < 0.23:
        return texto + rng.choice([".", ",", ";", " .", "."])
    if tirada < 0.26:
        return rng.choice(["Fecha: ", "hasta ", "Hasta el ", "a partir del ", "desde ", "el "]) + texto
    if tirada < 0.28:
        return texto + rng.choice([" (reprogramada)", " (aprox.)", " (prorrogada)"])
    if tirada < 0.30:
        return rng.choice(['"', "(", "'"]) + texto + rng.choice(['"', ")", ""])
    return texto


def _fecha(rng: random.Random) -> dt.date:
    """Mostly the years plans are written in, sometimes anywhere in 1990-2100."""
    if rng.random() < 0.85:
        return dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 16))
    return dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(0, (dt.date(2100, 12, 31) - dt.date(1990, 1, 1)).days))


def _validas(rng: random.Random) -> Iterator[Caso]:
    for _ in range(DIAS_GENERADOS):
        nombre, escribir_dia = _elegir(_estilos_dia(), rng)
        fecha = _fecha(rng)
        if nombre == "ordinal":
            fecha = fecha.replace(day=1)
        yield Caso(_ruido(escribir_dia(fecha, rng), rng), _dia(fecha), f"día:{nombre}")
    for _ in range(MESES_GENERADOS):
        nombre, escribir_mes = _elegir(_estilos_mes(), rng)
        fecha = _fecha(rng)
        yield Caso(_ruido(escribir_mes(fecha, rng), rng), _mes(fecha), f"mes:{nombre}")


def _elegir(estilos: Estilos, rng: random.Random) -> tuple[str, Estilo]:
    nombres = sorted(estilos)
    nombre = rng.choices(nombres, weights=[estilos[n][1] for n in nombres])[0]
    return nombre, estilos[nombre][0]


def _invalidas(rng: random.Random) -> Iterator[Caso]:
    tipos: dict[str, Callable[[random.Random], str]] = {
        "imposible": _imposible,
        "tres_cifras": _tres_cifras,
        "sin_anio": _sin_anio,
        "rango": _rango,
        "no_es_fecha": lambda r: _caja(r.choice(NO_FECHAS), r) + r.choice(["", "", f" {r.randrange(2018, 2026)}"]),
        "anio_imposible": _anio_imposible,
    }
    for _ in range(INVALIDAS_GENERADAS):
        tipo = rng.choice(sorted(tipos))
        yield Caso(tipos[tipo](rng), "invalida", f"inválida:{tipo}")


def _imposible(r: random.Random) -> str:
    anio = r.randrange(2015, 2031)
    mes = r.randrange(1, 13)
    ultimo = calendar.monthrange(anio, mes)[1]
    s = r.choice("/-.")
    if r.random() < 0.5:
        dia = r.choice([0, r.randrange(ultimo + 1, 33)])
        return r.choice([f"{dia:02d}{s}{mes:02d}{s}{anio}", f"{dia} de {MESES[mes - 1]} de {anio}"])
    mes_imposible = r.choice(["13", "14", "15", "18", "20", "00", "25", "31"])
    return f"{r.randrange(1, 29):02d}{s}{mes_imposible}{s}{anio}"


def _tres_cifras(r: random.Random) -> str:
    anio, mes, dia = r.randrange(2015, 2031), r.randrange(1, 13), r.randrange(1, 29)
    return r.choice(
        [
            f"{mes:03d}-{anio % 100:02d}",
            f"{dia:03d}/{mes:02d}/{anio}",
            f"{dia:02d}/{mes:03d}/{anio}",
            f"{dia:02d}/{mes:02d}/{anio % 1000:03d}",
        ]
    )


def _sin_anio(r: random.Random) -> str:
    mes, dia = r.randrange(1, 13), r.randrange(1, 29)
    return r.choice(
        [
            f"{dia}/{mes}",
            f"{dia:02d}/{mes:02d}",
            f"{dia} de {MESES[mes - 1]}",
            _caja(MESES[mes - 1], r),
            f"{dia}-{ABREVIADOS[mes - 1]}",
            f"{dia} {_caja(MESES[mes - 1], r)}",
        ]
    )


def _rango(r: random.Random) -> str:
    anio = r.randrange(2015, 2031)
    m1, m2 = sorted(r.sample(range(1, 13), 2))
    d1, d2 = sorted(r.sample(range(1, 29), 2))
    a1, a2 = ABREVIADOS[m1 - 1], ABREVIADOS[m2 - 1]
    return r.choice(
        [
            f"{a1}-{anio % 100:02d} a {a2}-{anio % 100:02d}",
            f"{d1:02d}/{m1:02d}/{anio} - {d2:02d}/{m2:02d}/{anio}",
            f"{d1:02d}/{m1:02d}/{anio} al {d2:02d}/{m2:02d}/{anio}",
            f"del {d1} al {d2} de {MESES[m1 - 1]} de {anio}",
            f"{_caja(MESES[m1 - 1], r)} a {MESES[m2 - 1]} de {anio}",
            f"{d1} y {d2} de {MESES[m1 - 1]} de {anio}",
            f"{a1}-{anio % 100:02d} / {a2}-{anio % 100:02d}",
            f"{_caja(MESES[m1 - 1], r)} {anio} - {_caja(MESES[m2 - 1], r)} {anio}",
            f"{d1:02d}/{m1:02d}/{anio}\n{d2:02d}/{m2:02d}/{anio}",
            f"desde {a1}-{anio % 100:02d} hasta {a2}-{anio % 100:02d}",
        ]
    )


def _anio_imposible(r: random.Random) -> str:
    anio = r.choice([r.randrange(1000, 1900), r.randrange(2201, 9999), 22, 202])
    return f"{r.randrange(1, 29):02d}/{r.randrange(1, 13):02d}/{anio:04d}" if anio > 999 else f"15/03/{anio:04d}"


def _de_muestras() -> Iterator[Caso]:
    carpeta = RAIZ / "muestras"
    if not (carpeta / "planes.py").exists():
        return
    sys.path.insert(0, str(carpeta))
    try:
        import planes  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(carpeta))
    for valor in vars(planes).values():
        for plan in valor if isinstance(valor, tuple) else (valor,):
            if type(plan).__name__ != "PlanMuestra":
                continue
            fechas = [plan.fecha_formato, plan.fecha_suscripcion]
            fechas += [f for h in plan.hallazgos for f in (h.fecha_inicio, h.fecha_terminacion)]
            for fecha in fechas:
                if fecha.raw is not None:
                    yield Caso(fecha.raw, _etiqueta_muestra(fecha), "muestras")


def _a_mano() -> Iterator[Caso]:
    """Forms seen in real plans or foreseen, labelled by a person (bench/datos/fechas_a_mano.tsv)."""
    with A_MANO.open(encoding="utf-8", newline="") as archivo:
        lector = csv.reader(archivo, delimiter="\t")
        next(lector)
        for raw, esperado in lector:
            yield Caso(raw, esperado, "a mano")


def _etiqueta_muestra(fecha: Any) -> str:
    return "invalida" if fecha.estado in ("inferida", "invalida") else str(fecha.valor)


def generar() -> list[Caso]:
    """Every labelled case once (by raw text), samples first, then by hand, then generated."""
    rng = random.Random(SEMILLA)
    casos: dict[str, Caso] = {}
    fuentes = [_de_muestras(), _a_mano(), _validas(rng), _invalidas(rng)]
    for fuente in fuentes:
        for caso in fuente:
            anterior = casos.setdefault(caso.raw, caso)
            if anterior.esperado != caso.esperado:
                raise ValueError(f"{caso.raw!r}: etiquetas distintas {anterior.esperado} y {caso.esperado}")
    return list(casos.values())


def escribir(casos: list[Caso], destino: Path = DESTINO) -> None:
    destino.parent.mkdir(parents=True, exist_ok=True)
    with destino.open("w", encoding="utf-8", newline="") as archivo:
        escritor = csv.writer(archivo, delimiter="\t", lineterminator="\n")
        escritor.writerow(Caso._fields)
        escritor.writerows(casos)


def leer(origen: Path = DESTINO) -> list[Caso]:
    with origen.open(encoding="utf-8", newline="") as archivo:
        lector = csv.reader(archivo, delimiter="\t")
        next(lector)
        return [Caso(*fila) for fila in lector]


if __name__ == "__main__":
    generados = generar()
    escribir(generados)
    print(f"{len(generados)} fechas etiquetadas en {DESTINO.relative_to(RAIZ)}")
