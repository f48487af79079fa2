"""The GUI's database worker thread."""


def test_answers_after_stop_are_dropped(qtbot):
    """Closing the window stops the worker; a job's answer must not reach a closed window
    (it used to be delivered later, into whatever ran next)."""
    import time

    from casefile.ui.worker import DbWorker

    worker = DbWorker()
    heard = []
    worker.submit(lambda: time.sleep(0.3) or "late", heard.append, heard.append)
    worker.submit(lambda: "queued", heard.append, heard.append)
    worker.stop()  # waits for the running job; the queued one never runs
    qtbot.wait(200)  # any answer still on its way would arrive now
    assert heard == [] and worker.pending == 0
    worker.submit(lambda: "after", heard.append)
    qtbot.wait(100)
    assert heard == [] and worker.pending == 0
