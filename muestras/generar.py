"""Regenerate the sample copies of the form, their PDFs and their expected JSON.

Run from the repository root: `python muestras/generar.py` (or `make muestras`). Needs
LibreOffice (`soffice`) for the PDFs, exported with a Spanish (Colombia) profile so Excel
dates show as offices see them (`ene-22`). The PDF page of each finding is written by hand
below and checked against the exported PDF; so is every word the oracle expects.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import danados
import escribir_docx
import escribir_xlsx
import planes
from escribir_docx import DisenoDocx
from escribir_xlsx import DisenoXlsx
from oraculo import (
    CAMPOS_TEXTO,
    Columnas,
    PlanMuestra,
    Ubicacion,
    plan_json,
    problema,
    sin_plan_json,
    texto,
)

from extractor.modelo import COLUMNAS

RAIZ = Path(__file__).resolve().parents[1]
CARPETA = RAIZ / "muestras"
ESPERADO = CARPETA / "esperado"
DANADOS = CARPETA / "danados"

_PERFIL_ES_CO = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>es-CO</value></prop></item>
</oor:items>
"""

ESTANDAR = (
    ("numero", "N° hallazgo"),
    ("descripcion", "Descripción del hallazgo"),
    ("accion_mejora", "Acción de mejora"),
    ("meta_indicador", "Meta (Indicador de Cumplimiento)"),
    ("plazo_meses", "Tiempo de Ejecución Programado (Meses)"),
    ("fecha_inicio", "Fecha inicial de la Acción"),
    ("fecha_terminacion", "Fecha terminación de la Acción"),
    ("dependencia", "Dependencia donde se realiza la acción"),
    ("cargo_responsable", "Cargo Responsable"),
    ("cumplimiento", "Cumplimiento"),
    ("efectividad", "Efectividad"),
    ("estado_accion", "Estado de la Acción (Cerrada-C / Abierta-A)"),
    ("direccion_tecnica", "Dirección Técnica Responsable"),
    ("observaciones", "Observaciones"),
)
ANCHOS_DOCX = {
    "numero": 1.3,
    "descripcion": 2.9,
    "accion_mejora": 3.0,
    "meta_indicador": 1.7,
    "plazo_meses": 1.6,
    "fecha_inicio": 1.5,
    "fecha_terminacion": 1.6,
    "dependencia": 1.7,
    "cargo_responsable": 1.8,
    "cumplimiento": 1.7,
    "efectividad": 1.5,
    "estado_accion": 1.6,
    "direccion_tecnica": 1.8,
    "observaciones": 2.4,
    "extra": 1.3,
}
SEGUIMIENTO = ("SEGUIMIENTO", ("cumplimiento", "efectividad", "estado_accion"))


def _columnas(diseno: tuple[tuple[str, str], ...]) -> Columnas:
    return Columnas(
        presentes=tuple(k for k, _ in diseno if k in COLUMNAS),
        desconocidas=tuple(" ".join(t.split()) for k, t in diseno if k == "extra"),
    )


def disenos_docx() -> list[tuple[str, PlanMuestra, DisenoDocx, list[int], str]]:
    """(name, plan, layout, PDF page of each finding, what it covers)."""
    calica = DisenoDocx(
        columnas=ESTANDAR,
        anchos=ANCHOS_DOCX,
        rotulos={
            "version": "VERSION: ",
            "fecha_formato": "FECHA:",
            "codigo": "CODIGO:",
            "proceso_auditado": "Proceso Auditado: ",
            "procedimientos": "Procedimientos: ",
            "responsables": "Responsables: ",
            "fecha_suscripcion": "Fecha de Suscripción: ",
        },
        separador="",
        valores_negrita=True,
        letra=7,
    )
    guavio = DisenoDocx(
        columnas=(("numero", "Nº"), *ESTANDAR[1:11], ("estado_accion", "Estado"), *ESTANDAR[12:]),
        anchos={**ANCHOS_DOCX, "meta_indicador": 2.0, "observaciones": 2.1},
        encabezado="tabla",
        titulo_en_cabecera=True,
        rotulos={
            "codigo": "Código:",
            "version": "Versión:",
            "fecha_formato": "Fecha:",
            "proceso_auditado": "PROCESO AUDITADO",
            "procedimientos": "PROCEDIMIENTOS",
            "responsables": "RESPONSABLES",
            "fecha_suscripcion": "FECHA DE SUSCRIPCIÓN",
        },
        grupo=SEGUIMIENTO,
        repetir_titulos=True,
        lineas_firma=True,
        letra=7,
    )
    tamboral = DisenoDocx(
        columnas=(
            ("numero", "No."),
            ("descripcion", "Descripcion del hallazgo"),
            ("accion_mejora", "Accion de mejora"),
            ("meta_indicador", "Meta"),
            ("dependencia", "Dependencia"),
            ("cargo_responsable", "Cargo\nResponsable"),
            ("fecha_inicio", "F. Inicio"),
            ("fecha_terminacion", "F. Terminación"),
            ("plazo_meses", "Tiempo Ejec. (Meses)"),
            ("cumplimiento", "Cumplimiento"),
            ("efectividad", "Efectividad"),
            ("estado_accion", "Estado (C/A)"),
            ("extra", "Avance %"),
            ("observaciones", "Observaciones"),
        ),
        anchos={**ANCHOS_DOCX, "numero": 0.9, "meta_indicador": 2.1},
        rotulos={
            "codigo": "CÓDIGO",
            "version": "VERSIÓN",
            "fecha_formato": "FECHA",
            "proceso_auditado": "PROCESO AUDITADO",
            "procedimientos": "PROCEDIMIENTOS",
            "responsables": "RESPONSABLES",
            "fecha_suscripcion": "Fecha Suscripcion",
        },
        separador="\t",
        titulo_lineas=("PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA", "FORMATO PLAN DE MEJORAMIENTO"),
        cortes=(5,),
        titulos_en_medio=(3,),
        filas_vacias=2,
        letra=7,
    )
    santa_rosa = DisenoDocx(
        columnas=(
            ("numero", "N°"),
            ("descripcion", "Descripción"),
            ("accion_mejora", "Acción de mejora"),
            ("meta_indicador", "Meta"),
            ("plazo_meses", "Plazo (meses)"),
            ("fecha_inicio", "Fecha de inicio"),
            ("fecha_terminacion", "Fecha de terminación"),
            ("dependencia", "Dependencia"),
            ("cargo_responsable", "Responsable"),
            ("cumplimiento", "Cumplimiento"),
            ("efectividad", "Efectividad"),
            ("estado_accion", "Estado de la Acción (Cerrada-C / Abierta-A)"),
            ("direccion_tecnica", "Dirección Técnica"),
            ("observaciones", "Observaciones"),
        ),
        anchos={
            **ANCHOS_DOCX,
            "numero": 0.8,
            "descripcion": 2.7,
            "accion_mejora": 2.8,
            "meta_indicador": 2.2,
            "plazo_meses": 1.5,
            "fecha_inicio": 1.8,
            "fecha_terminacion": 1.8,
            "dependencia": 1.6,
            "cumplimiento": 1.9,
            "efectividad": 1.6,
            "direccion_tecnica": 1.6,
            "observaciones": 2.0,
        },
        rotulos={
            "codigo": "Código:",
            "version": "Versión:",
            "fecha_formato": "Fecha:",
        },
        bordes="pocos",
        letra=8,
    )
    return [
        (
            "calica_2021.docx",
            planes.CALICA,
            calica,
            [1, 1],
            "La copia real de `shared/formato/`: bloque de título en párrafos, rótulos con valor en negrilla, "
            "14 columnas, dos firmas lado a lado, `Proyectó:`; fechas `21sept-21`, `004-21` (inferida), `jun-21`.",
        ),
        (
            "guavio_2022.docx",
            planes.GUAVIO,
            guavio,
            [1, 1, 1, 1, 2, 2],
            "Título (entidad, código, versión, fecha) en la cabecera de página, datos generales en tabla "
            "rótulo | valor en mayúsculas sin dos puntos, títulos en dos niveles (SEGUIMIENTO) con celdas "
            "combinadas horizontal y verticalmente, fila de títulos repetida, un hallazgo con dos acciones "
            "(número y descripción combinados verticalmente), saltos de línea en celdas, un hallazgo partido "
            "por el salto de página, firmas con línea, sin `Proyectó:`.",
        ),
        (
            "tamboral_2022.docx",
            planes.TAMBORAL,
            tamboral,
            [1, 1, 1, 1, 1, 1, 1, 1],
            "Rótulos en mayúsculas separados por tabulador, `PROCEDIMIENTOS` sin valor, `Fecha Suscripcion` "
            "sin tilde, columnas en otro orden, encabezados sin tildes, partidos y abreviados (`No.`, "
            "`F. Inicio`, `Tiempo Ejec. (Meses)`), columna desconocida `Avance %`, sin Dirección Técnica, "
            "numeración `01`, fila de títulos repetida en medio, hallazgos en dos tablas, filas vacías al "
            "final, valores desordenados (`X`, `SÍ`, `N/A`, `C`, `En proceso`, `cuatro (4)`, `6 meses`, "
            "`Permanente`, `Ver anexo 3`, `1o. de marzo 2022`, `30-07-2022`, `Sep-21`, `31-04-2022`, "
            "`15/13/2022`, fechas vacías, invertidas y plazo inconsistente).",
        ),
        (
            "santa_rosa_2021.docx",
            planes.SANTA_ROSA,
            santa_rosa,
            [1, 1, 1, 2, 2],
            "Tabla con pocas líneas (solo bajo los títulos), letra grande: la tabla sigue en la página "
            "siguiente sin repetir los títulos; rótulos normales con dos puntos; `30-06-2021`, `jun-21`.",
        ),
    ]


def disenos_xlsx() -> list[tuple[str, list[tuple[PlanMuestra, DisenoXlsx]], list[int] | None, str]]:
    """(name, copies, PDF page of each finding or None for no PDF, what it covers)."""
    camelias = DisenoXlsx(
        hoja="Plan de Mejoramiento",
        columnas=(
            ("numero", "Nº"),
            ("descripcion", "Descripción del\nhallazgo"),
            ("accion_mejora", "Acción de\nmejora"),
            ("meta_indicador", "Meta (Indicador\nde Cumplimiento)"),
            ("plazo_meses", "Tiempo de\nEjecución\nProgramado\n(Meses)"),
            ("fecha_inicio", "Fecha inicial\nde la Acción"),
            ("fecha_terminacion", "Fecha\nterminación\nde la Acción"),
            ("dependencia", "Dependencia donde\nse realiza la acción"),
            ("cargo_responsable", "Cargo\nResponsable"),
            ("cumplimiento", "Cumplimiento"),
            ("efectividad", "Efectividad"),
            ("estado_accion", "Estado de la Acción\n(Cerrada-C / Abierta-A)"),
            ("direccion_tecnica", "Dirección Técnica\nResponsable"),
            ("observaciones", "Observaciones"),
        ),
        anchos={
            "numero": 5,
            "descripcion": 30,
            "accion_mejora": 30,
            "meta_indicador": 18,
            "plazo_meses": 11,
            "fecha_inicio": 12,
            "fecha_terminacion": 16.3,
            "dependencia": 18,
            "cargo_responsable": 16,
            "cumplimiento": 13,
            "efectividad": 12,
            "estado_accion": 18,
            "direccion_tecnica": 18,
            "observaciones": 24,
        },
        primera_columna=2,
        grupo=SEGUIMIENTO,
        repetir_titulos=True,
        filas_vacias=3,
        derecha=("fecha_terminacion",),
        saltos=(6,),
    )
    sabana = DisenoXlsx(
        hoja="PM Gestión Documental",
        columnas=(
            ("numero", "No."),
            ("descripcion", "Hallazgo"),
            ("accion_mejora", "Acción"),
            ("meta_indicador", "Indicador"),
            ("fecha_inicio", "Fecha inicio"),
            ("fecha_terminacion", "Fecha fin"),
            ("plazo_meses", "Plazo (meses)"),
            ("dependencia", "Dependencia"),
            ("cargo_responsable", "Cargo"),
            ("cumplimiento", "¿Cumplió?"),
            ("efectividad", "Efectividad"),
            ("estado_accion", "Estado de la acción"),
            ("direccion_tecnica", "Dirección Técnica Responsable"),
            ("observaciones", "Observaciones"),
        ),
        anchos={
            "numero": 6,
            "descripcion": 32,
            "accion_mejora": 32,
            "meta_indicador": 16,
            "plazo_meses": 9,
            "fecha_inicio": 11,
            "fecha_terminacion": 11,
            "dependencia": 16,
            "cargo_responsable": 18,
            "cumplimiento": 10,
            "efectividad": 11,
            "estado_accion": 12,
            "direccion_tecnica": 16,
            "observaciones": 22,
        },
        encabezado="contiguo",
        rotulos=("PROCESO AUDITADO", "PROCEDIMIENTOS", "RESPONSABLES", "FECHA DE SUSCRIPCIÓN"),
        bordes=False,
        titulos_en_medio=(4,),
        horizontal=False,
    )
    anchos_sj = {
        "numero": 6,
        "descripcion": 34,
        "accion_mejora": 34,
        "meta_indicador": 14,
        "plazo_meses": 10,
        "fecha_inicio": 12,
        "fecha_terminacion": 12,
        "dependencia": 18,
        "cargo_responsable": 18,
        "cumplimiento": 12,
        "efectividad": 12,
        "estado_accion": 14,
        "direccion_tecnica": 18,
        "observaciones": 20,
    }
    rotulos_sj = ("PROCESO AUDITADO:", "PROCEDIMIENTOS:", "RESPONSABLES:", "FECHA DE SUSCRIPCIÓN:")
    sin_tildes = tuple((k, t.replace("ó", "o").replace("é", "e").replace("í", "i")) for k, t in ESTANDAR)
    sj = [
        DisenoXlsx(
            hoja="Gestión Financiera", columnas=ESTANDAR, anchos=anchos_sj, encabezado="una_celda", rotulos=rotulos_sj
        ),
        DisenoXlsx(
            hoja="Contratación",
            columnas=ESTANDAR,
            anchos=anchos_sj,
            encabezado="una_celda",
            rotulos=rotulos_sj,
            primera_columna=3,
        ),
        DisenoXlsx(
            hoja="Talento Humano", columnas=sin_tildes, anchos=anchos_sj, encabezado="una_celda", rotulos=rotulos_sj
        ),
    ]
    return [
        (
            "puerto_camelias_2022.xlsx",
            [(planes.PUERTO_CAMELIAS, camelias)],
            [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
            "Encabezado en celdas combinadas sobre la tabla, tabla desde la columna B, fechas reales de Excel "
            "(`mmm-yy` = mes, `dd/mm/yyyy` = día), títulos en dos niveles (SEGUIMIENTO) y partidos en líneas, "
            "`Nº`, filas de títulos repetidas al imprimir, 12 hallazgos en dos páginas horizontales, "
            "`15 de marzo de 2022` alineado a la derecha pegado a la dependencia, filas vacías con borde al final.",
        ),
        (
            "sabana_alta_2021.xlsx",
            [(planes.SABANA_ALTA, sabana)],
            [1, 1, 1, 1, 1, 1],
            "Rótulo y valor en celdas contiguas en mayúsculas sin dos puntos, `RESPONSABLES` sin valor, tabla "
            "sin líneas, página vertical ajustada al ancho, columnas en otro orden con nombres cortos, "
            "numeración `2.1`, un hallazgo con dos acciones (celdas combinadas), fila de títulos repetida en "
            "medio, fechas en texto (`21sept-21`, `004-21`, `oct-21`, fecha final vacía deducible).",
        ),
        (
            "san_jacinto_2023.xlsx",
            list(zip(planes.SAN_JACINTO, sj, strict=True)),
            None,
            "Un libro con tres copias del formato (una por hoja, en orden), una hoja oculta de listas y una hoja "
            "vacía que se ignoran; rótulo y valor en la misma celda (`PROCESO AUDITADO: …`), tabla desde la "
            "columna A o C, encabezados sin tildes, fechas reales `mmm-yy` y `dd/mm/yyyy`.",
        ),
    ]


def sha256(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def a_pdf(archivos: list[Path], destino: Path, filtro: str = "pdf") -> None:
    with tempfile.TemporaryDirectory() as perfil:
        usuario = Path(perfil) / "user"
        usuario.mkdir()
        (usuario / "registrymodifications.xcu").write_text(_PERFIL_ES_CO, encoding="utf-8")
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{perfil}",
                "--headless",
                "--convert-to",
                filtro,
                "--outdir",
                str(destino),
                *map(str, archivos),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )


def pdf_con_clave(origen: Path, destino: Path, clave: str) -> None:
    """Export with Writer's 'Encrypt document' and an open password, as a person protecting a PDF does."""
    opciones = json.dumps(
        {
            "EncryptFile": {"type": "boolean", "value": "true"},
            "DocumentOpenPassword": {"type": "string", "value": clave},
        }
    )
    with tempfile.TemporaryDirectory() as salida:
        a_pdf([origen], Path(salida), f"pdf:writer_pdf_Export:{opciones}")
        (Path(salida) / origen.with_suffix(".pdf").name).replace(destino)


def texto_paginas(pdf: Path) -> list[str]:
    salida = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return salida.split("\f")[:-1]


def _empieza_en(valor: str, pagina: str, palabras: int = 4, ventana: int = 80) -> bool:
    """The first words of `valor` appear in order on the page (other columns' words may come between)."""
    buscadas, vistas = valor.split()[:palabras], pagina.split()
    for i, palabra in enumerate(vistas):
        if palabra == buscadas[0]:
            siguientes = iter(vistas[i + 1 : i + ventana])
            if all(b in siguientes for b in buscadas[1:]):
                return True
    return False


def pagina_de(valor: str, paginas: list[str]) -> int | None:
    return next((n for n, texto in enumerate(paginas, start=1) if _empieza_en(valor, texto)), None)


class PdfInesperado(AssertionError):
    """The exported PDF does not show what the hand-written oracle says it shows."""


def revisar_pdf(pdf: Path, esperados: list[dict[str, Any]]) -> None:
    """Each finding starts on its hand-written page, and every expected word is in the PDF whole."""
    paginas = texto_paginas(pdf)
    palabras = set(" ".join(paginas).split())
    for plan in esperados:
        for h in plan["hallazgos"]:
            vista = pagina_de(h["accion_mejora"], paginas)
            if vista != h["origen"]["pagina"]:
                raise PdfInesperado(
                    f"{pdf.name}: la acción {h['accion_mejora'][:40]!r} empieza en la página {vista}, "
                    f"no en la {h['origen']['pagina']}"
                )
            for clave in CAMPOS_TEXTO:
                if valor := h[clave]:
                    faltan = [p for p in valor.split() if p not in palabras]
                    if faltan:
                        raise PdfInesperado(f"{pdf.name}: {clave} {faltan} no aparecen enteras en el PDF")
            for clave in ("fecha_inicio", "fecha_terminacion"):
                raw = h[clave]["raw"]
                if raw and not re.search(re.escape(raw).replace(r"\ ", r"\s+"), " ".join(paginas)):
                    raise PdfInesperado(f"{pdf.name}: la fecha {raw!r} no aparece así en el PDF")


def revisar_partido(pdf: Path, pagina: int, inicio: str, fin: str) -> None:
    """A finding's text really runs from one page onto the next."""
    paginas = texto_paginas(pdf)
    if not (_empieza_en(inicio, paginas[pagina - 1]) and _empieza_en(fin, paginas[pagina])):
        raise PdfInesperado(f"{pdf.name}: el texto no queda partido entre las páginas {pagina} y {pagina + 1}")


def escribir_json(nombre: str, objetos: list[dict[str, Any]]) -> None:
    (ESPERADO / f"{nombre}.json").write_text(json.dumps(objetos, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def esperado_plan(
    ruta: Path,
    tipo: str,
    plan: PlanMuestra,
    columnas: Columnas,
    filas: list[int],
    paginas: list[int] | None,
    hoja: str | None,
) -> dict[str, Any]:
    archivo = ruta.relative_to(RAIZ).as_posix()
    ubicacion = Ubicacion(filas=filas, paginas=list(paginas) if paginas else [None] * len(filas), hoja=hoja)
    return plan_json(archivo, sha256(ruta), tipo, ruta.suffix.lstrip("."), plan, ubicacion, columnas)


def generar() -> list[tuple[str, str]]:
    """Write everything; give (file, what it covers) for the README table."""
    ESPERADO.mkdir(parents=True, exist_ok=True)
    cubre: list[tuple[str, str]] = []
    pdfs: list[tuple[Path, list[tuple[PlanMuestra, Columnas, list[int]]], list[int]]] = []
    fuentes: list[Path] = []
    for nombre, plan, diseno, paginas, que in disenos_docx():
        ruta = CARPETA / nombre
        filas = escribir_docx.escribir(plan, diseno, ruta)
        columnas = _columnas(diseno.columnas)
        escribir_json(nombre, [esperado_plan(ruta, "docx", plan, columnas, filas, None, None)])
        cubre.append((nombre, que))
        fuentes.append(ruta)
        pdfs.append((ruta.with_suffix(".pdf"), [(plan, columnas, filas)], paginas))
    for nombre, copias, paginas_x, que in disenos_xlsx():
        ruta = CARPETA / nombre
        filas_x = escribir_xlsx.escribir(
            copias, ruta, oculta_despues=0 if len(copias) > 1 else None, hoja_vacia=len(copias) > 1
        )
        objetos = [
            esperado_plan(ruta, "xlsx", plan, _columnas(d.columnas), f, None, d.hoja)
            for (plan, d), f in zip(copias, filas_x, strict=True)
        ]
        escribir_json(nombre, objetos)
        cubre.append((nombre, que))
        if paginas_x is not None:
            fuentes.append(ruta)
            plan, d = copias[0]
            posiciones = list(range(1, len(plan.hallazgos) + 1))
            pdfs.append((ruta.with_suffix(".pdf"), [(plan, _columnas(d.columnas), posiciones)], paginas_x))
    DANADOS.mkdir(parents=True, exist_ok=True)
    escribir_docx.escribir_memorando(DANADOS / "memorando.docx")
    a_pdf(fuentes, CARPETA)
    a_pdf([DANADOS / "memorando.docx"], DANADOS)
    for pdf, copias_pdf, paginas in pdfs:
        objetos = [esperado_plan(pdf, "pdf", p, c, f, paginas, None) for p, c, f in copias_pdf]
        revisar_pdf(pdf, objetos)
        escribir_json(pdf.name, objetos)
        cubre.append((pdf.name, f"`{pdf.with_suffix('').name}` exportado a PDF por LibreOffice."))
    revisar_partido(CARPETA / "guavio_2022.pdf", 1, planes.GUAVIO.hallazgos[3].descripcion, "Tampoco se evidenció")
    revisar_partido(CARPETA / "calica_2021.pdf", 1, planes.CALICA.hallazgos[1].accion_mejora, "PDM, para este punto")
    revisar_partido(
        CARPETA / "santa_rosa_2021.pdf", 1, planes.SANTA_ROSA.hallazgos[2].descripcion, "ejecución, dejando"
    )
    for danado in danados.escribir(
        DANADOS,
        CARPETA / "calica_2021.docx",
        CARPETA / "puerto_camelias_2022.xlsx",
        CARPETA / "calica_2021.pdf",
        pdf_con_clave,
    ):
        ruta = DANADOS / danado.nombre
        archivo = ruta.relative_to(RAIZ).as_posix()
        if danado.legible:
            objeto = sin_plan_json(
                archivo, sha256(ruta), danado.tipo, danado.formato, None, [problema("archivo", "no_es_gem_fm014")]
            )
        else:
            error = f"No se puede leer el archivo: {danado.porque}."
            objeto = sin_plan_json(archivo, sha256(ruta), danado.tipo, danado.formato, error, [])
        (ESPERADO / "danados").mkdir(exist_ok=True)
        escribir_json(f"danados/{danado.nombre}", [objeto])
        cubre.append((f"danados/{danado.nombre}", danado.porque))
    return cubre


def main() -> int:
    cubre = generar()
    for nombre, que in cubre:
        print(f"{nombre}: {texto(que)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
