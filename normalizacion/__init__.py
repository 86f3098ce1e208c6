"""Turns what people typed into typed values, and says how each was obtained.

Pure functions, no I/O: it knows values, never files.
"""

from normalizacion.documento import normalizar_documento

__all__ = ["normalizar_documento"]
