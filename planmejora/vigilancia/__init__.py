"""Keeping watch over a folder: each new or changed copy of the form is loaded once it is completely written.

News of changes (events or a periodic scan, `observador`) feeds the wait for each file to settle
(`asentamiento`); the `vigilante` hands settled files to the ingestion one at a time, retries when the
database is away, and with `--mover` sorts them out of the way (`mover`). Everything it does goes to a
rotating log (`registro`).
"""
