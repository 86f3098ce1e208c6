"""The `planmejora` command: a thin layer over `planmejora.api`, one module per verb."""

from __future__ import annotations

import importlib
import inspect
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import typer
from rich.console import Console
from typer import rich_utils
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from extractor.vocabulario import leer_toml


def _textos_de_typer_en_espanol() -> None:
    """Typer's own words in its rich help (panel titles, `[default: …]`, the hint under an error).

    Typer 0.29 has no setting for them: it passes each through `gettext.gettext` once, when
    `typer.rich_utils` is imported, and reads the module's names at every help. A gettext catalogue
    would only apply when the user's locale is Spanish (LANGUAGE, LC_ALL, LC_MESSAGES or LANG), which the
    servers and cron jobs that run `ingerir` seldom set, and it would have to bind Python's shared
    `messages` domain before typer is imported. So the names are set here, the smallest hook that holds.
    """
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumentos"
    rich_utils.OPTIONS_PANEL_TITLE = "Opciones"
    rich_utils.COMMANDS_PANEL_TITLE = "Órdenes"
    rich_utils.DEFAULT_STRING = "[por defecto: {}]"
    rich_utils.ENVVAR_STRING = "[variable de entorno: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[obligatorio]"
    rich_utils.RICH_HELP = "Use [blue]'{command_path} {help_option}'[/] para ver la ayuda."
    rich_utils.ABORTED_TEXT = "Cancelado."


_textos_de_typer_en_espanol()


@cache
def _mensajes_uso() -> list[tuple[re.Pattern[str], str]]:
    tabla: dict[str, str] = leer_toml("planmejora.vocabulario", "mensajes_uso")["mensajes_uso"]
    return [(re.compile(patron, re.DOTALL), reemplazo) for patron, reemplazo in tabla.items()]


def traducir_uso(mensaje: str) -> str:
    """Typer carries its own copy of click (`typer._click`), whose usage errors are English with no catalogue
    to translate them: we translate its sentences."""
    for patron, reemplazo in _mensajes_uso():
        if coincidencia := patron.fullmatch(mensaje):
            return coincidencia.expand(reemplazo)
    return mensaje


@contextmanager
def _errores_en_espanol() -> Iterator[None]:
    """A usage error leaves in Spanish. Click writes its text only when it is shown (`format_message`,
    `Invalid value for '--corte': …`), so the error keeps its type and is given a Spanish text.
    `TyperException` is the public base of click's errors in typer."""
    try:
        yield
    except typer.TyperException as error:
        original = error.format_message
        error.format_message = lambda: traducir_uso(original())  # type: ignore[method-assign]
        raise


def _valor_de_opcion(opcion: TyperOption, ctx: Any) -> str | None:
    """The value as the verb names it (RUTA, FECHA, N), never Python's type (`<list[Path]>`); a flag takes none.

    Typer shows the type unless told otherwise, and shows it even for flags.
    """
    return opcion.metavar


def _sin_tipo(argumento: TyperArgument, ctx: Any) -> None:
    """An argument's metavar already names it in the first column; typer added its Python type beside it."""


def _argumento_en_uso(argumento: TyperArgument, ctx: Any) -> list[str]:
    """`RUTA...` as manuals write a required argument and `[RUTA]` an optional one; typer wrote `{RUTA}...`."""
    nombre = argumento.display_name_raw if argumento.required else f"[{argumento.display_name_raw}]"
    return [nombre + ("..." if argumento.nargs != 1 else "")]


TyperOption.display_type_rich = _valor_de_opcion  # type: ignore[method-assign,assignment]
TyperArgument.display_type_rich = _sin_tipo  # type: ignore[method-assign,assignment]
TyperArgument.get_usage_pieces = _argumento_en_uso  # type: ignore[method-assign,assignment]


class _EnEspanol:
    """Usage line and help option in Spanish: typer only lets us change the panel titles."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        piezas = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(piezas), prefix="Uso: ")

    def get_help_option(self, ctx: Any) -> Any:
        opcion = super().get_help_option(ctx)  # type: ignore[misc]
        if opcion is not None:
            opcion.help = "Muestra esta ayuda y termina."
        return opcion


class Orden(_EnEspanol, TyperCommand):
    pass


class Grupo(_EnEspanol, TyperGroup):
    """Every usage error passes through the top group: its own options as it parses them, a verb's
    (unknown verb, options, values) while it invokes the verb."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with _errores_en_espanol():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _errores_en_espanol():
            return super().invoke(ctx)


def _indice() -> dict[str, dict[str, str]]:
    indice: dict[str, dict[str, str]] = leer_toml("planmejora.vocabulario", "ordenes")["ordenes"]
    return indice


_SUBORDENES = "ORDEN [ARGUMENTOS]..."

ORDENES: dict[str, str] = {nombre: orden["modulo"] for nombre, orden in _indice().items()}


def crear_app(solo: str | None = None) -> typer.Typer:
    """The command, with every verb or only `solo`.

    Each verb pulls in heavy libraries (SQLAlchemy, openpyxl, watchdog): a nightly `ingerir`
    over an unchanged archive should not spend a second importing the report's.
    """
    app = _sin_ordenes()
    for nombre, modulo in ORDENES.items():
        if solo is None or nombre == solo:
            _agregar(app, nombre, getattr(importlib.import_module(modulo), nombre))
    return app


def crear_indice() -> typer.Typer:
    """The command as `planmejora --help` lists it: each verb's summary, no verb imported."""
    app = _sin_ordenes()
    for nombre, orden in _indice().items():
        app.command(nombre, help=en_parrafos(orden["resumen"]), cls=Orden)(_grupo)
    return app


def _sin_ordenes() -> typer.Typer:
    app = typer.Typer(
        name="planmejora",
        cls=Grupo,
        help=(
            "Lee copias del FORMATO PLAN DE MEJORAMIENTO (GEM-FM014) en PDF, Word y Excel, "
            "limpia los valores, los guarda en una base de datos y reporta lo que no pudo confiar.\n\n"
            "La base de datos se elige con --db o con la variable PLANMEJORA_DB "
            "(por defecto sqlite:///planmejora.db)."
        ),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        pretty_exceptions_enable=False,
        options_metavar="[OPCIONES]",
        subcommand_metavar=_SUBORDENES,
    )
    app.callback()(_grupo)
    return app


def _agregar(app: typer.Typer, nombre: str, orden: Any) -> None:
    """A verb is a function (`ingerir`) or a group of sub-verbs (`exportar consolidado`), a Typer of its own."""
    if isinstance(orden, typer.Typer):
        orden.info.cls = Grupo
        orden.info.options_metavar = "[OPCIONES]"
        orden.info.subcommand_metavar = _SUBORDENES
        for comando in orden.registered_commands:
            comando.cls = Orden
            comando.options_metavar = "[OPCIONES]"
        app.add_typer(orden, name=nombre)
    else:
        app.command(nombre, cls=Orden, options_metavar="[OPCIONES]", help=en_parrafos(orden.__doc__ or ""))(orden)


def en_parrafos(ayuda: str) -> str:
    """A docstring as help: each paragraph one line, for the terminal to wrap at its own width.

    Rich help keeps every line break, so a docstring wrapped at 100 columns broke sentences in two on an
    80-column terminal. Indented lines (the examples) keep theirs.
    """
    parrafos = inspect.cleandoc(ayuda).split("\n\n")
    return "\n\n".join(p if p.startswith(" ") else " ".join(p.split()) for p in parrafos)


def _grupo() -> None:
    """Keeps `planmejora VERB` a group even when only one verb is loaded."""


def __getattr__(nombre: str) -> typer.Typer:
    """`planmejora.cli.app`, with every verb, for tests and for whoever embeds the command."""
    if nombre == "app":
        return crear_app()
    raise AttributeError(nombre)


def main() -> None:
    """Entry point: a user sees a Spanish sentence, never a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    verbo = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in ORDENES else None
    try:
        (crear_app(verbo) if verbo else crear_indice())()
    except KeyboardInterrupt:
        Console(stderr=True).print("[yellow]Interrumpido por el usuario.[/]")
        sys.exit(130)
    except Exception as error:
        logging.getLogger("planmejora").debug("Error inesperado", exc_info=True)
        Console(stderr=True).print(
            f"[bold red]Error inesperado:[/] {type(error).__name__}: {error}. "
            "Nada quedó a medias en la base de datos; vuelva a intentarlo o reporte este mensaje."
        )
        sys.exit(1)
