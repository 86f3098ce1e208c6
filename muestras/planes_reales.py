"""Plans written the ways real copies come: numbered `H-01` or `Hallazgo No. 3`, with the state words
offices use (`CERRADA NO EFICAZ`, `En término`, `Vencida`, `Cumple`), on Word's legacy form fields, or
in a workbook a program wrote with formulas and no stored results.

Each value is typed as the office wrote it and, beside it, normalized by hand (see `oraculo.py`).
Entities are invented.
"""

from __future__ import annotations

import datetime as dt

from oraculo import BLANCO, Fecha, Firma, Hallazgo, PlanMuestra, excel, inferida, ok, v

CERRADA_EFICAZ = v("CERRADA EFICAZ", "cerrada")
CERRADA_NO_EFICAZ = v("CERRADA NO EFICAZ", "cerrada")
EN_TERMINO = v("En término", "abierta")
VENCIDA = v("Vencida", "abierta")
CUMPLE, NO_CUMPLE = v("Cumple", True), v("No cumple", False)
SELECCIONE = v("Seleccione", None)
SI, NO = v("Sí", True), v("No", False)

RIO_CLARO = PlanMuestra(
    entidad="ALCALDÍA MUNICIPAL DE RÍO CLARO",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión Jurídica",
    procedimientos="GJU-PR002 - Defensa judicial",
    responsables="Jefe de la Oficina Asesora Jurídica",
    fecha_suscripcion=ok("15/02/2023", "2023-02-15"),
    hallazgos=(
        Hallazgo(
            numero="01",
            descripcion=(
                "Las fichas de conciliación de 9 de los 25 procesos revisados no fueron presentadas al Comité "
                "de Conciliación dentro del término legal."
            ),
            accion_mejora="Llevar un calendario de audiencias con alertas quincenales para el Comité de Conciliación.",
            meta_indicador="Fichas presentadas a tiempo / Fichas requeridas",
            plazo_meses=v("6", 6),
            fecha_inicio=ok("01/03/2023", "2023-03-01"),
            fecha_terminacion=ok("30/09/2023", "2023-09-30"),
            dependencia="Oficina Asesora Jurídica",
            cargo_responsable="Profesional Especializado",
            cumplimiento=CUMPLE,
            efectividad=SI,
            estado_accion=CERRADA_EFICAZ,
            direccion_tecnica="Secretaría General",
            observaciones="Calendario en uso desde marzo.",
        ),
        Hallazgo(
            numero="02",
            descripcion="El sistema eKOGUI no está actualizado con las actuaciones de 14 procesos activos.",
            accion_mejora="Actualizar mensualmente las actuaciones de cada proceso en eKOGUI.",
            meta_indicador="Procesos actualizados / Procesos activos",
            plazo_meses=v("4", 4),
            fecha_inicio=ok("01/03/2023", "2023-03-01"),
            fecha_terminacion=ok("31/07/2023", "2023-07-31"),
            dependencia="Oficina Asesora Jurídica",
            cargo_responsable="Técnico Administrativo",
            cumplimiento=NO_CUMPLE,
            efectividad=NO,
            estado_accion=CERRADA_NO_EFICAZ,
            direccion_tecnica="Secretaría General",
            observaciones="Se cerró sin lograr la actualización completa; se formula una nueva acción.",
        ),
        Hallazgo(
            numero="3",
            descripcion="No se evidenció la política de prevención del daño antijurídico para la vigencia 2022.",
            accion_mejora="Formular y aprobar la política de prevención del daño antijurídico 2023-2024.",
            meta_indicador="Política aprobada",
            plazo_meses=v("12", 12),
            fecha_inicio=ok("01/04/2023", "2023-04-01"),
            fecha_terminacion=ok("30/04/2024", "2024-04-30"),
            dependencia="Comité de Conciliación",
            cargo_responsable="Jefe de la Oficina Asesora Jurídica",
            cumplimiento=SELECCIONE,
            efectividad=SELECCIONE,
            estado_accion=EN_TERMINO,
            direccion_tecnica="Secretaría General",
            observaciones=None,
        ),
        Hallazgo(
            numero="4",
            descripcion="Los poderes otorgados a los apoderados externos no reposan en los expedientes.",
            accion_mejora="Digitalizar y archivar en cada expediente los poderes vigentes.",
            meta_indicador="Expedientes con poder / Expedientes con apoderado externo",
            plazo_meses=v("3", 3),
            fecha_inicio=ok("01/02/2023", "2023-02-01"),
            fecha_terminacion=ok("31/05/2023", "2023-05-31"),
            dependencia="Oficina Asesora Jurídica",
            cargo_responsable="Auxiliar Administrativo",
            cumplimiento=NO_CUMPLE,
            efectividad=v("Sí ☐ No ☒", False),
            estado_accion=VENCIDA,
            direccion_tecnica="Secretaría General",
            observaciones="Faltan 6 expedientes.",
        ),
    ),
    firmas=(
        Firma("MARÍA FERNANDA OSPINA ROJAS", "Jefe Oficina Asesora Jurídica"),
        Firma("JORGE ELIÉCER PATIÑO CANO", "Jefe de Control Interno"),
    ),
    proyecto="Diana Ruiz – Contratista Oficina Jurídica",
)
RIO_CLARO_NUMEROS = ("H-01", "H-02", "Hallazgo No. 3", "Hallazgo No. 4")
"""How the office wrote each finding's number in `RIO_CLARO` (the plan holds the number itself)."""


def _dia(fecha: dt.date) -> str:
    return fecha.strftime("%d/%m/%Y")


def _excel_dia(fecha: dt.date) -> Fecha:
    return excel(fecha, "dd/mm/yyyy", _dia(fecha))


LA_ESPERANZA = PlanMuestra(
    entidad="ALCALDÍA MUNICIPAL DE LA ESPERANZA",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión de Tecnologías de la Información",
    procedimientos="GTI-PR004 - Copias de seguridad",
    responsables="Profesional de Sistemas",
    fecha_suscripcion=ok("20/02/2023", "2023-02-20"),
    hallazgos=(
        Hallazgo(
            numero="1",
            descripcion="No hay registro de las pruebas de restauración de las copias de seguridad.",
            accion_mejora="Hacer y registrar una prueba de restauración cada trimestre.",
            meta_indicador="Pruebas registradas / Pruebas programadas",
            plazo_meses=v("6", 6),
            fecha_inicio=_excel_dia(dt.date(2023, 3, 1)),
            fecha_terminacion=_excel_dia(dt.date(2023, 9, 1)),
            dependencia="Oficina de Sistemas",
            cargo_responsable="Profesional de Sistemas",
            cumplimiento=CUMPLE,
            efectividad=SI,
            estado_accion=v("Cerrada", "cerrada"),
            direccion_tecnica="Secretaría General",
            observaciones="Dos pruebas hechas.",
        ),
        Hallazgo(
            numero="2",
            descripcion="Doce equipos tienen el antivirus sin licencia vigente.",
            accion_mejora="Renovar las licencias de antivirus y llevar su inventario.",
            meta_indicador="Equipos con licencia / Equipos",
            plazo_meses=v("3", 3),
            fecha_inicio=_excel_dia(dt.date(2023, 3, 15)),
            fecha_terminacion=_excel_dia(dt.date(2023, 6, 15)),
            dependencia="Oficina de Sistemas",
            cargo_responsable="Técnico de Sistemas",
            cumplimiento=NO_CUMPLE,
            efectividad=BLANCO,
            estado_accion=CERRADA_NO_EFICAZ,
            direccion_tecnica="Secretaría General",
            observaciones=None,
        ),
        Hallazgo(
            numero="3",
            descripcion="El plan de contingencia tecnológico no se ha actualizado desde 2019.",
            accion_mejora="Actualizar el plan de contingencia y socializarlo.",
            meta_indicador="Plan actualizado",
            plazo_meses=v("4", 4),
            fecha_inicio=_excel_dia(dt.date(2023, 4, 3)),
            fecha_terminacion=inferida(None, "2023-08-03"),
            dependencia="Oficina de Sistemas",
            cargo_responsable="Profesional de Sistemas",
            cumplimiento=BLANCO,
            efectividad=BLANCO,
            estado_accion=EN_TERMINO,
            direccion_tecnica="Secretaría General",
            observaciones=None,
        ),
        Hallazgo(
            numero="4",
            descripcion="Las cuentas de usuario de cinco contratistas retirados siguen activas.",
            accion_mejora="Desactivar las cuentas el día del retiro, con lista de chequeo firmada.",
            meta_indicador="Cuentas desactivadas a tiempo / Retiros",
            plazo_meses=v("2", 2),
            fecha_inicio=_excel_dia(dt.date(2023, 3, 1)),
            fecha_terminacion=_excel_dia(dt.date(2023, 5, 1)),
            dependencia="Oficina de Sistemas",
            cargo_responsable="Técnico de Sistemas",
            cumplimiento=NO_CUMPLE,
            efectividad=BLANCO,
            estado_accion=VENCIDA,
            direccion_tecnica="Secretaría General",
            observaciones=None,
        ),
    ),
    firmas=(Firma("LUIS ALBERTO MORA PEÑA", "Secretario General"),),
    proyecto="Camilo Rincón – Profesional de Sistemas",
)
"""Written by a program: numbers 2-4 are `=B11+1`, end dates `=EDATE(inicio, plazo)`, one start
`=DATE(2023,4,3)`, one state `=IF(…)`, and the third end date `=TODAY()+120`, which has no value
to compute (it depends on the day it is read) and is inferred from start and plazo."""


SAN_PEDRO = PlanMuestra(
    entidad="EMPRESA DE SERVICIOS PÚBLICOS DE SAN PEDRO E.S.P.",
    codigo="GEM-FM014",
    version="02",
    fecha_formato=ok("09/07/2021", "2021-07-09"),
    proceso_auditado="Gestión Comercial",
    procedimientos="GCO-PR001 - Facturación",
    responsables="Jefe de Facturación",
    fecha_suscripcion=ok("03/03/2023", "2023-03-03"),
    hallazgos=(
        Hallazgo(
            numero="1",
            descripcion="Se facturaron 38 suscriptores con lectura estimada durante tres periodos seguidos.",
            accion_mejora="Revisar cada mes los suscriptores con lectura estimada y programar su visita.",
            meta_indicador="Suscriptores visitados / Suscriptores con lectura estimada",
            plazo_meses=v("6", 6),
            fecha_inicio=ok("01/04/2023", "2023-04-01"),
            fecha_terminacion=ok("31/10/2023", "2023-10-31"),
            dependencia="Área Comercial",
            cargo_responsable="Jefe de Facturación",
            cumplimiento=SI,
            efectividad=SI,
            estado_accion=v("Cumple", "cerrada"),
            direccion_tecnica="Gerencia",
            observaciones=None,
        ),
        Hallazgo(
            numero="2",
            descripcion="Las peticiones por facturación no se respondieron dentro de los 15 días hábiles.",
            accion_mejora="Asignar un responsable de PQR por turno y hacer seguimiento semanal de términos.",
            meta_indicador="PQR respondidas a tiempo / PQR recibidas",
            plazo_meses=v("3", 3),
            fecha_inicio=ok("01/04/2023", "2023-04-01"),
            fecha_terminacion=ok("31/07/2023", "2023-07-31"),
            dependencia="Área Comercial",
            cargo_responsable="Profesional de Atención al Usuario",
            cumplimiento=NO,
            efectividad=BLANCO,
            estado_accion=v("No cumple", "abierta"),
            direccion_tecnica="Gerencia",
            observaciones="Se reformula en el seguimiento de julio.",
        ),
    ),
    firmas=(Firma("ANDREA CAROLINA SUÁREZ LEÓN", "Gerente"),),
    proyecto="Oficina de Control Interno",
)
SAN_PEDRO_NUMEROS = ("1.", "2.")
INSTRUCTIVO = (
    "INSTRUCTIVO DE DILIGENCIAMIENTO",
    "Proceso Auditado: escriba el nombre del proceso evaluado por la Oficina de Control Interno.",
    "Procedimientos: relacione el código y el nombre de cada procedimiento auditado.",
    "Responsables: indique el cargo de los responsables de ejecutar el plan.",
    "Fecha de Suscripción: diligencie la fecha en que se firma el plan (dd/mm/aaaa).",
    "N° hallazgo: escriba el número del hallazgo tal como aparece en el informe de auditoría.",
    "Estado de la Acción: escriba Cumple o No cumple según el último seguimiento.",
)
"""The instructions block printed above the form in `SAN_PEDRO`: it names the fields, it fills none."""
INSTRUCTIVO_TABLA = (
    ("Código", "Diligencie el código del formato que asigna el Sistema Integrado de Gestión."),
    ("Versión", "Escriba la versión vigente del formato."),
)
