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


def test_garbage_is_collected_on_the_gui_thread_only(qtbot):
    """Cyclic garbage collection on the worker thread deadlocked against the GUI thread;
    with a worker running, collection is off and a GUI-thread timer does it."""
    import gc
    import threading
    import weakref

    from casefile.ui.worker import DbWorker

    collections: list[int] = []  # the thread each collection started on

    def started(phase, _info):
        if phase == "start":
            collections.append(threading.get_ident())

    gc.callbacks.append(started)
    worker = DbWorker()
    try:
        assert not gc.isenabled()

        class Node:
            pass

        def churn():  # garbage cycles far past the threshold: a collection would start here
            for _ in range(10 * gc.get_threshold()[0]):
                n = Node()
                n.me = n
            return threading.get_ident()

        answers = []
        worker.submit(churn, answers.append)
        qtbot.waitUntil(lambda: len(answers) == 1, timeout=5000)
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        gone = weakref.ref(a)
        del a, b
        kept = [[Node()] for _ in range(gc.get_threshold()[0] + 10)]  # past the threshold
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        del kept
        assert collections, "the cycle was freed without a collection"
        assert answers[0] not in collections  # never on the worker thread
        assert set(collections) == {threading.get_ident()}  # only on the GUI thread
    finally:
        gc.callbacks.remove(started)
        worker.stop()
