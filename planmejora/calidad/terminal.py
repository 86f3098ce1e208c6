"""The short summary printed after each run: enough to know whether to open the report."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from planmejora.calidad import seguimiento
from planmejora.calidad.modelo import SIN_DEPENDENCIA, Reporte
from planmejora.calidad.vocabulario import nombre_de_codigo

VENCIDAS_EN_TERMINAL = 15
"""The most overdue actions listed after a run; the report files list them all."""


def _lista_de_vencidas(reporte: Reporte, consola: Console) -> None:
    """Who must act: the most overdue actions with their entity, dependencia and cargo responsable."""
    vencidas = sorted(reporte.vencidas, key=lambda a: -a.dias_de_atraso(reporte.corte))
    tabla = Table(title="Acciones más atrasadas", title_justify="left")
    for columna in ("Entidad", "Dependencia", "Cargo responsable", "N°", "Venció", "Días"):
        tabla.add_column(columna, justify="right" if columna == "Días" else "left", overflow="fold")
    for a in vencidas[:VENCIDAS_EN_TERMINAL]:
        tabla.add_row(
            a.entidad or "—",
            a.dependencia or SIN_DEPENDENCIA,
            a.cargo_responsable or "—",
            a.numero or "—",
            a.vence.strftime("%d/%m/%Y") if a.vence else "—",
            str(a.dias_de_atraso(reporte.corte)),
        )
    consola.print(tabla)
    if len(vencidas) > VENCIDAS_EN_TERMINAL:
        consola.print(f"[dim]… y {len(vencidas) - VENCIDAS_EN_TERMINAL} más: todas están en el reporte (--salida).[/]")


def mostrar_resumen(reporte: Reporte, consola: Console) -> None:
    vencidas = reporte.vencidas
    avance = seguimiento.total(reporte.acciones, reporte.corte)
    consola.rule("[bold]Calidad de datos de los planes de mejoramiento")
    consola.print(f"Base: {reporte.base} · corte al {reporte.corte.strftime('%d/%m/%Y')}", highlight=False)
    if reporte.filtros.activos:
        consola.print("Filtros: " + "; ".join(reporte.filtros.describir()), highlight=False)
    consola.print(
        f"[bold]{reporte.documentos}[/] documentos ([bold]{len(reporte.ilegibles)}[/] ilegibles) · "
        f"[bold]{reporte.planes}[/] planes · [bold]{len(reporte.acciones)}[/] acciones · "
        f"[bold]{len(reporte.problemas)}[/] problemas en [bold]{len(reporte.por_archivo())}[/] archivos"
    )
    if reporte.ilegibles_reemplazados:
        consola.print(
            f"[dim]{reporte.ilegibles_reemplazados} archivo(s) que no se pudieron leer ya se reemplazaron por una "
            "copia nueva en la misma ruta: no se cuentan como ilegibles.[/]"
        )
    if reporte.de_versiones_anteriores:
        consola.print(
            f"[dim]{reporte.de_versiones_anteriores} problema(s) de versiones anteriores de un plan no se cuentan.[/]"
        )
    if reporte.problemas:
        tabla = Table(title="Problemas por tipo", title_justify="left")
        tabla.add_column("Tipo")
        tabla.add_column("Código", style="cyan")
        tabla.add_column("Cantidad", justify="right")
        for codigo, cantidad in reporte.por_codigo():
            tabla.add_row(nombre_de_codigo(codigo), codigo, str(cantidad))
        consola.print(tabla)
    consola.print(
        f"Acciones: {avance.parte_cerradas:.0%} cerradas, {avance.parte_cumplen:.0%} cumplen, "
        f"{avance.parte_efectivas:.0%} efectivas; [bold {'red' if vencidas else 'green'}]{len(vencidas)} vencidas[/]"
    )
    if vencidas:
        tabla = Table(title="Acciones vencidas por dependencia", title_justify="left")
        tabla.add_column("Dependencia")
        tabla.add_column("Vencidas", justify="right")
        tabla.add_column("de", justify="right")
        for grupo in seguimiento.por_dependencia(reporte.acciones, reporte.corte):
            if grupo.vencidas:
                tabla.add_row(grupo.grupo, str(grupo.vencidas), str(grupo.total))
        consola.print(tabla)
        _lista_de_vencidas(reporte, consola)
