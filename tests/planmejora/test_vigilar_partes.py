"""The pieces of `planmejora vigilar`, in-process: when a file counts as written, what is watched, moving aside."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from planmejora.vigilancia import asentamiento, registro
from planmejora.vigilancia.asentamiento import Asentamiento
from planmejora.vigilancia.ingestor import (
    AlTerminar,
    BaseNoDisponible,
    Desenlace,
    Ingestor,
    Parar,
    Resultado,
    ingestor_de,
)
from planmejora.vigilancia.mover import mover
from planmejora.vigilancia.observador import Sondeo, candidatos, es_vigilada
from planmejora.vigilancia.vigilante import Opciones, Vigilante

MUESTRAS = Path(__file__).parents[2] / "muestras"


class Reloj:
    """A clock the test moves by hand, so no test depends on real time."""

    def __init__(self) -> None:
        self.ahora = 1000.0

    def __call__(self) -> float:
        return self.ahora

    def avanzar(self, segundos: float) -> None:
        self.ahora += segundos


def escribir(ruta: Path, contenido: bytes, mtime: int) -> None:
    ruta.write_bytes(contenido)
    os.utime(ruta, ns=(mtime, mtime))


# --- asentamiento: a file counts only once it stopped changing -----------------------------------------------


def test_un_archivo_esta_listo_cuando_no_cambia_durante_la_espera(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.docx"
    escribir(plan, b"PK parte 1", 1)
    asentamiento = Asentamiento(5, reloj=reloj)
    asentamiento.cambio(plan)
    reloj.avanzar(4.9)
    assert asentamiento.listos() == []
    reloj.avanzar(0.2)
    assert asentamiento.listos() == [plan]
    assert asentamiento.listos() == [], "handed out once"


def test_un_archivo_que_sigue_creciendo_espera_de_nuevo(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.xlsx"
    escribir(plan, b"PK parte 1", 1)
    asentamiento = Asentamiento(5, reloj=reloj)
    asentamiento.cambio(plan)
    reloj.avanzar(4)
    escribir(plan, b"PK parte 1 y parte 2", 2)
    reloj.avanzar(4)
    assert asentamiento.listos() == [], "it changed 4 s ago: the wait starts over"
    reloj.avanzar(5)
    assert asentamiento.listos() == [plan]


def test_cerrado_tras_escribir_acorta_la_espera(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.pdf"
    escribir(plan, b"%PDF-1.7 todo", 1)
    asentamiento = Asentamiento(5, reloj=reloj)
    asentamiento.cierre(plan)
    assert asentamiento.listos() == []
    reloj.avanzar(0.6)
    assert asentamiento.listos() == [plan]


def test_un_archivo_vacio_espera_mas_porque_la_copia_quiza_no_ha_empezado(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.pdf"
    escribir(plan, b"", 1)
    asentamiento = Asentamiento(1, reloj=reloj)
    asentamiento.cierre(plan)
    reloj.avanzar(5)
    assert asentamiento.listos() == []
    reloj.avanzar(30)
    assert asentamiento.listos() == [plan]


def test_un_archivo_que_no_se_deja_abrir_espera_y_al_final_se_entrega_para_saber_por_que(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.pdf"
    escribir(plan, b"%PDF", 1)
    monkeypatch.setattr(asentamiento, "_se_puede_leer", lambda ruta: False)  # held by its writer (Windows share)
    espera = Asentamiento(1, reloj=reloj)
    espera.cambio(plan)
    reloj.avanzar(5)
    assert espera.listos() == []
    reloj.avanzar(30)
    assert espera.listos() == [plan]


def test_un_archivo_que_desaparece_se_olvida(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.pdf"
    escribir(plan, b"%PDF", 1)
    asentamiento = Asentamiento(1, reloj=reloj)
    asentamiento.cambio(plan)
    plan.unlink()
    reloj.avanzar(2)
    assert asentamiento.listos() == [] and len(asentamiento) == 0


def test_un_archivo_devuelto_vuelve_despues_de_la_pausa_sin_esperar_de_nuevo(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.pdf"
    escribir(plan, b"%PDF", 1)
    asentamiento = Asentamiento(5, reloj=reloj)
    asentamiento.cambio(plan)
    reloj.avanzar(5)
    assert asentamiento.listos() == [plan]
    asentamiento.devolver(plan, no_antes=reloj.ahora + 2)
    reloj.avanzar(1)
    assert asentamiento.listos() == []
    reloj.avanzar(1)
    assert asentamiento.listos() == [plan]


def test_un_archivo_devuelto_que_cambio_mientras_tanto_espera_de_nuevo(tmp_path: Path) -> None:
    reloj = Reloj()
    plan = tmp_path / "plan.pdf"
    escribir(plan, b"%PDF", 1)
    asentamiento = Asentamiento(5, reloj=reloj)
    asentamiento.cambio(plan)
    reloj.avanzar(5)
    assert asentamiento.listos() == [plan]
    escribir(plan, b"%PDF version nueva", 2)
    asentamiento.devolver(plan, no_antes=reloj.ahora)
    reloj.avanzar(1)
    assert asentamiento.listos() == []
    reloj.avanzar(5)
    assert asentamiento.listos() == [plan]


# --- what is watched ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relativa", "vigilada"),
    [
        ("plan.pdf", True),
        ("2024/oficina norte/Plan Mejora.DOCX", True),
        ("plan.xlsx", True),
        ("~$plan.docx", False),
        (".~lock.plan.xlsx#", False),
        ("plan.docx.tmp", False),
        ("plan.pdf.crdownload", False),
        (".oculto.pdf", False),
        ("notas.txt", False),
        ("procesados/plan.pdf", False),
        ("con_errores/plan.pdf", False),
        (".planmejora/plan.pdf", False),
        ("2024/procesados/plan.pdf", True),
        ("#recycle/plan.pdf", False),
        ("2024/.snapshot/plan.pdf", False),
    ],
)
def test_que_se_vigila(tmp_path: Path, relativa: str, vigilada: bool) -> None:
    assert es_vigilada(tmp_path, tmp_path / relativa) is vigilada


def test_el_recorrido_salta_las_carpetas_propias_y_los_temporales(tmp_path: Path) -> None:
    for relativa in ("a.pdf", "sub/b.docx", "~$b.docx", "procesados/c.pdf", "con_errores/d.xlsx", "sub/e.tmp"):
        (tmp_path / relativa).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relativa).write_bytes(b"x")
    assert list(candidatos(tmp_path)) == [tmp_path / "a.pdf", tmp_path / "sub/b.docx"]


def test_el_sondeo_informa_solo_lo_nuevo_o_cambiado(tmp_path: Path) -> None:
    escribir(tmp_path / "a.pdf", b"uno", 1)
    escribir(tmp_path / "b.pdf", b"dos", 1)
    sondeo = Sondeo(tmp_path)
    assert sondeo.novedades() == [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    assert sondeo.novedades() == []
    escribir(tmp_path / "b.pdf", b"dos, version 2", 2)
    escribir(tmp_path / "c.xlsx", b"tres", 1)
    assert sorted(sondeo.novedades()) == [tmp_path / "b.pdf", tmp_path / "c.xlsx"]


# --- moving aside: never delete, never overwrite -------------------------------------------------------------------


def test_mover_conserva_la_subcarpeta_y_no_pisa_un_nombre_ocupado(tmp_path: Path) -> None:
    (tmp_path / "norte").mkdir()
    (tmp_path / "procesados/norte").mkdir(parents=True)
    (tmp_path / "procesados/norte/plan.pdf").write_bytes(b"el de ayer")
    (tmp_path / "norte/plan.pdf").write_bytes(b"el de hoy")
    destino = mover(tmp_path / "norte/plan.pdf", tmp_path, "procesados")
    assert destino == tmp_path / "procesados/norte/plan (2).pdf"
    assert destino.read_bytes() == b"el de hoy"
    assert (tmp_path / "procesados/norte/plan.pdf").read_bytes() == b"el de ayer"
    assert not (tmp_path / "norte/plan.pdf").exists()


def test_un_archivo_con_errores_lleva_el_motivo_al_lado(tmp_path: Path) -> None:
    (tmp_path / "roto.pdf").write_bytes(b"")
    destino = mover(tmp_path / "roto.pdf", tmp_path, "con_errores", motivo="El archivo está vacío (0 bytes).")
    assert destino == tmp_path / "con_errores/roto.pdf"
    nota = (tmp_path / "con_errores/roto.pdf.error.txt").read_text(encoding="utf-8")
    assert "El archivo está vacío (0 bytes)." in nota and "roto.pdf" in nota


def test_una_nota_de_error_huerfana_tampoco_se_pisa(tmp_path: Path) -> None:
    (tmp_path / "con_errores").mkdir()
    (tmp_path / "con_errores/roto.pdf.error.txt").write_text("nota de otro día", encoding="utf-8")
    (tmp_path / "roto.pdf").write_bytes(b"x")
    destino = mover(tmp_path / "roto.pdf", tmp_path, "con_errores", motivo="No es un PDF.")
    assert destino.name == "roto (2).pdf"
    assert (tmp_path / "con_errores/roto.pdf.error.txt").read_text(encoding="utf-8") == "nota de otro día"
    assert (tmp_path / "con_errores/roto (2).pdf.error.txt").exists()


# --- the watch loop, with a stand-in for the database ------------------------------------------------------------


class RelojQueAvanza:
    """Each reading moves time on half a second: pauses of seconds pass without real waiting."""

    def __init__(self) -> None:
        self.ahora = 0.0

    def __call__(self) -> float:
        self.ahora += 0.5
        return self.ahora


class IngestorDePrueba:
    """Records each batch it is given and each file it reports.

    `caidas` is how many batches in a row find the database away; `rotos` always fail unexpectedly;
    `errores` are files that cannot be read, with their reason.
    """

    def __init__(self, caidas: int = 0, rotos: set[str] | None = None, errores: dict[str, str] | None = None) -> None:
        self.lotes: list[list[str]] = []
        self.terminados: list[str] = []
        self.caidas = caidas
        self.rotos = rotos or set()
        self.errores = errores or {}

    def __call__(self, rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        self.lotes.append([ruta.name for ruta in rutas])
        if self.caidas:
            self.caidas -= 1
            raise BaseNoDisponible("conexión rechazada por el servidor.")
        for ruta in rutas:
            if parar():
                return
            if ruta.name in self.rotos:
                raise RuntimeError("fallo raro")
            self.terminados.append(ruta.name)
            if ruta.name in self.errores:
                al_terminar(ruta, Resultado(Desenlace.ERROR, self.errores[ruta.name]))
            else:
                al_terminar(ruta, Resultado(Desenlace.CARGADO))


def una_pasada(carpeta: Path, ingestor: Ingestor, mover_archivos: bool = False) -> int:
    opciones = Opciones(carpeta=carpeta, espera=0, una_vez=True, mover=mover_archivos)
    return Vigilante(opciones, ingestor, reloj=RelojQueAvanza()).correr()


def test_una_pasada_carga_lo_que_ya_estaba_e_ignora_los_bloqueos_de_office(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for nombre in ("a.pdf", "sub/b.docx", "~$b.docx", "sub/.~lock.c.xlsx#"):
        (tmp_path / nombre).write_bytes(b"contenido")
    ingestor = IngestorDePrueba()
    assert una_pasada(tmp_path, ingestor) == 0
    assert ingestor.lotes == [["a.pdf", "b.docx"]], "what was already there goes in one batch"


def test_con_mover_los_cargados_y_los_fallidos_quedan_aparte(tmp_path: Path) -> None:
    (tmp_path / "bueno.docx").write_bytes(b"PK")
    (tmp_path / "malo.pdf").write_bytes(b"no es pdf")
    ingestor = IngestorDePrueba(errores={"malo.pdf": "El archivo no es un PDF válido."})
    assert una_pasada(tmp_path, ingestor, mover_archivos=True) == 1, "some file failed"
    assert (tmp_path / "procesados/bueno.docx").read_bytes() == b"PK"
    assert (tmp_path / "con_errores/malo.pdf").read_bytes() == b"no es pdf"
    assert "no es un PDF válido" in (tmp_path / "con_errores/malo.pdf.error.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["con_errores", "procesados"]


def test_si_la_base_no_responde_se_espera_y_cada_archivo_se_carga_una_vez(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for nombre in ("a.pdf", "b.pdf"):
        (tmp_path / nombre).write_bytes(b"x")
    ingestor = IngestorDePrueba(caidas=3)
    with caplog.at_level("INFO", logger="planmejora.vigilancia"):
        assert una_pasada(tmp_path, ingestor) == 0
    assert ingestor.lotes == [["a.pdf", "b.pdf"]] * 4
    assert ingestor.terminados == ["a.pdf", "b.pdf"]
    avisos = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert [a.rsplit("en ", 1)[1] for a in avisos] == ["1 s.", "2 s.", "4 s."], "the pause doubles each time"
    assert "La base de datos volvió a responder." in caplog.messages


def test_un_archivo_que_falla_sin_motivo_conocido_se_reintenta_y_no_detiene_a_los_demas(tmp_path: Path) -> None:
    for nombre in ("a.pdf", "b.pdf"):
        (tmp_path / nombre).write_bytes(b"x")
    ingestor = IngestorDePrueba(rotos={"a.pdf"})
    assert una_pasada(tmp_path, ingestor, mover_archivos=True) == 1
    assert len([lote for lote in ingestor.lotes if "a.pdf" in lote]) == 4, "tried four times"
    assert ingestor.terminados == ["b.pdf"]
    assert "fallo raro" in (tmp_path / "con_errores/a.pdf.error.txt").read_text(encoding="utf-8")
    assert (tmp_path / "procesados/b.pdf").exists()


def test_una_orden_de_parar_termina_el_archivo_en_curso_y_nada_mas(tmp_path: Path) -> None:
    for nombre in ("a.pdf", "b.pdf", "c.pdf"):
        (tmp_path / nombre).write_bytes(b"x")

    def al_primer_archivo_llega_la_senal(rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        for ruta in rutas:
            if parar():
                return
            vigilante.parar()
            terminados.append(ruta.name)
            al_terminar(ruta, Resultado(Desenlace.CARGADO))

    terminados: list[str] = []
    vigilante = Vigilante(
        Opciones(carpeta=tmp_path, espera=0), al_primer_archivo_llega_la_senal, reloj=RelojQueAvanza()
    )
    assert vigilante.correr() == 0
    assert terminados == ["a.pdf"]


def test_la_ingesta_real_para_entre_archivos_y_deja_la_corrida_interrumpida(tmp_path: Path, url_db: str) -> None:
    rutas = [tmp_path / f"{nombre}.pdf" for nombre in ("a", "b", "c")]
    for ruta in rutas:
        ruta.write_bytes(f"no es un PDF: {ruta.name}".encode())
    pedida = threading.Event()
    reportados: list[str] = []

    def al_terminar(ruta: Path, resultado: Resultado) -> None:
        reportados.append(ruta.name)
        pedida.set()  # the signal arrives while the first file is being stored

    ingestor_de(url_db)(rutas, al_terminar, pedida.is_set)
    assert reportados == ["a.pdf", "b.pdf"], "b was already in the reader's hands while a was stored; c never"
    motor = create_engine(url_db)
    with motor.connect() as conexion:
        corrida = conexion.execute(text("SELECT estado, terminada_en FROM corridas")).one()
    motor.dispose()
    assert corrida.estado == "interrumpida" and corrida.terminada_en is not None


def test_un_nombre_en_latin1_se_carga_una_vez_y_la_pasada_termina(tmp_path: Path) -> None:
    """Regression (issue 12): the loader named `Planeación.docx`, no file on disk had that name, and the watch
    queued the real file (`Planeaci\\xf3n.docx`) again and again, one run after another, and never moved it."""
    carpeta = tmp_path / "planes"
    carpeta.mkdir()
    real = carpeta / os.fsdecode(b"Planeaci\xf3n.docx")
    real.write_bytes((MUESTRAS / "calica_2021.docx").read_bytes())
    url_db = f"sqlite:///{tmp_path / 'planes.db'}"
    opciones = Opciones(carpeta=carpeta, espera=0, una_vez=True, mover=True, paciencia=20)

    assert Vigilante(opciones, ingestor_de(url_db), reloj=RelojQueAvanza()).correr() == 0

    assert os.listdir(os.fsencode(carpeta / "procesados")) == [b"Planeaci\xf3n.docx"]
    motor = create_engine(url_db)
    with motor.connect() as conexion:
        corridas = conexion.execute(text("SELECT count(*) FROM corridas")).scalar_one()
        archivos = conexion.execute(text("SELECT archivo FROM documentos")).scalars().all()
    motor.dispose()
    assert corridas == 1
    assert [Path(archivo).name for archivo in archivos] == ["Planeación.docx"], "people read the name legibly"


def test_un_archivo_del_que_la_carga_no_dice_nada_se_reintenta_y_al_final_falla(tmp_path: Path) -> None:
    """The other half of the Latin-1 loop: whatever the reason a file goes unreported, it is not handed out for ever."""
    (tmp_path / "a.pdf").write_bytes(b"x")

    def callado(rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        lotes.append([ruta.name for ruta in rutas])

    lotes: list[list[str]] = []
    assert una_pasada(tmp_path, callado, mover_archivos=True) == 1
    assert lotes == [["a.pdf"]] * 4
    assert "sin decir qué pasó" in (tmp_path / "con_errores/a.pdf.error.txt").read_text(encoding="utf-8")


@pytest.fixture
def registro_en_archivo(tmp_path: Path) -> Iterator[Path]:
    """The watch's log configured as `vigilar` does, and put back as it was afterwards (for caplog)."""
    archivo = tmp_path / "vigilar.log"
    registro.configurar(archivo)
    yield archivo
    bitacora = registro.registro()
    for manejador in list(bitacora.handlers):
        bitacora.removeHandler(manejador)
        manejador.close()
    bitacora.propagate = True


def test_un_salto_de_linea_en_el_nombre_no_inventa_renglones_en_el_registro(
    tmp_path: Path, registro_en_archivo: Path
) -> None:
    """Regression (issue 12): `x\\n2026-01-01 00:00:00 INFO Cargado: todo.pdf` forged a line of the log."""
    carpeta = tmp_path / "planes"
    carpeta.mkdir()
    (carpeta / "x\n2026-01-01 00:00:00 INFO Cargado: todo.pdf").write_bytes(b"no es un PDF")
    ingestor = IngestorDePrueba(errores={"x\n2026-01-01 00:00:00 INFO Cargado: todo.pdf": "motivo\ncon dos renglones"})

    assert una_pasada(carpeta, ingestor, mover_archivos=True) == 1

    lineas = registro_en_archivo.read_text(encoding="utf-8").splitlines()
    assert not any(linea.startswith("2026-01-01") for linea in lineas)
    escrito = "No se pudo cargar x\\n2026-01-01 00:00:00 INFO Cargado: todo.pdf: motivo\\ncon dos renglones"
    assert any(escrito in linea for linea in lineas)
    (nota,) = (carpeta / "con_errores").glob("*.error.txt")
    assert nota.read_text(encoding="utf-8").count("\n") == 3, "Archivo, Fecha and Motivo: one line each"


class IngestorConLedger(IngestorDePrueba):
    """Like the real ingestion: bytes that failed once are, the next time, known with their old reason."""

    def __call__(self, rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        def recordar(ruta: Path, resultado: Resultado) -> None:
            if ruta.read_bytes() in fallidos:
                resultado = Resultado(Desenlace.CONOCIDO, fallidos[ruta.read_bytes()])
            elif resultado.desenlace is Desenlace.ERROR:
                fallidos[ruta.read_bytes()] = resultado.motivo or ""
            self.veces.append((ruta.name, resultado.desenlace))
            al_terminar(ruta, resultado)

        fallidos = self.fallidos
        super().__call__(rutas, recordar, parar)

    def __init__(self, errores: dict[str, str]) -> None:
        super().__init__(errores=errores)
        self.fallidos: dict[bytes, str] = {}
        self.veces: list[tuple[str, Desenlace]] = []


def test_un_archivo_recien_escrito_que_no_se_lee_no_se_da_por_fallido_hasta_que_quede_quieto(tmp_path: Path) -> None:
    """Regression (issue 12): a writer that appends and closes every second, or pauses longer than --espera, had
    its partial file declared failed and moved to con_errores/, and the rest arrived as a second, split file."""
    (tmp_path / "a_medias.docx").write_bytes(b"PK\x03\x04 la primera mitad")
    ingestor = IngestorConLedger(errores={"a_medias.docx": "El archivo está dañado o incompleto."})

    assert una_pasada(tmp_path, ingestor, mover_archivos=True) == 1

    assert ingestor.veces == [("a_medias.docx", Desenlace.ERROR), ("a_medias.docx", Desenlace.CONOCIDO)], (
        "read once while recent, held, and read again once still for the longer wait"
    )
    assert (tmp_path / "con_errores/a_medias.docx").exists()


def test_un_archivo_viejo_que_no_se_lee_se_aparta_de_una_vez(tmp_path: Path) -> None:
    viejo = tmp_path / "roto.docx"
    escribir(viejo, b"PK\x03\x04 roto", mtime=1_600_000_000 * 10**9)
    ingestor = IngestorConLedger(errores={"roto.docx": "El archivo está dañado o incompleto."})
    assert una_pasada(tmp_path, ingestor, mover_archivos=True) == 1
    assert ingestor.veces == [("roto.docx", Desenlace.ERROR)]
    assert (tmp_path / "con_errores/roto.docx").exists()


def test_bytes_que_ya_fallaron_van_a_con_errores_y_no_a_procesados(tmp_path: Path) -> None:
    """The same broken file copied again is known by its bytes, and is still broken."""
    escribir(tmp_path / "copia_de_roto.pdf", b"no es PDF", mtime=1_600_000_000 * 10**9)

    def conocido_con_error(rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        for ruta in rutas:
            al_terminar(ruta, Resultado(Desenlace.CONOCIDO, "El contenido del archivo no es un PDF."))

    una_pasada(tmp_path, conocido_con_error, mover_archivos=True)
    assert (tmp_path / "con_errores/copia_de_roto.pdf").exists()


def test_el_registro_no_muestra_la_clave_de_la_base_aunque_un_mensaje_la_cite(registro_en_archivo: Path) -> None:
    url = "postgresql://planes@servidor/planes?password=Secreto-del-registro"
    registro.configurar(registro_en_archivo, ocultar=(url,))
    registro.registro().warning("La base de datos no está disponible: %s", 'password "Secreto-del-registro" inválida')
    assert "Secreto-del-registro" not in registro_en_archivo.read_text(encoding="utf-8")


def test_una_pasada_sobre_una_base_de_solo_lectura_termina_ya_con_2(tmp_path: Path) -> None:
    """Regression (issue 12): `--una-vez` retried a read-only database for minutes, as if the server were down."""
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    (tmp_path / "planes").mkdir()
    shutil.copy2(MUESTRAS / "calica_2021.docx", tmp_path / "planes" / "calica.docx")
    ingestor_de(url)([tmp_path / "planes" / "calica.docx"], lambda ruta, resultado: None, lambda: False)
    shutil.copy2(MUESTRAS / "guavio_2022.docx", tmp_path / "planes" / "guavio.docx")
    intentos: list[int] = []
    de_solo_lectura = ingestor_de(f"sqlite:///file:{tmp_path / 'planes.db'}?mode=ro&uri=true")

    def contando(rutas: Sequence[Path], al_terminar: AlTerminar, parar: Parar) -> None:
        intentos.append(len(rutas))
        de_solo_lectura(rutas, al_terminar, parar)

    assert una_pasada(tmp_path / "planes", contando) == 2
    assert len(intentos) == 1, "no retries: waiting does not make a read-only database writable"


def test_una_pasada_con_mover_que_no_pudo_mover_no_sale_con_0_y_dice_por_que_en_espanol(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Regression (issue 12): `--una-vez --mover` exited 0 when files could not be moved aside, and the log
    said why in the system's English («[Errno 17] File exists»)."""
    (tmp_path / "a.pdf").write_bytes(b"x")
    (tmp_path / "procesados").write_text("un archivo donde debía ir la carpeta")
    with caplog.at_level("INFO", logger="planmejora.vigilancia"):
        assert una_pasada(tmp_path, IngestorDePrueba(), mover_archivos=True) == 1
    assert (tmp_path / "a.pdf").exists()
    [mensaje] = [r.getMessage() for r in caplog.records if "No se pudo mover" in r.getMessage()]
    assert "ya existe un archivo con ese nombre" in mensaje and "Errno" not in mensaje
