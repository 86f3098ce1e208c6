"""The same pages on PostgreSQL: filters, sorting, text search and the follow-up state are SQL, so both must agree."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from starlette.testclient import TestClient

from carga.esquema import abrir_base
from planmejora.ingesta import ingerir
from planmejora.usuarios import crear_usuario
from planmejora.web import crear_app
from tests.conftest import ServidorPostgres
from tests.planmejora.web.conftest import MUESTRAS, entrar
from tests.planmejora.web.test_paginas import total_de


def _cargar(url: str, carpeta: Path) -> None:
    copias = carpeta / "copias"
    copias.mkdir()
    for nombre in ("guavio_2022.docx", "sabana_alta_2021.xlsx"):
        shutil.copy2(MUESTRAS / nombre, copias / nombre)
    ingerir([copias], url)
    motor = abrir_base(url)
    crear_usuario(motor, "consuelo", "consulta", "clave-de-consuelo")
    motor.dispose()


def test_las_paginas_dicen_lo_mismo_en_postgresql_y_en_sqlite(
    servidor_postgresql: ServidorPostgres, tmp_path: Path
) -> None:
    respuestas: dict[str, list[str]] = {}
    for nombre, url in [
        ("sqlite", f"sqlite:///{tmp_path / 'planes.db'}"),
        ("postgresql", servidor_postgresql.base_nueva()),
    ]:
        carpeta = tmp_path / nombre
        carpeta.mkdir()
        _cargar(url, carpeta)
        app = crear_app(url, carpeta / "archivos", espera_fallo=0)
        cliente = entrar(TestClient(app), "consuelo")
        paginas = []
        for direccion in (
            "/acciones?corte=2022-12-31",
            "/acciones?corte=2022-12-31&vencidas=1&orden=seguimiento&dir=desc",
            "/acciones?q=CAPACITACION",
            "/acciones?q=planeación&estado=cerrada",
            "/acciones?orden=terminacion&dir=desc&por_pagina=25",
            "/planes?q=guavio",
            "/?corte=2022-12-31",
        ):
            respuesta = cliente.get(direccion)
            assert respuesta.status_code == 200, (nombre, direccion)
            texto = re.sub(r'href="/(planes|documentos)/\d+[^"]*"', "", respuesta.text)
            paginas.append(re.sub(r'name="csrf" value="[^"]+"', "", texto))
        respuestas[nombre] = paginas
        app.state.servicio.motor.dispose()
    assert total_de(respuestas["sqlite"][0]) > 0
    assert respuestas["postgresql"] == respuestas["sqlite"]
