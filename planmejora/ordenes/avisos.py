"""`planmejora avisos`: one reminder per dependencia that owes something at the cut-off, and optionally the mail."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from carga.eleccion import url_elegida
from planmejora.calidad import ErrorDeBase
from planmejora.errores_del_sistema import causa
from planmejora.ordenes.filtros import Dependencia, Desde, Entidad, Hasta, filtros_de
from planmejora.ordenes.opciones import BaseDeDatos, fecha_de_opcion
from planmejora.seguimiento import ErrorDeCorreo, ResumenAvisos
from planmejora.seguimiento import avisos as escribir_avisos

VARIABLE_SMTP = "PLANMEJORA_SMTP"


def _mostrar(resumen: ResumenAvisos, consola: Console) -> None:
    if not resumen.avisos:
        consola.print(
            f"Ninguna dependencia tiene acciones vencidas ni por vencer en {resumen.dias} días al "
            f"{resumen.corte:%d/%m/%Y}: no se escribió ningún aviso."
        )
        return
    consola.print(
        f"{len(resumen.avisos)} dependencia(s) con acciones vencidas o por vencer en {resumen.dias} días al "
        f"{resumen.corte:%d/%m/%Y}; avisos (.xlsx y .html) en [bold]{resumen.carpeta}[/]:",
        highlight=False,
    )
    for aviso in resumen.avisos:
        consola.print(
            f"  {escape(aviso.dependencia)}: {len(aviso.acciones)} acción(es), {aviso.vencidas} vencida(s)",
            highlight=False,
        )
    verbo = "Se enviaría" if resumen.simulado else "Enviado"
    for envio in resumen.envios:
        enviadas = [d for d in envio.direcciones if d not in envio.fallidas]
        if enviadas:
            consola.print(
                escape(f"{verbo} a {', '.join(enviadas)}: «{envio.asunto}» con {envio.adjunto.name}"), highlight=False
            )
    if resumen.simulado and resumen.servidor:
        consola.print(f"[dim]Simulación: no se conectó con {resumen.servidor}.[/]", highlight=False)
    for dependencia in resumen.sin_destinatario:
        consola.print(
            f"[yellow]Sin destinatario:[/] «{escape(dependencia)}» no está en la lista de destinatarios; "
            "su aviso quedó en la carpeta para enviarlo a mano.",
            highlight=False,
        )


def avisos(
    corte: Annotated[
        str,
        typer.Option("--corte", metavar="FECHA", help="Fecha de corte (aaaa-mm-dd o dd/mm/aaaa).", show_default=False),
    ],
    dias: Annotated[
        int,
        typer.Option(
            "--dias",
            metavar="N",
            help="También las acciones que vencen dentro de N días desde el corte (el día del corte incluido).",
            show_default=False,
        ),
    ],
    salida: Annotated[
        Path,
        typer.Option(
            "--salida",
            "-o",
            metavar="CARPETA",
            help="Carpeta nueva (o vacía) donde queda un .xlsx y un .html por dependencia.",
            show_default=False,
        ),
    ],
    db: BaseDeDatos = None,
    entidad: Entidad = None,
    dependencia: Dependencia = None,
    desde: Desde = None,
    hasta: Hasta = None,
    smtp: Annotated[
        str | None,
        typer.Option(
            "--smtp",
            envvar=VARIABLE_SMTP,
            metavar="URL",
            help="Servidor de correo para enviar cada aviso: smtp://usuario:clave@servidor:587?starttls=1 "
            "(smtps://… para el puerto 465; &remitente=correo para el remitente). La clave nunca se muestra.",
            show_default=False,
        ),
    ] = None,
    destinatarios: Annotated[
        Path | None,
        typer.Option(
            "--destinatarios",
            metavar="CSV",
            help="CSV con las columnas dependencia y correos (varios separados por punto y coma).",
            show_default=False,
        ),
    ] = None,
    simular: Annotated[
        bool,
        typer.Option("--simular", help="Escribe los avisos y dice qué se enviaría a quién, sin enviar nada."),
    ] = False,
) -> None:
    """Avisos por dependencia: un archivo para cada dependencia con acciones vencidas o que vencen dentro
    de N días (Excel para imprimir y un memorando HTML para pegar en un correo); ninguno para la que no
    debe nada. Con --smtp y --destinatarios, envía cada aviso por correo a su dependencia.

    Sale con código 1 si algún correo no se pudo enviar (los demás sí se enviaron) o la base no se
    puede leer; con código 2 si la orden está mal escrita.

    Ejemplos:

      planmejora avisos --corte 2024-06-30 --dias 15 --salida avisos_2024-06-30

      planmejora avisos --corte 2024-06-30 --dias 15 --salida avisos --destinatarios correos.csv --simular

      PLANMEJORA_SMTP='smtp://control%40entidad.gov.co:CLAVE@correo.entidad.gov.co:587?starttls=1' \\
        planmejora avisos --corte 2024-06-30 --dias 15 --salida avisos --destinatarios correos.csv
    """
    consola_error = Console(stderr=True, soft_wrap=True)
    filtros = filtros_de(entidad, dependencia, desde, hasta)
    try:
        resumen = escribir_avisos(
            url_elegida(db), fecha_de_opcion(corte), dias, salida, filtros, smtp, destinatarios, simular
        )
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    except ErrorDeBase as error:
        consola_error.print(f"[bold red]Error:[/] {error.mensaje}", highlight=False)
        raise typer.Exit(2 if error.uso else 1) from None
    except OSError as error:
        consola_error.print(
            f"[bold red]Error:[/] no se pudieron escribir los avisos en «{escape(str(salida))}»: {causa(error)}.",
            highlight=False,
        )
        raise typer.Exit(1) from None
    except ErrorDeCorreo as error:
        quedaron = "" if error.uso else f" Los avisos quedaron en «{escape(str(salida))}» para enviarlos a mano."
        consola_error.print(f"[bold red]Error:[/] {escape(error.mensaje)}{quedaron}", highlight=False)
        raise typer.Exit(2 if error.uso else 1) from None
    _mostrar(resumen, Console(soft_wrap=True))
    for dependencia_fallida, direccion, motivo in resumen.fallidas:
        consola_error.print(
            f"[bold red]No se envió[/] el aviso de «{escape(dependencia_fallida)}» a {escape(direccion)}: "
            f"{escape(motivo)}.",
            highlight=False,
        )
    if resumen.fallidas:
        raise typer.Exit(1)
