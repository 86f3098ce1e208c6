"""What the office hands in, as files: the quality report and the exports, the same bytes the commands write."""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from planmejora.calidad import ErrorDeBase, Filtros, leer_reporte
from planmejora.calidad.salida_html import html_de
from planmejora.exportar import exportar_consolidado, exportar_f14
from planmejora.seguimiento import avisos, escribir_seguimiento
from planmejora.seguimiento import seguimiento as leer_seguimiento
from planmejora.web.respuesta import entero, fecha, pagina
from planmejora.web.seguridad import NoEncontrado, exigir, servicio_de

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"
DIAS_DE_AVISO = 15
DESCARGAS = [
    (
        "/exportar/consolidado.xlsx",
        "consolidado.xlsx",
        "Plan de mejoramiento consolidado: cada acción de la versión actual de cada plan, en el orden del formato.",
        "planmejora exportar consolidado --salida consolidado.xlsx",
    ),
    (
        "/exportar/f14.xlsx",
        "f14.xlsx",
        "El plan en el formato F14.1 del SIRECI (Contraloría General) al corte de hoy, y lo que falta llenar a mano.",
        "planmejora exportar f14 --salida f14.xlsx",
    ),
    (
        "/calidad.html",
        "calidad.html",
        "Reporte de calidad: cada valor corregido, deducido, ilegible o inconsistente, y las acciones vencidas.",
        "planmejora calidad --salida calidad.html",
    ),
]


def lista(request: Request) -> Response:
    exigir(request)
    return pagina(request, "descargas.html", descargas=DESCARGAS, hoy=dt.date.today(), dias=DIAS_DE_AVISO)


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
    try:
        escribir(ruta)
    except BaseException:
        carpeta.cleanup()
        raise
    tipo = ZIP if ruta.suffix == ".zip" else XLSX
    return FileResponse(ruta, media_type=tipo, filename=nombre, background=BackgroundTask(carpeta.cleanup))


async def consolidado(request: Request) -> Response:
    """What `planmejora exportar consolidado --salida consolidado.xlsx` writes."""
    exigir(request)
    url = servicio_de(request).url
    return await _exportado(lambda ruta: exportar_consolidado(url, ruta), "consolidado.xlsx")


async def f14(request: Request) -> Response:
    """What `planmejora exportar f14 --salida f14.xlsx` writes, at today's cut-off."""
    exigir(request)
    url = servicio_de(request).url
    return await _exportado(lambda ruta: exportar_f14(url, ruta), "f14.xlsx")


async def _exportado(escribir: Callable[[Path], object], nombre: str) -> Response:
    try:
        return await run_in_threadpool(_archivo_temporal, escribir, nombre)
    except ErrorDeBase as error:
        raise NoEncontrado(error.mensaje) from None


async def seguimiento(request: Request) -> Response:
    """What `planmejora seguimiento --corte FECHA --salida seguimiento.xlsx` writes (cut-off: today by default)."""
    exigir(request)
    url = servicio_de(request).url
    corte = fecha(request, "corte", "fecha de corte") or dt.date.today()
    return await _exportado(
        lambda ruta: escribir_seguimiento(leer_seguimiento(url, corte), ruta), f"seguimiento_{corte}.xlsx"
    )


async def avisos_zip(request: Request) -> Response:
    """The folder `planmejora avisos --corte FECHA --dias N` writes (one XLSX and one memo per dependencia), zipped."""
    exigir(request)
    url = servicio_de(request).url
    corte = fecha(request, "corte", "fecha de corte") or dt.date.today()
    dias = entero(request, "dias", DIAS_DE_AVISO)

    def escribir(ruta: Path) -> None:
        carpeta = ruta.with_suffix("")
        avisos(url, corte, dias, carpeta)
        with zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED) as comprimido:
            for archivo in sorted(carpeta.rglob("*")):
                if archivo.is_file():
                    comprimido.write(archivo, archivo.relative_to(carpeta))

    return await _exportado(escribir, f"avisos_{corte}.zip")
