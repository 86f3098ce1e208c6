"""Readers in processes that can be killed: a file that hangs, eats memory or kills its reader costs only itself."""

from __future__ import annotations

import os
import time
from pathlib import Path

from extractor.aislamiento import Aislados, Caida
from extractor.limites import MB, Limites


def leer_o_colgarse(ruta: Path) -> str:
    if ruta.name.startswith("cuelga"):
        time.sleep(3600)
    return ruta.name


def leer_o_agotar_memoria(ruta: Path) -> str:
    if ruta.name.startswith("come"):
        return str(len(bytearray(1024 * MB)))
    return ruta.name


def leer_o_morir(ruta: Path) -> str:
    if ruta.name.startswith("muere"):
        os._exit(70)
    return ruta.name


def leer_o_fallar(ruta: Path) -> str:
    if ruta.name.startswith("falla"):
        raise ValueError("un error del lector")
    return ruta.name


def respuestas(aislados: Aislados, lector: object, nombres: list[str]) -> dict[str, str | Caida]:
    rutas = [Path(nombre) for nombre in nombres]
    return {ruta.name: resultado for ruta, resultado in aislados.procesar(lector, rutas, Path)}  # type: ignore[arg-type]


def test_un_archivo_que_cuelga_al_lector_se_corta_en_su_limite_y_los_demas_se_leen() -> None:
    dados = respuestas(Aislados(2, Limites(max_segundos=1)), leer_o_colgarse, ["a", "cuelga", "b", "c", "d"])
    caida = dados.pop("cuelga")
    assert isinstance(caida, Caida) and caida.del_archivo
    assert "límite de 1 segundos" in caida.mensaje
    assert dados == {"a": "a", "b": "b", "c": "c", "d": "d"}


def test_un_archivo_que_agota_la_memoria_del_lector_es_su_error_y_el_siguiente_se_lee() -> None:
    dados = respuestas(Aislados(1, Limites(max_memoria=512 * MB)), leer_o_agotar_memoria, ["come", "b"])
    caida = dados["come"]
    assert isinstance(caida, Caida) and caida.del_archivo
    assert "más memoria que el límite de 512 MB" in caida.mensaje
    assert dados["b"] == "b"


def test_un_lector_que_muere_no_culpa_al_archivo_y_otro_toma_su_lugar() -> None:
    dados = respuestas(Aislados(2, Limites()), leer_o_morir, ["a", "muere", "b", "muere2", "c"])
    for nombre in ("muere", "muere2"):
        caida = dados.pop(nombre)
        assert isinstance(caida, Caida) and not caida.del_archivo
        assert "terminó de forma inesperada" in caida.mensaje
    assert dados == {"a": "a", "b": "b", "c": "c"}


def test_un_error_del_lector_se_dice_con_su_tipo() -> None:
    dados = respuestas(Aislados(1, Limites()), leer_o_fallar, ["falla", "b"])
    assert dados["falla"] == Caida("El lector falló de forma inesperada (ValueError: un error del lector).", False)
    assert dados["b"] == "b"


def test_con_un_lector_las_respuestas_salen_en_el_orden_pedido() -> None:
    nombres = [f"archivo_{n}" for n in range(12)]
    assert list(respuestas(Aislados(1, Limites()), leer_o_colgarse, nombres)) == nombres


def leer_despacio(ruta: Path) -> str:
    time.sleep(1.5)
    return ruta.name


def test_sin_limite_de_tiempo_nadie_corta_un_archivo_lento() -> None:
    dados = respuestas(Aislados(1, Limites(max_segundos=None, max_memoria=None)), leer_despacio, ["lento"])
    assert dados == {"lento": "lento"}
