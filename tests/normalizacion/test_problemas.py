"""The messages of `problemas` read as Spanish a person writes (regression, issue 12: «de el plazo»)."""

import pytest

from normalizacion import problemas
from normalizacion.problemas import ETIQUETAS


@pytest.mark.parametrize("campo", sorted(ETIQUETAS))
def test_de_mas_el_se_contrae_en_del(campo: str) -> None:
    mensajes = [
        problemas.columna_faltante(campo).mensaje,
        problemas.ocr_baja_confianza(f"hallazgos[0].{campo}", "x", 0.4, None).mensaje,
    ]
    for mensaje in mensajes:
        assert "de el " not in mensaje
    if ETIQUETAS[campo].startswith("el "):
        assert f"del {ETIQUETAS[campo][3:]}" in mensajes[0]
