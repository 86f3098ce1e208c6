"""The pages that read: home, plans, one plan, actions, and a plan's original file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from extractor.formatos import sha256_de
from planmejora.web import consultas
from planmejora.web.formato import ESTADOS_ACCION, ESTADOS_SEGUIMIENTO, nombre_de_archivo
from planmejora.web.respuesta import elegido, entero, fecha, pagina, texto
from planmejora.web.seguridad import NoEncontrado, exigir, servicio_de


def inicio(request: Request) -> Response:
    exigir(request)
    corte = fecha(request, "corte", "fecha de corte") or dt.date.today()
    with servicio_de(request).leer() as conexion:
        resumen = consultas.resumen(conexion, corte)
    return pagina(request, "inicio.html", resumen=resumen)


def planes(request: Request) -> Response:
    exigir(request)
    servicio = servicio_de(request)
    filtro = consultas.FiltroPlanes(
        texto=texto(request, "q"),
        entidad=texto(request, "entidad"),
        desde=fecha(request, "desde", "fecha «desde»"),
        hasta=fecha(request, "hasta", "fecha «hasta»"),
    )
    with servicio.leer() as conexion:
        resultado = consultas.planes(conexion, filtro, entero(request, "pagina", 1))
        opciones = consultas.opciones_de_filtro(conexion)
    return pagina(request, "planes.html", filtro=filtro, resultado=resultado, opciones=opciones)


def plan(request: Request) -> Response:
    exigir(request)
    corte = fecha(request, "corte", "fecha de corte") or dt.date.today()
    with servicio_de(request).leer() as conexion:
        detalle = consultas.plan(conexion, request.path_params["plan_id"], corte)
    if detalle is None:
        raise NoEncontrado("No hay un plan con ese número: puede que la dirección esté mal escrita.")
    return pagina(request, "plan.html", detalle=detalle, corte=corte)


def acciones(request: Request) -> Response:
    exigir(request)
    servicio = servicio_de(request)
    filtro = consultas.FiltroAcciones(
        entidad=texto(request, "entidad"),
        dependencia=texto(request, "dependencia"),
        estado=elegido(request, "estado", ESTADOS_ACCION),
        seguimiento=elegido(request, "seguimiento", ESTADOS_SEGUIMIENTO),
        vencidas=texto(request, "vencidas") is not None,
        texto=texto(request, "q"),
        corte=fecha(request, "corte", "fecha de corte") or dt.date.today(),
    )
    orden = elegido(request, "orden", [*consultas.ORDENES_ACCIONES, "seguimiento"]) or "numero"
    descendente = elegido(request, "dir", ("asc", "desc")) == "desc"
    por_pagina = int(elegido(request, "por_pagina", [str(n) for n in consultas.POR_PAGINA]) or 50)
    with servicio.leer() as conexion:
        resultado = consultas.acciones(conexion, filtro, orden, descendente, entero(request, "pagina", 1), por_pagina)
        opciones = consultas.opciones_de_filtro(conexion)
    return pagina(
        request,
        "acciones.html",
        filtro=filtro,
        resultado=resultado,
        opciones=opciones,
        orden=orden,
        descendente=descendente,
        columnas_orden={**{k: v[0] for k, v in consultas.ORDENES_ACCIONES.items()}, "seguimiento": "Seguimiento"},
        estados_accion=ESTADOS_ACCION,
        estados_seguimiento=ESTADOS_SEGUIMIENTO,
    )


def original(request: Request) -> Response:
    """The file a plan was read from, as it was loaded; a PDF opens in the browser so `#page=N` lands on its page."""
    exigir(request)
    with servicio_de(request).leer() as conexion:
        fila = consultas.documento(conexion, request.path_params["documento_id"])
    if fila is None:
        raise NoEncontrado("No hay un documento con ese número.")
    ruta = Path(fila["ruta"])
    if not ruta.is_file() or sha256_de(ruta) != fila["sha256"]:
        raise NoEncontrado(
            f"El archivo «{nombre_de_archivo(fila['archivo'])}» ya no está donde se cargó ({fila['ruta']}), "
            "o su contenido cambió desde entonces."
        )
    nombre = nombre_de_archivo(fila["archivo"])
    en_linea = ruta.suffix.lower() == ".pdf"
    return FileResponse(ruta, filename=nombre, content_disposition_type="inline" if en_linea else "attachment")
