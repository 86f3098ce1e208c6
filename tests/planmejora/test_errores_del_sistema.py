"""The system's reason for a failed file, as a Spanish message says it."""

import errno

import pytest

from planmejora.errores_del_sistema import causa


@pytest.mark.parametrize(
    ("codigo", "dice"),
    [
        (errno.EACCES, "no hay permiso"),
        (errno.EEXIST, "ya existe un archivo con ese nombre"),
        (errno.ENOSPC, "el disco está lleno"),
        (errno.EROFS, "el disco es de solo lectura"),
        (errno.ENOENT, "no existe"),
    ],
)
def test_los_errores_comunes_se_dicen_en_espanol(codigo: int, dice: str) -> None:
    assert causa(OSError(codigo, "texto del sistema en inglés")) == dice


def test_un_error_sin_traduccion_se_dice_como_lo_dice_el_sistema() -> None:
    assert causa(OSError(errno.ENOTSOCK, "Socket operation on non-socket")) == "Socket operation on non-socket"
    assert causa(OSError("sin código")) == "sin código"
