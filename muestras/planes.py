"""The plans written into the samples, each value typed as an office would and normalized by hand.

Entities are invented; the first plan is the real copy in `shared/formato/GEM-FM014-ejemplo.txt`.
Dates and plazos are consistent unless a finding says otherwise in `cruzados`.
"""

from __future__ import annotations

import datetime as dt

from oraculo import (
    ABIERTA,
    BLANCO,
    CERRADA,
    NO,
    SI,
    Firma,
    Hallazgo,
    PlanMuestra,
    corregida,
    desconocido,
    excel,
    inferida,
    invalida,
    ok,
    v,
    vacia,
)

_OBS_CALICA_1 = (
    "Posterior a cada uno de los Seguímentos al Plan de Desarrollo, se socializarán con la Alta Dirección en "
    "Consejos de Gobierno los resultados y posteriormente se programaron reuniones con cada dependencia "
    "responsable para dar seguimiento detallado tanto al plan de acción como a los planes de mejoramiento "
    "establecidos y generar nuevos en caso de requerirse."
)
_ACCION_CALICA_2 = (
    "Con el fin de llevar a cabo un seguimiento más detallado al plan de acción definido para la vigencia "
    "2021, se solicita a cada dependencia generar planes de mejoramiento que garanticen la óptima ejecución "
    "de las metas que al 30 de junio se encontraban por debajo del 40% de avance. Por otro lado se continúa "
    "trabajando con el desarrollador del módulo de Plan de Desarrollo en Sysman con el fin de que el "
    "seguimiento pueda ser evidenciado a través de la plataforma mencionada y que además permita el cargue "
    "de evidencias que soporten los avances del PDM, para este punto no es posible dar una fecha concreta de "
    "finalización ya que se depende de los avances del proveedor."
)

CALICA = PlanMuestra(
    entidad="ALCALDIA MUNICIPAL DE CALICA",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión Estratégica",
    procedimientos="GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO",
    responsables="Directora de Planeación Estratégica",
    fecha_suscripcion=corregida("21sept-21", "2021-09-21"),
    hallazgos=(
        Hallazgo(
            numero="1",
            descripcion=(
                "Se recomienda a cada dependencia verificar la materialización de los compromisos que "
                "garantizan el cumplimiento de las metas y que registran un avance inferior al 50% para que "
                "en lo que resta de la vigencia 2021 puedan cumplir a cabalidad con lo programado en Plan de "
                "Desarrollo."
            ),
            accion_mejora=(
                "Posterior a cada uno de los Seguímentos al Plan de Desarrollo, se socializará con la Alta "
                "Dirección en Consejos de Gobierno los resultados y posteriormente se programarán reuniones "
                "con cada dependencia responsable para dar seguimiento detallado tanto al plan de acción como "
                "a los planes de mejoramiento establecidos y generar nuevos en caso de requerirse."
            ),
            meta_indicador="% Cumplimiento al Plan de Acción",
            plazo_meses=v("4", 4),
            fecha_inicio=inferida("004-21", "2021-09"),
            fecha_terminacion=ok("ene-22", "2022-01"),
            dependencia="Secretaría de Planeación",
            cargo_responsable="Directora de Planeación Estratégica",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=CERRADA,
            direccion_tecnica="Dirección de Planeación Estratégica",
            observaciones=_OBS_CALICA_1,
        ),
        Hallazgo(
            numero="2",
            descripcion=(
                "Realizar revisión de las estrategias documentadas con el fin de establecer claramente los "
                "periodos de tiempo y las actividades a desarrollar durante cada vigencia que permitan medir "
                "de forma más eficiente el avance de la meta."
            ),
            accion_mejora=_ACCION_CALICA_2,
            meta_indicador="% Cumplimiento al Plan de Acción",
            plazo_meses=v("7", 7),
            fecha_inicio=ok("jun-21", "2021-06"),
            fecha_terminacion=ok("ene-22", "2022-01"),
            dependencia="Secretaría de Planeación",
            cargo_responsable="Directora de Planeación Estratégica",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=CERRADA,
            direccion_tecnica="Dirección de Planeación Estratégica",
            observaciones=_ACCION_CALICA_2,
        ),
    ),
    firmas=(
        Firma("Ing. CESAR AUGUSTO CRUZ GONZALEZ", "Secretario de Planeación"),
        Firma("LUZ-ANDREA HERNÁNDEZ TEJEDOR", "Directora de Planeación Estratégica"),
    ),
    proyecto="Javier Lamprea – Profesional de apoyo",
)

_PIC = (
    "El Plan Institucional de Capacitación 2021 se ejecutó en un 38% y no se evaluó el impacto de las "
    "capacitaciones realizadas en el desempeño de los servidores."
)
_NOMINA = (
    "En la revisión de la liquidación de prestaciones sociales de los servidores retirados durante la vigencia "
    "2021 se encontró que en siete (7) casos la liquidación de vacaciones y prima de servicios se calculó sin "
    "incluir los factores salariales de bonificación por servicios prestados y auxilio de alimentación, lo que "
    "generó reclamaciones de los exservidores y un riesgo de demandas laborales contra el Departamento. "
    "Además, los actos administrativos de reconocimiento no fueron firmados dentro de los quince (15) días "
    "hábiles siguientes al retiro, ni se dejó constancia en la historia laboral de la fecha de notificación "
    "al interesado, en contravía de lo dispuesto en el procedimiento interno de retiro y en el Decreto 1045 de 1978. "
    "Tampoco se evidenció la conciliación mensual entre la nómina liquidada en el aplicativo y los registros "
    "contables de la Secretaría de Hacienda para los meses de marzo, julio y noviembre, en los cuales se "
    "presentaron diferencias que no fueron explicadas ni ajustadas antes del cierre de la vigencia."
)

GUAVIO = PlanMuestra(
    entidad="GOBERNACIÓN DEL RÍO GUAVIO",
    codigo="GEM-FM014",
    version="03",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión del Talento Humano",
    procedimientos=(
        "GTH-PR003 - Vinculación y desvinculación de personal\nGTH-PR007 - Plan Institucional de Capacitación"
    ),
    responsables="Director de Talento Humano",
    fecha_suscripcion=ok("14/02/2022", "2022-02-14"),
    hallazgos=(
        Hallazgo(
            numero="1",
            descripcion=(
                "Las historias laborales de 14 de los 40 servidores revisados no cuentan con la hoja de "
                "control ni con la foliación exigida por la Ley 594 de 2000 y el Acuerdo 04 de 2019 del AGN."
            ),
            accion_mejora=(
                "Actualizar la hoja de control y foliar las historias laborales de la planta de personal, "
                "priorizando las vinculaciones de la vigencia 2021."
            ),
            meta_indicador="Historias laborales foliadas / Historias laborales activas",
            plazo_meses=v("6", 6),
            fecha_inicio=ok("01/03/2022", "2022-03-01"),
            fecha_terminacion=ok("30/09/2022", "2022-09-30"),
            dependencia="Dirección de Talento Humano",
            cargo_responsable="Técnico Administrativo de Archivo",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=CERRADA,
            direccion_tecnica="Secretaría General",
            observaciones="Se foliaron 212 historias laborales.\nQueda pendiente la digitalización.",
        ),
        Hallazgo(
            numero="2",
            descripcion=_PIC,
            accion_mejora=(
                "Reformular el cronograma del PIC 2022 con base en el diagnóstico de necesidades de "
                "aprendizaje de cada dependencia."
            ),
            meta_indicador="Cronograma PIC 2022 aprobado",
            plazo_meses=v("2", 2),
            fecha_inicio=ok("01/03/2022", "2022-03-01"),
            fecha_terminacion=ok("31/05/2022", "2022-05-31"),
            dependencia="Dirección de Talento Humano",
            cargo_responsable="Profesional Universitario de Capacitación",
            cumplimiento=SI,
            efectividad=NO,
            estado_accion=CERRADA,
            direccion_tecnica="Secretaría General",
            observaciones="Cronograma aprobado en Comité Institucional de Gestión y Desempeño del 28/04/2022.",
        ),
        Hallazgo(
            numero="2",
            descripcion=_PIC,
            accion_mejora=(
                "Aplicar la evaluación de impacto a las capacitaciones con más de veinte horas de duración."
            ),
            meta_indicador="Evaluaciones aplicadas / Capacitaciones de más de 20 horas",
            plazo_meses=v("8", 8),
            fecha_inicio=ok("02/05/2022", "2022-05-02"),
            fecha_terminacion=ok("30/01/2023", "2023-01-30"),
            dependencia="Dirección de Talento Humano",
            cargo_responsable="Profesional Universitario de Capacitación",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=ABIERTA,
            direccion_tecnica="Secretaría General",
            observaciones=None,
            sigue_al_anterior=True,
        ),
        Hallazgo(
            numero="3",
            descripcion=_NOMINA,
            accion_mejora=(
                "1. Ajustar la hoja de cálculo de liquidación incluyendo todos los factores salariales.\n"
                "2. Reliquidar los siete casos observados y expedir los actos administrativos de ajuste.\n"
                "3. Realizar la conciliación mensual de nómina con la Secretaría de Hacienda y dejar acta "
                "firmada por ambas dependencias."
            ),
            meta_indicador="Liquidaciones revisadas sin diferencias / Liquidaciones expedidas",
            plazo_meses=v("9", 9),
            fecha_inicio=ok("01/03/2022", "2022-03-01"),
            fecha_terminacion=ok("30/12/2022", "2022-12-30"),
            dependencia="Dirección de Talento Humano\nÁrea de Nómina",
            cargo_responsable="Profesional Especializado de Nómina",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=CERRADA,
            direccion_tecnica="Secretaría General",
            observaciones=(
                "Se reliquidaron los siete casos mediante resoluciones 0412 a 0418 de 2022. Las conciliaciones "
                "mensuales de nómina y contabilidad se encuentran firmadas de abril a diciembre de 2022 y "
                "reposan en el archivo de gestión de la Dirección de Talento Humano."
            ),
        ),
        Hallazgo(
            numero="4",
            descripcion=(
                "La información de hojas de vida y declaraciones de bienes y rentas de 23 servidores no está "
                "actualizada en el SIGEP II."
            ),
            accion_mejora="Requerir por escrito a los servidores y verificar la actualización en el SIGEP II.",
            meta_indicador="Servidores con SIGEP actualizado / Total servidores",
            plazo_meses=v("3", 3),
            fecha_inicio=ok("01/06/2022", "2022-06-01"),
            fecha_terminacion=ok("30/09/2022", "2022-09-30"),
            dependencia="Dirección de Talento Humano",
            cargo_responsable="Técnico Administrativo",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=CERRADA,
            direccion_tecnica="Secretaría General",
            observaciones="100% de servidores actualizados al 30/09/2022.",
        ),
        Hallazgo(
            numero="5",
            descripcion=(
                "No se concertaron los compromisos laborales de la evaluación del desempeño de la vigencia "
                "2022 dentro del plazo del Acuerdo CNSC 6176 de 2018."
            ),
            accion_mejora=(
                "Socializar el calendario de evaluación del desempeño y hacer seguimiento quincenal a la "
                "concertación de compromisos."
            ),
            meta_indicador="Compromisos concertados a tiempo / Servidores de carrera",
            plazo_meses=v("12", 12),
            fecha_inicio=ok("01/02/2022", "2022-02-01"),
            fecha_terminacion=ok("01/02/2023", "2023-02-01"),
            dependencia="Dirección de Talento Humano",
            cargo_responsable="Profesional Universitario",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=ABIERTA,
            direccion_tecnica="Secretaría General",
            observaciones="En ejecución.",
        ),
    ),
    firmas=(
        Firma("JULIÁN ANDRÉS MORALES VARGAS", "Director de Talento Humano"),
        Firma("CLAUDIA PATRICIA RINCÓN SOTO", "Secretaria General"),
    ),
    proyecto=None,
)

TAMBORAL = PlanMuestra(
    entidad="ALCALDÍA MUNICIPAL DE TAMBORAL",
    codigo="GEM-FM014",
    version="03",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión Financiera",
    procedimientos=None,
    responsables="Secretario de Hacienda y Tesorera General",
    fecha_suscripcion=corregida("1o. de marzo 2022", "2022-03-01"),
    hallazgos=(
        Hallazgo(
            numero="01",
            descripcion="Las conciliaciones bancarias de las cuentas maestras del SGP no se elaboran mensualmente.",
            accion_mejora=(
                "Elaborar y firmar las conciliaciones bancarias dentro de los diez primeros días de cada mes."
            ),
            meta_indicador="Conciliaciones al día / Cuentas bancarias",
            plazo_meses=v("6 meses", 6),
            fecha_inicio=ok("15/03/2022", "2022-03-15"),
            fecha_terminacion=ok("15/09/2022", "2022-09-15"),
            dependencia="Secretaría de Hacienda",
            cargo_responsable="Tesorera General",
            cumplimiento=v("X", True),
            efectividad=v("X", True),
            estado_accion=v("C", "cerrada"),
            direccion_tecnica=None,
            observaciones="Conciliaciones de marzo a agosto firmadas.",
            extra="100%",
        ),
        Hallazgo(
            numero="02",
            descripcion="Existen partidas conciliatorias con antigüedad superior a 360 días sin depurar.",
            accion_mejora="Depurar las partidas conciliatorias a través del Comité de Sostenibilidad Contable.",
            meta_indicador="Partidas depuradas",
            plazo_meses=v("cuatro (4)", 4),
            fecha_inicio=corregida("1o. de marzo 2022", "2022-03-01"),
            fecha_terminacion=ok("30-07-2022", "2022-07-30"),
            dependencia="Secretaría de Hacienda",
            cargo_responsable="Contador",
            cumplimiento=v("SÍ", True),
            efectividad=v("N/A", None),
            estado_accion=v("En proceso", "abierta"),
            direccion_tecnica=None,
            observaciones="Acta del Comité No. 2 de 2022.",
            extra="60%",
        ),
        Hallazgo(
            numero="03",
            descripcion="El impuesto predial no se liquida con los avalúos catastrales actualizados por el IGAC.",
            accion_mejora="Cargar la resolución de actualización catastral en el sistema de impuestos.",
            meta_indicador="Resolución cargada",
            plazo_meses=v("6", 6),
            fecha_inicio=ok("Sep-21", "2021-09"),
            fecha_terminacion=inferida(None, "2022-03"),
            dependencia="Secretaría de Hacienda",
            cargo_responsable="Profesional de Rentas",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=v("Cerrada", "cerrada"),
            direccion_tecnica=None,
            observaciones=None,
            extra="100%",
        ),
        Hallazgo(
            numero="04",
            descripcion="Las cuentas por pagar constituidas a 31 de diciembre no tienen soporte de la obligación.",
            accion_mejora="Revisar los soportes antes de constituir cuentas por pagar al cierre de la vigencia.",
            meta_indicador="Cuentas por pagar con soporte / Total",
            plazo_meses=v("6", 6),
            fecha_inicio=inferida("31-04-2022", "2022-04-30"),
            fecha_terminacion=ok("30/10/2022", "2022-10-30"),
            dependencia="Secretaría de Hacienda",
            cargo_responsable="Profesional de Presupuesto",
            cumplimiento=NO,
            efectividad=NO,
            estado_accion=v("Abierta-A", "abierta"),
            direccion_tecnica=None,
            observaciones="La fecha inicial quedó mal digitada en el plan suscrito.",
            extra="40%",
        ),
        Hallazgo(
            numero="05",
            descripcion="No se publican en la página web los estados financieros trimestrales.",
            accion_mejora="Publicar los estados financieros dentro del mes siguiente al corte trimestral.",
            meta_indicador="Publicaciones trimestrales",
            plazo_meses=BLANCO,
            fecha_inicio=ok("15/05/2022", "2022-05-15"),
            fecha_terminacion=ok("15/03/2022", "2022-03-15"),
            dependencia="Secretaría de Hacienda",
            cargo_responsable="Contador",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=ABIERTA,
            direccion_tecnica=None,
            observaciones=None,
            cruzados=("fechas_invertidas",),
            extra="0%",
        ),
        Hallazgo(
            numero="06",
            descripcion="El Marco Fiscal de Mediano Plazo no incluye el análisis de los pasivos contingentes.",
            accion_mejora="Incluir el cálculo de pasivos contingentes con la Oficina Jurídica.",
            meta_indicador="MFMP con pasivos contingentes",
            plazo_meses=desconocido("Permanente"),
            fecha_inicio=vacia(),
            fecha_terminacion=vacia(),
            dependencia="Secretaría de Hacienda",
            cargo_responsable="Secretario de Hacienda",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=v("A", "abierta"),
            direccion_tecnica=None,
            observaciones=None,
            extra=None,
        ),
        Hallazgo(
            numero="07",
            descripcion="Los avances de caja menor no se legalizan dentro del mes en que se entregan.",
            accion_mejora="Expedir circular con el procedimiento y plazos de legalización de caja menor.",
            meta_indicador="Circular expedida",
            plazo_meses=v("3", 3),
            fecha_inicio=ok("01/02/2022", "2022-02-01"),
            fecha_terminacion=ok("30/06/2022", "2022-06-30"),
            dependencia="Secretaría General",
            cargo_responsable="Almacenista",
            cumplimiento=NO,
            efectividad=NO,
            estado_accion=v("Abierta-A", "abierta"),
            direccion_tecnica=None,
            observaciones="Circular en revisión jurídica.",
            cruzados=("plazo_inconsistente",),
            extra="50%",
        ),
        Hallazgo(
            numero="08",
            descripcion="El inventario de bienes muebles no está conciliado con contabilidad.",
            accion_mejora="Realizar la toma física de inventarios y conciliar con los saldos contables.",
            meta_indicador="Inventario conciliado",
            plazo_meses=BLANCO,
            fecha_inicio=invalida("15/13/2022"),
            fecha_terminacion=ok("31/12/2022", "2022-12-31"),
            dependencia="Secretaría General",
            cargo_responsable="Almacenista",
            cumplimiento=desconocido("Ver anexo 3"),
            efectividad=BLANCO,
            estado_accion=v("Cerrada", "cerrada"),
            direccion_tecnica=None,
            observaciones="Toma física realizada en diciembre.",
            extra="100%",
        ),
    ),
    firmas=(
        Firma("JORGE ELIÉCER PABÓN RÍOS", "Secretario de Hacienda"),
        Firma("DIANA MARCELA QUINTERO LOZANO", "Tesorera General"),
    ),
    proyecto="María Fernanda Ortiz Rueda – Contratista Oficina de Control Interno",
)


def _contrato(
    numero: str,
    descripcion: str,
    accion: str,
    meta: str,
    plazo: int,
    inicio: tuple[str, str],
    fin: tuple[str, str],
    cargo: str,
    estado: tuple[str, str],
    obs: str,
) -> Hallazgo:
    cerrada = estado[1] == "cerrada"
    return Hallazgo(
        numero=numero,
        descripcion=descripcion,
        accion_mejora=accion,
        meta_indicador=meta,
        plazo_meses=v(str(plazo), plazo),
        fecha_inicio=ok(*inicio),
        fecha_terminacion=ok(*fin),
        dependencia="Oficina Asesora Jurídica",
        cargo_responsable=cargo,
        cumplimiento=SI if cerrada else BLANCO,
        efectividad=SI if cerrada else BLANCO,
        estado_accion=v(*estado),
        direccion_tecnica="Secretaría General",
        observaciones=obs,
    )


SANTA_ROSA = PlanMuestra(
    entidad="ALCALDÍA DE SANTA ROSA DEL NARE",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión Jurídica y Contractual",
    procedimientos="GJC-PR002 - Contratación directa; GJC-PR004 - Supervisión e interventoría",
    responsables="Jefe Oficina Asesora Jurídica",
    fecha_suscripcion=ok("30-06-2021", "2021-06-30"),
    hallazgos=(
        _contrato(
            "1",
            "En 9 de 25 contratos de prestación de servicios revisados no se publicaron en el SECOP II los "
            "documentos del proceso dentro de los tres días siguientes a su expedición, como lo exige el "
            "artículo 2.2.1.1.1.7.1 del Decreto 1082 de 2015.",
            "Designar un responsable de publicación en el SECOP II y verificar semanalmente la publicación "
            "oportuna de los documentos de cada proceso mediante lista de chequeo.",
            "Contratos publicados a tiempo / Contratos suscritos",
            6,
            ("01/07/2021", "2021-07-01"),
            ("31/01/2022", "2022-01-31"),
            "Profesional Universitario de Contratación",
            ("Cerrada-C", "cerrada"),
            "Se verificaron 48 contratos del segundo semestre con publicación oportuna.",
        ),
        _contrato(
            "2",
            "Los informes de supervisión de los contratos de obra 045 y 051 de 2020 no registran el avance "
            "físico y financiero ni se soportan con registro fotográfico, por lo que no es posible verificar "
            "el cumplimiento del objeto contractual en cada pago.",
            "Adoptar un formato único de informe de supervisión con avance físico, avance financiero y "
            "registro fotográfico, y capacitar a los supervisores designados en su diligenciamiento.",
            "Supervisores capacitados / Supervisores designados",
            3,
            ("jun-21", "2021-06"),
            ("sep-21", "2021-09"),
            "Jefe Oficina Asesora Jurídica",
            ("Cerrada-C", "cerrada"),
            "Formato único de supervisión adoptado por Resolución 311 de 2021.",
        ),
        _contrato(
            "3",
            "Las pólizas de cumplimiento de cuatro contratos de suministro se aprobaron después del inicio de "
            "la ejecución, dejando sin cobertura el riesgo de incumplimiento durante ese lapso.",
            "Incluir en la lista de chequeo del acta de inicio la verificación de la aprobación de garantías "
            "y no suscribir actas de inicio sin ella.",
            "Actas de inicio con garantía aprobada / Actas de inicio",
            6,
            ("01/07/2021", "2021-07-01"),
            ("31/01/2022", "2022-01-31"),
            "Profesional Universitario de Contratación",
            ("Abierta-A", "abierta"),
            "Se encontró un acta de inicio del mes de noviembre sin aprobación de póliza.",
        ),
        _contrato(
            "4",
            "No se realizó la liquidación de 12 contratos terminados en la vigencia 2019 dentro del término "
            "legal, con riesgo de pérdida de competencia para liquidar.",
            "Elaborar un cronograma de liquidación de contratos terminados y reportar su avance mensualmente "
            "al Comité de Contratación.",
            "Contratos liquidados / Contratos terminados pendientes",
            9,
            ("01/07/2021", "2021-07-01"),
            ("30/04/2022", "2022-04-30"),
            "Abogado Contratista",
            ("Abierta-A", "abierta"),
            "Se han liquidado 8 de los 12 contratos; los restantes tienen diferencias con el contratista.",
        ),
        _contrato(
            "5",
            "El manual de contratación no se ha actualizado con las modificaciones de la Ley 2195 de 2022 y "
            "los documentos tipo de Colombia Compra Eficiente.",
            "Actualizar el manual de contratación y socializarlo con supervisores y ordenadores del gasto.",
            "Manual actualizado y socializado",
            4,
            ("01/08/2021", "2021-08-01"),
            ("30/12/2021", "2021-12-30"),
            "Jefe Oficina Asesora Jurídica",
            ("Cerrada-C", "cerrada"),
            "Manual adoptado por Decreto 112 de 2021.",
        ),
    ),
    firmas=(
        Firma("ANDRÉS FELIPE GALVIS DUQUE", "Jefe Oficina Asesora Jurídica"),
        Firma("SANDRA MILENA OSPINA CARDONA", "Jefe Oficina de Control Interno"),
    ),
    proyecto="Andrés Camilo Beltrán – Abogado contratista",
)


def _d(anio: int, mes: int, dia: int) -> dt.date:
    return dt.date(anio, mes, dia)


_MESES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def _mes(anio: int, mes: int) -> tuple[dt.date, str, str]:
    return _d(anio, mes, 1), "mmm-yy", f"{_MESES[mes - 1]}-{anio % 100:02d}"


def _dia(anio: int, mes: int, dia: int) -> tuple[dt.date, str, str]:
    return _d(anio, mes, dia), "dd/mm/yyyy", f"{dia:02d}/{mes:02d}/{anio}"


def _obra(
    numero: str,
    descripcion: str,
    accion: str,
    meta: str,
    plazo: int,
    inicio: tuple[dt.date, str, str],
    fin: tuple[dt.date, str, str],
    dependencia: str,
    cargo: str,
    cumple: bool | None,
    obs: str | None,
) -> Hallazgo:
    return Hallazgo(
        numero=numero,
        descripcion=descripcion,
        accion_mejora=accion,
        meta_indicador=meta,
        plazo_meses=v(str(plazo), plazo),
        fecha_inicio=excel(*inicio),
        fecha_terminacion=excel(*fin),
        dependencia=dependencia,
        cargo_responsable=cargo,
        cumplimiento=BLANCO if cumple is None else (SI if cumple else NO),
        efectividad=BLANCO if cumple is None else (SI if cumple else NO),
        estado_accion=ABIERTA if cumple is None else (CERRADA if cumple else ABIERTA),
        direccion_tecnica="Secretaría de Infraestructura",
        observaciones=obs,
    )


_OBRAS = "Secretaría de Obras Públicas"
PUERTO_CAMELIAS = PlanMuestra(
    entidad="ALCALDÍA DE PUERTO CAMELIAS",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión de Infraestructura y Obras Públicas",
    procedimientos="GIO-PR001 - Ejecución de obras públicas",
    responsables="Secretario de Obras Públicas",
    fecha_suscripcion=ok("20/01/2022", "2022-01-20"),
    hallazgos=(
        _obra(
            "1",
            "Las bitácoras de obra del contrato 087 de 2021 no registran las visitas del interventor.",
            "Exigir al interventor el registro diario en la bitácora y revisarla en cada comité de obra.",
            "Comités con bitácora revisada / Comités realizados",
            6,
            _dia(2022, 1, 24),
            _mes(2022, 7),
            _OBRAS,
            "Ingeniero Supervisor",
            True,
            "Bitácoras revisadas en 6 comités.",
        ),
        _obra(
            "2",
            "Se pagaron mayores cantidades de obra sin acta de modificación aprobada.",
            "Aprobar en comité toda mayor cantidad de obra antes de su ejecución y pago.",
            "Mayores cantidades aprobadas / Mayores cantidades pagadas",
            4,
            _mes(2022, 2),
            _mes(2022, 6),
            _OBRAS,
            "Secretario de Obras Públicas",
            True,
            None,
        ),
        Hallazgo(
            numero="3",
            descripcion="Las actas de recibo final no tienen el visto bueno del interventor.",
            accion_mejora="Incluir la firma del interventor como requisito del acta de recibo final.",
            meta_indicador="Actas con visto bueno / Actas de recibo final",
            plazo_meses=v("2", 2),
            fecha_inicio=excel(*_dia(2022, 1, 15)),
            fecha_terminacion=ok("15 de marzo de 2022", "2022-03-15"),
            dependencia=_OBRAS,
            cargo_responsable="Ingeniero Supervisor",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=CERRADA,
            direccion_tecnica="Secretaría de Infraestructura",
            observaciones="Requisito incluido en la lista de chequeo.",
        ),
        _obra(
            "4",
            "No se publicaron en el SECOP II los informes de interventoría de tres contratos de vías.",
            "Verificar mensualmente la publicación de informes de interventoría en el SECOP II.",
            "Informes publicados / Informes recibidos",
            6,
            _mes(2022, 2),
            _mes(2022, 8),
            _OBRAS,
            "Técnico Administrativo",
            True,
            None,
        ),
        _obra(
            "5",
            "El inventario de maquinaria amarilla no tiene hojas de vida ni registros de mantenimiento.",
            "Elaborar la hoja de vida de cada máquina y el plan anual de mantenimiento preventivo.",
            "Máquinas con hoja de vida / Máquinas del parque automotor",
            5,
            _dia(2022, 2, 1),
            _dia(2022, 7, 29),
            "Almacén Municipal",
            "Almacenista General",
            False,
            "Falta la hoja de vida de la motoniveladora.",
        ),
        _obra(
            "6",
            "Los estudios previos de la pavimentación de la vía a La Esperanza no tienen análisis de precios.",
            "Incluir el análisis de precios unitarios en los estudios previos de todo contrato de obra.",
            "Estudios previos con APU / Contratos de obra",
            3,
            _mes(2022, 3),
            _mes(2022, 6),
            "Oficina de Planeación",
            "Profesional de Proyectos",
            True,
            None,
        ),
        _obra(
            "7",
            "No existe registro de la disposición final de escombros en la obra del parque principal.",
            "Exigir al contratista los certificados de disposición en escombrera autorizada.",
            "Certificados de disposición recibidos",
            2,
            _mes(2022, 3),
            _mes(2022, 5),
            _OBRAS,
            "Ingeniero Supervisor",
            True,
            None,
        ),
        _obra(
            "8",
            "La póliza de estabilidad de la obra del polideportivo venció sin que se exigiera su ampliación.",
            "Llevar un control de vencimiento de pólizas de estabilidad y requerir su ampliación a tiempo.",
            "Pólizas vigentes / Obras entregadas",
            6,
            _dia(2022, 4, 4),
            _dia(2022, 10, 4),
            "Oficina Asesora Jurídica",
            "Abogado de Contratación",
            None,
            None,
        ),
        _obra(
            "9",
            "Las cantidades del acta parcial 3 del acueducto veredal no coinciden con las memorias de cálculo.",
            "Revisar las memorias de cálculo contra las cantidades antes de aprobar cada acta parcial.",
            "Actas parciales revisadas / Actas parciales",
            6,
            _mes(2022, 4),
            _mes(2022, 10),
            "Empresa de Servicios Públicos",
            "Gerente",
            None,
            "En seguimiento.",
        ),
        _obra(
            "10",
            "No se tramitaron las licencias de intervención del espacio público para las obras de andenes.",
            "Solicitar la licencia de intervención del espacio público antes de iniciar obras en andenes.",
            "Licencias tramitadas / Obras en espacio público",
            4,
            _mes(2022, 5),
            _mes(2022, 9),
            "Oficina de Planeación",
            "Profesional de Ordenamiento Territorial",
            False,
            "Dos obras iniciaron sin licencia.",
        ),
        _obra(
            "11",
            "El banco de proyectos no registra la viabilidad de los proyectos de vías terciarias.",
            "Registrar y viabilizar en el banco de proyectos todo proyecto antes de su contratación.",
            "Proyectos viabilizados / Proyectos contratados",
            6,
            _dia(2022, 5, 2),
            _dia(2022, 11, 30),
            "Oficina de Planeación",
            "Profesional de Proyectos",
            None,
            None,
        ),
        _obra(
            "12",
            "Los predios de la ampliación de la vía al aeropuerto no tienen saneamiento jurídico.",
            "Adelantar el estudio de títulos y el saneamiento de los predios requeridos.",
            "Predios saneados / Predios requeridos",
            12,
            _mes(2022, 6),
            _mes(2023, 6),
            "Oficina Asesora Jurídica",
            "Jefe Oficina Asesora Jurídica",
            None,
            None,
        ),
    ),
    firmas=(
        Firma("ING. HERNÁN DARÍO CASTAÑO RUIZ", "Secretario de Obras Públicas"),
        Firma("PAOLA ANDREA MURILLO BETANCUR", "Jefe de Control Interno"),
    ),
    proyecto="Luis Alberto Prada – Profesional de Control Interno",
)

SABANA_ALTA = PlanMuestra(
    entidad="GOBERNACIÓN DE LA SABANA ALTA",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión Documental",
    procedimientos="GDO-PR005 - Transferencias documentales",
    responsables=None,
    fecha_suscripcion=corregida("21sept-21", "2021-09-21"),
    hallazgos=(
        Hallazgo(
            numero="2.1",
            descripcion=(
                "Las tablas de retención documental no están convalidadas por el Consejo Departamental de Archivos."
            ),
            accion_mejora="Presentar las TRD actualizadas al Consejo Departamental de Archivos.",
            meta_indicador="TRD convalidadas",
            plazo_meses=v("6", 6),
            fecha_inicio=ok("oct-21", "2021-10"),
            fecha_terminacion=ok("abr-22", "2022-04"),
            dependencia="Archivo General",
            cargo_responsable="Profesional de Gestión Documental",
            cumplimiento=v("Sí", True),
            efectividad=v("Sí", True),
            estado_accion=v("Cerrada-C", "cerrada"),
            direccion_tecnica="Secretaría Administrativa",
            observaciones="Convalidadas mediante acta 05 de 2022.",
        ),
        Hallazgo(
            numero="2.2",
            descripcion="No se realizan transferencias primarias según el cronograma anual.",
            accion_mejora="Publicar y hacer cumplir el cronograma anual de transferencias primarias.",
            meta_indicador="Transferencias realizadas / Programadas",
            plazo_meses=v("4", 4),
            fecha_inicio=inferida("004-21", "2021-10"),
            fecha_terminacion=ok("feb-22", "2022-02"),
            dependencia="Archivo General",
            cargo_responsable="Técnico de Archivo",
            cumplimiento=v("No", False),
            efectividad=v("No", False),
            estado_accion=v("A", "abierta"),
            direccion_tecnica="Secretaría Administrativa",
            observaciones=None,
        ),
        Hallazgo(
            numero="3.1",
            descripcion="El archivo central presenta humedad y no cuenta con control de temperatura.",
            accion_mejora="Instalar deshumidificadores y termohigrómetros en el depósito del archivo central.",
            meta_indicador="Equipos instalados",
            plazo_meses=v("3", 3),
            fecha_inicio=ok("01/11/2021", "2021-11-01"),
            fecha_terminacion=ok("01/02/2022", "2022-02-01"),
            dependencia="Secretaría Administrativa",
            cargo_responsable="Profesional de Recursos Físicos",
            cumplimiento=v("SI", True),
            efectividad=v("NO", False),
            estado_accion=v("C", "cerrada"),
            direccion_tecnica="Secretaría Administrativa",
            observaciones="La humedad persiste en el depósito 2.",
        ),
        Hallazgo(
            numero="3.1",
            descripcion="El archivo central presenta humedad y no cuenta con control de temperatura.",
            accion_mejora="Gestionar el traslado del depósito 2 a un espacio que cumpla el Acuerdo 049 de 2000.",
            meta_indicador="Depósito trasladado",
            plazo_meses=v("12", 12),
            fecha_inicio=ok("01/02/2022", "2022-02-01"),
            fecha_terminacion=ok("28/02/2023", "2023-02-28"),
            dependencia="Secretaría Administrativa",
            cargo_responsable="Secretario Administrativo",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=v("En proceso", "abierta"),
            direccion_tecnica="Secretaría Administrativa",
            observaciones=None,
            sigue_al_anterior=True,
        ),
        Hallazgo(
            numero="3.2",
            descripcion="Los expedientes de contratos no tienen hoja de control ni están foliados.",
            accion_mejora="Foliar y elaborar la hoja de control de los expedientes contractuales de 2021.",
            meta_indicador="Expedientes foliados / Expedientes de 2021",
            plazo_meses=v("5", 5),
            fecha_inicio=ok("01/12/2021", "2021-12-01"),
            fecha_terminacion=inferida(None, "2022-05-01"),
            dependencia="Secretaría Jurídica",
            cargo_responsable="Técnico de Archivo",
            cumplimiento=v("X", True),
            efectividad=BLANCO,
            estado_accion=v("Cerrada-C", "cerrada"),
            direccion_tecnica="Secretaría Administrativa",
            observaciones=None,
        ),
        Hallazgo(
            numero="4.1",
            descripcion="No existe el Sistema Integrado de Conservación aprobado.",
            accion_mejora="Formular el plan de conservación documental y presentarlo al Comité de Gestión y Desempeño.",
            meta_indicador="SIC aprobado",
            plazo_meses=v("6", 6),
            fecha_inicio=ok("ene-22", "2022-01"),
            fecha_terminacion=ok("jul-22", "2022-07"),
            dependencia="Archivo General",
            cargo_responsable="Profesional de Gestión Documental",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=v("ABIERTA", "abierta"),
            direccion_tecnica="Secretaría Administrativa",
            observaciones=None,
        ),
    ),
    firmas=(
        Firma("MARTHA LUCÍA PEÑA ARANGO", "Secretaria Administrativa"),
        Firma("OSCAR IVÁN TORRES MEJÍA", "Jefe Oficina de Control Interno de Gestión"),
    ),
    proyecto="Yesenia Cárdenas – Técnico Administrativo",
)


def _sj(
    numero: str,
    descripcion: str,
    accion: str,
    plazo: int,
    inicio: tuple[dt.date, str, str],
    fin: tuple[dt.date, str, str],
    dependencia: str,
    cargo: str,
    cerrada: bool,
) -> Hallazgo:
    return Hallazgo(
        numero=numero,
        descripcion=descripcion,
        accion_mejora=accion,
        meta_indicador="Acción cumplida",
        plazo_meses=v(str(plazo), plazo),
        fecha_inicio=excel(*inicio),
        fecha_terminacion=excel(*fin),
        dependencia=dependencia,
        cargo_responsable=cargo,
        cumplimiento=SI if cerrada else NO,
        efectividad=SI if cerrada else BLANCO,
        estado_accion=CERRADA if cerrada else ABIERTA,
        direccion_tecnica="Secretaría de Gobierno",
        observaciones=None,
    )


def _san_jacinto(
    proceso: str,
    responsables: str,
    suscripcion: tuple[dt.date, str, str],
    hallazgos: tuple[Hallazgo, ...],
    firma: Firma,
) -> PlanMuestra:
    return PlanMuestra(
        entidad="ALCALDÍA MUNICIPAL DE SAN JACINTO DEL CAUCA",
        codigo="GEM-FM014",
        version="02",
        fecha_formato=ok("09/07/2021", "2021-07-09"),
        proceso_auditado=proceso,
        procedimientos=None,
        responsables=responsables,
        fecha_suscripcion=excel(*suscripcion),
        hallazgos=hallazgos,
        firmas=(firma, Firma("RAÚL ERNESTO GÓMEZ PINTO", "Jefe de Control Interno")),
        proyecto=None,
    )


SAN_JACINTO = (
    _san_jacinto(
        "Gestión Financiera",
        "Secretaria de Hacienda",
        _dia(2023, 2, 10),
        (
            _sj(
                "1",
                "El recaudo de industria y comercio no se concilia con la información de bancos.",
                "Conciliar mensualmente el recaudo de ICA con los extractos bancarios.",
                6,
                _mes(2023, 3),
                _mes(2023, 9),
                "Secretaría de Hacienda",
                "Profesional de Rentas",
                True,
            ),
            _sj(
                "2",
                "No se adelanta el cobro coactivo de la cartera de predial mayor a tres años.",
                "Expedir mandamientos de pago de la cartera de predial de las vigencias 2018 a 2020.",
                9,
                _dia(2023, 3, 1),
                _dia(2023, 12, 29),
                "Secretaría de Hacienda",
                "Abogado de Cobro Coactivo",
                False,
            ),
        ),
        Firma("LINA MARÍA ZAPATA ORTIZ", "Secretaria de Hacienda"),
    ),
    _san_jacinto(
        "Gestión Contractual",
        "Jefe Oficina Jurídica",
        _dia(2023, 2, 17),
        (
            _sj(
                "1",
                "Los estudios de mercado no tienen al menos tres cotizaciones.",
                "Exigir tres cotizaciones o análisis del sector en todo estudio de mercado.",
                4,
                _mes(2023, 3),
                _mes(2023, 7),
                "Oficina Jurídica",
                "Abogado de Contratación",
                True,
            ),
            _sj(
                "2",
                "Los contratos de apoyo a la gestión no tienen certificado de idoneidad.",
                "Incluir el certificado de idoneidad en la lista de chequeo precontractual.",
                3,
                _mes(2023, 3),
                _mes(2023, 6),
                "Oficina Jurídica",
                "Jefe Oficina Jurídica",
                True,
            ),
            _sj(
                "3",
                "No se publican los contratos en el SIA Observa dentro del plazo.",
                "Asignar un responsable del reporte en SIA Observa y verificarlo cada semana.",
                9,
                _dia(2023, 4, 3),
                _dia(2024, 1, 3),
                "Oficina Jurídica",
                "Técnico Administrativo",
                False,
            ),
        ),
        Firma("FABIO NELSON RIVAS LEMOS", "Jefe Oficina Jurídica"),
    ),
    _san_jacinto(
        "Gestión del Talento Humano",
        "Secretario de Gobierno",
        _dia(2023, 3, 2),
        (
            _sj(
                "1",
                "El plan anual de vacantes no se reportó al DAFP.",
                "Reportar el plan anual de vacantes antes del 31 de enero de cada año.",
                11,
                _mes(2023, 3),
                _mes(2024, 2),
                "Secretaría de Gobierno",
                "Profesional de Talento Humano",
                False,
            ),
            _sj(
                "2",
                "No se realizaron los exámenes médicos ocupacionales de ingreso.",
                "Contratar la realización de exámenes médicos ocupacionales de ingreso y periódicos.",
                5,
                _mes(2023, 4),
                _mes(2023, 9),
                "Secretaría de Gobierno",
                "Responsable SG-SST",
                True,
            ),
        ),
        Firma("EDWIN ARLEY CASTRO MENA", "Secretario de Gobierno"),
    ),
)
