"""The web application for the office (`planmejora servir`): one more thin layer over the library.

from planmejora.web import crear_app
import uvicorn

uvicorn.run(crear_app("sqlite:///planes.db"), host="127.0.0.1", port=8000)

Pages read the public views with the queries of `planmejora.web.consultas`; uploads go through
`planmejora.ingesta.ingerir`; downloads are written by the same functions as the commands.
"""

from planmejora.web.aplicacion import crear_app

__all__ = ["crear_app"]
