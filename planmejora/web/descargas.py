"""What the office hands in, as files: the quality report and the exports, the same bytes the commands write."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from planmejora.calidad import ErrorDeBase, Filtros, leer_reporte
from planmejora.calidad.salida_html import html_de
from planmejora.web.respuesta import pagina
from planmejora.web.seguridad import NoEncontrado, exigir, servicio_de

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DESCARGAS = [
    (
        "/calidad.html",
        "calidad.html",
        "Reporte de calidad: cada valor corregido, deducido, ilegible o inconsistente, y las acciones vencidas.",
        "planmejora calidad --salida calidad.html",
    ),
]


def lista(request: Request) -> Response:
    exigir(request)
    return pagina(request, "descargas.html", descargas=DESCARGAS)


def _reporte_html(url: str) -> str:
    return html_de(leer_reporte(url, Filtros(), dt.date.today()))


async def calidad(request: Request) -> Response:
    """The page `planmejora calidad --salida calidad.html` writes, with its own security policy inside."""
    exigir(request)
    try:
        html = await run_in_threadpool(_reporte_html, servicio_de(request).url)
    except ErrorDeBase as error:
        raise NoEncontrado(error.mensaje) from None
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


def _archivo_temporal(escribir: Callable[[Path], object], nombre: str) -> FileResponse:
    """Written to a private temporary folder by the command's own function, sent, then removed."""
    carpeta = tempfile.TemporaryDirectory(prefix="planmejora-descarga-")
    ruta = Path(carpeta.name) / nombre
    escribir(ruta)
    return FileResponse(ruta, media_type=XLSX, filename=nombre, background=BackgroundTask(carpeta.cleanup))
