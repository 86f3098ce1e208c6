"""The users page, for administrators: add a user, change a role or a password, remove one."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from planmejora import usuarios
from planmejora.web.respuesta import pagina
from planmejora.web.seguridad import exigir, servicio_de, verificar_csrf


def _listado(request: Request, estado: int = 200, aviso: str | None = None, error: str | None = None) -> Response:
    return pagina(
        request,
        "usuarios.html",
        estado,
        usuarios=usuarios.listar(servicio_de(request).motor),
        roles=usuarios.DESCRIPCION_ROLES,
        aviso=aviso,
        error=error,
    )


def lista(request: Request) -> Response:
    exigir(request, "admin")
    return _listado(request)


def _campo(formulario: FormData, nombre: str) -> str:
    valor = formulario.get(nombre)
    return valor if isinstance(valor, str) else ""


async def cambiar(request: Request) -> Response:
    """One form per action (`accion`: crear, rol, clave, borrar); an impossible change says why and changes nothing."""
    yo = exigir(request, "admin")
    formulario = await request.form()
    verificar_csrf(request, formulario)
    motor = servicio_de(request).motor
    accion, nombre = _campo(formulario, "accion").strip(), _campo(formulario, "nombre").strip()
    try:
        if accion == "crear":
            await run_in_threadpool(
                usuarios.crear_usuario, motor, nombre, _campo(formulario, "rol"), _campo(formulario, "clave")
            )
            aviso = f"Usuario «{nombre}» creado."
        elif accion == "rol":
            usuarios.cambiar_rol(motor, nombre, _campo(formulario, "rol"))
            aviso = f"«{nombre}» ahora tiene el rol {_campo(formulario, 'rol')}."
        elif accion == "clave":
            await run_in_threadpool(usuarios.cambiar_clave, motor, nombre, _campo(formulario, "clave"))
            aviso = f"Clave de «{nombre}» cambiada."
        elif accion == "borrar" and nombre != yo.nombre:
            usuarios.borrar(motor, nombre)
            aviso = f"Usuario «{nombre}» borrado."
        elif accion == "borrar":
            raise usuarios.ErrorDeUsuario("No puede borrar su propio usuario mientras lo usa.")
        else:
            raise usuarios.ErrorDeUsuario("El formulario no dice qué hacer (crear, rol, clave o borrar).")
    except usuarios.ErrorDeUsuario as error:
        return _listado(request, 400, error=error.mensaje)
    return _listado(request, aviso=aviso)
