"""The people who sign in to the web application, and what each may do.

from planmejora.usuarios import crear_usuario
from carga.esquema import abrir_base

crear_usuario(abrir_base("sqlite:///planes.db"), "ana", "carga", "una clave larga")

Passwords are kept only as argon2 hashes (argon2-cffi, the reference implementation's binding:
salted, memory-hard, parameters stored in the hash itself). A role includes the ones below it:
`consulta` reads, `carga` also uploads copies, `admin` also manages the users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from carga import modelos
from carga.conexion import para_leer
from carga.guardar import ahora

ROLES = ("consulta", "carga", "admin")
"""From the least to the most allowed: each role may do what the ones before it may."""
DESCRIPCION_ROLES = {
    "consulta": "consulta (ve planes, acciones y reportes)",
    "carga": "carga (además sube copias)",
    "admin": "admin (además administra usuarios)",
}
CLAVE_MINIMA = 8
_NOMBRE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_tabla = modelos.usuarios
_hasher = PasswordHasher()
_HASH_DE_NADIE = _hasher.hash("planmejora: nadie tiene esta clave")
"""Checked when the name is unknown, so a wrong name takes as long as a wrong password."""


class ErrorDeUsuario(Exception):
    """What was asked cannot be done; `mensaje` says why, in Spanish."""

    def __init__(self, mensaje: str) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje


@dataclass(frozen=True, slots=True)
class UsuarioWeb:
    nombre: str
    rol: str

    def puede(self, rol: str) -> bool:
        """True when this user's role is `rol` or one above it."""
        return ROLES.index(self.rol) >= ROLES.index(rol)


def validar_rol(rol: str) -> str:
    if rol not in ROLES:
        raise ErrorDeUsuario(f"El rol «{rol}» no existe: use {', '.join(ROLES)}.")
    return rol


def validar_nombre(nombre: str) -> str:
    if not _NOMBRE.fullmatch(nombre):
        raise ErrorDeUsuario(
            f"El nombre de usuario «{nombre}» no sirve: use hasta 64 letras sin tildes, números, punto, guion, "
            "guion bajo o @, empezando por una letra o un número."
        )
    return nombre


def validar_clave(clave: str) -> str:
    if len(clave) < CLAVE_MINIMA:
        raise ErrorDeUsuario(f"La clave debe tener al menos {CLAVE_MINIMA} caracteres.")
    return clave


def crear_usuario(motor: Engine, nombre: str, rol: str, clave: str) -> UsuarioWeb:
    """Add a user; a name already taken is an `ErrorDeUsuario`, never a second row."""
    fila = {
        "nombre": validar_nombre(nombre),
        "rol": validar_rol(rol),
        "clave": _hasher.hash(validar_clave(clave)),
        "creado_en": ahora(),
    }
    try:
        with motor.begin() as conexion:
            conexion.execute(insert(_tabla).values(fila))
    except IntegrityError:
        raise ErrorDeUsuario(f"Ya existe un usuario «{nombre}».") from None
    return UsuarioWeb(nombre, rol)


def buscar(motor: Engine, nombre: str) -> UsuarioWeb | None:
    with para_leer(motor) as conexion:
        fila = conexion.execute(select(_tabla.c.nombre, _tabla.c.rol).where(_tabla.c.nombre == nombre)).first()
    return None if fila is None else UsuarioWeb(fila.nombre, fila.rol)


def listar(motor: Engine) -> list[UsuarioWeb]:
    with para_leer(motor) as conexion:
        filas = conexion.execute(select(_tabla.c.nombre, _tabla.c.rol).order_by(_tabla.c.nombre))
        return [UsuarioWeb(f.nombre, f.rol) for f in filas]


def autenticar(motor: Engine, nombre: str, clave: str) -> UsuarioWeb | None:
    """The user when the password is theirs, else None; takes the same time whether the name exists or not."""
    with para_leer(motor) as conexion:
        fila = conexion.execute(select(_tabla).where(_tabla.c.nombre == nombre)).first()
    try:
        _hasher.verify(fila.clave if fila is not None else _HASH_DE_NADIE, clave)
    except (VerificationError, InvalidHashError):
        return None
    return None if fila is None else UsuarioWeb(fila.nombre, fila.rol)


def cambiar_clave(motor: Engine, nombre: str, clave: str) -> None:
    _cambiar(motor, nombre, clave=_hasher.hash(validar_clave(clave)))


def cambiar_rol(motor: Engine, nombre: str, rol: str) -> None:
    """A new role; the last administrator cannot stop being one, or no one could manage users again."""
    validar_rol(rol)
    with motor.begin() as conexion:
        if rol != "admin" and _es_el_ultimo_admin(conexion, nombre):
            raise ErrorDeUsuario(f"«{nombre}» es el único administrador: cree otro antes de cambiarle el rol.")
        if conexion.execute(update(_tabla).where(_tabla.c.nombre == nombre).values(rol=rol)).rowcount == 0:
            raise ErrorDeUsuario(f"No existe el usuario «{nombre}».")


def borrar(motor: Engine, nombre: str) -> None:
    with motor.begin() as conexion:
        if _es_el_ultimo_admin(conexion, nombre):
            raise ErrorDeUsuario(f"«{nombre}» es el único administrador: cree otro antes de borrarlo.")
        if conexion.execute(delete(_tabla).where(_tabla.c.nombre == nombre)).rowcount == 0:
            raise ErrorDeUsuario(f"No existe el usuario «{nombre}».")


def _cambiar(motor: Engine, nombre: str, **valores: str) -> None:
    with motor.begin() as conexion:
        if conexion.execute(update(_tabla).where(_tabla.c.nombre == nombre).values(**valores)).rowcount == 0:
            raise ErrorDeUsuario(f"No existe el usuario «{nombre}».")


def _es_el_ultimo_admin(conexion: Connection, nombre: str) -> bool:
    admins = conexion.execute(select(_tabla.c.nombre).where(_tabla.c.rol == "admin")).scalars().all()
    return list(admins) == [nombre]


def hay_usuarios(motor: Engine) -> bool:
    with para_leer(motor) as conexion:
        return bool(conexion.scalar(select(func.count()).select_from(_tabla)))
