"""The one way a reader says a file cannot be read: a message a person understands."""


class ArchivoIlegible(Exception):
    """Raised by a format reader; `mensaje` is clear Spanish naming the problem, never a traceback."""

    def __init__(self, mensaje: str) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje
