"""The filters of the verbs that read the database (calidad, seguimiento, avisos), said once.

Apart from `opciones.py` because they build the report's `Filtros`: `ingerir` and `vigilar` share
`--db` but should not import the report to do it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from planmejora.calidad.modelo import Filtros
from planmejora.ordenes.opciones import fecha_de_opcion

Entidad = Annotated[
    str | None,
    typer.Option(
        "--entidad",
        metavar="TEXTO",
        help="Solo los planes cuya entidad contiene este texto (sin importar tildes ni mayúsculas).",
        show_default=False,
    ),
]

Dependencia = Annotated[
    str | None,
    typer.Option(
        "--dependencia",
        metavar="TEXTO",
        help="Solo las acciones cuya dependencia contiene este texto (sin importar tildes ni mayúsculas).",
        show_default=False,
    ),
]

Desde = Annotated[
    str | None,
    typer.Option("--desde", metavar="FECHA", help="Solo planes suscritos en esta fecha o después.", show_default=False),
]

Hasta = Annotated[
    str | None,
    typer.Option("--hasta", metavar="FECHA", help="Solo planes suscritos en esta fecha o antes.", show_default=False),
]


def filtros_de(
    entidad: str | None, dependencia: str | None, desde: str | None, hasta: str | None, codigos: tuple[str, ...] = ()
) -> Filtros:
    """The filters as typed, checked: a usage error names the option that is wrong."""
    desde_fecha, hasta_fecha = fecha_de_opcion(desde), fecha_de_opcion(hasta)
    if desde_fecha and hasta_fecha and desde_fecha > hasta_fecha:
        raise typer.BadParameter(f"--desde {desde} es posterior a --hasta {hasta}.")
    return Filtros(entidad=entidad, dependencia=dependencia, desde=desde_fecha, hasta=hasta_fecha, codigos=codigos)
