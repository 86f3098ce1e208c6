"""The limits a user may change on `extraer` and `ingerir`: the same options, the same defaults, said once."""

from __future__ import annotations

from typing import Annotated

import typer

from extractor.limites import MB, Limites

_POR_DEFECTO = Limites()

MaxPaginas = Annotated[
    int,
    typer.Option(
        "--max-paginas",
        min=1,
        metavar="N",
        help="Un PDF con más páginas se rechaza sin leerlo.",
        rich_help_panel="Límites por archivo",
    ),
]
LimiteSegundos = Annotated[
    float,
    typer.Option(
        "--limite-segundos",
        min=0,
        metavar="S",
        help="Tiempo máximo para leer un archivo; pasado, se detiene y queda con error (0: sin límite).",
        rich_help_panel="Límites por archivo",
    ),
]
LimiteMemoria = Annotated[
    int,
    typer.Option(
        "--limite-memoria",
        min=0,
        metavar="MB",
        help="Memoria máxima del proceso que lee un archivo, en MB (0: sin límite).",
        rich_help_panel="Límites por archivo",
    ),
]

MAX_PAGINAS = _POR_DEFECTO.max_paginas
LIMITE_SEGUNDOS = _POR_DEFECTO.max_segundos or 0.0
LIMITE_MEMORIA = (_POR_DEFECTO.max_memoria or 0) // MB


def limites_de(max_paginas: int, limite_segundos: float, limite_memoria: int) -> Limites:
    """The options as `Limites`; 0 means no limit."""
    return Limites(
        max_paginas=max_paginas,
        max_segundos=limite_segundos or None,
        max_memoria=limite_memoria * MB or None,
    )
