"""Pages as answers: one template rendered with who is signed in, the form token, and a strict security policy."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse

from planmejora.salidas.escapar import hash_csp
from planmejora.web.seguridad import Rechazo, servicio_de, token_csrf


@cache
def politica(estilo: str, guion: str) -> str:
    """Only the page's own inline style and script run (by hash); nothing from any other site, no framing."""
    return (
        f"default-src 'none'; style-src {hash_csp(estilo)}; script-src {hash_csp(guion)}; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )


def pagina(request: Request, plantilla: str, estado: int = 200, **contexto: Any) -> HTMLResponse:
    servicio = servicio_de(request)
    entorno = servicio.plantillas
    html = entorno.get_template(plantilla).render(
        usuario=getattr(request.state, "usuario", None),
        csrf=token_csrf(request),
        ruta=request.url.path,
        url_con=lambda **cambios: url_con(request, **cambios),
        **contexto,
    )
    cabeceras = {
        "Content-Security-Policy": politica(str(entorno.globals["estilo"]), str(entorno.globals["guion"])),
        "Cache-Control": "no-store",
    }
    return HTMLResponse(html, estado, headers=cabeceras)


def url_con(request: Request, **cambios: Any) -> str:
    """This page's address with some query parameters changed (None removes one): for sorting and paging links."""
    parametros = dict(request.query_params)
    for clave, valor in cambios.items():
        if valor is None or valor == "":
            parametros.pop(clave, None)
        else:
            parametros[clave] = str(valor)
    consulta = urlencode(parametros)
    return request.url.path + (f"?{consulta}" if consulta else "")


def texto(request: Request, nombre: str) -> str | None:
    valor = request.query_params.get(nombre, "").strip()
    return valor or None


def fecha(request: Request, nombre: str, descripcion: str) -> dt.date | None:
    valor = texto(request, nombre)
    if valor is None:
        return None
    try:
        return dt.date.fromisoformat(valor)
    except ValueError:
        raise Rechazo(f"La {descripcion} «{valor}» no es una fecha: escríbala como aaaa-mm-dd.") from None


def entero(request: Request, nombre: str, por_defecto: int) -> int:
    valor = texto(request, nombre)
    if valor is None:
        return por_defecto
    if not valor.isdigit() or int(valor) < 1:
        raise Rechazo(f"«{valor}» no es un número de {nombre} válido.")
    return int(valor)


def elegido(request: Request, nombre: str, opciones: Any) -> str | None:
    valor = texto(request, nombre)
    if valor is not None and valor not in opciones:
        raise Rechazo(f"«{valor}» no es un valor de {nombre} válido: use {', '.join(opciones)}.")
    return valor
