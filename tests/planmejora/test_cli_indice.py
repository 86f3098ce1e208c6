"""`planmejora --help` lists every verb from its summary, without importing any verb."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from planmejora import cli

PESADOS = ("sqlalchemy", "alembic", "openpyxl", "jinja2", "pdfplumber", "pypdfium2", "planmejora.ordenes")


def test_la_ayuda_del_indice_es_la_misma_que_la_de_todas_las_ordenes() -> None:
    corredor = CliRunner()

    del_indice = corredor.invoke(cli.crear_indice(), ["--help"])
    completa = corredor.invoke(cli.crear_app(), ["--help"])

    assert del_indice.exit_code == completa.exit_code == 0
    assert del_indice.output == completa.output


def test_la_ayuda_no_importa_las_ordenes_ni_sus_bibliotecas() -> None:
    programa = (
        "import sys\n"
        "from planmejora import cli\n"
        "sys.argv = ['planmejora', '--help']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({PESADOS!r})), file=sys.stderr)\n"
    )

    salida = subprocess.run([sys.executable, "-c", programa], capture_output=True, text=True, check=True)

    assert "Órdenes" in salida.stdout
    assert salida.stderr.strip() == "[]"


def test_la_ayuda_de_extraer_no_importa_lectores_ni_base_de_datos() -> None:
    pesados = ("planmejora.api", "extractor.lector", "pdfplumber", "pypdfium2", "openpyxl", "docx", "sqlalchemy")
    programa = (
        "import sys\n"
        "from planmejora import cli\n"
        "sys.argv = ['planmejora', 'extraer', '--help']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({pesados!r})), file=sys.stderr)\n"
    )

    salida = subprocess.run([sys.executable, "-c", programa], capture_output=True, text=True, check=True)

    assert "--formato" in salida.stdout
    assert salida.stderr.strip() == "[]"
