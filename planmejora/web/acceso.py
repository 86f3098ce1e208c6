"""Signing in and out, and the one page that answers without a session: `/salud`, for monitoring."""

from __future__ import annotations

import asyncio

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from planmejora import usuarios
from planmejora.web.respuesta import pagina
from planmejora.web.seguridad import iniciar_sesion, servicio_de, usuario_actual, verificar_csrf


def salud(_request: Request) -> Response:
    return PlainTextResponse("ok")


def _siguiente(valor: object) -> str:
    """Where to go after signing in: only a page of this site (`/…`), never another site (`//otro`, `http://`)."""
    if isinstance(valor, str) and valor.startswith("/") and not valor.startswith("//") and "\\" not in valor:
        return valor
    return "/"


def formulario_entrar(request: Request) -> Response:
    if usuario_actual(request) is not None:
        return RedirectResponse(_siguiente(request.query_params.get("siguiente")), 303)
    return pagina(request, "entrar.html", siguiente=_siguiente(request.query_params.get("siguiente")), aviso=None)


async def entrar(request: Request) -> Response:
    servicio = servicio_de(request)
    formulario = await request.form()
    verificar_csrf(request, formulario)
    nombre, clave = formulario.get("usuario"), formulario.get("clave")
    siguiente = _siguiente(formulario.get("siguiente"))
    if not isinstance(nombre, str) or not isinstance(clave, str) or not nombre.strip() or not clave:
        return pagina(request, "entrar.html", 400, siguiente=siguiente, aviso="Escriba su usuario y su clave.")
    nombre = nombre.strip()
    direccion = request.client.host if request.client else "desconocida"
    freno = request.app.state.freno
    await asyncio.sleep(freno.espera(nombre, direccion))
    usuario = await run_in_threadpool(usuarios.autenticar, servicio.motor, nombre, clave)
    if usuario is None:
        freno.fallo(nombre, direccion)
        await asyncio.sleep(servicio.espera_fallo)
        return pagina(request, "entrar.html", 401, siguiente=siguiente, aviso="Usuario o clave incorrectos.")
    freno.acierto(nombre, direccion)
    iniciar_sesion(request, usuario)
    return RedirectResponse(siguiente, 303)


async def salir(request: Request) -> Response:
    verificar_csrf(request, await request.form())
    request.session.clear()
    return RedirectResponse("/entrar", 303)
