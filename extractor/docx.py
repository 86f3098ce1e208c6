"""Word reader: every visible paragraph and table row of a .docx, in reading order.

The XML parts are read straight from the zip with defusedxml (no DTD, no
entities), so only the parts that show text are loaded: the body, the page
headers and footers, and the numbering definitions; never images.
Page headers and footers come first, once each: in this form they hold the
header block (entity, code, version), never findings or signatures, and
after the table they would pass for signatures.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from extractor.errores import ArchivoIlegible
from extractor.modelo import Celda, FilaLeida, Fuente, HojaLeida

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ESTRICTOS = {
    "{http://purl.oclc.org/ooxml/wordprocessingml/main}": f"{{{_W_NS}}}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}": f"{{{_R}}}",
}
_RELACION = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ALTERNATIVA = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_OPCION = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
_FALSO = ("0", "false", "off")
_ROMANOS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_NIVEL = re.compile(r"%([1-9])")


class _W:
    """Qualified names of WordprocessingML elements and attributes (a strict document is renamed to these first)."""

    id = f"{{{_R}}}id"
    abstractNum = f"{{{_W_NS}}}abstractNum"
    abstractNumId = f"{{{_W_NS}}}abstractNumId"
    bdo = f"{{{_W_NS}}}bdo"
    body = f"{{{_W_NS}}}body"
    br = f"{{{_W_NS}}}br"
    checkBox = f"{{{_W_NS}}}checkBox"
    checked = f"{{{_W_NS}}}checked"
    cr = f"{{{_W_NS}}}cr"
    customXml = f"{{{_W_NS}}}customXml"
    ddList = f"{{{_W_NS}}}ddList"
    default = f"{{{_W_NS}}}default"
    dir = f"{{{_W_NS}}}dir"
    drawing = f"{{{_W_NS}}}drawing"
    ffData = f"{{{_W_NS}}}ffData"
    fldChar = f"{{{_W_NS}}}fldChar"
    fldCharType = f"{{{_W_NS}}}fldCharType"
    fldSimple = f"{{{_W_NS}}}fldSimple"
    footerReference = f"{{{_W_NS}}}footerReference"
    gridAfter = f"{{{_W_NS}}}gridAfter"
    gridBefore = f"{{{_W_NS}}}gridBefore"
    gridCol = f"{{{_W_NS}}}gridCol"
    gridSpan = f"{{{_W_NS}}}gridSpan"
    headerReference = f"{{{_W_NS}}}headerReference"
    hMerge = f"{{{_W_NS}}}hMerge"
    hyperlink = f"{{{_W_NS}}}hyperlink"
    ilvl = f"{{{_W_NS}}}ilvl"
    ins = f"{{{_W_NS}}}ins"
    lvl = f"{{{_W_NS}}}lvl"
    lvlOverride = f"{{{_W_NS}}}lvlOverride"
    listEntry = f"{{{_W_NS}}}listEntry"
    lvlText = f"{{{_W_NS}}}lvlText"
    moveTo = f"{{{_W_NS}}}moveTo"
    noBreakHyphen = f"{{{_W_NS}}}noBreakHyphen"
    num = f"{{{_W_NS}}}num"
    numFmt = f"{{{_W_NS}}}numFmt"
    numId = f"{{{_W_NS}}}numId"
    numPr = f"{{{_W_NS}}}numPr"
    p = f"{{{_W_NS}}}p"
    pict = f"{{{_W_NS}}}pict"
    pPr = f"{{{_W_NS}}}pPr"
    ptab = f"{{{_W_NS}}}ptab"
    r = f"{{{_W_NS}}}r"
    result = f"{{{_W_NS}}}result"
    rPr = f"{{{_W_NS}}}rPr"
    sdt = f"{{{_W_NS}}}sdt"
    sdtContent = f"{{{_W_NS}}}sdtContent"
    sdtPr = f"{{{_W_NS}}}sdtPr"
    sectPr = f"{{{_W_NS}}}sectPr"
    showingPlcHdr = f"{{{_W_NS}}}showingPlcHdr"
    smartTag = f"{{{_W_NS}}}smartTag"
    start = f"{{{_W_NS}}}start"
    startOverride = f"{{{_W_NS}}}startOverride"
    suff = f"{{{_W_NS}}}suff"
    t = f"{{{_W_NS}}}t"
    tab = f"{{{_W_NS}}}tab"
    tbl = f"{{{_W_NS}}}tbl"
    tblGrid = f"{{{_W_NS}}}tblGrid"
    tc = f"{{{_W_NS}}}tc"
    tcPr = f"{{{_W_NS}}}tcPr"
    titlePg = f"{{{_W_NS}}}titlePg"
    tr = f"{{{_W_NS}}}tr"
    trPr = f"{{{_W_NS}}}trPr"
    txbxContent = f"{{{_W_NS}}}txbxContent"
    type = f"{{{_W_NS}}}type"
    val = f"{{{_W_NS}}}val"
    vanish = f"{{{_W_NS}}}vanish"
    vMerge = f"{{{_W_NS}}}vMerge"


def _activo(elemento: Element | None) -> bool:
    """A Word on/off property: present and not switched off."""
    return elemento is not None and elemento.get(_W.val, "true").lower() not in _FALSO


def _entero(texto: str | None, defecto: int) -> int:
    try:
        return int(texto) if texto is not None else defecto
    except ValueError:
        return defecto


def _valor(elemento: Element | None, defecto: int) -> int:
    """The integer `w:val` of a property element."""
    return _entero(elemento.get(_W.val) if elemento is not None else None, defecto)


def _opcion(alternativa: Element) -> Element | None:
    """The first `mc:Choice` of an `mc:AlternateContent`: the fallback repeats it in older markup."""
    return alternativa.find(_OPCION)


# ---------------------------------------------------------------- list numbers


def _romano(n: int) -> str:
    partes = []
    for valor, letras in _ROMANOS:
        cuantas, n = divmod(n, valor)
        partes.append(letras * cuantas)
    return "".join(partes)


def _letra(n: int) -> str:
    """Word's letter numbering: a…z, then aa…zz."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


_FORMATOS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerLetter": _letra,
    "upperLetter": lambda n: _letra(n).upper(),
    "lowerRoman": _romano,
    "upperRoman": lambda n: _romano(n).upper(),
    "decimalZero": lambda n: f"{n:02d}",
}


@dataclass(frozen=True, slots=True)
class _Nivel:
    formato: str
    texto: str
    inicio: int
    sufijo: str

    def mostrar(self, n: int) -> str:
        return _FORMATOS.get(self.formato, _FORMATOS["decimal"])(n)


@dataclass(slots=True)
class _Numeracion:
    """Word's automatic list numbers (`1.`, `a)`): shown on the page, absent from the paragraph's text.

    Counters run per abstract list, as Word does, so a numbered N° column reads 1, 2, 3
    down the table even when each cell holds its own paragraph.
    """

    listas: dict[str, str] = field(default_factory=dict)
    niveles: dict[str, dict[int, _Nivel]] = field(default_factory=dict)
    reinicios: dict[str, dict[int, int]] = field(default_factory=dict)
    cuentas: dict[str, dict[int, int]] = field(default_factory=dict)
    usadas: set[str] = field(default_factory=set)

    @classmethod
    def desde(cls, raiz: Element | None) -> _Numeracion:
        numeracion = cls()
        if raiz is None:
            return numeracion
        for abstracta in raiz.iter(_W.abstractNum):
            numeracion.niveles[abstracta.get(_W.abstractNumId, "")] = {
                _entero(lvl.get(_W.ilvl), 0): _nivel(lvl) for lvl in abstracta.findall(_W.lvl)
            }
        for num in raiz.iter(_W.num):
            num_id = num.get(_W.numId, "")
            abstracta_id = num.find(_W.abstractNumId)
            if abstracta_id is not None:
                numeracion.listas[num_id] = abstracta_id.get(_W.val, "")
            for sobre in num.findall(_W.lvlOverride):
                reinicio = sobre.find(_W.startOverride)
                if reinicio is not None:
                    nivel = _entero(sobre.get(_W.ilvl), 0)
                    numeracion.reinicios.setdefault(num_id, {})[nivel] = _valor(reinicio, 1)
        return numeracion

    def siguiente(self, num_id: str, nivel: int) -> str:
        """The label the next paragraph of list `num_id` at `nivel` shows; "" for bullets and unknown lists."""
        abstracta = self.listas.get(num_id, "")
        niveles = self.niveles.get(abstracta)
        if not niveles or nivel not in niveles:
            return ""
        cuentas = self.cuentas.setdefault(abstracta, {})
        if num_id not in self.usadas:
            self.usadas.add(num_id)
            for n, inicio in self.reinicios.get(num_id, {}).items():
                cuentas[n] = inicio - 1
        definicion = niveles[nivel]
        cuentas[nivel] = cuentas.get(nivel, definicion.inicio - 1) + 1
        for mas_profundo in [n for n in cuentas if n > nivel]:
            del cuentas[mas_profundo]
        if definicion.formato in ("bullet", "none"):
            return ""

        def poner(marca: re.Match[str]) -> str:
            n = int(marca.group(1)) - 1
            otro = niveles.get(n)
            if otro is None:
                return ""
            return otro.mostrar(cuentas.get(n, otro.inicio))

        etiqueta = _NIVEL.sub(poner, definicion.texto)
        return etiqueta + definicion.sufijo if etiqueta else ""


def _nivel(lvl: Element) -> _Nivel:
    formato = lvl.find(_W.numFmt)
    texto = lvl.find(_W.lvlText)
    sufijo = lvl.find(_W.suff)
    return _Nivel(
        formato.get(_W.val, "decimal") if formato is not None else "decimal",
        texto.get(_W.val, "") if texto is not None else "",
        _valor(lvl.find(_W.start), 1),
        {"space": " ", "nothing": ""}.get(sufijo.get(_W.val, "") if sufijo is not None else "", "\t"),
    )


# ---------------------------------------------------------------- body, headers, text boxes


_MARCADA, _SIN_MARCAR = "☒", "☐"
"""How Word draws a legacy check box form field, checked or not (the glyphs of its check box content control)."""


def _eleccion(formulario: Element | None) -> str | None:
    """What a legacy drop-down or check box form field shows; None for a text field, whose result is its text."""
    if formulario is None:
        return None
    lista = formulario.find(_W.ddList)
    if lista is not None:
        opciones = [entrada.get(_W.val, "") for entrada in lista.findall(_W.listEntry)]
        elegida = lista.find(_W.result)
        indice = _valor(elegida if elegida is not None else lista.find(_W.default), 0)
        return opciones[indice] if 0 <= indice < len(opciones) else ""
    casilla = formulario.find(_W.checkBox)
    if casilla is not None:
        marca = casilla.find(_W.checked)
        marcada = _activo(marca) if marca is not None else _activo(casilla.find(_W.default))
        return _MARCADA if marcada else _SIN_MARCAR
    return None


@dataclass(slots=True)
class _Campo:
    """A field between its `begin` and `end` marks: Word shows its result (after `separate`), never its code.

    A drop-down or check box form field shows its `eleccion` instead of any result text.
    """

    eleccion: str | None
    en_resultado: bool = False


@dataclass(slots=True)
class _Texto:
    """The text of one paragraph as shown, and the text boxes anchored in it."""

    partes: list[str] = field(default_factory=list)
    cajas: list[Element] = field(default_factory=list)
    campos: list[_Campo] = field(default_factory=list)

    def texto(self) -> str:
        return "".join(self.partes)

    def visible(self) -> bool:
        """Outside any field's code: in the result of every field open here."""
        return all(campo.en_resultado and campo.eleccion is None for campo in self.campos)

    def marca_de_campo(self, marca: Element) -> None:
        """A `w:fldChar`: a field opens, passes from its code to its result, or ends."""
        tipo = marca.get(_W.fldCharType)
        if tipo == "begin":
            self.campos.append(_Campo(_eleccion(marca.find(_W.ffData))))
        elif tipo == "separate" and self.campos:
            self.campos[-1].en_resultado = True
        elif tipo == "end" and self.campos:
            campo = self.campos.pop()
            if campo.eleccion and self.visible():
                self.partes.append(campo.eleccion)


_EN_LINEA = (_W.hyperlink, _W.smartTag, _W.fldSimple, _W.ins, _W.moveTo, _W.customXml, _W.dir, _W.bdo)


def _contenido_de_control(sdt: Element) -> Element | None:
    """A content control's content; None while it only shows its placeholder («Haga clic aquí…»)."""
    propiedades = sdt.find(_W.sdtPr)
    if propiedades is not None and _activo(propiedades.find(_W.showingPlcHdr)):
        return None
    return sdt.find(_W.sdtContent)


def _hijos(padre: Element, etiquetas: tuple[str, ...]) -> Iterator[Element]:
    """Children of `padre` with one of `etiquetas`, looking through content controls, custom XML and alternatives."""
    for hijo in padre:
        if hijo.tag in etiquetas:
            yield hijo
        elif hijo.tag == _W.sdt:
            contenido = _contenido_de_control(hijo)
            if contenido is not None:
                yield from _hijos(contenido, etiquetas)
        elif hijo.tag == _W.customXml:
            yield from _hijos(hijo, etiquetas)
        elif hijo.tag == _ALTERNATIVA:
            opcion = _opcion(hijo)
            if opcion is not None:
                yield from _hijos(opcion, etiquetas)


def _cajas(dibujo: Element, cajas: list[Element]) -> None:
    """Text boxes inside a drawing or a group of shapes, each once: the VML fallback is skipped."""
    for hijo in dibujo:
        if hijo.tag == _W.txbxContent:
            cajas.append(hijo)
        elif hijo.tag == _ALTERNATIVA:
            opcion = _opcion(hijo)
            if opcion is not None:
                _cajas(opcion, cajas)
        else:
            _cajas(hijo, cajas)


def _corrida(r: Element, texto: _Texto) -> None:
    propiedades = r.find(_W.rPr)
    oculta = propiedades is not None and _activo(propiedades.find(_W.vanish))
    for hijo in r:
        etiqueta = hijo.tag
        if etiqueta == _W.fldChar:
            texto.marca_de_campo(hijo)
        elif oculta or not texto.visible():
            continue
        elif etiqueta == _W.t:
            texto.partes.append(hijo.text or "")
        elif etiqueta in (_W.tab, _W.ptab):
            texto.partes.append("\t")
        elif etiqueta in (_W.br, _W.cr):
            texto.partes.append("\n")
        elif etiqueta == _W.noBreakHyphen:
            texto.partes.append("-")
        elif etiqueta in (_W.drawing, _W.pict):
            _cajas(hijo, texto.cajas)
        elif etiqueta == _ALTERNATIVA and (opcion := _opcion(hijo)) is not None:
            _cajas(opcion, texto.cajas)


def _en_linea(padre: Element, texto: _Texto) -> None:
    """Runs of a paragraph in order; deleted text (tracked changes), field codes and hidden runs are not shown.

    A legacy form field shows what was filled in: the text typed in a FORMTEXT, the entry chosen
    in a FORMDROPDOWN, ☒ or ☐ for a FORMCHECKBOX.
    """
    for hijo in padre:
        etiqueta = hijo.tag
        if etiqueta == _W.r:
            _corrida(hijo, texto)
        elif etiqueta in _EN_LINEA:
            _en_linea(hijo, texto)
        elif etiqueta == _W.sdt:
            contenido = _contenido_de_control(hijo)
            if contenido is not None:
                _en_linea(contenido, texto)
        elif etiqueta == _ALTERNATIVA:
            opcion = _opcion(hijo)
            if opcion is not None:
                _en_linea(opcion, texto)


def _propiedad_de_celda(tc: Element, nombre: str) -> Element | None:
    propiedades = tc.find(_W.tcPr)
    return propiedades.find(nombre) if propiedades is not None else None


def _fusion(propiedad: Element | None) -> str | None:
    """`restart`, `continue` or None for a `w:vMerge` / `w:hMerge`; a bare one continues the merge above."""
    return None if propiedad is None else propiedad.get(_W.val, "continue")


_BLOQUES = (_W.p, _W.tbl)


@dataclass(slots=True)
class _Lector:
    numeracion: _Numeracion
    filas: list[FilaLeida] = field(default_factory=list)
    tablas: int = 0

    def bloques(self, padre: Element) -> None:
        """Paragraphs and tables of the body, a page header or a text box, as rows."""
        for hijo in _hijos(padre, _BLOQUES):
            if hijo.tag == _W.p:
                texto = self.parrafo(hijo)
                for linea in texto.texto().split("\n"):
                    if linea.strip():
                        self.filas.append(FilaLeida([Celda(linea.strip())]))
                for caja in texto.cajas:
                    self.bloques(caja)
            else:
                self.tabla(hijo)

    def parrafo(self, p: Element) -> _Texto:
        texto = _Texto()
        numero = self._numero(p.find(_W.pPr))
        if numero:
            texto.partes.append(numero)
        _en_linea(p, texto)
        return texto

    def _numero(self, propiedades: Element | None) -> str:
        num_pr = propiedades.find(_W.numPr) if propiedades is not None else None
        num_id = num_pr.find(_W.numId) if num_pr is not None else None
        if num_pr is None or num_id is None or num_id.get(_W.val, "0") == "0":
            return ""
        return self.numeracion.siguiente(num_id.get(_W.val, ""), _valor(num_pr.find(_W.ilvl), 0))

    def tabla(self, tbl: Element) -> None:
        """Rows of a table; a full-width row holding a table is a frame, and its content is read as blocks."""
        indice: int | None = None
        for celdas, marco in self.filas_de_tabla(tbl, marcos=True):
            if marco is not None:
                self.bloques(marco)
                indice = None
                continue
            if indice is None:
                indice = self.tablas
                self.tablas += 1
            self.filas.append(FilaLeida(celdas, tabla=indice))

    def filas_de_tabla(self, tbl: Element, marcos: bool) -> list[tuple[list[Celda], Element | None]]:
        """Each row on the table's grid, or (when `marcos`) the cell of a row that frames another table."""
        rejilla = tbl.find(_W.tblGrid)
        ancho = len(rejilla.findall(_W.gridCol)) if rejilla is not None else 0
        filas: list[tuple[list[Celda], Element | None]] = []
        fusiones: dict[int, str | None] = {}
        for tr in _hijos(tbl, (_W.tr,)):
            propiedades = tr.find(_W.trPr)
            antes = _valor(propiedades.find(_W.gridBefore), 0) if propiedades is not None else 0
            despues = _valor(propiedades.find(_W.gridAfter), 0) if propiedades is not None else 0
            tcs = list(_hijos(tr, (_W.tc,)))
            if marcos and antes == 0 and len(tcs) == 1 and self._es_marco(tcs[0], ancho):
                filas.append(([], tcs[0]))
                fusiones = {}
                continue
            celdas, fusiones = self._fila(tcs, antes, fusiones)
            celdas.extend(Celda(None) for _ in range(despues))
            ancho = max(ancho, len(celdas))
            filas.append((celdas, None))
        for celdas, marco in filas:
            if marco is None:
                celdas.extend(Celda(None) for _ in range(ancho - len(celdas)))
        return filas

    @staticmethod
    def _es_marco(tc: Element, ancho: int) -> bool:
        return _valor(_propiedad_de_celda(tc, _W.gridSpan), 1) >= ancho and any(
            hijo.tag == _W.tbl for hijo in _hijos(tc, _BLOQUES)
        )

    def _fila(
        self, tcs: list[Element], antes: int, fusiones: dict[int, str | None]
    ) -> tuple[list[Celda], dict[int, str | None]]:
        """One row on the grid; `fusiones` holds the text of each vertical merge still open, by grid column."""
        celdas = [Celda(None) for _ in range(antes)]
        abiertas: dict[int, str | None] = {}
        for tc in tcs:
            columna = len(celdas)
            span = max(1, _valor(_propiedad_de_celda(tc, _W.gridSpan), 1))
            vertical = _fusion(_propiedad_de_celda(tc, _W.vMerge))
            if _fusion(_propiedad_de_celda(tc, _W.hMerge)) == "continue":
                celdas.extend(Celda(None, fusionada=True) for _ in range(span))
                continue
            if vertical == "continue" and columna in fusiones:
                texto = fusiones[columna]
                celdas.append(Celda(texto, fusionada=True))
            else:
                texto = self.texto_de_celda(tc)
                celdas.append(Celda(texto))
            if vertical is not None:
                abiertas[columna] = texto
            celdas.extend(Celda(None, fusionada=True) for _ in range(span - 1))
        return celdas, abiertas

    def texto_de_celda(self, tc: Element) -> str | None:
        """Paragraphs joined by line breaks; a table inside the cell as lines of tab-separated cells."""
        lineas: list[str] = []
        for hijo in _hijos(tc, _BLOQUES):
            if hijo.tag == _W.p:
                texto = self.parrafo(hijo)
                lineas.append(texto.texto())
                lineas.extend(t for caja in texto.cajas if (t := self.texto_de_celda(caja)))
            else:
                lineas.extend(self._tabla_aplanada(hijo))
        unido = "\n".join(lineas).strip()
        return unido or None

    def _tabla_aplanada(self, tbl: Element) -> list[str]:
        lineas = []
        for celdas, _ in self.filas_de_tabla(tbl, marcos=False):
            linea = "\t".join(c.texto for c in celdas if c.texto and not c.fusionada)
            if linea.strip():
                lineas.append(linea)
        return lineas


# ---------------------------------------------------------------- package


def _a_transicional(raiz: Element) -> None:
    """Strict Open XML (an option of «Guardar como») names the same elements in other namespaces."""
    for elemento in raiz.iter():
        for estricto, transicional in _ESTRICTOS.items():
            if elemento.tag.startswith(estricto):
                elemento.tag = transicional + elemento.tag[len(estricto) :]
        for nombre in [n for n in elemento.attrib if n.startswith("{http://purl.oclc.org/")]:
            for estricto, transicional in _ESTRICTOS.items():
                if nombre.startswith(estricto):
                    elemento.attrib[transicional + nombre[len(estricto) :]] = elemento.attrib.pop(nombre)


def _parte(paquete: zipfile.ZipFile, nombre: str) -> Element | None:
    """One XML part of the package, or None when it is absent."""
    try:
        info = paquete.getinfo(nombre)
    except KeyError:
        return None
    try:
        with paquete.open(info) as flujo:
            raiz: Element | None = parse(flujo, forbid_dtd=True).getroot()
    except ParseError as error:
        raise ArchivoIlegible(
            f"El documento de Word está dañado: su parte interna «{nombre}» no es XML válido "
            f"(falla en la línea {error.position[0]})."
        ) from error
    if raiz is None:
        return None
    if any(raiz.tag.startswith(estricto) for estricto in _ESTRICTOS):
        _a_transicional(raiz)
    return raiz


@dataclass(frozen=True, slots=True)
class _Relaciones:
    """Where the relationships of one part lead: by id (`rId7`) and by kind (`numbering`)."""

    por_id: dict[str, str]
    por_tipo: dict[str, str]

    @classmethod
    def de(cls, paquete: zipfile.ZipFile, parte: str) -> _Relaciones:
        carpeta, nombre = posixpath.split(parte)
        raiz = _parte(paquete, posixpath.join(carpeta, "_rels", f"{nombre}.rels"))
        por_id: dict[str, str] = {}
        por_tipo: dict[str, str] = {}
        for relacion in raiz.iter(_RELACION) if raiz is not None else ():
            destino = relacion.get("Target", "")
            if relacion.get("TargetMode") == "External" or not destino:
                continue
            ruta = destino[1:] if destino.startswith("/") else posixpath.normpath(posixpath.join(carpeta, destino))
            por_id[relacion.get("Id", "")] = ruta
            por_tipo.setdefault(relacion.get("Type", "").rsplit("/", 1)[-1], ruta)
        return cls(por_id, por_tipo)


def _secciones(cuerpo: Element) -> list[Element]:
    """Section properties in document order: those closing a section inside the text, then the last one."""
    secciones = []
    for p in _hijos(cuerpo, (_W.p,)):
        propiedades = p.find(_W.pPr)
        seccion = propiedades.find(_W.sectPr) if propiedades is not None else None
        if seccion is not None:
            secciones.append(seccion)
    final = cuerpo.find(_W.sectPr)
    if final is not None:
        secciones.append(final)
    return secciones


def _partes_de_pagina(secciones: list[Element], referencia: str, relaciones: _Relaciones) -> list[str]:
    """Header (or footer) parts shown on the pages, each once; the first-page one when a section uses it."""
    partes: list[str] = []
    for seccion in secciones:
        tipos = ("first", "default") if _activo(seccion.find(_W.titlePg)) else ("default",)
        por_tipo = {ref.get(_W.type, "default"): ref.get(_W.id, "") for ref in seccion.findall(referencia)}
        for tipo in tipos:
            parte = relaciones.por_id.get(por_tipo.get(tipo, ""))
            if parte and parte not in partes:
                partes.append(parte)
    return partes


def _leer_paquete(paquete: zipfile.ZipFile) -> list[FilaLeida]:
    principal = _Relaciones.de(paquete, "").por_tipo.get("officeDocument", "word/document.xml")
    documento = _parte(paquete, principal)
    if documento is None:
        raise ArchivoIlegible(
            "El archivo no tiene el cuerpo de un documento de Word (falta word/document.xml): "
            "está dañado o no es un .docx."
        )
    cuerpo = documento.find(_W.body)
    if cuerpo is None:
        raise ArchivoIlegible("El archivo no contiene un documento de Word reconocible: está dañado o no es un .docx.")
    relaciones = _Relaciones.de(paquete, principal)
    numeracion = relaciones.por_tipo.get("numbering")
    lector = _Lector(_Numeracion.desde(_parte(paquete, numeracion) if numeracion else None))
    secciones = _secciones(cuerpo)
    for referencia in (_W.headerReference, _W.footerReference):
        for nombre in _partes_de_pagina(secciones, referencia, relaciones):
            parte = _parte(paquete, nombre)
            if parte is not None:
                lector.bloques(parte)
    lector.bloques(cuerpo)
    return lector.filas


def leer_docx(fuente: Fuente) -> list[HojaLeida]:
    """Everything visible in a Word file, as one `HojaLeida`; `ArchivoIlegible` when it cannot be read."""
    try:
        with zipfile.ZipFile(fuente) as paquete:
            return [HojaLeida(_leer_paquete(paquete))]
    except zipfile.BadZipFile as error:
        raise ArchivoIlegible(
            "El archivo no es un documento de Word .docx válido: está dañado o incompleto, o es un .doc antiguo "
            "o protegido con contraseña (ábralo en Word y guárdelo como .docx sin contraseña)."
        ) from error
    except DefusedXmlException as error:
        raise ArchivoIlegible(
            "El documento de Word contiene declaraciones XML no permitidas (DTD o entidades) "
            "y no se abrió por seguridad."
        ) from error
    except (zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise ArchivoIlegible(
            "El documento de Word está dañado o usa una compresión desconocida: su contenido no se puede descomprimir."
        ) from error
    except RecursionError as error:
        raise ArchivoIlegible(
            "El documento de Word anida tablas o cuadros de texto sin fin y no se puede leer."
        ) from error
    except RuntimeError as error:
        raise ArchivoIlegible(
            "El documento de Word tiene partes cifradas con contraseña y no se puede leer."
        ) from error
    except FileNotFoundError as error:
        raise ArchivoIlegible("No se encontró el archivo.") from error
    except OSError as error:
        raise ArchivoIlegible(f"No se pudo leer el archivo del disco: {error.strerror or error}.") from error
