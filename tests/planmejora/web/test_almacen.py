"""The storage folder: a browser's file name is only a suggestion, and the same bytes are kept once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planmejora.web.almacen import guardar, sanear_nombre


@pytest.mark.parametrize(
    ("enviado", "guardado"),
    [
        ("Plan 2022 - Planeación.docx", "Plan 2022 - Planeación.docx"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\Escritorio\\plan.pdf", "plan.pdf"),
        (".htaccess", "htaccess"),
        ("<script>alert(1)<\\script>.xlsx", "script_.xlsx"),
        ("plan\x00\x1b[31m.pdf", "plan_31m.pdf"),
        ('a"b;c|d$e.pdf', "a_b_c_d_e.pdf"),
        ("...", "archivo"),
        ("", "archivo"),
        (None, "archivo"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_sanear_nombre(enviado: str | None, guardado: str) -> None:
    assert sanear_nombre(enviado) == guardado


def test_los_mismos_bytes_con_otro_nombre_quedan_en_el_mismo_archivo(tmp_path: Path) -> None:
    primero = guardar(tmp_path, "plan.pdf", io.BytesIO(b"%PDF-1.4 contenido"))
    segundo = guardar(tmp_path, "copia de plan.pdf", io.BytesIO(b"%PDF-1.4 contenido"))
    otro = guardar(tmp_path, "plan.pdf", io.BytesIO(b"%PDF-1.4 otro contenido"))
    assert primero == segundo != otro
    assert primero.read_bytes() == b"%PDF-1.4 contenido"
    assert not any((tmp_path / ".subiendo").iterdir())
