"""Who is asking, and may they: the signed-in user, roles, anti-forgery tokens, and the brake on guessed passwords.

The session lives in a cookie signed by Starlette's SessionMiddleware (itsdangerous): HttpOnly,
SameSite=Lax, Secure behind HTTPS. A cookie that was tampered with fails its signature and is
simply no session. Every form carries a token kept in the session; a POST without it is refused
before anything is read or written, so another site cannot make a signed-in browser act.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass, field

from starlette.datastructures import FormData
from starlette.requests import Request

from planmejora import usuarios
from planmejora.usuarios import UsuarioWeb
from planmejora.web.servicio import Servicio

CAMPO_CSRF = "csrf"
_ROL_PARA = {
    "consulta": "ver los planes",
    "carga": "subir copias",
    "admin": "administrar usuarios",
}


class Rechazo(Exception):
    """A request that is answered with a Spanish page and a status code instead of what it asked for."""

    estado = 400
    titulo = "Solicitud no válida"

    def __init__(self, mensaje: str) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje


class SinSesion(Rechazo):
    estado = 401
    titulo = "Inicie sesión"


class SinPermiso(Rechazo):
    estado = 403
    titulo = "Sin permiso"


class FormularioVencido(Rechazo):
    estado = 403
    titulo = "Formulario vencido"


class NoEncontrado(Rechazo):
    estado = 404
    titulo = "No encontrado"


class BaseNoDisponible(Rechazo):
    estado = 503
    titulo = "La base de datos no responde"


class SubidaDemasiadoGrande(Rechazo):
    estado = 413
    titulo = "Archivos demasiado grandes"


def servicio_de(request: Request) -> Servicio:
    servicio: Servicio = request.app.state.servicio
    return servicio


def usuario_actual(request: Request) -> UsuarioWeb | None:
    """The user of the session, read again from the database: a user deleted or demoted loses access at once."""
    nombre = request.session.get("usuario")
    if not isinstance(nombre, str):
        return None
    return usuarios.buscar(servicio_de(request).motor, nombre)


def exigir(request: Request, rol: str = "consulta") -> UsuarioWeb:
    usuario = usuario_actual(request)
    if usuario is None:
        raise SinSesion("Para ver esta página, inicie sesión.")
    if not usuario.puede(rol):
        raise SinPermiso(
            f"Su usuario «{usuario.nombre}» tiene el rol {usuario.rol}, que no permite {_ROL_PARA[rol]}. "
            f"Pídale a un administrador el rol {rol}."
        )
    request.state.usuario = usuario
    return usuario


def token_csrf(request: Request) -> str:
    token = request.session.get(CAMPO_CSRF)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CAMPO_CSRF] = token
    return token


def verificar_csrf(request: Request, formulario: FormData) -> None:
    esperado = request.session.get(CAMPO_CSRF)
    recibido = formulario.get(CAMPO_CSRF)
    if not isinstance(esperado, str) or not isinstance(recibido, str) or not hmac.compare_digest(esperado, recibido):
        raise FormularioVencido(
            "El formulario venció o no salió de esta aplicación (por seguridad, cada formulario lleva una marca "
            "de su sesión). Vuelva a abrir la página e intente de nuevo; no se guardó nada."
        )


def iniciar_sesion(request: Request, usuario: UsuarioWeb) -> None:
    """A fresh session: nothing from before signing in (a planted token) survives into the signed-in one."""
    request.session.clear()
    request.session["usuario"] = usuario.nombre
    request.session[CAMPO_CSRF] = secrets.token_urlsafe(32)


@dataclass
class Freno:
    """A growing wait after each wrong password for the same name or address: guessing becomes hopeless.

    The wait is spent asleep (asyncio), so it slows only the guesser, never the other users.
    """

    base: float
    maximo: float = 30.0
    olvido: float = 900.0
    recordados: int = 10_000
    """Past this many names and addresses, the ones quiet for `olvido` seconds are dropped (memory stays bounded)."""
    fallos: dict[str, tuple[int, float]] = field(default_factory=dict)

    def espera(self, *claves: str) -> float:
        ahora = time.monotonic()
        mayor = 0
        for clave in claves:
            cuantos, ultimo = self.fallos.get(clave, (0, ahora))
            if ahora - ultimo > self.olvido:
                self.fallos.pop(clave, None)
                cuantos = 0
            mayor = max(mayor, cuantos)
        return min(self.maximo, self.base * 2 ** max(0, mayor - 1)) if mayor else 0.0

    def fallo(self, *claves: str) -> None:
        ahora = time.monotonic()
        if len(self.fallos) > self.recordados:
            self.fallos = {c: (n, t) for c, (n, t) in self.fallos.items() if ahora - t <= self.olvido}
        for clave in claves:
            cuantos, _ = self.fallos.get(clave, (0, ahora))
            self.fallos[clave] = (cuantos + 1, ahora)

    def acierto(self, *claves: str) -> None:
        for clave in claves:
            self.fallos.pop(clave, None)
