"""Reads copies of GEM-FM014 and returns the cells as written, each with its origin.

The extractor knows files, never the meaning of values: dates stay text (or the
typed value Excel stored), yes/no words stay words. `normalizacion` interprets.
Its shapes are in `extractor.modelo`; a Python user imports from `planmejora`.
"""
