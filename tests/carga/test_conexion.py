"""No secret of a database URL reaches a person, whatever form the URL takes (regression, issue 12)."""

from pathlib import Path

import pytest

from carga.conexion import ErrorDeBase, crear_motor, describir, enmascarar, interpretar
from carga.eleccion import url_elegida

SECRETO = "Secreto-123"


@pytest.mark.parametrize(
    ("url", "se_ve"),
    [
        (f"postgresql://ana:{SECRETO}@servidor/planes", "postgresql://ana:***@servidor/planes"),
        (f"postgresql://ana@servidor/planes?password={SECRETO}", "postgresql://ana@servidor/planes?password=***"),
        (f"postgresql://ana@servidor/planes?sslmode=require&PASSWORD={SECRETO}&x=1", "require&PASSWORD=***&x=1"),
        (f"postgresql://ana:{SECRETO}@servidor:puerto/planes", "postgresql://ana:***@servidor:puerto/planes"),
        (f"host=servidor password={SECRETO} dbname=planes", "host=servidor password=*** dbname=planes"),
        ("host=servidor password='con espacio' dbname=planes", "host=servidor password=*** dbname=planes"),
        ("postgresql://ana:cl@ve@servidor/planes", "postgresql://ana:***@servidor/planes"),
        ("sqlite:///planes.db", "sqlite:///planes.db"),
    ],
)
def test_una_url_se_muestra_sin_sus_secretos(url: str, se_ve: str) -> None:
    visible = enmascarar(url)
    assert se_ve in visible
    assert SECRETO not in visible and "espacio" not in visible and "cl@ve" not in visible


def test_un_mensaje_que_cita_un_secreto_lo_pierde_aunque_venga_decodificado() -> None:
    url = "postgresql://ana:se%40creto@servidor/planes"
    mensaje = 'invalid connection option: password "se@creto" (from "postgresql://ana:se%40creto@servidor/planes")'
    visible = enmascarar(mensaje, url)
    assert "se@creto" not in visible and "se%40creto" not in visible
    assert visible.startswith("invalid connection option")


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://ana:{SECRETO}@servidor:puerto/planes",
        f"host=servidor password={SECRETO} dbname=planes",
        f"mysql://ana:{SECRETO}@servidor/planes",
    ],
)
def test_una_url_que_no_sirve_se_rechaza_sin_mostrar_la_clave(url: str) -> None:
    with pytest.raises(ErrorDeBase) as error:
        interpretar(url)
    assert SECRETO not in error.value.mensaje
    assert error.value.uso and not error.value.permanente


def test_el_nombre_de_0_1_0_es_la_misma_excepcion() -> None:
    from planmejora.ingesta import BaseInaccesible

    assert BaseInaccesible is ErrorDeBase


def test_la_base_se_describe_sin_la_clave_de_la_consulta() -> None:
    motor = crear_motor(f"postgresql://ana@127.0.0.1/planes?password={SECRETO}&connect_timeout=1")
    assert SECRETO not in describir(motor)
    assert describir(motor).startswith("postgresql+psycopg://ana@127.0.0.1/planes?")


@pytest.mark.parametrize(
    ("dada", "url"),
    [
        ("planes.db", "sqlite:///planes.db"),
        ("/srv/planes/base.sqlite", "sqlite:////srv/planes/base.sqlite"),
        ("sqlite:///planes.db", "sqlite:///planes.db"),
        ("postgresql://ana@servidor/planes", "postgresql://ana@servidor/planes"),
        ("esto no es una url", "esto no es una url"),
    ],
)
def test_una_ruta_sola_es_un_archivo_sqlite(dada: str, url: str) -> None:
    """Regression (issue 12): `--db planes.db` was refused; sqlite-utils and Datasette take a plain path."""
    assert url_elegida(dada) == url


def test_un_archivo_que_existe_es_sqlite_aunque_no_termine_en_db(tmp_path: Path) -> None:
    (tmp_path / "planes").write_bytes(b"")
    assert url_elegida(str(tmp_path / "planes")) == f"sqlite:///{tmp_path / 'planes'}"
