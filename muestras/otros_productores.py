"""Copies of the form made by programs other than Word and LibreOffice: a browser's print and reportlab.

Run from the repository root: `python muestras/otros_productores.py` (needs `chromium` and the
`muestras` extra). Such producers draw no space glyph where they wrap a line between two words,
as LibreOffice does: the copies check that a cell's lines keep their space when joined
(`Profesional Universitario de Contratación`). The layout is the standard one (header in
paragraphs, 14 columns, signatures side by side). The expected JSON comes from the oracle;
the page where each finding starts is looked up in the PDF's own text.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import planes
import pypdfium2 as pdfium
from escribir_docx import ROTULOS, TITULOS, _texto_hallazgo
from generar import ESPERADO, ESTANDAR, esperado_plan, pagina_de
from oraculo import Columnas, PlanMuestra
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

CARPETA = Path(__file__).resolve().parent
ANCHOS_CM = (1.1, 3.0, 3.2, 1.8, 1.5, 1.4, 1.5, 1.8, 1.8, 1.5, 1.4, 1.6, 1.8, 2.2)
"""The 14 columns on a letter page turned sideways, narrow enough that positions wrap inside their cell."""
PLANES = (("calica_2021", planes.CALICA), ("santa_rosa_2021", planes.SANTA_ROSA))
ENCABEZADO = ("version", "fecha_formato", "codigo", "proceso_auditado", "procedimientos", "responsables")


def _valor(plan: PlanMuestra, clave: str) -> str | None:
    dato = getattr(plan, clave)
    return dato.raw if hasattr(dato, "raw") else dato  # type: ignore[no-any-return]


def _lineas_encabezado(plan: PlanMuestra) -> list[str]:
    lineas = [f"{ROTULOS[c]} {_valor(plan, c) or ''}".strip() for c in ENCABEZADO]
    return [*lineas, f"{ROTULOS['fecha_suscripcion']} {_valor(plan, 'fecha_suscripcion') or ''}".strip()]


def _filas(plan: PlanMuestra) -> list[list[str]]:
    return [[_texto_hallazgo(h, clave) or "" for clave, _ in ESTANDAR] for h in plan.hallazgos]


def html_de(plan: PlanMuestra) -> str:
    """The form as an office would type it into a web page: paragraphs, one bordered table, signatures."""
    e = html.escape
    anchos = "".join(f'<col style="width:{a}cm">' for a in ANCHOS_CM)
    titulos = "".join(f"<th>{e(t)}</th>" for _, t in ESTANDAR)
    filas = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in fila) + "</tr>" for fila in _filas(plan))
    firmas = "".join(f"<td><b>{e(f.nombre)}</b><br>{e(f.cargo or '')}</td>" for f in plan.firmas)
    proyecto = f"<p>Proyectó: {e(plan.proyecto)}</p>" if plan.proyecto else ""
    cabecera = "".join(f"<p><b>{e(t)}</b></p>" for t in (plan.entidad, *TITULOS))
    datos = "".join(f"<p>{e(linea)}</p>" for linea in _lineas_encabezado(plan))
    return f"""<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><style>
@page {{ size: 27.94cm 21.59cm; margin: 1cm; }}
body {{ font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt; }}
p {{ margin: 0 0 2pt 0; }}
table.hallazgos {{ border-collapse: collapse; table-layout: fixed; margin-top: 8pt; }}
table.hallazgos th, table.hallazgos td {{ border: 0.75pt solid black; padding: 2pt; vertical-align: top;
  text-align: left; font-size: 7pt; }}
table.firmas td {{ padding: 0 40pt 0 0; vertical-align: top; }}
</style></head><body>
{cabecera}{datos}
<table class="hallazgos">{anchos}<thead><tr>{titulos}</tr></thead><tbody>{filas}</tbody></table>
<p>&nbsp;</p><p>Firma Responsables:</p><p>&nbsp;</p>
<table class="firmas"><tr>{firmas}</tr></table>
{proyecto}
</body></html>
"""


def por_navegador(plan: PlanMuestra, destino: Path) -> None:
    """Print the HTML copy to PDF with headless Chromium, as `Ctrl+P ▸ Guardar como PDF` does."""
    with tempfile.TemporaryDirectory() as carpeta:
        pagina = Path(carpeta) / "plan.html"
        pagina.write_text(html_de(plan), encoding="utf-8")
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={carpeta}/perfil",
                "--no-pdf-header-footer",
                f"--print-to-pdf={destino}",
                pagina.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def por_reportlab(plan: PlanMuestra, destino: Path) -> None:
    """Draw the copy with reportlab's platypus, as reporting programs write PDFs."""
    normal = ParagraphStyle("normal", fontName="Helvetica", fontSize=8, leading=10)
    negrita = ParagraphStyle("negrita", parent=normal, fontName="Helvetica-Bold")
    celda = ParagraphStyle("celda", parent=normal, fontSize=7, leading=8.5)
    e = html.escape
    partes: list[Any] = [Paragraph(e(t), negrita) for t in (plan.entidad, *TITULOS)]
    partes += [Paragraph(e(linea), normal) for linea in _lineas_encabezado(plan)]
    partes.append(Spacer(1, 8))
    filas = [[Paragraph(e(t), celda) for _, t in ESTANDAR]]
    filas += [[Paragraph(e(c), celda) for c in fila] for fila in _filas(plan)]
    tabla = Table(filas, colWidths=[a * cm for a in ANCHOS_CM], repeatRows=1)
    tabla.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    partes += [tabla, Spacer(1, 12), Paragraph("Firma Responsables:", normal), Spacer(1, 12)]
    firmas = [[Paragraph(f"<b>{e(f.nombre)}</b><br/>{e(f.cargo or '')}", normal) for f in plan.firmas]]
    partes.append(Table(firmas, colWidths=[9 * cm] * len(plan.firmas), hAlign="LEFT"))
    if plan.proyecto:
        partes += [Spacer(1, 8), Paragraph(e(f"Proyectó: {plan.proyecto}"), normal)]
    documento = SimpleDocTemplate(
        str(destino), pagesize=landscape(letter), leftMargin=cm, rightMargin=cm, topMargin=cm, bottomMargin=cm
    )
    documento.build(partes)


def _textos_de_paginas(pdf: Path) -> list[str]:
    documento = pdfium.PdfDocument(pdf)
    try:
        return [documento[i].get_textpage().get_text_range() for i in range(len(documento))]
    finally:
        documento.close()


PRODUCTORES: dict[str, Callable[[PlanMuestra, Path], None]] = {"navegador": por_navegador, "reportlab": por_reportlab}


def main() -> int:
    for productor, hacer in PRODUCTORES.items():
        for nombre, plan in PLANES:
            destino = CARPETA / f"{productor}_{nombre}.pdf"
            hacer(plan, destino)
            paginas = _textos_de_paginas(destino)
            donde = [pagina_de(h.descripcion, paginas) for h in plan.hallazgos]
            objeto = esperado_plan(destino, "pdf", plan, Columnas(), list(range(1, len(donde) + 1)), donde, None)
            texto = json.dumps([objeto], ensure_ascii=False, indent=2) + "\n"
            (ESPERADO / f"{destino.name}.json").write_text(texto, encoding="utf-8")
            print(f"{destino.relative_to(CARPETA.parent)}: páginas de los hallazgos {donde}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
