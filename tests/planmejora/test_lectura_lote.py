"""A batch as a user runs it again and again: what is loaded, skipped, retried, and what each run reports."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from carga.conexion import crear_motor
from carga.lote import Avance, Resumen
from extractor.limites import Limites
from normalizacion.modelo import Plan
from planmejora import lectura
from planmejora.lectura import leer_y_guardar
from tests.carga.fabrica import escribir_ficha, leer_ficha, leer_ficha_o_fallar, leer_ficha_o_morir


@pytest.fixture
def motor(url_db: str) -> Engine:
    return crear_motor(url_db)


def contar(motor: Engine, consulta: str) -> int:
    with motor.connect() as conexion:
        return int(conexion.execute(text(consulta)).scalar_one())


def archivo_de_fichas(carpeta: Path, cuantas: int) -> list[Path]:
    return [
        escribir_ficha(carpeta / f"plan_{n:03}.json", proceso=f"Proceso {carpeta.name} {n}", hallazgos=1 + n % 3)
        for n in range(cuantas)
    ]


def lector_que_cuenta(leidos: list[Path]) -> Callable[[Path], list[Plan]]:
    def leer(ruta: Path) -> list[Plan]:
        leidos.append(ruta)
        return leer_ficha(ruta)

    return leer


def test_la_primera_corrida_carga_todo_y_la_segunda_no_lee_ni_calcula_nada(
    motor: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rutas = archivo_de_fichas(tmp_path, 6)
    primera = leer_y_guardar(rutas, motor, leer_ficha)
    assert (primera.archivos, primera.cargados, primera.omitidos, primera.con_error) == (6, 6, 0, 0)
    assert primera.hallazgos == contar(motor, "SELECT COUNT(*) FROM v_hallazgos") == 12

    def sin_calcular(ruta: Path) -> str:
        raise AssertionError(f"{ruta} se volvió a leer para calcular su sha256")

    monkeypatch.setattr(lectura, "sha256_de", sin_calcular)
    leidos: list[Path] = []
    segunda = leer_y_guardar(rutas, motor, lector_que_cuenta(leidos))
    assert (segunda.cargados, segunda.omitidos, segunda.hallazgos) == (0, 6, 0)
    assert leidos == []
    assert contar(motor, "SELECT COUNT(*) FROM documentos") == 6


def test_los_mismos_bytes_con_otro_nombre_o_fecha_se_reconocen_sin_leerlos(motor: Engine, tmp_path: Path) -> None:
    [original] = archivo_de_fichas(tmp_path / "a", 1)
    leer_y_guardar([original], motor, leer_ficha)
    copia = tmp_path / "b" / "copia.json"
    copia.parent.mkdir()
    copia.write_bytes(original.read_bytes())
    os.utime(original, ns=(1, 1))

    leidos: list[Path] = []
    resumen = leer_y_guardar([original, copia], motor, lector_que_cuenta(leidos))
    assert (resumen.cargados, resumen.omitidos) == (0, 2)
    assert leidos == []
    assert contar(motor, "SELECT COUNT(*) FROM archivos_vistos") == 3


def test_un_archivo_que_fallo_no_se_reintenta_hasta_que_cambie_o_se_pida(motor: Engine, tmp_path: Path) -> None:
    roto = escribir_ficha(tmp_path / "roto.json", error="El archivo está dañado.")
    primera = leer_y_guardar([roto], motor, leer_ficha)
    assert primera.con_error == 1 and primera.errores == [(str(roto), "El archivo está dañado.")]

    leidos: list[Path] = []
    assert leer_y_guardar([roto], motor, lector_que_cuenta(leidos)).omitidos == 1
    assert leidos == []

    reintento = leer_y_guardar([roto], motor, lector_que_cuenta(leidos), reintentar=True)
    assert reintento.con_error == 1 and leidos == [roto]
    assert contar(motor, "SELECT COUNT(*) FROM documentos") == 1

    escribir_ficha(roto, proceso="Gestión Financiera")
    arreglado = leer_y_guardar([roto], motor, leer_ficha)
    assert arreglado.cargados == 1
    assert contar(motor, "SELECT COUNT(*) FROM documentos WHERE estado = 'ok'") == 1


def test_reintentar_un_archivo_que_ahora_se_lee_reemplaza_su_error(motor: Engine, tmp_path: Path) -> None:
    ficha = escribir_ficha(tmp_path / "plan.json", proceso="Gestión Financiera")
    leer_y_guardar(
        [ficha], motor, lambda ruta: [Plan(str(ruta), leer_ficha(ruta)[0].sha256, "docx", error="Falla pasajera.")]
    )
    reintento = leer_y_guardar([ficha], motor, leer_ficha, reintentar=True)
    assert (reintento.cargados, reintento.con_error) == (1, 0)
    assert contar(motor, "SELECT COUNT(*) FROM documentos WHERE estado = 'error'") == 0
    assert contar(motor, "SELECT COUNT(*) FROM v_hallazgos") == 2


def test_un_fallo_del_lector_no_detiene_el_lote_ni_marca_el_archivo(motor: Engine, tmp_path: Path) -> None:
    bueno = escribir_ficha(tmp_path / "bueno.json")
    con_bug = escribir_ficha(tmp_path / "bug.json", proceso="Otro")
    resumen = leer_y_guardar([con_bug, bueno], motor, leer_ficha_o_fallar)
    assert (resumen.cargados, resumen.con_error) == (1, 1)
    assert "RuntimeError" in resumen.errores[0][1]
    assert contar(motor, "SELECT COUNT(*) FROM documentos") == 1
    assert leer_y_guardar([con_bug], motor, leer_ficha).cargados == 1


def test_un_archivo_que_desaparece_se_reporta_y_el_lote_sigue(motor: Engine, tmp_path: Path) -> None:
    [bueno] = archivo_de_fichas(tmp_path, 1)
    resumen = leer_y_guardar([tmp_path / "no_esta.json", bueno], motor, leer_ficha)
    assert (resumen.cargados, resumen.con_error) == (1, 1)
    assert "no_esta.json" in resumen.errores[0][0]


def test_el_avance_se_anuncia_una_vez_por_archivo_y_la_corrida_queda_registrada(motor: Engine, tmp_path: Path) -> None:
    rutas = archivo_de_fichas(tmp_path, 3)
    avances: list[Avance] = []
    resumen = leer_y_guardar(rutas, motor, leer_ficha, progreso=avances.append, pedido=[str(tmp_path)])
    assert [(a.hechos, a.total, a.resultado) for a in avances] == [
        (1, 3, "cargado"),
        (2, 3, "cargado"),
        (3, 3, "cargado"),
    ]
    with motor.connect() as conexion:
        corrida = conexion.execute(text("SELECT * FROM corridas")).mappings().one()
    assert corrida["rutas"] == str(tmp_path) and corrida["terminada_en"] is not None
    assert corrida["estado"] == "terminada"
    assert (corrida["cargados"], corrida["hallazgos"]) == (3, resumen.hallazgos)
    assert contar(motor, f"SELECT COUNT(*) FROM documentos WHERE corrida_id = {resumen.corrida}") == 3


def test_cada_archivo_se_anuncia_al_empezar_a_leerlo_y_los_omitidos_no(motor: Engine, tmp_path: Path) -> None:
    """Regression (issue 12): the progress bar froze during a long OCR without naming the file being read."""
    rutas = archivo_de_fichas(tmp_path, 2)
    sucesos: list[tuple[str, str]] = []

    def leer(ruta: Path) -> list[Plan]:
        sucesos.append(("lee", ruta.name))
        return leer_ficha(ruta)

    def empezado(archivo: str) -> None:
        sucesos.append(("empieza", Path(archivo).name))

    def avanzar(avance: Avance) -> None:
        sucesos.append((avance.resultado, Path(avance.archivo).name))

    leer_y_guardar(rutas, motor, leer, progreso=avanzar, empezado=empezado)
    assert sucesos == [
        ("empieza", "plan_000.json"),
        ("lee", "plan_000.json"),
        ("cargado", "plan_000.json"),
        ("empieza", "plan_001.json"),
        ("lee", "plan_001.json"),
        ("cargado", "plan_001.json"),
    ]
    sucesos.clear()
    leer_y_guardar(rutas, motor, leer, progreso=avanzar, empezado=empezado)
    assert sucesos == [("omitido", "plan_000.json"), ("omitido", "plan_001.json")]


def parar_tras(cuantos: int) -> tuple[Callable[[Avance], None], Callable[[], bool]]:
    """A progress callback and a stop request that says yes once `cuantos` files are done, as a signal would."""
    pedida = threading.Event()

    def avanzar(avance: Avance) -> None:
        if avance.hechos >= cuantos:
            pedida.set()

    return avanzar, pedida.is_set


def estado_de_corrida(motor: Engine, corrida: int) -> tuple[str | None, bool]:
    with motor.connect() as conexion:
        fila = conexion.execute(text(f"SELECT estado, terminada_en FROM corridas WHERE id = {corrida}")).one()
    return fila.estado, fila.terminada_en is not None


def test_una_orden_de_parar_deja_de_empezar_archivos_y_cierra_la_corrida_como_interrumpida(
    motor: Engine, tmp_path: Path
) -> None:
    rutas = archivo_de_fichas(tmp_path, 5)
    avanzar, parar = parar_tras(2)
    resumen = leer_y_guardar(rutas, motor, leer_ficha, progreso=avanzar, parar=parar)
    assert (resumen.cargados, resumen.interrumpida) == (2, True)
    assert estado_de_corrida(motor, resumen.corrida) == ("interrumpida", True)

    siguiente = leer_y_guardar(rutas, motor, leer_ficha)
    assert (siguiente.omitidos, siguiente.cargados, siguiente.interrumpida) == (2, 3, False)
    assert estado_de_corrida(motor, siguiente.corrida) == ("terminada", True)


def test_parar_tambien_corta_entre_archivos_ya_cargados(motor: Engine, tmp_path: Path) -> None:
    rutas = archivo_de_fichas(tmp_path, 5)
    leer_y_guardar(rutas, motor, leer_ficha)
    avanzar, parar = parar_tras(1)
    resumen = leer_y_guardar(rutas, motor, leer_ficha, progreso=avanzar, parar=parar)
    assert (resumen.omitidos, resumen.interrumpida) == (1, True)


def test_parar_despues_del_ultimo_archivo_no_es_una_interrupcion(motor: Engine, tmp_path: Path) -> None:
    avanzar, parar = parar_tras(3)
    resumen = leer_y_guardar(archivo_de_fichas(tmp_path, 3), motor, leer_ficha, progreso=avanzar, parar=parar)
    assert (resumen.cargados, resumen.interrumpida) == (3, False)
    assert estado_de_corrida(motor, resumen.corrida) == ("terminada", True)


def test_con_lectores_en_procesos_parar_termina_los_archivos_en_mano_y_nada_mas(tmp_path: Path) -> None:
    """In hand: handed to a reader before the stop request (being read, or read and waiting for the writer)."""
    rutas = archivo_de_fichas(tmp_path, 8)
    motor = crear_motor(f"sqlite:///{tmp_path / 'p.db'}")
    entregados: list[str] = []
    en_mano: list[str] = []
    pedida = threading.Event()

    def avanzar(avance: Avance) -> None:
        if not pedida.is_set():
            en_mano.extend(entregados)
            pedida.set()

    resumen = leer_y_guardar(
        rutas,
        motor,
        leer_ficha,
        cantidad_trabajadores=2,
        progreso=avanzar,
        parar=pedida.is_set,
        empezado=entregados.append,
    )
    assert resumen.interrumpida
    assert entregados == en_mano, "no file is handed to a reader after the stop request"
    assert resumen.cargados == len(en_mano) == contar(motor, "SELECT COUNT(*) FROM documentos")
    assert 3 <= len(en_mano) <= 4, "both readers had a file while the first result was written, and no more"
    assert estado_de_corrida(motor, resumen.corrida) == ("interrumpida", True)


def test_un_lector_en_otro_proceso_recibe_el_siguiente_archivo_antes_de_guardar_el_anterior(tmp_path: Path) -> None:
    rutas = archivo_de_fichas(tmp_path, 3)
    motor = crear_motor(f"sqlite:///{tmp_path / 'p.db'}")
    sucesos: list[tuple[str, str]] = []

    def entregado(archivo: str) -> None:
        sucesos.append(("entregado", Path(archivo).name))

    def guardado(avance: Avance) -> None:
        sucesos.append((avance.resultado, Path(avance.archivo).name))

    leer_y_guardar(rutas, motor, leer_ficha, limites=Limites(), progreso=guardado, empezado=entregado)
    assert sucesos == [
        ("entregado", "plan_000.json"),
        ("entregado", "plan_001.json"),
        ("cargado", "plan_000.json"),
        ("entregado", "plan_002.json"),
        ("cargado", "plan_001.json"),
        ("cargado", "plan_002.json"),
    ]


def test_dos_lectores_en_procesos_dan_lo_mismo_que_uno(tmp_path: Path) -> None:
    rutas = archivo_de_fichas(tmp_path / "fichas", 8)
    resumenes: list[Resumen] = []
    for trabajadores in (1, 2):
        motor = crear_motor(f"sqlite:///{tmp_path / f'con_{trabajadores}.db'}")
        resumenes.append(leer_y_guardar(rutas, motor, leer_ficha, cantidad_trabajadores=trabajadores))
        assert contar(motor, "SELECT COUNT(*) FROM v_hallazgos") == resumenes[-1].hallazgos
    uno, dos = resumenes
    assert (dos.cargados, dos.hallazgos, dos.problemas) == (uno.cargados, uno.hallazgos, uno.problemas) == (8, 15, 0)


def test_un_lector_que_falla_en_otro_proceso_no_detiene_el_lote(tmp_path: Path) -> None:
    rutas = [escribir_ficha(tmp_path / "bug.json"), *archivo_de_fichas(tmp_path, 3)]
    resumen = leer_y_guardar(
        rutas, crear_motor(f"sqlite:///{tmp_path / 'p.db'}"), leer_ficha_o_fallar, cantidad_trabajadores=2
    )
    assert (resumen.cargados, resumen.con_error) == (3, 1)


def test_un_lector_que_muere_cuesta_solo_los_archivos_que_tenia(tmp_path: Path) -> None:
    rutas = [
        *archivo_de_fichas(tmp_path, 2),
        escribir_ficha(tmp_path / "muere.json"),
        *archivo_de_fichas(tmp_path / "b", 6),
    ]
    motor = crear_motor(f"sqlite:///{tmp_path / 'p.db'}")
    resumen = leer_y_guardar(rutas, motor, leer_ficha_o_morir, cantidad_trabajadores=2)
    assert resumen.cargados + resumen.con_error == 9
    assert str(tmp_path / "muere.json") in {archivo for archivo, _ in resumen.errores}
    assert resumen.cargados >= 5  # at most the 4 files in flight are lost with the process, never the rest
    assert leer_y_guardar(rutas[:2] + rutas[3:], motor, leer_ficha).cargados == 8 - resumen.cargados
