"""The schema comes from the migrations shipped in the package, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from carga.conexion import ErrorDeBase, crear_motor, interpretar
from carga.eleccion import url_elegida
from carga.esquema import REVISION_FINAL, abrir_base, actualizar, al_dia, configuracion, revision_actual, revision_final
from carga.guardar import ArchivoEnDisco, guardar_documento
from carga.modelos import metadata
from tests.carga.fabrica import plan, problema

HOY = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)

VISTAS = {"v_documentos", "v_hallazgos", "v_hallazgos_historia", "v_problemas", "v_versiones"}
TABLAS = {
    "corridas",
    "documentos",
    "archivos_vistos",
    "planes",
    "versiones_plan",
    "hallazgos",
    "problemas",
    "firmas",
}


@pytest.fixture
def motor(url_db: str) -> Engine:
    return crear_motor(url_db)


def test_una_base_vacia_queda_con_tablas_y_vistas(motor: Engine) -> None:
    assert revision_actual(motor) is None
    actualizar(motor)
    inspector = inspect(motor)
    assert set(inspector.get_table_names()) >= TABLAS
    assert set(inspector.get_view_names()) >= VISTAS
    assert revision_actual(motor) == revision_final()


def test_actualizar_otra_vez_no_cambia_nada_ni_pierde_datos(motor: Engine) -> None:
    actualizar(motor)
    with motor.begin() as conexion:
        conexion.execute(text("INSERT INTO planes (clave) VALUES ('plan|x')"))
    actualizar(motor)
    with motor.connect() as conexion:
        assert conexion.execute(text("SELECT clave FROM planes")).scalars().all() == ["plan|x"]
    assert revision_actual(motor) == revision_final()


def test_la_revision_final_es_la_que_alembic_lee_en_las_migraciones() -> None:
    """A new migration must change `REVISION_FINAL`, or a database would be taken as current without it."""
    assert revision_final() == REVISION_FINAL


def test_una_base_vieja_o_nueva_no_esta_al_dia_hasta_actualizarla(motor: Engine) -> None:
    assert not al_dia(motor)
    llevar_a(motor, "0001")
    assert not al_dia(motor)
    actualizar(motor)
    assert al_dia(motor)


def test_los_modelos_dicen_lo_mismo_que_las_migraciones(motor: Engine) -> None:
    actualizar(motor)
    with motor.connect() as conexion:
        diferencias = compare_metadata(MigrationContext.configure(conexion), metadata)
    assert diferencias == []


def test_postgresql_sin_driver_quiere_decir_psycopg_3() -> None:
    assert interpretar("postgresql://u:c@servidor/base").drivername == "postgresql+psycopg"
    assert interpretar("postgres://u@servidor/base").drivername == "postgresql+psycopg"
    assert interpretar("sqlite:///planes.db").drivername == "sqlite"


def test_la_base_sale_de_db_luego_de_la_variable_luego_del_valor_por_defecto(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PLANMEJORA_DB", raising=False)
    assert url_elegida(None) == "sqlite:///planmejora.db"
    monkeypatch.setenv("PLANMEJORA_DB", "sqlite:///otra.db")
    assert url_elegida(None) == "sqlite:///otra.db"
    assert url_elegida("sqlite:///dada.db") == "sqlite:///dada.db"


@pytest.mark.parametrize(
    ("url", "dice"),
    [
        ("no es una url", "no se entiende"),
        ("mysql://u@servidor/base", "no está soportada"),
        ("oracle+cx_oracle://u@servidor/base", "no está soportada"),
    ],
)
def test_una_url_mala_es_un_error_en_espanol(url: str, dice: str) -> None:
    with pytest.raises(ErrorDeBase, match=dice):
        crear_motor(url)


def test_una_base_que_no_se_puede_abrir_lo_dice_sin_mostrar_la_clave(tmp_path: Path) -> None:
    with pytest.raises(ErrorDeBase, match="No se pudo abrir la base de datos") as sqlite:
        abrir_base(f"sqlite:///{tmp_path / 'no' / 'existe' / 'planes.db'}")
    assert "planes.db" in sqlite.value.mensaje
    with pytest.raises(ErrorDeBase, match="No se pudo abrir la base de datos") as postgres:
        abrir_base("postgresql://usuario:secreta@127.0.0.1:1/base")
    assert "secreta" not in postgres.value.mensaje


def llevar_a(motor: Engine, revision: str, hacia_atras: bool = False) -> None:
    config = configuracion()
    with motor.begin() as conexion:
        config.attributes["conexion"] = conexion
        (command.downgrade if hacia_atras else command.upgrade)(config, revision)


def test_una_base_de_la_revision_0001_con_datos_se_actualiza_en_su_sitio(motor: Engine) -> None:
    actualizar(motor)
    sin_hallazgos = plan("planes/sin_hallazgos.docx", "b" * 64, hallazgos=0)
    sin_hallazgos.problemas = [problema("encabezado.fecha_suscripcion", "fecha_corregida", "21sept-21")]
    with motor.begin() as conexion:
        archivo = ArchivoEnDisco("planes/sin_hallazgos.docx", Path("/planes/sin_hallazgos.docx"), 10, 1)
        guardar_documento(conexion, archivo, [sin_hallazgos], corrida_id=None)
    llevar_a(motor, "0001", hacia_atras=True)  # the data as 0001 held it: later columns gone
    with motor.begin() as conexion:
        conexion.execute(
            text("INSERT INTO corridas (iniciada_en, terminada_en, trabajadores) VALUES (:a, :a, 1)"), {"a": HOY}
        )
        conexion.execute(text("INSERT INTO corridas (iniciada_en, trabajadores) VALUES (:a, 1)"), {"a": HOY})
    assert "fecha_suscripcion" not in {c["name"] for c in inspect(motor).get_columns("v_problemas")}

    actualizar(motor)

    assert revision_actual(motor) == revision_final()
    with motor.connect() as conexion:
        problemas = conexion.execute(text("SELECT entidad, fecha_suscripcion, codigo, actual FROM v_problemas")).all()
        estados = conexion.execute(text("SELECT estado FROM corridas ORDER BY id")).scalars().all()
        documentos = conexion.execute(text("SELECT archivo, actual FROM v_documentos")).all()
    assert [(e, str(f)[:10], c, bool(a)) for e, f, c, a in problemas] == [
        ("ALCALDÍA DE CALICA", "2021-09-21", "fecha_corregida", True)
    ]
    assert estados == ["terminada", None], "a run never closed is not said to have finished"
    assert [(a, bool(actual)) for a, actual in documentos] == [("planes/sin_hallazgos.docx", True)]


def test_la_revision_0002_se_puede_deshacer_sin_perder_datos(motor: Engine) -> None:
    actualizar(motor)
    with motor.begin() as conexion:
        archivo = ArchivoEnDisco("planes/plan.docx", Path("/planes/plan.docx"), 10, 1)
        guardar_documento(conexion, archivo, [plan("planes/plan.docx")], corrida_id=None)
    llevar_a(motor, "0001", hacia_atras=True)
    assert "v_documentos" not in inspect(motor).get_view_names()
    actualizar(motor)
    with motor.connect() as conexion:
        assert conexion.execute(text("SELECT COUNT(*) FROM v_hallazgos")).scalar_one() == 2


def test_la_revision_0003_guarda_el_formato_y_un_tipo_vacio_sin_perder_datos(motor: Engine) -> None:
    actualizar(motor)
    with motor.begin() as conexion:
        archivo = ArchivoEnDisco("planes/plan.doc", Path("/planes/plan.doc"), 10, 1)
        guardar_documento(conexion, archivo, [plan("planes/plan.doc", formato="doc")], corrida_id=None)
        nota = ArchivoEnDisco("planes/nota.pdf", Path("/planes/nota.pdf"), 4, 1)
        ilegible = plan("planes/nota.pdf", "c" * 64, tipo=None, error="El contenido del archivo no es un PDF.")
        guardar_documento(conexion, nota, [ilegible], corrida_id=None)
    with motor.connect() as conexion:
        documentos = conexion.execute(text("SELECT archivo, tipo, formato FROM v_documentos ORDER BY archivo")).all()
        hallazgos = conexion.execute(text("SELECT DISTINCT tipo, formato FROM v_hallazgos")).all()
    assert [tuple(d) for d in documentos] == [("planes/nota.pdf", None, None), ("planes/plan.doc", "docx", "doc")]
    assert [tuple(h) for h in hallazgos] == [("docx", "doc")]

    llevar_a(motor, "0004", hacia_atras=True)
    assert "formato" not in {c["name"] for c in inspect(motor).get_columns("documentos")}
    actualizar(motor)
    with motor.connect() as conexion:
        assert conexion.execute(text("SELECT COUNT(*) FROM v_hallazgos")).scalar_one() == 2
        assert conexion.execute(text("SELECT COUNT(*) FROM v_documentos")).scalar_one() == 2


def test_la_revision_0005_toma_lo_cargado_antes_como_digital_salvo_las_imagenes(motor: Engine) -> None:
    actualizar(motor)
    copias = [("digital.docx", "docx", "d"), ("escaneado.pdf", "pdf", "e"), ("foto.jpg", "imagen", "f")]
    with motor.begin() as conexion:
        for nombre, tipo, huella in copias:  # loaded in this order, all modified at the same moment
            archivo = ArchivoEnDisco(nombre, Path("/planes") / nombre, 10, 1)
            copia = plan(nombre, huella * 64, tipo=tipo, leido_por_ocr=tipo != "docx")
            guardar_documento(conexion, archivo, [copia], corrida_id=None)
    llevar_a(motor, "0003", hacia_atras=True)  # the data as 0003 held it: nothing says what OCR read
    assert "leido_por_ocr" not in {c["name"] for c in inspect(motor).get_columns("documentos")}

    actualizar(motor)

    with motor.connect() as conexion:
        versiones = conexion.execute(
            text("SELECT archivo, leido_por_ocr, actual FROM v_versiones ORDER BY numero_version")
        ).all()
        documentos = conexion.execute(text("SELECT archivo, leido_por_ocr FROM v_documentos ORDER BY 1")).all()
    assert [(a, bool(ocr), bool(actual)) for a, ocr, actual in versiones] == [
        ("foto.jpg", True, False),  # an image file is a scan, loaded last or not
        ("digital.docx", False, False),
        ("escaneado.pdf", False, True),  # a scan in PDF cannot be told any more: taken as digital
    ]
    assert [(a, bool(ocr)) for a, ocr in documentos] == [
        ("digital.docx", False),
        ("escaneado.pdf", False),
        ("foto.jpg", True),
    ]
