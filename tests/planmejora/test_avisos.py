"""`planmejora avisos`: one reminder per dependencia that owes something, and the mail through a real SMTP server.

The server is aiosmtpd, started by each test on 127.0.0.1: it accepts the mail, asks for a login, and
refuses one address, as an office's server refuses a mistyped one.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from carga.conexion import crear_motor
from carga.esquema import actualizar
from carga.guardar import ArchivoEnDisco, guardar_documento
from planmejora.calidad.modelo import Accion
from planmejora.cli import app
from planmejora.seguimiento import avisos
from planmejora.seguimiento.avisar import avisos_de, nombre_de_archivo
from tests.carga.fabrica import fecha_dia, fecha_mes, hallazgo, plan

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

CORTE = dt.date(2022, 6, 30)
HACIENDA, PLANEACION, TALENTO = "Secretaría de Hacienda", "Secretaría de Planeación", "Talento Humano"
CLAVE = "s3creta-de-prueba"
RECHAZADA = "buzon.inexistente@entidad.gov.co"


def cargar(url_db: str) -> str:
    """Hacienda owes one overdue and one due in 10 days; Talento Humano one due on the last day of the window
    (a month-only date); Planeación one closed and one due far away: it owes nothing."""
    copia = plan("plan.docx", "a" * 64, hallazgos=0)
    copia.hallazgos = [
        hallazgo(1, dependencia=HACIENDA, fecha_terminacion=fecha_dia("2022-05-31"), accion_mejora="Conciliar"),
        hallazgo(2, dependencia=HACIENDA, fecha_terminacion=fecha_dia("2022-07-10"), cargo_responsable="Tesorero"),
        hallazgo(3, dependencia=TALENTO, fecha_terminacion=fecha_mes("jul-22", 2022, 7)),
        hallazgo(4, dependencia=PLANEACION, fecha_terminacion=fecha_dia("2022-03-31"), estado_accion="cerrada"),
        hallazgo(5, dependencia=PLANEACION, fecha_terminacion=fecha_dia("2022-12-31")),
    ]
    motor = crear_motor(url_db)
    actualizar(motor)
    with motor.begin() as conexion:
        guardar_documento(conexion, ArchivoEnDisco("plan.docx", Path("/planes/plan.docx"), 1, 0), [copia], None)
    motor.dispose()
    return url_db


@pytest.fixture
def base(tmp_path: Path) -> str:
    return cargar(f"sqlite:///{tmp_path / 'planes.db'}")


def test_un_aviso_por_dependencia_que_debe_algo_y_ninguno_para_la_que_no(url_db: str, tmp_path: Path) -> None:
    base = cargar(url_db)
    resumen = avisos(base, CORTE, 31, tmp_path / "avisos")
    assert [(a.dependencia, [x.numero for x in a.acciones], a.vencidas) for a in resumen.avisos] == [
        (HACIENDA, ["1", "2"], 1),
        (TALENTO, ["3"], 0),
    ]
    assert sorted(p.name for p in (tmp_path / "avisos").iterdir()) == [
        "secretaria_de_hacienda.html",
        "secretaria_de_hacienda.xlsx",
        "talento_humano.html",
        "talento_humano.xlsx",
    ]
    assert [a.dependencia for a in avisos(base, CORTE, 30, tmp_path / "a30").avisos] == [HACIENDA], "31/07 > 30 days"


def accion(dependencia: str | None, termina: dt.date) -> Accion:
    return Accion("p.docx", "Plan", "1", "Conciliar", dependencia, termina, "dia", "abierta", None, None)


def test_una_dependencia_escrita_de_dos_maneras_recibe_un_solo_aviso() -> None:
    vencida, por_vencer = dt.date(2022, 5, 31), dt.date(2022, 7, 10)
    acciones = [
        accion("Secretaría de Hacienda", vencida),
        accion("SECRETARIA DE HACIENDA.", por_vencer),
        accion("Secretaría de Hacienda", por_vencer),
        accion(None, vencida),
        accion("Archivo", dt.date(2023, 1, 1)),
    ]
    assert [(a.dependencia, len(a.acciones)) for a in avisos_de(acciones, CORTE, 15)] == [
        ("Secretaría de Hacienda", 3),
        ("(sin dependencia)", 1),
    ]
    usados: set[str] = set()
    assert [
        nombre_de_archivo(n, usados) for n in ("Secretaría de Hacienda", "../Hacienda?", "Secretaria de Hacienda")
    ] == [
        "secretaria_de_hacienda",
        "hacienda",
        "secretaria_de_hacienda_2",
    ]


def test_el_aviso_dice_plan_numero_accion_cargo_y_fecha(base: str, tmp_path: Path) -> None:
    avisos(base, CORTE, 15, tmp_path / "avisos")
    hoja = load_workbook(tmp_path / "avisos" / "secretaria_de_hacienda.xlsx")["Acciones"]
    filas = list(hoja.iter_rows(values_only=True))
    titulos = filas[0]
    primera = dict(zip(titulos, filas[1], strict=True))
    assert (primera["Entidad"], primera["N°"], primera["Acción de mejora"]) == ("ALCALDÍA DE CALICA", "1", "Conciliar")
    assert primera["Terminación"] == dt.datetime(2022, 5, 31) and primera["Plazo"] == "Vencida hace 30 día(s)"
    segunda = dict(zip(titulos, filas[2], strict=True))
    assert segunda["Cargo responsable"] == "Tesorero" and segunda["Plazo"] == "Vence en 10 día(s)"
    assert hoja.page_setup.orientation == "landscape" and hoja.print_title_rows == "$1:$1"
    memo = (tmp_path / "avisos" / "secretaria_de_hacienda.html").read_text(encoding="utf-8")
    for texto in (
        "Secretaría de Hacienda",
        "Conciliar",
        "Tesorero",
        "31/05/2022",
        "Vencida hace 30 día(s)",
        "30/06/2022",
    ):
        assert texto in memo


class Buzon:
    """An SMTP server's handler that keeps what it receives and refuses one address."""

    def __init__(self) -> None:
        self.mensajes: list[tuple[list[str], EmailMessage]] = []

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address == RECHAZADA:
            return "550 5.1.1 Buzón inexistente"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        correo = message_from_bytes(envelope.content, policy=policy.default)
        self.mensajes.append((list(envelope.rcpt_tos), correo))  # type: ignore[arg-type]
        return "250 Mensaje aceptado"


def _autenticar(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    correcta = isinstance(auth_data, LoginPassword) and auth_data.password == CLAVE.encode()
    return AuthResult(success=correcta)


def _puerto_libre() -> int:
    with socket.socket() as enchufe:
        enchufe.bind(("127.0.0.1", 0))
        return int(enchufe.getsockname()[1])


@pytest.fixture
def servidor() -> Iterator[tuple[Buzon, int]]:
    buzon = Buzon()
    controlador = Controller(
        buzon,
        hostname="127.0.0.1",
        port=_puerto_libre(),
        authenticator=_autenticar,
        auth_require_tls=False,
        auth_required=True,
    )
    controlador.start()
    try:
        yield buzon, controlador.port
    finally:
        controlador.stop()


def correr(*argumentos: str) -> Result:
    return CliRunner().invoke(app, ["avisos", *argumentos], env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def destinatarios(tmp_path: Path) -> Path:
    ruta = tmp_path / "correos.csv"
    ruta.write_text(
        f"dependencia;correos\nSECRETARIA DE HACIENDA;tesoreria@entidad.gov.co; {RECHAZADA}\n"
        "Secretaría de Planeación;planeacion@entidad.gov.co\n",
        encoding="utf-8",
    )
    return ruta


def test_se_envia_por_smtp_y_una_direccion_rechazada_no_detiene_las_demas(
    base: str, tmp_path: Path, servidor: tuple[Buzon, int], destinatarios: Path
) -> None:
    buzon, puerto = servidor
    url = f"smtp://control%40entidad.gov.co:{CLAVE}@127.0.0.1:{puerto}"
    resultado = correr(
        "--db", base, "--corte", "2022-06-30", "--dias", "31", "--salida", str(tmp_path / "avisos"),
        "--smtp", url, "--destinatarios", str(destinatarios),
    )  # fmt: skip
    salida = resultado.stdout + resultado.stderr
    assert resultado.exit_code == 1, salida
    [(para, correo)] = buzon.mensajes
    assert para == ["tesoreria@entidad.gov.co"]
    assert correo["From"] == "control@entidad.gov.co" and "Secretaría de Hacienda" in correo["Subject"]
    adjunto = next(correo.iter_attachments())
    assert adjunto.get_filename() == "secretaria_de_hacienda.xlsx"
    assert "Conciliar" in correo.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert f"No se envió el aviso de «{HACIENDA}» a {RECHAZADA}" in resultado.stderr and "550" in resultado.stderr
    assert "Enviado a tesoreria@entidad.gov.co" in resultado.stdout
    assert "«Talento Humano» no está en la lista de destinatarios" in resultado.stdout
    assert CLAVE not in salida


def test_simular_dice_que_se_enviaria_sin_conectarse(base: str, tmp_path: Path, destinatarios: Path) -> None:
    url = f"smtp://control:{CLAVE}@127.0.0.1:{_puerto_libre()}?starttls=1"
    resultado = correr(
        "--db", base, "--corte", "2022-06-30", "--dias", "15", "--salida", str(tmp_path / "avisos"),
        "--smtp", url, "--destinatarios", str(destinatarios), "--simular",
    )  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    assert f"Se enviaría a tesoreria@entidad.gov.co, {RECHAZADA}" in resultado.stdout
    assert "smtp://control:***@127.0.0.1" in resultado.stdout and CLAVE not in resultado.stdout
    assert (tmp_path / "avisos" / "secretaria_de_hacienda.xlsx").exists()


def test_un_servidor_que_no_responde_se_dice_sin_la_clave_y_los_avisos_quedan(
    base: str, tmp_path: Path, destinatarios: Path
) -> None:
    url = f"smtp://control:{CLAVE}@127.0.0.1:{_puerto_libre()}"
    resultado = correr(
        "--db", base, "--corte", "2022-06-30", "--dias", "15", "--salida", str(tmp_path / "avisos"),
        "--smtp", url, "--destinatarios", str(destinatarios),
    )  # fmt: skip
    assert resultado.exit_code == 1
    assert "No se pudo conectar con el servidor de correo smtp://control:***@127.0.0.1" in resultado.stderr
    assert CLAVE not in resultado.stdout + resultado.stderr
    assert (tmp_path / "avisos" / "secretaria_de_hacienda.html").exists()


def test_una_clave_equivocada_se_dice_en_espanol(
    base: str, tmp_path: Path, servidor: tuple[Buzon, int], destinatarios: Path
) -> None:
    _, puerto = servidor
    resultado = correr(
        "--db", base, "--corte", "2022-06-30", "--dias", "15", "--salida", str(tmp_path / "avisos"),
        "--smtp", f"smtp://control:otra-clave@127.0.0.1:{puerto}", "--destinatarios", str(destinatarios),
    )  # fmt: skip
    assert resultado.exit_code == 1 and "no aceptó el usuario o la clave" in resultado.stderr
    assert "otra-clave" not in resultado.stderr


@pytest.mark.parametrize(
    ("argumentos", "dice"),
    [
        (("--smtp", "smtp://127.0.0.1:25"), "lista de destinatarios"),
        (("--smtp", "http://correo", "--destinatarios", "correos.csv"), "servidor de correo no se entiende"),
        (
            ("--smtp", "smtp://127.0.0.1", "--destinatarios", "no_existe.csv"),
            "No se pudo leer la lista de destinatarios",
        ),
        (("--destinatarios", "correos.csv"), "falta el servidor de correo"),
        (("--dias", "-1"), "no pueden ser negativos"),
        (("--corte", "2022-02-30"), "no es una fecha"),
    ],
)
def test_una_orden_mal_escrita_sale_con_2(base: str, tmp_path: Path, argumentos: tuple[str, ...], dice: str) -> None:
    opciones = {"--corte": "2022-06-30", "--dias": "15", "--salida": str(tmp_path / "avisos")}
    for nombre, valor in zip(argumentos[::2], argumentos[1::2], strict=True):
        opciones[nombre] = valor
    resultado = correr("--db", base, *(x for par in opciones.items() for x in par))
    assert resultado.exit_code == 2 and dice in resultado.stderr, resultado.output
    assert not (tmp_path / "avisos").exists()


def test_una_carpeta_con_avisos_de_otro_corte_no_se_mezcla(base: str, tmp_path: Path) -> None:
    carpeta = tmp_path / "avisos"
    carpeta.mkdir()
    (carpeta / "viejo.xlsx").write_bytes(b"")
    resultado = correr("--db", base, "--corte", "2022-06-30", "--dias", "15", "--salida", str(carpeta))
    assert resultado.exit_code == 2 and "no está vacía" in resultado.stderr
