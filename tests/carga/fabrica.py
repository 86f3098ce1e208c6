"""Plans built by hand, and a stand-in reader, so the loader is tested without parsing real documents.

A "copy" for `leer_ficha` is a small JSON file naming its entity, process, subscription date
and findings: writing one is cheap, and changing one byte gives new content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from extractor.modelo import Origen
from normalizacion.modelo import Encabezado, Fecha, Firma, Hallazgo, Plan, Problema

VACIA = Fecha(None, None, None, "vacia")


def fecha_dia(texto: str, estado: str = "ok") -> Fecha:
    return Fecha(texto, dt.date.fromisoformat(texto), "dia", estado)  # type: ignore[arg-type]


def fecha_mes(raw: str, anio: int, mes: int, estado: str = "ok") -> Fecha:
    return Fecha(raw, dt.date(anio, mes, 1), "mes", estado)  # type: ignore[arg-type]


def hallazgo(numero: int, **cambios: Any) -> Hallazgo:
    valores: dict[str, Any] = {
        "numero": str(numero),
        "descripcion": f"Hallazgo {numero}",
        "accion_mejora": f"Acción {numero}",
        "meta_indicador": "% cumplimiento",
        "plazo_meses": 4,
        "fecha_inicio": fecha_mes("sep-21", 2021, 9),
        "fecha_terminacion": fecha_mes("ene-22", 2022, 1),
        "dependencia": "Secretaría de Planeación",
        "cargo_responsable": "Directora",
        "cumplimiento": True,
        "efectividad": None,
        "estado_accion": "abierta",
        "direccion_tecnica": "Dirección de Planeación",
        "observaciones": None,
        "origen": Origen(pagina=1, fila=numero),
    }
    valores.update(cambios)
    return Hallazgo(**valores)


def plan(
    archivo: str = "plan.docx",
    sha256: str = "a" * 64,
    entidad: str | None = "ALCALDÍA DE CALICA",
    proceso: str | None = "Gestión Estratégica",
    suscripcion: Fecha | None = None,
    hallazgos: int = 2,
    **cambios: Any,
) -> Plan:
    encabezado = Encabezado(
        entidad=entidad,
        codigo="GEM-FM014",
        version="02",
        fecha_formato=fecha_dia("2021-07-09"),
        proceso_auditado=proceso,
        procedimientos="GES-PR011",
        responsables="Directora de Planeación",
        fecha_suscripcion=suscripcion or fecha_dia("2021-09-21"),
    )
    valores: dict[str, Any] = {
        "archivo": archivo,
        "sha256": sha256,
        "tipo": "docx",
        "encabezado": encabezado,
        "hallazgos": [hallazgo(n) for n in range(1, hallazgos + 1)],
        "firmas": [Firma("CESAR CRUZ", "Secretario de Planeación")],
        "proyecto": "Javier Lamprea",
    }
    valores.update(cambios)
    return Plan(**valores)


def problema(campo: str, codigo: str = "fecha_inferida", raw: str | None = "004-21", **cambios: Any) -> Problema:
    return Problema(campo=campo, codigo=codigo, mensaje=f"Revise {campo}.", raw=raw, **cambios)


def escribir_ficha(ruta: Path, **contenido: Any) -> Path:
    """A stand-in copy of the form: `error`, `entidad`, `proceso`, `suscripcion`, `hallazgos`."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(json.dumps(contenido, ensure_ascii=False), encoding="utf-8")
    return ruta


def leer_ficha(ruta: Path) -> list[Plan]:
    """The stand-in reader: never raises for a bad file, like `planmejora.api.extraer_archivo`."""
    datos = ruta.read_bytes()
    sha256 = hashlib.sha256(datos).hexdigest()
    try:
        ficha = json.loads(datos)
    except ValueError:
        return [Plan(archivo=str(ruta), sha256=sha256, tipo="docx", error="No es una ficha.")]
    if ficha.get("error"):
        return [Plan(archivo=str(ruta), sha256=sha256, tipo="docx", error=ficha["error"])]
    suscripcion = ficha.get("suscripcion", "2021-09-21")
    return [
        plan(
            archivo=str(ruta),
            sha256=sha256,
            entidad=ficha.get("entidad", "ALCALDÍA DE CALICA"),
            proceso=ficha.get("proceso", "Gestión Estratégica"),
            suscripcion=fecha_dia(suscripcion) if suscripcion else VACIA,
            hallazgos=ficha.get("hallazgos", 2),
        )
    ]


def leer_ficha_o_fallar(ruta: Path) -> list[Plan]:
    """A reader with a bug: files named `bug*` make it raise."""
    if ruta.name.startswith("bug"):
        raise RuntimeError("fallo del lector")
    return leer_ficha(ruta)


def leer_ficha_o_morir(ruta: Path) -> list[Plan]:
    """A reader whose process dies (as a segfault in a parser would) on files named `muere*`."""
    if ruta.name.startswith("muere"):
        os._exit(70)
    return leer_ficha(ruta)
