"""`avisos()`: one reminder per dependencia that owes something at the cut-off, and optionally the e-mails.

The files are always written, so there is something to send by hand when the mail fails; a dry run
(`simular`) writes them and says what would be sent to whom, without touching the mail server.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planmejora.calidad.consulta import leer_acciones, leer_vistas
from planmejora.calidad.modelo import Filtros
from planmejora.seguimiento.avisar import Aviso, avisos_de, escribir_aviso, memo_html
from planmejora.seguimiento.correo import (
    ServidorCorreo,
    conectar,
    direcciones_de,
    enviar,
    leer_destinatarios,
    leer_url_smtp,
    mensaje,
)


@dataclass(frozen=True, slots=True)
class Envio:
    """One reminder's message: to whom, and the addresses that did not get it with the reason."""

    dependencia: str
    direcciones: list[str]
    asunto: str
    adjunto: Path
    fallidas: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ResumenAvisos:
    corte: dt.date
    dias: int
    carpeta: Path
    avisos: list[Aviso] = field(default_factory=list)
    archivos: list[Path] = field(default_factory=list)
    envios: list[Envio] = field(default_factory=list)
    sin_destinatario: list[str] = field(default_factory=list)
    """Dependencias with a reminder and no address in the list: their files are there to send by hand."""
    simulado: bool = False
    servidor: str | None = None
    """The mail server as a person may see it (password masked), when there was one."""

    @property
    def fallidas(self) -> list[tuple[str, str, str]]:
        """(dependencia, address, reason) of every address that did not get its reminder."""
        return [(e.dependencia, d, motivo) for e in self.envios for d, motivo in e.fallidas.items()]


def _comprobar_carpeta(carpeta: Path) -> None:
    """A new or empty folder: a file left from another cut-off would be a reminder nobody owes any more."""
    if carpeta.exists() and (not carpeta.is_dir() or any(carpeta.iterdir())):
        raise ValueError(
            f"La carpeta «{carpeta}» ya existe y no está vacía: use una carpeta nueva para cada corte "
            f"(por ejemplo avisos_{dt.date.today():%Y-%m-%d}), así no quedan avisos de otro corte mezclados."
        )
    carpeta.mkdir(parents=True, exist_ok=True)


def _enviar_todos(
    resumen: ResumenAvisos,
    adjuntos: list[tuple[Aviso, Path]],
    lista: dict[str, list[str]],
    servidor: ServidorCorreo | None,
) -> None:
    """Mail each reminder to its dependencia's addresses; without a server (a dry run), only say to whom."""
    envios: list[tuple[Aviso, Envio]] = []
    for aviso, adjunto in adjuntos:
        if direcciones := direcciones_de(aviso, lista):
            envios.append((aviso, Envio(aviso.dependencia, direcciones, aviso.asunto, adjunto)))
        else:
            resumen.sin_destinatario.append(aviso.dependencia)
    if servidor is None or not envios:
        resumen.envios = [envio for _, envio in envios]
        return
    with conectar(servidor) as sesion:
        for aviso, envio in envios:
            correo = mensaje(aviso, servidor.remitente, envio.direcciones, memo_html(aviso), envio.adjunto)
            envio.fallidas.update(enviar(sesion, correo, envio.direcciones))
            resumen.envios.append(envio)


def avisos(
    db: str,
    corte: dt.date,
    dias: int,
    salida: Path,
    filtros: Filtros | None = None,
    smtp: str | None = None,
    destinatarios: Path | None = None,
    simular: bool = False,
) -> ResumenAvisos:
    """Write one reminder (XLSX + HTML memo) per dependencia with actions overdue or due within `dias` days.

    With `destinatarios` (CSV dependencia -> correos) and `smtp` (URL of the server), each reminder is
    mailed to its dependencia; with `simular`, nothing is sent and the summary says what would be.
    Raises `planmejora.calidad.ErrorDeBase` (database), `ErrorDeCorreo` (server or address list that
    cannot be used at all) or `ValueError` (arguments); addresses refused one by one are in
    `ResumenAvisos.fallidas`, while the rest are sent.
    """
    if dias < 0:
        raise ValueError(f"Los días de anticipación no pueden ser negativos ({dias}).")
    if smtp and destinatarios is None:
        raise ValueError("Para enviar los avisos por correo falta la lista de destinatarios (--destinatarios).")
    if destinatarios is not None and not smtp and not simular:
        raise ValueError(
            "Para enviar los avisos falta el servidor de correo (--smtp); o use --simular para ver qué se enviaría."
        )
    servidor = leer_url_smtp(smtp) if smtp else None
    lista = leer_destinatarios(destinatarios) if destinatarios is not None else None
    with leer_vistas(db) as vistas:
        acciones = leer_acciones(vistas, filtros or Filtros())
    resumen = ResumenAvisos(corte, dias, salida, avisos=avisos_de(acciones, corte, dias), simulado=simular)
    resumen.servidor = servidor.describir() if servidor else None
    _comprobar_carpeta(salida)
    usados: set[str] = set()
    adjuntos: list[tuple[Aviso, Path]] = []
    for aviso in resumen.avisos:
        xlsx, html = escribir_aviso(aviso, salida, usados)
        resumen.archivos += [xlsx, html]
        adjuntos.append((aviso, xlsx))
    if lista is not None:
        _enviar_todos(resumen, adjuntos, lista, None if simular else servidor)
    return resumen
