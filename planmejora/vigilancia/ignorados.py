"""Files in the watched folder of no kind planmejora reads: named once in the log, then left where they are.

A note, a mail or a ZIP dropped beside the copies is never loaded, so `--mover` leaves it in
place; the log names it the first time it is seen with its size and date, and not again, also
over nightly runs (`--una-vez`): what was named is kept in `CARPETA/.planmejora/ignorados.txt`.
A folder that cannot be opened is named once per run: its copies are not being loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from carga.rutas import texto_de_ruta
from planmejora.errores_del_sistema import causa
from planmejora.vigilancia.observador import PROPIA
from planmejora.vigilancia.registro import en_una_linea, registro

MEMORIA = "ignorados.txt"


class Ignorados:
    """What was already named, in this run and in earlier ones."""

    def __init__(self, carpeta: Path) -> None:
        self._carpeta = carpeta
        self._memoria = carpeta / PROPIA / MEMORIA
        self._nombrados = self._recordados()
        self._carpetas: set[str] = set()

    def _recordados(self) -> set[str]:
        try:
            return set(self._memoria.read_text(encoding="utf-8").splitlines())
        except OSError:
            return set()

    def _nombre(self, ruta: Path) -> str:
        try:
            return texto_de_ruta(ruta.relative_to(self._carpeta))
        except ValueError:
            return texto_de_ruta(ruta)

    def avisar(self, encontrados: Iterable[tuple[Path, str]]) -> None:
        """Name in the log each file not named before with its present size and date."""
        nuevos: list[str] = []
        for ruta, motivo in encontrados:
            try:
                estado = ruta.stat()
            except OSError:
                continue  # gone meanwhile
            nombre = self._nombre(ruta)
            clave = en_una_linea(f"{nombre}\t{estado.st_size}\t{estado.st_mtime_ns}")
            if clave in self._nombrados:
                continue
            registro().warning("Ignorado: %s: %s. Queda donde está.", nombre, motivo)
            self._nombrados.add(clave)
            nuevos.append(clave)
        if nuevos:
            self._guardar(nuevos)

    def carpeta_ilegible(self, error: OSError) -> None:
        """Name a folder that cannot be opened, once per run."""
        nombre = self._nombre(Path(error.filename)) if error.filename else "."
        if nombre not in self._carpetas:
            self._carpetas.add(nombre)
            registro().warning("No se pudo abrir la carpeta %s: %s. Sus archivos no se cargan.", nombre, causa(error))

    def _guardar(self, claves: list[str]) -> None:
        """Remember what was named; a folder that cannot be written (a read-only share) only costs naming it again."""
        try:
            self._memoria.parent.mkdir(exist_ok=True)
            with self._memoria.open("a", encoding="utf-8") as archivo:
                archivo.write("".join(f"{clave}\n" for clave in claves))
        except OSError as error:
            registro().debug("No se pudo guardar %s: %s", self._memoria, error)
