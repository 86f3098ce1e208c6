"""Debian's Chromium driven by Playwright, as every browser test opens it.

Chromium is a system package (`apt-get install chromium`; `.ci/run` installs it). Without it a
browser test is skipped on a developer's machine and fails in CI, where a skip would hide that the
page was never opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import _en_ci

CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTOS_CHROMIUM = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_de_pruebas() -> Iterator[Any]:
    """The browser for a module's tests, closed when they end (a generator for a pytest fixture)."""
    if not CHROMIUM.exists():
        motivo = f"no está {CHROMIUM} (apt-get install chromium)"
        if _en_ci():
            pytest.fail(motivo, pytrace=False)
        pytest.skip(motivo)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        navegador = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTOS_CHROMIUM)
        try:
            yield navegador
        finally:
            navegador.close()
