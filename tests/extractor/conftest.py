"""What the extractor's tests share: whether this machine can run OCR."""

from __future__ import annotations

import os

import pytest

import extractor.ocr
from extractor.ocr import INSTALAR


@pytest.fixture
def con_tesseract() -> None:
    """Tesseract with Spanish is part of the install (`.ci/run` installs it): in CI its absence fails."""
    if extractor.ocr._falta_tesseract() is not None:
        motivo = f"falta Tesseract con español ({INSTALAR})"
        if os.environ.get("PLANMEJORA_CI") == "1":
            pytest.fail(motivo, pytrace=False)
        pytest.skip(motivo)
