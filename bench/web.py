"""The web application's pages over a large record: 1,000 plans of 20 actions (20,000 actions) in SQLite.

The rows are written straight into the tables (reading 1,000 files would measure the readers, not
the pages), with varied entities, dependencias, states and dates, month-only dates included. Each
page is asked through Starlette's test client (the application itself, without network), signed in,
several times; the median is reported. BENCH_ACCIONES changes the size (20000 by default).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, insert

from carga import modelos
from carga.esquema import abrir_base

ACCIONES_POR_PLAN = 20
REPETICIONES = 7
META_MS = 500
"""The actions page should answer well under half a second at this size."""
_DEPENDENCIAS = [f"Secretaría de {nombre}" for nombre in ("Planeación", "Hacienda", "Salud", "Educación", "Gobierno")]
_DEPENDENCIAS += ["Dirección de Talento Humano", "Oficina Jurídica", "Control Interno", "Almacén", "Sistemas"]
_PAGINAS: list[tuple[str, str]] = [
    ("inicio", "/"),
    ("acciones, página 1", "/acciones"),
    ("acciones, última página", "/acciones?pagina=400"),
    ("acciones de una dependencia", "/acciones?dependencia=Secretar%C3%ADa+de+Hacienda"),
    ("acciones vencidas por seguimiento", "/acciones?vencidas=1&orden=seguimiento&dir=desc"),
    ("acciones con texto libre", "/acciones?q=evaluacion+de+impacto"),
    ("acciones ordenadas por terminación", "/acciones?orden=terminacion&dir=desc&por_pagina=200"),
    ("planes", "/planes"),
    ("un plan", "/planes/500"),
]


def _llenar(motor: Engine, acciones: int) -> None:
    planes = max(1, acciones // ACCIONES_POR_PLAN)
    ahora = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    with motor.begin() as conexion:
        conexion.execute(
            insert(modelos.documentos),
            [
                {
                    "id": n, "archivo": f"planes/plan_{n:05}.pdf", "ruta": f"/srv/planes/plan_{n:05}.pdf",
                    "sha256": f"{n:064x}", "tipo": "pdf", "estado": "ok", "tamano": 100_000,
                    "modificado_en": ahora, "ingerido_en": ahora,
                }
                for n in range(1, planes + 1)
            ],
        )  # fmt: skip
        conexion.execute(
            insert(modelos.planes),
            [{"id": n, "clave": f"plan {n}", "entidad": f"ENTIDAD {n % 40}"} for n in range(1, planes + 1)],
        )
        conexion.execute(
            insert(modelos.versiones_plan),
            [
                {
                    "id": n, "plan_id": n, "documento_id": n, "posicion": 0, "entidad": f"ENTIDAD {n % 40}",
                    "proceso_auditado": f"Proceso {n % 13}", "fecha_formato_estado": "vacia",
                    "fecha_suscripcion": dt.date(2020 + n % 5, 1 + n % 12, 1), "fecha_suscripcion_estado": "ok",
                    "fecha_suscripcion_precision": "dia",
                }
                for n in range(1, planes + 1)
            ],
        )  # fmt: skip
        conexion.execute(insert(modelos.hallazgos), [_hallazgo(n, planes) for n in range(acciones)])


def _hallazgo(n: int, planes: int) -> dict[str, Any]:
    termina = dt.date(2021, 1, 1) + dt.timedelta(days=(n * 37) % 1800)
    mes = n % 3 == 0
    return {
        "version_id": 1 + n % planes,
        "posicion": n // planes,
        "numero": str(1 + n // planes),
        "descripcion": f"Hallazgo {n}: no se aplicó la evaluación de impacto a las capacitaciones",
        "accion_mejora": f"Acción {n}: aplicar la evaluacion de impacto y documentar el resultado",
        "dependencia": _DEPENDENCIAS[n % len(_DEPENDENCIAS)],
        "cargo_responsable": "Profesional Universitario",
        "fecha_inicio_estado": "vacia",
        "fecha_terminacion": termina.replace(day=1) if mes else termina,
        "fecha_terminacion_precision": "mes" if mes else "dia",
        "fecha_terminacion_estado": "ok",
        "estado_accion": ("abierta", "cerrada", None)[n % 3],
        "pagina": 1 + n // 7 % 4,
        "fila": n % 7,
    }


def _medir(cliente: Any, direccion: str) -> float:
    tiempos = []
    for _ in range(REPETICIONES):
        inicio = time.perf_counter()
        respuesta = cliente.get(direccion)
        tiempos.append(time.perf_counter() - inicio)
        assert respuesta.status_code == 200, (direccion, respuesta.status_code)
    return statistics.median(tiempos) * 1000


def correr(consola: Console) -> None:
    from starlette.testclient import TestClient

    from planmejora.usuarios import crear_usuario
    from planmejora.web import crear_app

    acciones = int(os.environ.get("BENCH_ACCIONES", "20000"))
    with tempfile.TemporaryDirectory(prefix="bench-web-") as carpeta:
        url = f"sqlite:///{Path(carpeta) / 'planes.db'}"
        motor = abrir_base(url)
        _llenar(motor, acciones)
        crear_usuario(motor, "bench", "consulta", "clave-de-bench")
        motor.dispose()
        app = crear_app(url, Path(carpeta) / "archivos", espera_fallo=0)
        with TestClient(app) as cliente:
            formulario = cliente.get("/entrar").text
            marca = formulario.split('name="csrf" value="')[1].split('"')[0]
            cliente.post("/entrar", data={"usuario": "bench", "clave": "clave-de-bench", "csrf": marca})
            tabla = Table(title=f"Páginas sobre {acciones:,} acciones (mediana de {REPETICIONES}, SQLite)")
            tabla.add_column("página")
            tabla.add_column("ms", justify="right")
            for nombre, direccion in _PAGINAS:
                ms = _medir(cliente, direccion)
                estilo = "red" if nombre.startswith("acciones") and ms > META_MS else ""
                tabla.add_row(nombre, f"[{estilo}]{ms:.0f}[/]" if estilo else f"{ms:.0f}")
        consola.print(tabla)
        consola.print(f"Meta: la página de acciones en menos de {META_MS} ms.")
