"""PySide6 6.12.0 on Python 3.11 aborts after a few hundred Signal.emit() calls
(bool_dealloc); this guards the pin in pyproject.toml."""

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal(bool)


def test_ten_thousand_emits(qapp):
    e = Emitter()
    seen = []
    e.fired.connect(seen.append)
    for i in range(10_000):
        e.fired.emit(i % 2 == 0)
    assert len(seen) == 10_000 and seen[:2] == [True, False]

