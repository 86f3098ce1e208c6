"""The `planmejora` command: a thin layer over `planmejora.api`, one module per verb."""

import typer

app = typer.Typer(
    name="planmejora",
    help=(
        "Lee copias del FORMATO PLAN DE MEJORAMIENTO (GEM-FM014) en PDF, Word y Excel, "
        "limpia los valores, los guarda en una base de datos y reporta lo que no pudo confiar."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
