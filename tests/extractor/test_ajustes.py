"""`AjustesLectura` changes how a file is read, as pdfplumber's `table_settings` do, in this process or a reader's."""

from pathlib import Path

from planmejora import AjustesLectura, AjustesTexto, extraer_aislados, extraer_archivo

SIN_LINEAS = Path("muestras/sabana_alta_2021.pdf")
"""A table without ruling lines: its rows are where the text lines up, a cell's lines 1.2 lines apart."""
RENGLONES_JUNTOS = AjustesLectura(texto=AjustesTexto(paso_maximo=1.0))
"""Lines farther apart than one line height are not one paragraph."""


def _acciones(ajustes: AjustesLectura | None) -> list[tuple[str | None, str | None]]:
    (plan,) = extraer_archivo(SIN_LINEAS, ajustes=ajustes)
    return [(h.numero, h.accion_mejora) for h in plan.hallazgos[:3]]


def test_por_omision_las_dos_lineas_de_una_accion_son_una_celda() -> None:
    assert _acciones(None) == _acciones(AjustesLectura())
    assert _acciones(None)[0] == ("2.1", "Presentar las TRD actualizadas al Consejo Departamental de Archivos.")


def test_con_un_paso_de_renglon_menor_cada_linea_de_la_accion_es_una_fila() -> None:
    assert _acciones(RENGLONES_JUNTOS) == [
        ("2.1", "Presentar las TRD actualizadas al Consejo Departamental de"),
        ("2.1", "Archivos."),
        ("2.2", "Publicar y hacer cumplir el cronograma anual de"),
    ]


def test_los_ajustes_llegan_al_proceso_que_lee() -> None:
    ((plan,),) = extraer_aislados([SIN_LINEAS], ajustes=RENGLONES_JUNTOS)
    assert plan.hallazgos[1].accion_mejora == "Archivos."
