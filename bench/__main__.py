"""`python -m bench` runs every registered benchmark; `python -m bench fechas` only the ones named."""

from __future__ import annotations

import importlib
import sys

from rich.console import Console

from bench import REGISTRO


def main(nombres: list[str]) -> int:
    consola = Console()
    desconocidos = [n for n in nombres if n not in REGISTRO]
    if desconocidos:
        consola.print(f"No hay benchmark «{', '.join(desconocidos)}». Los que hay: {', '.join(REGISTRO)}.")
        return 2
    for nombre in nombres or list(REGISTRO):
        consola.rule(f"benchmark: {nombre}")
        importlib.import_module(REGISTRO[nombre]).correr(consola)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
