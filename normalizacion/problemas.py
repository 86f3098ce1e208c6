"""Every problem code and its Spanish message, in one place so codes stay stable and messages consistent.

A message names the value as the document showed it, says what was done with it, and
tells a person what to fix in the document. `campo` is a JSON path of the plan object
(`encabezado.fecha_suscripcion`, `hallazgos[2].cumplimiento`); a table column is named by
its heading as written (unknown column) or by its canonical key (missing column), and a
document that holds no form by `archivo`.
"""

from __future__ import annotations

from extractor.modelo import Origen
from normalizacion.modelo import Fecha, Problema

FECHA_CORREGIDA = "fecha_corregida"
FECHA_INFERIDA = "fecha_inferida"
FECHA_INVALIDA = "fecha_invalida"
FECHA_FALTANTE = "fecha_faltante"
FECHAS_INVERTIDAS = "fechas_invertidas"
PLAZO_INCONSISTENTE = "plazo_inconsistente"
FECHA_FUERA_DE_RANGO = "fecha_fuera_de_rango"
VALOR_DESCONOCIDO = "valor_desconocido"
COLUMNA_DESCONOCIDA = "columna_desconocida"
COLUMNA_FALTANTE = "columna_faltante"
NO_ES_GEM_FM014 = "no_es_gem_fm014"
OCR_BAJA_CONFIANZA = "ocr_baja_confianza"
FORMULA_SIN_VALOR = "formula_sin_valor"
PAGINA_EN_BLANCO = "pagina_en_blanco"

ETIQUETAS: dict[str, str] = {
    "entidad": "la entidad",
    "codigo": "el código del formato",
    "version": "la versión del formato",
    "proceso_auditado": "el proceso auditado",
    "procedimientos": "los procedimientos",
    "responsables": "los responsables",
    "proyecto": "quien proyectó el plan",
    "fecha_formato": "la fecha del formato",
    "fecha_suscripcion": "la fecha de suscripción",
    "numero": "el número del hallazgo",
    "descripcion": "la descripción del hallazgo",
    "accion_mejora": "la acción de mejora",
    "meta_indicador": "la meta o indicador",
    "plazo_meses": "el plazo en meses",
    "fecha_inicio": "la fecha de inicio",
    "fecha_terminacion": "la fecha de terminación",
    "dependencia": "la dependencia responsable",
    "cargo_responsable": "el cargo responsable",
    "cumplimiento": "el cumplimiento",
    "efectividad": "la efectividad",
    "estado_accion": "el estado de la acción",
    "direccion_tecnica": "la dirección técnica responsable",
    "observaciones": "las observaciones",
}

_ESPERADOS: dict[str, str] = {
    "plazo_meses": "un número entero de meses, por ejemplo 6",
    "cumplimiento": "Sí, No o N/A",
    "efectividad": "Sí, No o N/A",
    "estado_accion": "Abierta-A o Cerrada-C",
}


def etiqueta(campo: str) -> str:
    """`hallazgos[0].fecha_inicio` → `la fecha de inicio`."""
    nombre = campo.rsplit(".", 1)[-1]
    return ETIQUETAS.get(nombre, nombre)


def de_etiqueta(campo: str) -> str:
    """`de` before the field's name, contracted as Spanish requires: `del plazo en meses`, `de la entidad`."""
    frase = etiqueta(campo)
    return f"del {frase[3:]}" if frase.startswith("el ") else f"de {frase}"


def _mayuscula(frase: str) -> str:
    return frase[:1].upper() + frase[1:]


def mostrar(fecha: Fecha) -> str:
    """A date as a Colombian reader writes it: `21/09/2021`, or `09/2021` for a month."""
    if fecha.valor is None:
        return "sin fecha"
    return fecha.valor.strftime("%m/%Y" if fecha.precision == "mes" else "%d/%m/%Y")


def fecha_corregida(campo: str, fecha: Fecha, motivo: str | None, origen: Origen | None) -> Problema:
    como = f" ({motivo})" if motivo else ""
    return Problema(
        campo,
        FECHA_CORREGIDA,
        f"{_mayuscula(etiqueta(campo))} «{fecha.raw}» estaba escrita de forma irregular{como} y se leyó como "
        f"{mostrar(fecha)}. Confirme que es la fecha correcta y escríbala como dd/mm/aaaa.",
        fecha.raw,
        fecha.texto_valor(),
        origen,
    )


def fecha_invalida(
    campo: str, fecha: Fecha, motivo: str | None, sin_deducir: str | None, origen: Origen | None
) -> Problema:
    por_que = f" ({motivo})" if motivo else ""
    deducir = f", y no se puede deducir porque {sin_deducir}" if sin_deducir else ""
    return Problema(
        campo,
        FECHA_INVALIDA,
        f"{_mayuscula(etiqueta(campo))} «{fecha.raw}» no se puede leer{por_que}{deducir}. "
        "Escriba la fecha correcta en el documento (dd/mm/aaaa).",
        fecha.raw,
        None,
        origen,
    )


def fecha_faltante(campo: str, sin_deducir: str | None, origen: Origen | None) -> Problema:
    deducir = f" y no se puede deducir porque {sin_deducir}" if sin_deducir else ""
    return Problema(
        campo,
        FECHA_FALTANTE,
        f"Falta {etiqueta(campo)}{deducir}. Escríbala en el documento (dd/mm/aaaa).",
        None,
        None,
        origen,
    )


def fecha_inferida(
    campo: str, fecha: Fecha, motivo: str | None, campo_fuente: str, fuente: Fecha, plazo: int, origen: Origen | None
) -> Problema:
    if fecha.raw is None:
        lectura = "está vacía"
    else:
        lectura = f"«{fecha.raw}» no se puede leer" + (f" ({motivo})" if motivo else "")
    operacion = "más" if campo.endswith("fecha_terminacion") else "menos"
    return Problema(
        campo,
        FECHA_INFERIDA,
        f"{_mayuscula(etiqueta(campo))} {lectura}; se dedujo {de_etiqueta(campo_fuente)} ({mostrar(fuente)}) "
        f"{operacion} el plazo de {plazo} {_meses(plazo)}: {mostrar(fecha)}. "
        "Confirme la fecha y escríbala en el documento.",
        fecha.raw,
        fecha.texto_valor(),
        origen,
    )


def fechas_invertidas(campo: str, inicio: Fecha, fin: Fecha, origen: Origen | None) -> Problema:
    return Problema(
        campo,
        FECHAS_INVERTIDAS,
        f"La fecha de terminación ({mostrar(fin)}) es anterior a la fecha de inicio ({mostrar(inicio)}). "
        "Revise cuál de las dos está mal escrita.",
        fin.raw,
        None,
        origen,
    )


def plazo_inconsistente(
    campo: str, raw: str | None, plazo: int, inicio: Fecha, fin: Fecha, meses: int, esperado: str, origen: Origen | None
) -> Problema:
    return Problema(
        campo,
        PLAZO_INCONSISTENTE,
        f"La fecha de inicio ({mostrar(inicio)}) más el plazo de {plazo} {_meses(plazo)} da {esperado}, pero la "
        f"fecha de terminación es {mostrar(fin)}, {_distancia(meses)}. Corrija el plazo o una de las dos fechas.",
        raw,
        None,
        origen,
    )


def fecha_fuera_de_rango(campo: str, fecha: Fecha, razon: str, origen: Origen | None) -> Problema:
    return Problema(
        campo,
        FECHA_FUERA_DE_RANGO,
        f"{_mayuscula(etiqueta(campo))} ({mostrar(fecha)}) {razon}; probablemente el año está mal escrito. "
        "Revísela en el documento.",
        fecha.raw,
        fecha.texto_valor(),
        origen,
    )


def valor_desconocido(campo: str, raw: str | None, origen: Origen | None) -> Problema:
    nombre = campo.rsplit(".", 1)[-1]
    esperado = _ESPERADOS.get(nombre)
    escriba = f" Escriba {esperado}." if esperado else ""
    return Problema(
        campo,
        VALOR_DESCONOCIDO,
        f"{_mayuscula(etiqueta(campo))} dice «{raw}», que no es ninguno de los valores conocidos; "
        f"quedó en blanco.{escriba}",
        raw,
        None,
        origen,
    )


def columna_desconocida(titulo: str) -> Problema:
    return Problema(
        titulo,
        COLUMNA_DESCONOCIDA,
        f"La tabla de hallazgos tiene la columna «{titulo}», que el formato GEM-FM014 no tiene; sus valores no "
        "se cargaron. Si es una columna del formato con otro título, escriba el título del formato.",
    )


def columna_faltante(clave: str) -> Problema:
    return Problema(
        clave,
        COLUMNA_FALTANTE,
        f"A la tabla de hallazgos le falta la columna {de_etiqueta(clave)} del formato GEM-FM014, o su título "
        "no se reconoce; ese dato queda vacío en todos los hallazgos.",
    )


def no_es_gem_fm014() -> Problema:
    return Problema(
        "archivo",
        NO_ES_GEM_FM014,
        "El documento se puede leer, pero no contiene una copia del formato GEM-FM014 (no tiene su tabla de "
        "hallazgos). Revise que sea el archivo correcto.",
    )


def ocr_baja_confianza(campo: str, raw: str | None, confianza: float, origen: Origen | None) -> Problema:
    return Problema(
        campo,
        OCR_BAJA_CONFIANZA,
        f"El texto {de_etiqueta(campo)} («{raw}») se leyó de una página escaneada con poca seguridad "
        f"(confianza {confianza:.0%}). Compárelo con el documento y corríjalo si hace falta.",
        raw,
        None,
        origen,
    )


def formula_sin_valor(campo: str, formula: str, origen: Origen | None) -> Problema:
    return Problema(
        campo,
        FORMULA_SIN_VALOR,
        f"{_mayuscula(etiqueta(campo))} es una fórmula de Excel ({formula}) cuyo resultado el libro no guardó "
        "(lo escribió un programa y nunca se abrió en Excel) y no se pudo calcular aquí. Abra el libro en Excel, "
        "guárdelo y vuelva a cargarlo, o escriba el valor.",
        formula,
        None,
        origen,
    )


def pagina_en_blanco(pagina: int) -> Problema:
    return Problema(
        "archivo",
        PAGINA_EN_BLANCO,
        f"La página {pagina} del escaneo está en blanco (o casi): no tiene nada que leer y se saltó. "
        "Si debía tener parte del plan, vuelva a escanearla.",
        None,
        None,
        Origen(pagina=pagina),
    )


def _distancia(meses: int) -> str:
    if meses < 0:
        return f"{-meses} {_meses(meses)} antes del inicio"
    if meses == 0:
        return "en el mismo mes del inicio"
    return f"{meses} {_meses(meses)} después del inicio"


def _meses(cantidad: int) -> str:
    return "mes" if abs(cantidad) == 1 else "meses"
