"""The ASGI application: routes, sessions, the upload size limit, and Spanish pages for every refusal."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from urllib.parse import urlencode

import anyio
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carga.conexion import interpretar
from carga.eleccion import url_elegida
from carga.esquema import abrir_base
from extractor.limites import MB, Limites
from planmejora.web import acceso, administracion, descargas, lectura, subir
from planmejora.web.respuesta import pagina
from planmejora.web.seguridad import Freno, Rechazo, SinSesion, SubidaDemasiadoGrande
from planmejora.web.servicio import (
    CARGAS_A_LA_VEZ,
    Servicio,
    entorno_de_plantillas,
    secreto_de_sesion,
)

log = logging.getLogger(__name__)

LIMITE_SUBIDA = 200 * MB
HORAS_DE_SESION = 10
_TITULOS_HTTP = {404: "No encontrado", 405: "Método no permitido"}
_MENSAJES_HTTP = {
    404: "Esa dirección no existe en planmejora.",
    405: "Esa dirección no acepta este tipo de solicitud.",
}


def carpeta_por_defecto(url: str) -> Path:
    """Beside a SQLite file (`planes.db` → `planes_archivos/`); for a server database, in the current folder."""
    interpretada = interpretar(url)
    if interpretada.get_backend_name() == "sqlite" and interpretada.database not in (None, "", ":memory:"):
        base = Path(str(interpretada.database))
        return base.with_name(f"{base.stem}_archivos")
    return Path("planmejora_archivos")


def crear_app(
    db: str | None = None,
    archivos: Path | None = None,
    *,
    limite_subida: int = LIMITE_SUBIDA,
    limites: Limites | None = None,
    espera_fallo: float = 1.0,
    https: bool = False,
) -> Starlette:
    """The web application over the database `db` (brought to the current schema), keeping uploads in `archivos`.

    `limite_subida` is the most bytes one upload may send; `limites` are those of `ingerir` for each
    file; `espera_fallo` the seconds a wrong password waits (it grows with repeated failures); `https`
    makes the session cookie travel only over HTTPS (behind a reverse proxy that terminates it).
    Raises `ErrorDeBase` when the database cannot be used.
    """
    url = url_elegida(db)
    motor = abrir_base(url)
    carpeta = (archivos or carpeta_por_defecto(url)).resolve()
    carpeta.mkdir(parents=True, exist_ok=True)
    servicio = Servicio(
        url=url,
        motor=motor,
        archivos=carpeta,
        limites=limites or Limites(),
        limite_subida=limite_subida,
        espera_fallo=espera_fallo,
        plantillas=entorno_de_plantillas(),
        cargas=anyio.CapacityLimiter(CARGAS_A_LA_VEZ),
    )
    app = Starlette(
        routes=_rutas(),
        middleware=[
            Middleware(CabecerasSeguras),
            Middleware(LimiteDeSubida, limite=limite_subida),
            Middleware(
                SessionMiddleware,
                secret_key=secreto_de_sesion(carpeta),
                session_cookie="planmejora_sesion",
                max_age=HORAS_DE_SESION * 3600,
                same_site="lax",
                https_only=https,
            ),
        ],
        exception_handlers={Rechazo: _rechazo, HTTPException: _error_http, Exception: _error_inesperado},
        lifespan=_al_terminar(motor),
    )
    app.state.servicio = servicio
    app.state.freno = Freno(base=espera_fallo)
    return app


def _al_terminar(motor: Engine) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @contextlib.asynccontextmanager
    async def vida(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            motor.dispose()

    return vida


def _rutas() -> list[Route]:
    return [
        Route("/salud", acceso.salud),
        Route("/entrar", acceso.formulario_entrar, methods=["GET"]),
        Route("/entrar", acceso.entrar, methods=["POST"]),
        Route("/salir", acceso.salir, methods=["POST"]),
        Route("/", lectura.inicio),
        Route("/planes", lectura.planes),
        Route("/planes/{plan_id:int}", lectura.plan),
        Route("/acciones", lectura.acciones),
        Route("/documentos/{documento_id:int}/original", lectura.original),
        Route("/subir", subir.formulario, methods=["GET"]),
        Route("/subir", subir.subir, methods=["POST"]),
        Route("/usuarios", administracion.lista, methods=["GET"]),
        Route("/usuarios", administracion.cambiar, methods=["POST"]),
        Route("/descargas", descargas.lista),
        Route("/calidad.html", descargas.calidad),
        Route("/exportar/consolidado.xlsx", descargas.consolidado),
        Route("/exportar/f14.xlsx", descargas.f14),
        Route("/exportar/seguimiento.xlsx", descargas.seguimiento),
        Route("/exportar/avisos.zip", descargas.avisos_zip),
    ]


def _rechazo(request: Request, error: Exception) -> Response:
    assert isinstance(error, Rechazo)
    if isinstance(error, SinSesion) and request.method in ("GET", "HEAD"):
        return RedirectResponse("/entrar?" + urlencode({"siguiente": _destino(request)}), 303)
    return pagina(request, "error.html", error.estado, titulo=error.titulo, mensaje=error.mensaje)


def _destino(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def _error_http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    titulo = _TITULOS_HTTP.get(error.status_code, "Error")
    mensaje = _MENSAJES_HTTP.get(error.status_code, str(error.detail))
    return pagina(request, "error.html", error.status_code, titulo=titulo, mensaje=mensaje)


def _error_inesperado(request: Request, error: Exception) -> Response:
    log.exception("Error inesperado en %s", request.url.path)
    return pagina(
        request,
        "error.html",
        500,
        titulo="Error inesperado",
        mensaje="Algo falló en el servidor; no quedó nada a medias. Vuelva a intentarlo o avise a soporte "
        f"con la hora de este mensaje ({type(error).__name__}).",
    )


class LimiteDeSubida:
    """Refuses a request body past `limite` bytes, whether it says its size in advance or not."""

    def __init__(self, app: ASGIApp, limite: int) -> None:
        self.app = app
        self.limite = limite

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declarado = dict(scope["headers"]).get(b"content-length", b"0")
        recibidos = 0
        limite = self.limite

        async def recibir() -> Message:
            nonlocal recibidos
            if not declarado.isdigit() or int(declarado) > limite:
                raise SubidaDemasiadoGrande(_demasiado(limite))
            mensaje = await receive()
            recibidos += len(mensaje.get("body", b""))
            if recibidos > limite:
                raise SubidaDemasiadoGrande(_demasiado(limite))
            return mensaje

        await self.app(scope, recibir, send)


def _demasiado(limite: int) -> str:
    return (
        f"Lo enviado pasa de {limite // MB} MB, el máximo por envío: no se guardó nada. "
        "Suba los archivos en varias tandas más pequeñas."
    )


class CabecerasSeguras:
    """Headers every answer carries: no sniffing of types, no framing by other sites, no referrer to them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def enviar(mensaje: Message) -> None:
            if mensaje["type"] == "http.response.start":
                mensaje["headers"] = [
                    *mensaje.get("headers", []),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                ]
            await send(mensaje)

        await self.app(scope, receive, enviar)
