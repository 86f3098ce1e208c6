"""What a reader saw in one file, turned into the plans `extraer --json` prints."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from extractor.columnas import COLUMNAS
from extractor.modelo import Celda, DocumentoCrudo, FilaCruda, FirmaCruda, Origen, PlanCrudo
from normalizacion import normalizar_documento
from normalizacion.modelo import Plan


def documento(*planes: PlanCrudo, error: str | None = None) -> DocumentoCrudo:
    return DocumentoCrudo("muestras/plan.xlsx", "ab" * 32, "xlsx", list(planes), error)


def fila(posicion: int, /, **textos: str | None) -> FilaCruda:
    origen = Origen(hoja="Hoja1", fila=posicion + 10)
    return FilaCruda({clave: Celda(valor, origen) for clave, valor in textos.items()}, origen)


def pares(plan: Plan) -> set[tuple[str, str]]:
    return {(p.campo, p.codigo) for p in plan.problemas}


def test_un_archivo_ilegible_da_un_plan_con_el_error_y_sin_hallazgos() -> None:
    (plan,) = normalizar_documento(documento(error="El archivo está vacío (0 bytes)."))
    assert plan.error == "El archivo está vacío (0 bytes)."
    assert (plan.archivo, plan.sha256, plan.tipo) == ("muestras/plan.xlsx", "ab" * 32, "xlsx")
    assert plan.hallazgos == [] and plan.problemas == []
    assert plan.a_json()["encabezado"]["fecha_suscripcion"]["estado"] == "vacia"


def test_un_documento_sin_el_formato_da_un_plan_que_lo_dice() -> None:
    (plan,) = normalizar_documento(documento())
    assert plan.error is None and plan.hallazgos == []
    assert pares(plan) == {("archivo", "no_es_gem_fm014")}
    assert "GEM-FM014" in plan.problemas[0].mensaje


def test_una_pagina_en_blanco_del_escaneo_se_dice_una_vez_con_su_numero() -> None:
    crudo = documento(PlanCrudo(filas=[fila(1, numero="1")]), PlanCrudo(filas=[fila(1, numero="1")]))
    crudo.paginas_en_blanco = [2]
    primero, segundo = normalizar_documento(crudo)
    (blanco,) = [p for p in primero.problemas if p.codigo == "pagina_en_blanco"]
    assert blanco.campo == "archivo" and blanco.origen == Origen(pagina=2) and "página 2" in blanco.mensaje
    assert "pagina_en_blanco" not in {p.codigo for p in segundo.problemas}
    sin_formato = documento()
    sin_formato.paginas_en_blanco = [1]
    assert pares(normalizar_documento(sin_formato)[0]) == {
        ("archivo", "no_es_gem_fm014"),
        ("archivo", "pagina_en_blanco"),
    }


def test_cada_plan_de_un_escaneo_sabe_que_se_leyo_por_ocr_sin_cambiar_el_json() -> None:
    escaneo = documento(PlanCrudo(filas=[fila(1, numero="1")]), PlanCrudo(filas=[fila(1, numero="2")]))
    escaneo.paginas_por_ocr = [1, 2]
    planes = normalizar_documento(escaneo)
    assert [p.leido_por_ocr for p in planes] == [True, True]
    assert [p.leido_por_ocr for p in normalizar_documento(documento(PlanCrudo(filas=[fila(1, numero="1")])))] == [False]
    assert "leido_por_ocr" not in planes[0].a_json(), "the contract fixes the JSON's keys"


def test_una_formula_de_excel_sin_resultado_es_un_valor_que_falta_y_se_dice() -> None:
    origen = Origen(hoja="Hoja1", fila=12)
    sin_resultado = Celda(None, origen, formula="=EDATE(F12,HOY())")
    crudo = PlanCrudo(
        encabezado={"entidad": Celda("ALCALDÍA")},
        filas=[FilaCruda({"numero": Celda("1", origen), "fecha_terminacion": sin_resultado}, origen)],
    )
    (plan,) = normalizar_documento(documento(crudo))
    (problema,) = [p for p in plan.problemas if p.codigo == "formula_sin_valor"]
    assert (problema.campo, problema.raw, problema.origen) == (
        "hallazgos[0].fecha_terminacion",
        "=EDATE(F12,HOY())",
        origen,
    )
    assert "=EDATE(F12,HOY())" in problema.mensaje
    assert plan.hallazgos[0].fecha_terminacion.valor is None


def test_un_libro_con_varias_hojas_da_un_plan_por_hoja_en_orden() -> None:
    hojas = [
        PlanCrudo(encabezado={"proceso_auditado": Celda(nombre)}, filas=[fila(1, numero="1")], hoja=nombre)
        for nombre in ("Hacienda", "Jurídica", "Talento Humano")
    ]
    planes = normalizar_documento(documento(*hojas))
    assert [p.hoja for p in planes] == ["Hacienda", "Jurídica", "Talento Humano"]
    assert [p.encabezado.proceso_auditado for p in planes] == ["Hacienda", "Jurídica", "Talento Humano"]
    assert {p.sha256 for p in planes} == {"ab" * 32}


def test_el_encabezado_colapsa_textos_y_lee_sus_fechas() -> None:
    crudo = PlanCrudo(
        encabezado={
            "entidad": Celda("  ALCALDIA MUNICIPAL\nDE CALICA "),
            "codigo": Celda("GEM-FM014"),
            "version": Celda("02"),
            "fecha_formato": Celda("09/07/2021"),
            "procedimientos": Celda(""),
            "fecha_suscripcion": Celda("21sept-21", Origen(hoja="Hoja1", fila=8)),
        }
    )
    (plan,) = normalizar_documento(documento(crudo))
    json = plan.a_json()["encabezado"]
    assert json["entidad"] == "ALCALDIA MUNICIPAL DE CALICA"
    assert json["procedimientos"] is None and json["responsables"] is None
    assert json["fecha_formato"] == {"raw": "09/07/2021", "valor": "2021-07-09", "precision": "dia", "estado": "ok"}
    assert json["fecha_suscripcion"]["estado"] == "corregida"
    (problema,) = plan.problemas
    assert (problema.campo, problema.codigo) == ("encabezado.fecha_suscripcion", "fecha_corregida")
    assert problema.origen == Origen(hoja="Hoja1", fila=8)


def test_falta_la_fecha_de_suscripcion_pero_no_la_del_formato() -> None:
    (plan,) = normalizar_documento(documento(PlanCrudo()))
    assert pares(plan) == {("encabezado.fecha_suscripcion", "fecha_faltante")}


def test_un_hallazgo_con_valores_tipicos() -> None:
    crudo = PlanCrudo(
        encabezado={"fecha_suscripcion": Celda("21/09/2021")},
        filas=[
            fila(
                1,
                numero="1",
                descripcion="Se recomienda  verificar\nlos compromisos.",
                plazo_meses="4",
                fecha_inicio="004-21",
                fecha_terminacion="ene-22",
                cumplimiento="Si",
                efectividad="N/A",
                estado_accion="Cerrada-C",
                observaciones="",
            )
        ],
    )
    (plan,) = normalizar_documento(documento(crudo))
    (hallazgo,) = plan.a_json()["hallazgos"]
    assert hallazgo["descripcion"] == "Se recomienda verificar los compromisos."
    assert hallazgo["plazo_meses"] == 4
    assert hallazgo["fecha_inicio"] == {"raw": "004-21", "valor": "2021-09", "precision": "mes", "estado": "inferida"}
    assert (hallazgo["cumplimiento"], hallazgo["efectividad"], hallazgo["estado_accion"]) == (True, None, "cerrada")
    assert hallazgo["observaciones"] is None and hallazgo["dependencia"] is None
    assert hallazgo["origen"] == {"pagina": None, "hoja": "Hoja1", "fila": 11}
    assert pares(plan) == {("hallazgos[0].fecha_inicio", "fecha_inferida")}


def test_cada_problema_de_un_hallazgo_lleva_su_ruta_y_su_fila() -> None:
    crudo = PlanCrudo(
        encabezado={"fecha_suscripcion": Celda("01/03/2022")},
        filas=[
            fila(1, numero="1", plazo_meses="6", fecha_inicio="01/03/2022", fecha_terminacion="30/09/2022"),
            fila(2, numero="2", plazo_meses="Permanente", cumplimiento="Ver anexo 3", estado_accion="Quizás"),
            fila(3, numero="3", plazo_meses="3", fecha_inicio="01/02/2022", fecha_terminacion="30/06/2022"),
        ],
    )
    (plan,) = normalizar_documento(documento(crudo))
    assert pares(plan) == {
        ("hallazgos[1].plazo_meses", "valor_desconocido"),
        ("hallazgos[1].cumplimiento", "valor_desconocido"),
        ("hallazgos[1].estado_accion", "valor_desconocido"),
        ("hallazgos[1].fecha_inicio", "fecha_faltante"),
        ("hallazgos[1].fecha_terminacion", "fecha_faltante"),
        ("hallazgos[2].plazo_meses", "plazo_inconsistente"),
    }
    desconocido = next(p for p in plan.problemas if p.campo == "hallazgos[1].cumplimiento")
    assert desconocido.raw == "Ver anexo 3" and desconocido.origen == Origen(hoja="Hoja1", fila=12)


def test_las_celdas_de_excel_usan_su_valor_guardado() -> None:
    origen = Origen(hoja="Obras", fila=12)
    celdas = {
        "plazo_meses": Celda("6", origen, 6),
        "fecha_inicio": Celda("ene-22", origen, dt.datetime(2022, 1, 1), "mmm-yy"),
        "fecha_terminacion": Celda("jul-22", origen, dt.datetime(2022, 7, 1), "mmm-yy"),
        "cumplimiento": Celda("VERDADERO", origen, True),
    }
    crudo = PlanCrudo(encabezado={"fecha_suscripcion": Celda("20/01/2022")}, filas=[FilaCruda(celdas, origen)])
    (plan,) = normalizar_documento(documento(crudo))
    (hallazgo,) = plan.hallazgos
    assert hallazgo.plazo_meses == 6 and hallazgo.cumplimiento is True
    assert hallazgo.fecha_inicio.a_json() == {"raw": "ene-22", "valor": "2022-01", "precision": "mes", "estado": "ok"}
    assert plan.problemas == []


def test_columnas_desconocidas_y_faltantes() -> None:
    crudo = PlanCrudo(
        encabezado={"fecha_suscripcion": Celda("01/03/2022")},
        filas=[fila(1, numero="1", plazo_meses="6", fecha_terminacion="30/09/2022")],
        columnas_desconocidas=["Avance %"],
        columnas_faltantes=["direccion_tecnica", "fecha_inicio"],
    )
    (plan,) = normalizar_documento(documento(crudo))
    assert pares(plan) == {
        ("Avance %", "columna_desconocida"),
        ("direccion_tecnica", "columna_faltante"),
        ("fecha_inicio", "columna_faltante"),
    }
    assert plan.hallazgos[0].fecha_inicio.estado == "vacia"


def test_firmas_y_proyecto() -> None:
    crudo = PlanCrudo(
        encabezado={"fecha_suscripcion": Celda("01/03/2022")},
        firmas=[FirmaCruda("Ing. CESAR  AUGUSTO CRUZ", "Secretario de\nPlaneación"), FirmaCruda("  ", None)],
        proyecto=Celda("Javier Lamprea – Profesional de apoyo "),
    )
    (plan,) = normalizar_documento(documento(crudo))
    json = plan.a_json()
    assert json["firmas"] == [{"nombre": "Ing. CESAR AUGUSTO CRUZ", "cargo": "Secretario de Planeación"}]
    assert json["proyecto"] == "Javier Lamprea – Profesional de apoyo"


_VALORES_EXCEL = st.none() | st.booleans() | st.integers() | st.floats() | st.datetimes() | st.dates()
_CELDAS = st.builds(
    Celda,
    st.none() | st.text(max_size=30),
    st.just(Origen()),
    _VALORES_EXCEL,
    st.sampled_from([None, "mmm-yy", "dd/mm/yyyy", "General", "0"]),
)


@given(
    st.dictionaries(st.sampled_from(["fecha_formato", "fecha_suscripcion", "entidad"]), _CELDAS),
    st.lists(st.dictionaries(st.sampled_from(COLUMNAS), _CELDAS), max_size=4),
    st.lists(st.sampled_from(COLUMNAS), max_size=3),
)
def test_ningun_contenido_hace_fallar_y_cada_problema_nombra_su_hallazgo(
    encabezado: dict[str, Celda], filas: list[dict[str, Celda]], faltantes: list[str]
) -> None:
    crudo = PlanCrudo(
        encabezado, [FilaCruda(c, Origen(fila=i)) for i, c in enumerate(filas)], columnas_faltantes=faltantes
    )
    (plan,) = normalizar_documento(documento(crudo))
    assert len(plan.hallazgos) == len(filas)
    rutas = {f"hallazgos[{i}]" for i in range(len(filas))}
    for problema in plan.problemas:
        ruta = problema.campo.partition(".")[0]
        assert ruta in rutas | {"encabezado"} or (problema.codigo == "columna_faltante" and ruta in faltantes)
        assert problema.mensaje


def test_lo_leido_con_poca_confianza_de_una_pagina_escaneada_se_reporta() -> None:
    origen = Origen(pagina=2, fila=1)
    crudo = PlanCrudo(
        encabezado={
            "entidad": Celda("ALCALDIA DE CAL1CA", Origen(pagina=1), confianza=0.41),
            "fecha_suscripcion": Celda("21/09/2021", Origen(pagina=1), confianza=0.97),
        },
        filas=[
            FilaCruda(
                {
                    "numero": Celda("1", origen, confianza=0.95),
                    "cumplimiento": Celda("Si", origen, confianza=0.3),
                    "observaciones": Celda(None, origen),
                },
                origen,
            )
        ],
        proyecto=Celda("Javier Lamprea", Origen(pagina=2), confianza=0.38),
    )
    (plan,) = normalizar_documento(documento(crudo))
    dudas = [p for p in plan.problemas if p.codigo == "ocr_baja_confianza"]
    assert {p.campo for p in dudas} == {"encabezado.entidad", "hallazgos[0].cumplimiento", "proyecto"}
    entidad = next(p for p in dudas if p.campo == "encabezado.entidad")
    assert entidad.raw == "ALCALDIA DE CAL1CA" and entidad.origen == Origen(pagina=1)
    assert "41%" in entidad.mensaje


def test_una_fecha_partida_en_dos_renglones_por_una_columna_angosta_se_lee_igual() -> None:
    crudo = PlanCrudo(
        encabezado={"fecha_suscripcion": Celda("15 de marzo\nde 2022")},
        filas=[fila(1, numero="1", plazo_meses="6", fecha_inicio="1o. de\nmarzo 2022", fecha_terminacion="30/09/2022")],
    )
    (plan,) = normalizar_documento(documento(crudo))
    assert plan.encabezado.fecha_suscripcion.a_json() == {
        "raw": "15 de marzo de 2022",
        "valor": "2022-03-15",
        "precision": "dia",
        "estado": "ok",
    }
    assert plan.hallazgos[0].fecha_inicio.raw == "1o. de marzo 2022"
    assert pares(plan) == {("hallazgos[0].fecha_inicio", "fecha_corregida")}
