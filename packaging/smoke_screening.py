"""The screening dialog, driven inside the frozen app (packaging/smoke.sh runs it).

A frozen folder runs no Python script it is given; but like every frozen program that
calls ``multiprocessing.freeze_support()``, ``casefile --multiprocessing-fork pipe_handle=N``
reads a spawned worker's preparation from descriptor N, and a preparation may name a file to
run as the worker's main module. smoke.sh hands it this file: it runs in the frozen
interpreter, with the folder's own modules and libraries, in smoke.sh's clean environment.

In the current folder it opens the main window on ``demo.casefile`` (the watchlist ``smoke``
already loaded: smoke.sh did it with ``casefile watchlist import``), chooses Case → Screen Case
Against a Watchlist…, presses Screen Case (scored in the dialog's worker processes, spawned
from the frozen executable), and checks that the NORINCO hit, found only through the pinyin
of its Chinese name (ICU's Han-Latin transliteration), is listed first and explained; saves
the dialog as ``screening.png``; prints what it saw. Exits 0 when all was as expected.
"""

import multiprocessing.process
import os
import sys
import time
from pathlib import Path


def _wait(app, condition, seconds: float, what: str) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"smoke_screening: FAIL {what} (after {seconds:.0f} s)")
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    # spawn's bootstrap marks this process as still starting, which forbids starting
    # processes of its own: it has started (the dialog's scoring pool spawns workers)
    multiprocessing.process.current_process()._inheriting = False  # type: ignore[attr-defined]
    from casefile.ui.app import make_app, open_main_window

    t0 = time.monotonic()
    app = make_app(["casefile-gui"])
    win = open_main_window(Path("demo.casefile"))
    _wait(app, lambda: win.session.case is not None and win.menus.screening.isEnabled(), 60,
          "the demo case did not open")
    win.menus.screening.trigger()
    dlg = win.commands.dialogs["screening"]
    _wait(app, dlg.isVisible, 10, "the screening dialog did not show")
    if dlg.watchlists.currentText() != "smoke":
        raise SystemExit(f"smoke_screening: FAIL watchlist {dlg.watchlists.currentText()!r}")
    workers = dlg.pool.workers if dlg.pool is not None else 0
    dlg.screen_button.click()
    _wait(app, lambda: dlg.model.rowCount() >= 2 and dlg.screen_button.isEnabled(), 180,
          "no hits listed")
    _wait(app, lambda: win.session.worker.pending == 0, 60, "the screening did not finish")
    rows = [(h.score, h.party, h.list_caption) for h in dlg.model.rows]
    dlg.table.selectRow(0)
    _wait(app, lambda: bool(dlg.explanation.text()), 30, "no explanation of the first hit")
    explanation = dlg.explanation.text()
    dlg.grab().save("screening.png")
    print(f"smoke_screening: {dlg.status.text()}")
    for score, party, caption in rows:
        print(f"smoke_screening: {score:.2f} {party} ~ {caption}")
    print(f"smoke_screening: first hit explained: {explanation}")
    print(f"smoke_screening: {workers} scoring processes, {time.monotonic() - t0:.1f} s")
    top = rows[0]
    ok = (top[1].startswith("China North Industries") and "Zhongguo Beifang" in top[2]
          and "pinyin" in explanation and "中国北方工业集团有限公司" in explanation
          and any(party == "Tekhkrim" for _, party, _ in rows) and workers > 0)
    dlg.close()
    win.close()
    app.processEvents()
    win.session.shut_down()
    print("smoke_screening: " + ("ok" if ok else "FAIL not the hits expected"))
    return 0 if ok else 1


if __name__ == "__mp_main__":  # run by the frozen app's spawn bootstrap (see above)
    status = 1
    try:
        status = main()
    except SystemExit as exc:
        print(exc, file=sys.stderr)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)  # not back into the bootstrap: it would wait for a process to run
