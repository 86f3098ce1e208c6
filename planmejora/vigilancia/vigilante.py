"""The watch itself: settled files go to the ingestion, and only a signal stops it.

The files settled at one moment go together, as one run of the ingestion, in the main thread; a stop
request (SIGTERM from systemd, Ctrl-C) is honoured right after the file in hand, so none is left
half-loaded. Nothing a file or the database does ends the watch: a file that fails unexpectedly is
retried a few times with growing pauses, and while the database is away every load waits, with pauses
growing up to a minute, until it is back.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.observers.api import BaseObserver

from carga.rutas import texto_de_ruta
from planmejora.errores_del_sistema import causa
from planmejora.vigilancia.asentamiento import Asentamiento, Firma
from planmejora.vigilancia.ignorados import Ignorados
from planmejora.vigilancia.ingestor import BaseNoDisponible, Desenlace, Ingestor, Resultado
from planmejora.vigilancia.mover import mover
from planmejora.vigilancia.observador import (
    CON_ERRORES,
    PROCESADOS,
    Aviso,
    Novedad,
    Sondeo,
    candidatos,
    no_leidos,
    observar,
)
from planmejora.vigilancia.registro import registro

INTENTOS_POR_ARCHIVO = 4
PAUSA_INICIAL = 1.0
PAUSA_MAXIMA = 60.0
REPASO = 300.0
"""With events, a full scan every five minutes still catches what the events missed (bursts, renames)."""
SONDEO_DE_RESPALDO = 10.0
PACIENCIA_UNA_VEZ = 600.0
"""A single pass gives up after ten minutes on files that keep changing or a database that stays away."""


@dataclass(frozen=True)
class Opciones:
    carpeta: Path
    espera: float = 5.0
    sondeo: float | None = None
    una_vez: bool = False
    mover: bool = False
    repaso: float = REPASO
    paciencia: float = PACIENCIA_UNA_VEZ


@dataclass
class Cuenta:
    cargados: int = 0
    conocidos: int = 0
    con_error: int = 0

    def __bool__(self) -> bool:
        return bool(self.cargados or self.conocidos or self.con_error)


class Pausa:
    """Exponential backoff: 1 s, 2 s, 4 s … up to a ceiling; back to the start after a success."""

    def __init__(self, inicial: float = PAUSA_INICIAL, maxima: float = PAUSA_MAXIMA) -> None:
        self._inicial = inicial
        self._maxima = maxima
        self._siguiente = inicial

    def siguiente(self) -> float:
        valor = self._siguiente
        self._siguiente = min(2 * valor, self._maxima)
        return valor

    def reiniciar(self) -> None:
        self._siguiente = self._inicial


@dataclass
class _Estado:
    total: Cuenta = field(default_factory=Cuenta)
    desde_resumen: Cuenta = field(default_factory=Cuenta)
    intentos: dict[Path, int] = field(default_factory=dict)
    retenidos: dict[Path, Firma | None] = field(default_factory=dict)
    """Files that failed to read while still recent, as they were: unchanged, their next result is their verdict."""
    pausa_hasta: float = 0.0
    base_caida: bool = False
    base_inutilizable: bool = False
    """The database refuses to store anything until a person acts: a single pass stops at once."""
    sin_mover: int = 0
    """Files `mover` could not put aside: a single pass does not end as if all went well."""


class Vigilante:
    """Watches one folder with the given options, handing settled files to `ingestor`."""

    def __init__(self, opciones: Opciones, ingestor: Ingestor, *, reloj: Callable[[], float] = time.monotonic) -> None:
        self._op = opciones
        self._carpeta = opciones.carpeta
        self._ingestor = ingestor
        self._reloj = reloj
        self._parar = threading.Event()
        self._asentamiento = Asentamiento(opciones.espera, reloj=reloj)
        self._sondeo = Sondeo(self._carpeta)
        self._ignorados = Ignorados(self._carpeta)
        self._pausa = Pausa()
        self._estado = _Estado()
        self._tic = max(0.05, min(0.25, opciones.espera / 4))

    def parar(self) -> None:
        """Ask the watch to stop after the file in hand; safe to call from a signal handler."""
        self._parar.set()

    def correr(self) -> int:
        """Watch until asked to stop (or, with `una_vez`, until caught up); the exit status."""
        cola: queue.Queue[Novedad] = queue.Queue()
        observador, cada = self._arrancar(cola)
        try:
            self._sondear()
            registro().info("%d archivo(s) por revisar en %s.", len(self._asentamiento), self._carpeta)
            inicio = ultimo_sondeo = self._reloj()
            while not self._parar.is_set():
                self._atender(cola)
                ahora = self._reloj()
                if cada is not None and ahora - ultimo_sondeo >= cada:
                    self._sondear()
                    ultimo_sondeo = ahora
                self._cargar_listos()
                if self._op.una_vez and (
                    not self._asentamiento or ahora - inicio > self._op.paciencia or self._estado.base_inutilizable
                ):
                    break
        finally:
            if observador is not None:
                observador.stop()
                observador.join(timeout=5)
        return self._cerrar()

    def _arrancar(self, cola: queue.Queue[Novedad]) -> tuple[BaseObserver | None, float | None]:
        """Start the source of news; return the observer (if any) and how often to scan the folder."""
        if self._op.una_vez:
            registro().info("Revisión única de %s.", self._carpeta)
            return None, None
        if self._op.sondeo is not None:
            registro().info("Vigilando %s: se revisa la carpeta cada %g s.", self._carpeta, self._op.sondeo)
            return None, self._op.sondeo
        try:
            observador = observar(self._carpeta, cola)
        except OSError as error:
            registro().warning(
                "El sistema no avisa los cambios en %s (%s); se revisará la carpeta cada %g s.",
                self._carpeta,
                error,
                SONDEO_DE_RESPALDO,
            )
            return None, SONDEO_DE_RESPALDO
        registro().info("Vigilando %s: se atienden los avisos del sistema de archivos.", self._carpeta)
        return observador, self._op.repaso

    def _sondear(self) -> None:
        for ruta in self._sondeo.novedades():
            self._asentamiento.cambio(ruta)
        self._ignorados.avisar(no_leidos(self._carpeta, self._ignorados.carpeta_ilegible))

    def _atender(self, cola: queue.Queue[Novedad]) -> None:
        """Wait a moment for news and take in all that arrived."""
        try:
            novedad = cola.get(timeout=self._tic)
        except queue.Empty:
            return
        while True:
            if novedad.aviso is Aviso.CARPETA:
                for ruta in candidatos(self._carpeta, novedad.ruta):
                    self._asentamiento.cambio(ruta)
            elif novedad.aviso is Aviso.CIERRE:
                self._asentamiento.cierre(novedad.ruta)
            else:
                self._asentamiento.cambio(novedad.ruta)
            try:
                novedad = cola.get_nowait()
            except queue.Empty:
                return

    def _cargar_listos(self) -> None:
        """Hand every settled file to the ingestion in one batch; put back what it did not get to."""
        if self._reloj() < self._estado.pausa_hasta:
            return
        listos = self._asentamiento.listos()
        hechos: set[Path] = set()

        def al_terminar(ruta: Path, resultado: Resultado) -> None:
            hechos.add(ruta)
            self._terminado(ruta, resultado)

        if listos:
            try:
                self._ingestor(listos, al_terminar, self._parar.is_set)
            except BaseNoDisponible as error:
                self._base_no_disponible(error)
            except Exception as error:  # an unforeseen failure must not end the watch
                culpable = next((r for r in listos if r not in hechos), None)
                if culpable is not None:
                    hechos.add(culpable)
                self._fallo_inesperado(culpable, error)
            else:
                self._base_responde()
                if not self._parar.is_set():
                    self._sin_noticia([r for r in listos if r not in hechos], hechos)
            for ruta in listos:
                if ruta not in hechos:
                    self._asentamiento.devolver(ruta, self._estado.pausa_hasta)
        if not self._asentamiento and self._estado.desde_resumen:
            self._resumir()

    def _sin_noticia(self, rutas: list[Path], hechos: set[Path]) -> None:
        """Files the ingestion finished without a word about: retried a few times, not handed out for ever."""
        for ruta in rutas:
            hechos.add(ruta)
            self._fallo_inesperado(ruta, RuntimeError("la carga terminó sin decir qué pasó con el archivo"))

    def _base_no_disponible(self, error: BaseNoDisponible) -> None:
        if error.permanente and self._op.una_vez:
            self._estado.base_inutilizable = True
            registro().error("%s No se cargó nada más; corrija la base y vuelva a correr la orden.", error)
            return
        pausa = self._pausa.siguiente()
        self._estado.pausa_hasta = self._reloj() + pausa
        self._estado.base_caida = True
        nivel = logging.ERROR if error.permanente else logging.WARNING
        registro().log(nivel, "La base de datos no está disponible: %s Se reintenta en %g s.", error, pausa)

    def _base_responde(self) -> None:
        if self._estado.base_caida:
            registro().info("La base de datos volvió a responder.")
        self._estado.base_caida = False
        self._pausa.reiniciar()

    def _fallo_inesperado(self, ruta: Path | None, error: Exception) -> None:
        """`ruta`, the first file not finished, is the one that failed: retry it later, or give up at last."""
        descripcion = f"{type(error).__name__}: {error}"
        registro().debug("Fallo inesperado al cargar", exc_info=error)
        if ruta is None:
            registro().warning("La carga terminó con un fallo inesperado (%s).", descripcion)
            return
        intentos = self._estado.intentos[ruta] = self._estado.intentos.get(ruta, 0) + 1
        nombre = self._nombre(ruta)
        if intentos >= INTENTOS_POR_ARCHIVO:
            motivo = f"Falló {intentos} veces al cargarse ({descripcion})."
            self._terminado(ruta, Resultado(Desenlace.ERROR, motivo), puede_esperar=False)
            return
        pausa = PAUSA_INICIAL * 2 ** (intentos - 1)
        self._asentamiento.devolver(ruta, self._reloj() + pausa)
        registro().warning(
            "Falló la carga de %s (%s); intento %d de %d, se reintenta en %g s.",
            nombre,
            descripcion,
            intentos,
            INTENTOS_POR_ARCHIVO,
            pausa,
        )

    def _terminado(self, ruta: Path, resultado: Resultado, puede_esperar: bool = True) -> None:
        """One file is done: count it, log it, and with `mover` put it aside, unless it is being written again
        (or, `puede_esperar`, failed to read while recent: its writer may only be pausing)."""
        nombre = self._nombre(ruta)
        self._estado.intentos.pop(ruta, None)
        if self._asentamiento.cambio_desde_entrega(ruta):
            registro().info("%s cambió mientras se cargaba: se cargará cuando termine de escribirse.", nombre)
            self._asentamiento.cambio(ruta)
            return
        if puede_esperar and self._retener(ruta, resultado):
            registro().info(
                "%s no se pudo leer, pero acaba de cambiar: se espera a que quede quieto antes de darlo por fallido.",
                nombre,
            )
            return
        resultado = self._veredicto(ruta, resultado)
        self._anotar(nombre, resultado)
        if self._op.mover:
            self._apartar(ruta, nombre, resultado)
        self._sondeo.recordar(ruta)

    def _retener(self, ruta: Path, resultado: Resultado) -> bool:
        """Hold a recent file that failed to read, unless it was already held as it is now."""
        if resultado.desenlace is not Desenlace.ERROR or not self._asentamiento.reciente(ruta):
            return False
        firma = Firma.de(ruta)
        if ruta in self._estado.retenidos and self._estado.retenidos[ruta] == firma:
            return False
        self._estado.retenidos[ruta] = firma
        self._asentamiento.retener(ruta)
        return True

    def _veredicto(self, ruta: Path, resultado: Resultado) -> Resultado:
        """A held file whose same bytes the ledger already knows as failed has failed: say so, do not skip it."""
        retenido = ruta in self._estado.retenidos
        self._estado.retenidos.pop(ruta, None)
        if retenido and resultado.desenlace is Desenlace.CONOCIDO and resultado.motivo:
            return Resultado(Desenlace.ERROR, resultado.motivo)
        return resultado

    def _nombre(self, ruta: Path) -> str:
        """How people read the file's name, even when it is not UTF-8 (the real path stays `ruta`)."""
        return texto_de_ruta(ruta.relative_to(self._carpeta))

    def _anotar(self, nombre: str, resultado: Resultado) -> None:
        for cuenta in (self._estado.total, self._estado.desde_resumen):
            if resultado.desenlace is Desenlace.CARGADO:
                cuenta.cargados += 1
            elif resultado.desenlace is Desenlace.CONOCIDO:
                cuenta.conocidos += 1
            else:
                cuenta.con_error += 1
        if resultado.desenlace is Desenlace.CARGADO:
            registro().info("Cargado: %s.", nombre)
        elif resultado.desenlace is Desenlace.ERROR:
            registro().error("No se pudo cargar %s: %s", nombre, resultado.motivo or "motivo desconocido.")

    def _apartar(self, ruta: Path, nombre: str, resultado: Resultado) -> None:
        """A file known by its bytes to have failed before (`CONOCIDO` with a reason) also goes to con_errores."""
        fallo = resultado.desenlace is Desenlace.ERROR or resultado.motivo is not None
        try:
            destino = mover(
                ruta,
                self._carpeta,
                CON_ERRORES if fallo else PROCESADOS,
                motivo=(resultado.motivo or "motivo desconocido.") if fallo else None,
            )
        except OSError as error:
            self._estado.sin_mover += 1
            registro().error("No se pudo mover %s: %s. Queda donde estaba.", nombre, causa(error))
            return
        registro().info("%s se movió a %s.", nombre, texto_de_ruta(destino.relative_to(self._carpeta)))

    def _resumir(self, encabezado: str = "Al día") -> None:
        c = self._estado.desde_resumen
        registro().info(
            "%s: %d cargado(s), %d sin cambios, %d con errores.", encabezado, c.cargados, c.conocidos, c.con_error
        )
        self._estado.desde_resumen = Cuenta()

    def _cerrar(self) -> int:
        if self._parar.is_set():
            registro().info("Se pidió parar: vigilancia detenida.")
        elif self._asentamiento:
            causa = "la base de datos no respondió" if self._estado.base_caida else "siguen cambiando"
            registro().warning("%d archivo(s) quedan para la próxima pasada (%s).", len(self._asentamiento), causa)
        if self._estado.desde_resumen:
            self._resumir("Hecho desde el último resumen")
        if not self._op.una_vez:
            return 0
        if self._estado.base_inutilizable:
            return 2
        if self._estado.sin_mover:
            registro().error("%d archivo(s) no se pudieron mover y quedan en la carpeta.", self._estado.sin_mover)
        return 1 if self._estado.total.con_error or self._estado.base_caida or self._estado.sin_mover else 0
