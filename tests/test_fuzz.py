"""Broken copies of every sample, loaded as a batch: no crash, no hang, no half-loaded document.

Each sample of muestras/ (Word, Excel and text PDF) is damaged in the ways files really get
damaged, and in some they never do: cut short, bytes flipped or inserted, parts of the
package dropped, reordered or with broken XML inside, PDF objects or streams mangled. The
mutants are seeded, so a failure is reproduced by running the test again.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from extractor.limites import Limites
from planmejora.ingesta import ingerir

MUESTRAS = Path(__file__).resolve().parents[1] / "muestras"
SEMILLA = 20261125
MUTANTES = 150
INESPERADO = re.compile(r"inesperad|Traceback|Error:", re.IGNORECASE)

FALLIDOS_CON_ALGO_CARGADO = """
SELECT COUNT(*) FROM documentos d WHERE d.estado = 'error' AND (
    EXISTS (SELECT 1 FROM versiones_plan v WHERE v.documento_id = d.id)
    OR EXISTS (SELECT 1 FROM problemas p WHERE p.documento_id = d.id))
"""
CARGADOS_SIN_NADA = """
SELECT COUNT(*) FROM documentos d WHERE d.estado = 'ok'
    AND NOT EXISTS (SELECT 1 FROM versiones_plan v WHERE v.documento_id = d.id)
    AND NOT EXISTS (SELECT 1 FROM problemas p WHERE p.documento_id = d.id AND p.codigo = 'no_es_gem_fm014')
"""
"""A loaded file has its plans, or the problem that says it holds none; a failed one has nothing at all."""

Mutacion = Callable[[random.Random, bytes], bytes]


def truncar(azar: random.Random, datos: bytes) -> bytes:
    return datos[: azar.randrange(1, len(datos))]


def voltear_bytes(azar: random.Random, datos: bytes) -> bytes:
    nuevos = bytearray(datos)
    for _ in range(azar.choice([1, 3, 20, 200])):
        nuevos[azar.randrange(len(nuevos))] ^= 1 << azar.randrange(8)
    return bytes(nuevos)


def insertar_basura(azar: random.Random, datos: bytes) -> bytes:
    donde = azar.randrange(len(datos))
    return datos[:donde] + azar.randbytes(azar.choice([1, 16, 4096])) + datos[donde:]


def _reempaquetar(datos: bytes, cambiar: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(datos)) as viejo:
        partes = [(info, viejo.read(info)) for info in viejo.infolist()]
    cambiar(partes)
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as nuevo:
        for info, contenido in partes:
            nuevo.writestr(info.filename, contenido)
    return salida.getvalue()


def quitar_parte(azar: random.Random, datos: bytes) -> bytes:
    return _reempaquetar(datos, lambda partes: partes.pop(azar.randrange(len(partes))))


def barajar_partes(azar: random.Random, datos: bytes) -> bytes:
    return _reempaquetar(datos, azar.shuffle)


def _danar_xml(azar: random.Random, xml: bytes) -> bytes:
    if not xml:
        return b"<"
    donde = azar.randrange(len(xml))
    return azar.choice(
        [
            xml[:donde],  # cut short
            xml[:donde] + b"<" + xml[donde:],  # a stray tag opening
            xml[:donde] + b"</w:tc></w:tr>" + xml[donde:],  # closing what is not open
            re.sub(rb"</[^>]+>", b"", xml, count=azar.randrange(1, 5)),  # closing tags lost
            xml.replace(b'r="', b'r="ZZ', azar.randrange(1, 10)),  # cell references that mean nothing
            xml.replace(b'w:gridSpan w:val="', b'w:gridSpan w:val="9999', 3),  # absurd merged cells
            xml[:donde] + "\u0000\ud7ff".encode("utf-8", "surrogatepass") + xml[donde:],  # bytes XML forbids
        ]
    )


def danar_xml_de_una_parte(azar: random.Random, datos: bytes) -> bytes:
    def cambiar(partes: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        xml = [i for i, (info, _) in enumerate(partes) if info.filename.endswith((".xml", ".rels"))]
        elegida = azar.choice(xml)
        info, contenido = partes[elegida]
        partes[elegida] = (info, _danar_xml(azar, contenido))

    return _reempaquetar(datos, cambiar)


def danar_objeto_pdf(azar: random.Random, datos: bytes) -> bytes:
    objetos = [m.start() for m in re.finditer(rb"\d+ 0 obj", datos)]
    inicio = azar.choice(objetos)
    fin = datos.find(b"endobj", inicio)
    fin = len(datos) if fin < 0 else fin + len(b"endobj")
    reemplazo = azar.choice([b"", b"1 0 obj << /Type /Pages /Kids [1 0 R] /Count 1 >> endobj", azar.randbytes(64)])
    return datos[:inicio] + reemplazo + datos[fin:]


def danar_flujo_pdf(azar: random.Random, datos: bytes) -> bytes:
    flujos = [m.end() for m in re.finditer(rb"stream\r?\n", datos)]
    inicio = azar.choice(flujos) + azar.randrange(0, 40)
    return datos[:inicio] + azar.randbytes(azar.choice([4, 64, 512])) + datos[inicio + 8 :]


def danar_xref(azar: random.Random, datos: bytes) -> bytes:
    return re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % azar.randrange(10**6), datos)


COMUNES: list[Mutacion] = [truncar, voltear_bytes, insertar_basura]
DE_PAQUETE: list[Mutacion] = [quitar_parte, barajar_partes, danar_xml_de_una_parte, danar_xml_de_una_parte]
DE_PDF: list[Mutacion] = [danar_objeto_pdf, danar_flujo_pdf, danar_xref]


def mutantes(carpeta: Path, cuantos: int, semilla: int) -> list[Path]:
    """`cuantos` damaged copies cycling over the samples, each damaged by one to three mutations."""
    azar = random.Random(semilla)
    muestras = sorted(
        p
        for p in MUESTRAS.iterdir()
        if p.suffix in (".docx", ".xlsx", ".pdf") and not p.name.startswith("escaneado")  # OCR: minutes, not seconds
    )
    carpeta.mkdir(parents=True, exist_ok=True)
    rutas = []
    for n in range(cuantos):
        muestra = muestras[n % len(muestras)]
        datos = muestra.read_bytes()
        posibles = COMUNES + (DE_PDF if muestra.suffix == ".pdf" else DE_PAQUETE)
        nombres = []
        for mutacion in azar.sample(posibles, azar.choice([1, 1, 2, 3])):
            try:
                datos = mutacion(azar, datos)
            except Exception:  # an earlier mutation already broke the package or PDF this one needs to read
                continue
            nombres.append(mutacion.__name__)
        ruta = carpeta / f"{n:03}_{muestra.stem}_{'+'.join(nombres) or 'intacto'}{muestra.suffix}"
        ruta.write_bytes(datos)
        rutas.append(ruta)
    return rutas


def contar(conexion: object, consulta: str) -> int:
    return int(conexion.execute(text(consulta)).scalar_one())  # type: ignore[attr-defined]


@pytest.mark.lento
def test_copias_danadas_se_cargan_enteras_o_quedan_con_su_error(tmp_path: Path) -> None:
    rutas = mutantes(tmp_path / "mutantes", MUTANTES, SEMILLA)
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"

    resumen = ingerir([tmp_path / "mutantes"], url, workers=2, limites=Limites(max_segundos=30))

    assert resumen.archivos == len(rutas)
    assert resumen.cargados + resumen.con_error + resumen.omitidos == len(rutas)
    inesperados = [(archivo, error) for archivo, error in resumen.errores if INESPERADO.search(error)]
    assert inesperados == []
    motor = create_engine(url)
    with motor.connect() as conexion:
        assert contar(conexion, "SELECT COUNT(*) FROM documentos WHERE estado NOT IN ('ok', 'error')") == 0
        assert contar(conexion, "SELECT COUNT(*) FROM documentos WHERE (estado = 'error') <> (error IS NOT NULL)") == 0
        assert contar(conexion, FALLIDOS_CON_ALGO_CARGADO) == 0
        assert contar(conexion, CARGADOS_SIN_NADA) == 0
        assert contar(conexion, "SELECT COUNT(*) FROM hallazgos") == resumen.hallazgos
        assert contar(conexion, "SELECT COUNT(*) FROM corridas WHERE terminada_en IS NULL") == 0
    motor.dispose()
