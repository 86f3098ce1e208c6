"""From what a reader saw in one file to the plans of the contract, each value typed and every doubt said.

One `Plan` per copy of the form (a workbook may hold one per sheet); a file that could not
be read, or holds no copy, still gives exactly one `Plan`, so every file answers.
Problems go in reading order: header dates, table columns, then each finding.
"""

from __future__ import annotations

from typing import Any

from extractor.modelo import Celda, DocumentoCrudo, FilaCruda, Origen, PlanCrudo
from normalizacion import problemas
from normalizacion.fechas import LecturaFecha, normalizar_fecha
from normalizacion.modelo import Encabezado, Fecha, Firma, Hallazgo, Plan, Problema
from normalizacion.reglas import problemas_de_fecha, revisar_hallazgo
from normalizacion.valores import Lectura, leer_estado, leer_numero, leer_plazo, leer_si_no, texto

_VACIA = Celda(None)
CONFIANZA_MINIMA = 0.5
"""Below this, the least certain word of a scanned cell is as likely misread as not: a person should look."""


def normalizar_documento(documento: DocumentoCrudo) -> list[Plan]:
    """Every plan of one file, in sheet order; never raises for what a document contains."""
    if documento.error is not None:
        return [plan_fallido(documento, documento.error)]
    if not documento.planes:
        planes = [_plan_sin_copia(documento)]
    else:
        planes = [normalizar_plan(documento, plan) for plan in documento.planes]
    planes[0].problemas += [problemas.pagina_en_blanco(n) for n in documento.paginas_en_blanco]
    return planes


def plan_fallido(documento: DocumentoCrudo, mensaje: str) -> Plan:
    """The failed plan of a document: named, hashed and typed as its reader saw it."""
    return Plan.fallido(documento.archivo, documento.sha256, documento.tipo, documento.formato, mensaje)


def _plan_sin_copia(documento: DocumentoCrudo) -> Plan:
    return Plan(
        documento.archivo,
        documento.sha256,
        documento.tipo,
        formato=documento.formato,
        problemas=[problemas.no_es_gem_fm014()],
        leido_por_ocr=bool(documento.paginas_por_ocr),
    )


def normalizar_plan(documento: DocumentoCrudo, crudo: PlanCrudo) -> Plan:
    """One copy of the form: header, findings, signatures, and the problems of each."""
    encabezado, hallados = _encabezado(crudo.encabezado)
    hallados += [problemas.columna_desconocida(t) for t in crudo.columnas_desconocidas]
    hallados += [problemas.columna_faltante(c) for c in crudo.columnas_faltantes]
    faltantes = frozenset(crudo.columnas_faltantes)
    hallazgos: list[Hallazgo] = []
    for i, fila in enumerate(crudo.filas):
        hallazgo, de_fila = _hallazgo(f"hallazgos[{i}]", fila, faltantes, encabezado.fecha_suscripcion)
        hallazgos.append(hallazgo)
        hallados += de_fila
    firmas = [Firma(nombre, texto(f.cargo)) for f in crudo.firmas if (nombre := texto(f.nombre))]
    if crudo.proyecto is not None:
        hallados += _dudas_de_ocr("", {"proyecto": crudo.proyecto})
    return Plan(
        documento.archivo,
        documento.sha256,
        documento.tipo,
        formato=documento.formato,
        encabezado=encabezado,
        hallazgos=hallazgos,
        firmas=firmas,
        proyecto=texto(crudo.proyecto.texto) if crudo.proyecto else None,
        problemas=hallados,
        hoja=crudo.hoja,
        leido_por_ocr=bool(documento.paginas_por_ocr),
    )


def _encabezado(celdas: dict[str, Celda]) -> tuple[Encabezado, list[Problema]]:
    formato, suscripcion = _fecha(celdas.get("fecha_formato")), _fecha(celdas.get("fecha_suscripcion"))
    encabezado = Encabezado(
        entidad=_texto(celdas.get("entidad")),
        codigo=_texto(celdas.get("codigo")),
        version=_texto(celdas.get("version")),
        fecha_formato=formato.fecha,
        proceso_auditado=_texto(celdas.get("proceso_auditado")),
        procedimientos=_texto(celdas.get("procedimientos")),
        responsables=_texto(celdas.get("responsables")),
        fecha_suscripcion=suscripcion.fecha,
    )
    hallados = [
        *_dudas_de_ocr("encabezado", celdas),
        *_formulas_sin_valor("encabezado", celdas),
        *problemas_de_fecha("encabezado.fecha_formato", formato, False, _origen(celdas.get("fecha_formato"))),
        *problemas_de_fecha(
            "encabezado.fecha_suscripcion", suscripcion, True, _origen(celdas.get("fecha_suscripcion"))
        ),
    ]
    return encabezado, hallados


def _hallazgo(
    ruta: str, fila: FilaCruda, faltantes: frozenset[str], suscripcion: Fecha
) -> tuple[Hallazgo, list[Problema]]:
    def celda(clave: str) -> Celda:
        return fila.celdas.get(clave) or _VACIA

    def textual(clave: str) -> str | None:
        return texto(celda(clave).texto)

    plazo = leer_plazo(celda("plazo_meses").texto, celda("plazo_meses").valor)
    cumplimiento = leer_si_no(celda("cumplimiento").texto, celda("cumplimiento").valor)
    efectividad = leer_si_no(celda("efectividad").texto, celda("efectividad").valor)
    estado = leer_estado(celda("estado_accion").texto)
    lecturas: dict[str, Lectura[Any]] = {
        "plazo_meses": plazo,
        "cumplimiento": cumplimiento,
        "efectividad": efectividad,
        "estado_accion": estado,
    }
    hallados = _dudas_de_ocr(ruta, fila.celdas) + _formulas_sin_valor(ruta, fila.celdas)
    hallados += [
        problemas.valor_desconocido(f"{ruta}.{clave}", textual(clave), fila.origen)
        for clave, lectura in lecturas.items()
        if lectura.desconocido
    ]
    fechas = revisar_hallazgo(
        ruta,
        None if "fecha_inicio" in faltantes else _fecha(celda("fecha_inicio")),
        None if "fecha_terminacion" in faltantes else _fecha(celda("fecha_terminacion")),
        plazo.valor,
        textual("plazo_meses"),
        suscripcion,
        fila.origen,
    )
    hallazgo = Hallazgo(
        numero=leer_numero(celda("numero").texto),
        descripcion=textual("descripcion"),
        accion_mejora=textual("accion_mejora"),
        meta_indicador=textual("meta_indicador"),
        plazo_meses=plazo.valor,
        fecha_inicio=fechas.inicio,
        fecha_terminacion=fechas.terminacion,
        dependencia=textual("dependencia"),
        cargo_responsable=textual("cargo_responsable"),
        cumplimiento=cumplimiento.valor,
        efectividad=efectividad.valor,
        estado_accion=estado.valor,
        direccion_tecnica=textual("direccion_tecnica"),
        observaciones=textual("observaciones"),
        origen=fila.origen,
    )
    return hallazgo, hallados + fechas.problemas


def _dudas_de_ocr(ruta: str, celdas: dict[str, Celda]) -> list[Problema]:
    """`ocr_baja_confianza` for each scanned cell read with little confidence, `campo` under `ruta`."""
    return [
        problemas.ocr_baja_confianza(
            f"{ruta}.{clave}" if ruta else clave, texto(celda.texto), celda.confianza, celda.origen
        )
        for clave, celda in celdas.items()
        if celda.confianza is not None and celda.confianza < CONFIANZA_MINIMA and texto(celda.texto)
    ]


def _formulas_sin_valor(ruta: str, celdas: dict[str, Celda]) -> list[Problema]:
    """`formula_sin_valor` for each Excel cell whose formula result is unknown: its value is missing, not empty."""
    return [
        problemas.formula_sin_valor(f"{ruta}.{clave}", celda.formula, celda.origen)
        for clave, celda in celdas.items()
        if celda.formula is not None
    ]


def _texto(celda: Celda | None) -> str | None:
    return texto(celda.texto) if celda else None


def _origen(celda: Celda | None) -> Origen | None:
    return celda.origen if celda else None


def _fecha(celda: Celda | None) -> LecturaFecha:
    """The date a cell shows, its whitespace collapsed first: a PDF breaks a long date in a narrow
    column over two lines, and that layout is neither what the writer typed nor something to fix."""
    if celda is None:
        return LecturaFecha(Fecha(None, None, None, "vacia"))
    return normalizar_fecha(texto(celda.texto), celda.valor, celda.formato)
