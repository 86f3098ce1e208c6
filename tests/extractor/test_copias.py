"""A file that holds several copies of the form, one after the other, is cut into one part per copy."""

from extractor.copias import partir_en_copias
from extractor.modelo import Celda, FilaLeida, HojaLeida
from tests.extractor.test_ensamblar import TITULOS, fila, hallazgo, linea


def titulo(entidad: str, pagina: int | None = None) -> list[FilaLeida]:
    return [
        linea(entidad, pagina),
        linea("FORMATO PLAN DE MEJORAMIENTO", pagina),
        linea("VERSION: 02", pagina),
        linea("CODIGO: GEM-FM014", pagina),
    ]


def datos_generales(proceso: str, pagina: int | None = None) -> list[FilaLeida]:
    return [
        linea(f"Proceso Auditado: {proceso}", pagina),
        linea("Responsables: Secretario de Despacho", pagina),
        linea("Fecha de Suscripción: 10/02/2023", pagina),
    ]


def copia(entidad: str, proceso: str, tabla: int, pagina: int | None = None) -> list[FilaLeida]:
    return [
        *titulo(entidad, pagina),
        *datos_generales(proceso, pagina),
        fila(TITULOS, tabla=tabla, pagina=pagina),
        fila(hallazgo("1", f"Hallazgo de {proceso}"), tabla=tabla, pagina=pagina),
        linea("Firma Responsables:", pagina),
        fila(["ANA PÉREZ\nSecretaria de Hacienda", "LUIS GÓMEZ\nJefe de Control Interno"], tabla=tabla + 1),
    ]


def primeras(hoja: HojaLeida) -> str | None:
    return hoja.filas[0].celdas[0].texto


def test_dos_copias_seguidas_dan_dos_partes_y_las_firmas_quedan_con_la_de_arriba() -> None:
    primera = [*copia("ALCALDÍA DE CALICA", "Gestión Financiera", 0, 1), linea("Proyectó: Javier Lamprea", 1)]
    segunda = copia("ALCALDÍA DE CALICA", "Gestión Jurídica", 2, 2)

    partes = partir_en_copias(HojaLeida([*primera, *segunda]))

    assert [len(p.filas) for p in partes] == [len(primera), len(segunda)]
    assert partes[0].filas[-1].celdas[0].texto == "Proyectó: Javier Lamprea"
    assert primeras(partes[1]) == "ALCALDÍA DE CALICA"


def test_una_sola_copia_no_se_parte_aunque_repita_los_titulos_y_el_encabezado_en_cada_pagina() -> None:
    pagina_uno = [*titulo("ALCALDÍA DE CALICA", 1), *datos_generales("Gestión Financiera", 1)]
    pagina_dos = [*titulo("ALCALDÍA DE CALICA", 2), *datos_generales("Gestión Financiera", 2)]
    hoja = HojaLeida(
        [
            *pagina_uno,
            fila(TITULOS, pagina=1),
            fila(hallazgo("1", "Primero"), pagina=1),
            *pagina_dos,
            fila(TITULOS, tabla=1, pagina=2),
            fila(hallazgo("2", "Segundo"), tabla=1, pagina=2),
        ]
    )

    assert partir_en_copias(hoja) == [hoja]


def test_el_encabezado_escaneado_en_cada_pagina_con_otra_letra_mal_leida_no_parte_la_copia() -> None:
    encabezado = [*titulo("ALCALDÍA DE CALICA", 1), *datos_generales("Gestión Financiera", 1)]
    escaneado = [*titulo("ALCALDÍA DE CALICA", 2), *datos_generales("Gestlón Financiera", 2)]
    escaneado.append(linea("Página 2 de 2", 2))
    hoja = HojaLeida([*encabezado, fila(TITULOS, pagina=1), *escaneado, fila(TITULOS, tabla=1, pagina=2)], nombre=None)
    assert partir_en_copias(hoja) == [hoja]


def test_dos_copias_del_mismo_proceso_con_otra_fecha_de_suscripcion_son_dos() -> None:
    def copia_fechada(fecha: str, tabla: int) -> list[FilaLeida]:
        return [
            *titulo("ALCALDÍA DE CALICA"),
            linea("Proceso Auditado: Gestión Financiera"),
            linea(f"Fecha de Suscripción: {fecha}"),
            fila(TITULOS, tabla=tabla),
            fila(hallazgo("1", "Uno"), tabla=tabla),
        ]

    hoja = HojaLeida([*copia_fechada("10/02/2023", 0), *copia_fechada("10/02/2024", 1)])
    assert len(partir_en_copias(hoja)) == 2


def test_un_cargo_que_nombra_una_dependencia_sigue_siendo_firma_de_la_copia_de_arriba() -> None:
    primera = [
        *copia("ALCALDÍA DE CALICA", "Gestión Financiera", 0),
        linea("MARÍA ROJAS"),
        linea("Secretaría de Hacienda"),
    ]
    segunda = [linea("ALCALDÍA DE CALICA"), *copia("PROCESO DE GESTION EVALUACION Y MEJORA", "Contratación", 2)]

    partes = partir_en_copias(HojaLeida([*primera, *segunda]))

    assert [len(p.filas) for p in partes] == [len(primera), len(segunda)]


def test_dos_copias_apiladas_en_una_hoja_de_excel() -> None:
    def arriba(entidad: str) -> list[FilaLeida]:
        return [
            fila([entidad, None, "CÓDIGO: GEM-FM014"]),
            fila(["FORMATO PLAN DE MEJORAMIENTO", None, "VERSIÓN: 02"]),
            fila(["PROCESO AUDITADO", "Gestión Financiera", None]),
            fila(["RESPONSABLES", "Secretario de Hacienda", None]),
        ]

    primera = [*arriba("GOBERNACIÓN DEL GUAVIO"), fila(TITULOS), fila(hallazgo("1", "Uno")), fila(["Proyectó: Ana"])]
    segunda = [*arriba("GOBERNACIÓN DEL GUAVIO"), fila(TITULOS), fila(hallazgo("1", "Otro"))]
    segunda[2] = fila(["PROCESO AUDITADO", "Contratación", None])
    hoja = HojaLeida([*primera, *segunda], nombre="Planes")

    partes = partir_en_copias(hoja)

    assert [(p.nombre, len(p.filas)) for p in partes] == [("Planes", len(primera)), ("Planes", len(segunda))]


def test_los_datos_generales_en_una_sola_celda_tambien_empiezan_otra_copia() -> None:
    def una_celda(proceso: str, tabla: int) -> list[FilaLeida]:
        datos = f"Proceso Auditado: {proceso}\nResponsables: Secretario\nFecha de Suscripción: 10/02/2023"
        return [*titulo("ALCALDÍA DE CALICA"), fila([datos], tabla=tabla), fila(TITULOS, tabla=tabla + 1)]

    primera = [*una_celda("Gestión Financiera", 0), fila(hallazgo("1", "Uno"), tabla=1)]
    segunda = [*una_celda("Contratación", 2), fila(hallazgo("1", "Otro"), tabla=3)]

    assert [len(p.filas) for p in partir_en_copias(HojaLeida([*primera, *segunda]))] == [len(primera), len(segunda)]


def test_rotulos_del_titulo_con_su_valor_en_la_celda_de_al_lado_van_con_la_copia_nueva() -> None:
    def arriba(proceso: str, tabla: int) -> list[FilaLeida]:
        return [
            linea("ALCALDÍA MUNICIPAL DE TAMBORAL"),
            linea("PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA"),
            fila(["VERSIÓN", "03"], tabla=tabla),
            fila(["CÓDIGO", "GEM-FM014"], tabla=tabla),
            fila(["PROCESO AUDITADO", proceso], tabla=tabla),
            fila(["RESPONSABLES", "Secretario de Hacienda"], tabla=tabla),
            fila(TITULOS, tabla=tabla + 1),
            fila(hallazgo("01", f"Hallazgo de {proceso}"), tabla=tabla + 1),
        ]

    primera, segunda = arriba("Gestión Financiera", 0), arriba("Contratación", 2)

    assert [len(p.filas) for p in partir_en_copias(HojaLeida([*primera, *segunda]))] == [len(primera), len(segunda)]


def test_las_paginas_en_blanco_se_cuentan_una_vez() -> None:
    hoja = HojaLeida(
        [*copia("ALCALDÍA DE CALICA", "Uno", 0), *copia("ALCALDÍA DE CALICA", "Dos", 2)], paginas_en_blanco=[3]
    )
    assert [p.paginas_en_blanco for p in partir_en_copias(hoja)] == [[3], []]


def test_sin_tabla_de_hallazgos_no_hay_nada_que_partir() -> None:
    hoja = HojaLeida([linea("MEMORANDO"), FilaLeida([Celda("Proceso Auditado: Gestión")])])
    assert partir_en_copias(hoja) == [hoja]
