"""The summary after each run: the overdue actions say who must act, not only in which file they are."""

from rich.console import Console

from planmejora.calidad.terminal import mostrar_resumen
from tests.planmejora.test_calidad_salidas import reporte


def test_las_vencidas_en_la_terminal_dicen_entidad_dependencia_cargo_y_fecha_dd_mm_aaaa() -> None:
    consola = Console(record=True, width=160)
    mostrar_resumen(reporte(), consola)
    texto = consola.export_text()
    assert "Acciones más atrasadas" in texto
    linea = next(renglon for renglon in texto.splitlines() if "ALCALDÍA DE CALICA" in renglon)
    assert "Secretaría de Planeación" in linea and "Directora de Planeación" in linea
    assert "31/01/2022" in linea and "150" in linea
    assert "corte al 30/06/2022" in texto
