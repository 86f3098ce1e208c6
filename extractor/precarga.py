"""What the fork server of `extractor.aislamiento` imports once, so that each new reader process starts warm.

A module that fails to import here is left out: the worker imports it again when it needs it and
the failure becomes that file's error. The fork server itself must not die.
"""

import contextlib
import importlib

for _modulo in (
    "extractor.pdf",
    "extractor.docx",
    "extractor.xlsx",
    "extractor.xls",
    "extractor.imagen",
    "normalizacion.documento",
    "planmejora.api",
):
    with contextlib.suppress(Exception):
        importlib.import_module(_modulo)
