"""Sending each dependencia its reminder through the office's own SMTP server, with the standard library.

The server is a URL, `smtp://usuario:clave@servidor:587?starttls=1&remitente=control@entidad.gov.co`
(`smtps://` for a server that speaks TLS from the start, port 465); the password never appears in any
message, only `***`. Addresses come from a CSV with the columns `dependencia` and `correos` (several
separated by `;` or `,`), matched to the dependencia without accents, case or punctuation. One message per
dependencia, to all its addresses: an address the server refuses is reported by name while the others
still receive it, and a dependencia that fails does not stop the next one.
"""

from __future__ import annotations

import csv
import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from carga.identidad import comparable
from planmejora.calidad.modelo import sin_tildes
from planmejora.errores_del_sistema import causa
from planmejora.seguimiento.avisar import Aviso

_VERDADERO = {"1", "si", "sí", "true", "yes"}
ESPERA_SEGUNDOS = 30


class ErrorDeCorreo(Exception):
    """The mail cannot be sent at all (bad URL, server down, login refused); `mensaje` says why, in Spanish.

    `uso` is true when the user named something wrong (the URL, the list of addresses): nothing was done yet.
    """

    def __init__(self, mensaje: str, uso: bool = False) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje
        self.uso = uso


@dataclass(frozen=True, slots=True)
class ServidorCorreo:
    servidor: str
    puerto: int
    usuario: str | None
    clave: str | None
    tls: bool
    starttls: bool
    remitente: str

    def describir(self) -> str:
        """The server as a person may see it: never the password."""
        credencial = f"{self.usuario}:***@" if self.clave else (f"{self.usuario}@" if self.usuario else "")
        return f"{'smtps' if self.tls else 'smtp'}://{credencial}{self.servidor}:{self.puerto}"


def leer_url_smtp(url: str) -> ServidorCorreo:
    """The server the URL names, or `ErrorDeCorreo` saying what is wrong with it (without the password)."""
    partes = urlsplit(url.strip())
    if partes.scheme not in ("smtp", "smtps") or not partes.hostname:
        raise ErrorDeCorreo(
            "La dirección del servidor de correo no se entiende: escríbala como smtp://usuario:clave@servidor:587"
            "?starttls=1 (o smtps://… para el puerto 465).",
            uso=True,
        )
    try:
        puerto = partes.port
    except ValueError:
        raise ErrorDeCorreo(
            f"El puerto del servidor de correo «{partes.hostname}» no es un número.", uso=True
        ) from None
    opciones = {k: v[-1] for k, v in parse_qs(partes.query).items()}
    usuario = unquote(partes.username) if partes.username else None
    remitente = opciones.get("remitente") or (
        usuario if usuario and "@" in usuario else f"planmejora@{socket.getfqdn()}"
    )
    return ServidorCorreo(
        servidor=partes.hostname,
        puerto=puerto or (465 if partes.scheme == "smtps" else 25),
        usuario=usuario,
        clave=unquote(partes.password) if partes.password else None,
        tls=partes.scheme == "smtps",
        starttls=opciones.get("starttls", "").casefold() in _VERDADERO,
        remitente=remitente,
    )


def _separador(primera_linea: str) -> str:
    """The CSV's separator, from its header: Excel in Spanish writes `;`, others `,` or a tab."""
    return max((";", ",", "\t"), key=primera_linea.count)


def leer_destinatarios(ruta: Path) -> dict[str, list[str]]:
    """dependencia (compared without accents, case or punctuation) -> its addresses, from the office's CSV.

    Several addresses go in one cell separated by `;` or `,`; when that is also the file's separator
    they spill into the next cells, which are read as more addresses of the same row.
    """
    try:
        with ruta.open(encoding="utf-8-sig", newline="") as archivo:
            separador = _separador(archivo.readline())
            archivo.seek(0)
            filas = list(csv.DictReader(archivo, delimiter=separador, restkey="_mas"))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        detalle = causa(error) if isinstance(error, OSError) else str(error)
        raise ErrorDeCorreo(f"No se pudo leer la lista de destinatarios «{ruta}»: {detalle}.", uso=True) from error
    columnas = {sin_tildes(c): c for c in (filas[0].keys() if filas else []) if c != "_mas"}
    columna_correos = columnas.get("correos") or columnas.get("correo")
    if "dependencia" not in columnas or columna_correos is None:
        raise ErrorDeCorreo(
            f"La lista de destinatarios «{ruta}» debe tener las columnas «dependencia» y «correos» "
            "(varios correos separados por punto y coma).",
            uso=True,
        )
    destinatarios: dict[str, list[str]] = {}
    for fila in filas:
        dependencia = comparable(fila.get(columnas["dependencia"]))
        celdas = [fila.get(columna_correos) or "", *fila.get("_mas", [])]
        correos = ";".join(celdas).replace(",", ";").split(";")
        destinatarios.setdefault(dependencia, []).extend(c.strip() for c in correos if c.strip())
    return destinatarios


def direcciones_de(aviso: Aviso, destinatarios: dict[str, list[str]]) -> list[str]:
    return destinatarios.get(comparable(aviso.dependencia), [])


def mensaje(aviso: Aviso, remitente: str, direcciones: list[str], memo: str, adjunto: Path) -> EmailMessage:
    correo = EmailMessage()
    correo["Subject"] = aviso.asunto
    correo["From"] = remitente
    correo["To"] = ", ".join(direcciones)
    correo["Message-ID"] = make_msgid(domain=remitente.rpartition("@")[2] or None)
    lineas = [f"{a.numero or '—'} · {a.accion_mejora or '—'} · {aviso.plazo(a)}" for a in aviso.acciones]
    correo.set_content(f"{aviso.asunto}\n\n" + "\n".join(lineas) + "\n\nEl detalle va en el archivo adjunto.\n")
    correo.add_alternative(memo, subtype="html")
    correo.add_attachment(
        adjunto.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=adjunto.name,
    )
    return correo


def _entrar(sesion: smtplib.SMTP, servidor: ServidorCorreo) -> None:
    """Log in; a server that hangs up on a wrong password (some do) is a wrong password too."""
    try:
        sesion.login(servidor.usuario or "", servidor.clave or "")
    except (smtplib.SMTPAuthenticationError, smtplib.SMTPServerDisconnected):
        sesion.close()
        raise ErrorDeCorreo(f"El servidor de correo {servidor.describir()} no aceptó el usuario o la clave.") from None
    except (OSError, smtplib.SMTPException) as error:
        sesion.close()
        raise ErrorDeCorreo(
            f"El servidor de correo {servidor.describir()} no dejó entrar: {error.__class__.__name__}: {error}."
        ) from None


@contextmanager
def conectar(servidor: ServidorCorreo) -> Iterator[smtplib.SMTP]:
    """A session with the server, logged in when the URL has a user; `ErrorDeCorreo` if it cannot be had."""
    contexto = ssl.create_default_context()
    try:
        if servidor.tls:
            sesion: smtplib.SMTP = smtplib.SMTP_SSL(
                servidor.servidor, servidor.puerto, timeout=ESPERA_SEGUNDOS, context=contexto
            )
        else:
            sesion = smtplib.SMTP(servidor.servidor, servidor.puerto, timeout=ESPERA_SEGUNDOS)
        if servidor.starttls:
            sesion.starttls(context=contexto)
    except (OSError, smtplib.SMTPException) as error:
        raise ErrorDeCorreo(
            f"No se pudo conectar con el servidor de correo {servidor.describir()}: {error.__class__.__name__}"
            f"{': ' + str(error) if str(error) else ''}."
        ) from None
    if servidor.usuario and servidor.clave:
        _entrar(sesion, servidor)
    try:
        yield sesion
    finally:
        try:
            sesion.quit()
        except (OSError, smtplib.SMTPException):
            sesion.close()


def enviar(sesion: smtplib.SMTP, correo: EmailMessage, direcciones: list[str]) -> dict[str, str]:
    """Send one message; the addresses that did not get it, each with the reason in Spanish."""
    try:
        rechazadas = sesion.send_message(correo, to_addrs=direcciones)
    except smtplib.SMTPRecipientsRefused as error:
        rechazadas = error.recipients
    except (OSError, smtplib.SMTPException) as error:
        return {d: f"el servidor no aceptó el mensaje ({error.__class__.__name__}: {error})" for d in direcciones}
    return {
        direccion: f"el servidor rechazó la dirección ({codigo} {respuesta.decode('utf-8', 'replace')})"
        for direccion, (codigo, respuesta) in rechazadas.items()
    }
