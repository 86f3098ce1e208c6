"""planmejora: reads every copy of GEM-FM014, cleans what people typed, keeps one record.

Everything a Python user calls is imported from here (`from planmejora import extraer_archivo`).
Each name is imported on first use, so that `import planmejora` and `planmejora --help` stay
cheap: reading a PDF, opening a database or writing a report loads only what that job needs.
To make a new function public, add it in the three places below (a test checks they agree).
A public name cannot be the name of a subpackage: the follow-up `planmejora.seguimiento.seguimiento`
is `leer_seguimiento` here, as `leer_reporte` is the quality report's.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.ajustes import AjustesColumnas as AjustesColumnas
    from extractor.ajustes import AjustesEnsamble as AjustesEnsamble
    from extractor.ajustes import AjustesLectura as AjustesLectura
    from extractor.ajustes import AjustesPagina as AjustesPagina
    from extractor.ajustes import AjustesTablas as AjustesTablas
    from extractor.ajustes import AjustesTexto as AjustesTexto
    from extractor.limites import Limites as Limites
    from normalizacion.modelo import Encabezado as Encabezado
    from normalizacion.modelo import Fecha as Fecha
    from normalizacion.modelo import Firma as Firma
    from normalizacion.modelo import Hallazgo as Hallazgo
    from normalizacion.modelo import Plan as Plan
    from normalizacion.modelo import Problema as Problema
    from planmejora.api import archivos_en as archivos_en
    from planmejora.api import es_copia_candidata as es_copia_candidata
    from planmejora.api import extraer as extraer
    from planmejora.api import extraer_aislados as extraer_aislados
    from planmejora.api import extraer_archivo as extraer_archivo
    from planmejora.calidad import Accion as Accion
    from planmejora.calidad import ErrorDeBase as ErrorDeBase
    from planmejora.calidad import FilaProblema as FilaProblema
    from planmejora.calidad import Filtros as Filtros
    from planmejora.calidad import Reporte as Reporte
    from planmejora.calidad import escribir as escribir_reporte
    from planmejora.calidad import leer_reporte as leer_reporte
    from planmejora.exportar import exportar_consolidado as exportar_consolidado
    from planmejora.exportar import exportar_f14 as exportar_f14
    from planmejora.ingesta import Avance as Avance
    from planmejora.ingesta import Progreso as Progreso
    from planmejora.ingesta import Resumen as Resumen
    from planmejora.ingesta import ingerir as ingerir
    from planmejora.recorrido import Recorrido as Recorrido
    from planmejora.recorrido import recorrer as recorrer
    from planmejora.seguimiento import ResumenAvisos as ResumenAvisos
    from planmejora.seguimiento import Seguimiento as Seguimiento
    from planmejora.seguimiento import avisos as avisos
    from planmejora.seguimiento import escribir_seguimiento as escribir_seguimiento
    from planmejora.seguimiento import seguimiento as leer_seguimiento
    from planmejora.usuarios import UsuarioWeb as UsuarioWeb
    from planmejora.usuarios import crear_usuario as crear_usuario
    from planmejora.vencimiento import estado_seguimiento as estado_seguimiento
    from planmejora.web import crear_app as crear_aplicacion_web

__all__ = [
    "Accion",
    "AjustesColumnas",
    "AjustesEnsamble",
    "AjustesLectura",
    "AjustesPagina",
    "AjustesTablas",
    "AjustesTexto",
    "Avance",
    "Encabezado",
    "ErrorDeBase",
    "Fecha",
    "FilaProblema",
    "Filtros",
    "Firma",
    "Hallazgo",
    "Limites",
    "Plan",
    "Problema",
    "Progreso",
    "Recorrido",
    "Reporte",
    "Resumen",
    "ResumenAvisos",
    "Seguimiento",
    "UsuarioWeb",
    "archivos_en",
    "avisos",
    "crear_aplicacion_web",
    "crear_usuario",
    "es_copia_candidata",
    "escribir_reporte",
    "escribir_seguimiento",
    "estado_seguimiento",
    "exportar_consolidado",
    "exportar_f14",
    "extraer",
    "extraer_aislados",
    "extraer_archivo",
    "ingerir",
    "leer_reporte",
    "leer_seguimiento",
    "recorrer",
]

# public name -> (module, name there)
_ORIGEN: dict[str, tuple[str, str]] = {
    "AjustesColumnas": ("extractor.ajustes", "AjustesColumnas"),
    "AjustesEnsamble": ("extractor.ajustes", "AjustesEnsamble"),
    "AjustesLectura": ("extractor.ajustes", "AjustesLectura"),
    "AjustesPagina": ("extractor.ajustes", "AjustesPagina"),
    "AjustesTablas": ("extractor.ajustes", "AjustesTablas"),
    "AjustesTexto": ("extractor.ajustes", "AjustesTexto"),
    "Limites": ("extractor.limites", "Limites"),
    "Encabezado": ("normalizacion.modelo", "Encabezado"),
    "Fecha": ("normalizacion.modelo", "Fecha"),
    "Firma": ("normalizacion.modelo", "Firma"),
    "Hallazgo": ("normalizacion.modelo", "Hallazgo"),
    "Plan": ("normalizacion.modelo", "Plan"),
    "Problema": ("normalizacion.modelo", "Problema"),
    "archivos_en": ("planmejora.api", "archivos_en"),
    "es_copia_candidata": ("planmejora.api", "es_copia_candidata"),
    "Recorrido": ("planmejora.recorrido", "Recorrido"),
    "recorrer": ("planmejora.recorrido", "recorrer"),
    "extraer": ("planmejora.api", "extraer"),
    "extraer_aislados": ("planmejora.api", "extraer_aislados"),
    "extraer_archivo": ("planmejora.api", "extraer_archivo"),
    "Accion": ("planmejora.calidad", "Accion"),
    "ErrorDeBase": ("planmejora.calidad", "ErrorDeBase"),
    "FilaProblema": ("planmejora.calidad", "FilaProblema"),
    "Filtros": ("planmejora.calidad", "Filtros"),
    "Reporte": ("planmejora.calidad", "Reporte"),
    "escribir_reporte": ("planmejora.calidad", "escribir"),
    "leer_reporte": ("planmejora.calidad", "leer_reporte"),
    "exportar_consolidado": ("planmejora.exportar", "exportar_consolidado"),
    "exportar_f14": ("planmejora.exportar", "exportar_f14"),
    "Avance": ("planmejora.ingesta", "Avance"),
    "Progreso": ("planmejora.ingesta", "Progreso"),
    "Resumen": ("planmejora.ingesta", "Resumen"),
    "ingerir": ("planmejora.ingesta", "ingerir"),
    "ResumenAvisos": ("planmejora.seguimiento", "ResumenAvisos"),
    "Seguimiento": ("planmejora.seguimiento", "Seguimiento"),
    "avisos": ("planmejora.seguimiento", "avisos"),
    "escribir_seguimiento": ("planmejora.seguimiento", "escribir_seguimiento"),
    "leer_seguimiento": ("planmejora.seguimiento", "seguimiento"),
    "estado_seguimiento": ("planmejora.vencimiento", "estado_seguimiento"),
    "UsuarioWeb": ("planmejora.usuarios", "UsuarioWeb"),
    "crear_usuario": ("planmejora.usuarios", "crear_usuario"),
    "crear_aplicacion_web": ("planmejora.web", "crear_app"),
}


def __getattr__(nombre: str) -> Any:
    try:
        modulo, original = _ORIGEN[nombre]
    except KeyError:
        raise AttributeError(f"module 'planmejora' has no attribute {nombre!r}") from None
    valor = getattr(importlib.import_module(modulo), original)
    globals()[nombre] = valor
    return valor


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
