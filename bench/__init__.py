"""Benchmarks of planmejora, run by `make bench` (`python -m bench [nombre ...]`): they print, never assert.

Each benchmark is a module with `correr(consola)`; add it to `REGISTRO` under the name a user types.
"""

REGISTRO: dict[str, str] = {
    "arranque": "bench.arranque",
    "ocr": "bench.ocr",
    "fechas": "bench.fechas",
    "canal": "bench.canal",
    "pdf_nuevos": "bench.pdf_nuevos",
    "web": "bench.web",
}
