"""The upload page: choose (or drop) copies of the form, and see per file what was loaded or why not."""

from __future__ import annotations

from functools import partial

import anyio
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from carga.conexion import ErrorDeBase
from planmejora.web.respuesta import pagina
from planmejora.web.seguridad import BaseNoDisponible, Rechazo, exigir, servicio_de, verificar_csrf
from planmejora.web.subida import cargar_guardados, guardar_subidos

ARCHIVOS_POR_ENVIO = 200


def formulario(request: Request) -> Response:
    exigir(request, "carga")
    return pagina(request, "subir.html", resultados=None, limite=servicio_de(request).limite_subida)


async def subir(request: Request) -> Response:
    """Role and token are checked before a byte is kept; the size limit while the body arrives."""
    exigir(request, "carga")
    servicio = servicio_de(request)
    async with request.form(max_files=ARCHIVOS_POR_ENVIO, max_fields=10) as datos:
        verificar_csrf(request, datos)
        subidos = [v for v in datos.getlist("archivos") if isinstance(v, UploadFile) and v.filename]
        if not subidos:
            raise Rechazo("No llegó ningún archivo: elija uno o varios con «Examinar» (o arrástrelos) y envíe.")
        guardados = await run_in_threadpool(guardar_subidos, servicio, subidos)
    try:
        resultados = await anyio.to_thread.run_sync(
            partial(cargar_guardados, servicio, guardados), limiter=servicio.cargas
        )
    except ErrorDeBase as error:
        raise BaseNoDisponible(f"{error.mensaje} Vuelva a subir los archivos cuando se arregle.") from None
    except SQLAlchemyError:
        raise BaseNoDisponible(
            "La base de datos dejó de responder durante la carga. Lo ya cargado quedó completo; "
            "vuelva a subir los archivos: los que ya estaban no se duplican."
        ) from None
    return pagina(request, "subir.html", resultados=resultados, limite=servicio.limite_subida)
