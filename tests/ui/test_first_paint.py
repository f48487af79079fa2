"""`casefile --paint-and-quit`: the window says when it first painted, then closes."""

from PySide6.QtWidgets import QWidget

from casefile.cli import _parser
from casefile.ui.app import _FirstPaint, since_start


def test_the_probe_prints_the_first_paint_and_closes_the_window(qtbot, capsys):
    win = QWidget()
    qtbot.addWidget(win)
    win.installEventFilter(_FirstPaint(win))
    win.show()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5000)
    out = capsys.readouterr().out
    assert out.startswith("first paint: ") and out.rstrip().endswith("s after start")
    seconds = float(out.split()[2])
    assert 0 < seconds <= since_start() + 0.02  # from the process start (printed to 0.01 s)


def test_a_case_opened_so_is_closed_whole_its_lock_files_gone(tmp_path):
    """(look24) The window closed at its first paint, while its case was still opening:
    the case opened after and kept its .lock and .owner files beside it."""
    import os
    import subprocess
    import sys

    from casefile.services.case.facade import Case

    path = tmp_path / "pq.casefile"
    Case.new(path).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "casefile", "--paint-and-quit", "open",
                           str(path)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("first paint: ")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("pq")) == [
        "pq.casefile"]


def test_the_flag_is_on_the_command_line():
    args = _parser().parse_args(["--paint-and-quit", "open", "x.casefile"])
    assert args.paint_and_quit and args.verb == "open"
    assert not _parser().parse_args([]).paint_and_quit


def test_a_double_clicked_case_is_opened():
    """The desktop entry starts `casefile-gui %f`: a bare case path means `open`."""
    from casefile.cli import _file_opened

    assert _file_opened(["/cases/x.casefile"]) == ["open", "/cases/x.casefile"]
    assert _file_opened(["--paint-and-quit", "x.casefile"]) == ["--paint-and-quit", "open",
                                                                 "x.casefile"]
    assert _file_opened(["check", "x.casefile"]) == ["check", "x.casefile"]
    assert _file_opened(["demo"]) == ["demo"] and _file_opened([]) == []
