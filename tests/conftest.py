import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Saved mappings, recent files and settings of the test run stay out of the user's folders.
for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = tempfile.mkdtemp(prefix=f"casefile-test-{var.lower()}-")
# So does the log (on every OS: platformdirs reads XDG_* on Linux only); the CLI run in-process
# and in subprocesses writes it here, and tests that read it point it at their tmp_path.
os.environ["CASEFILE_LOG_DIR"] = tempfile.mkdtemp(prefix="casefile-test-logs-")

import pytest  # noqa: E402

from casefile.services.case.facade import Case  # noqa: E402
from casefile.services.exchange.demo import write_demo  # noqa: E402


@pytest.fixture
def case_path(tmp_path):
    return tmp_path / "test.casefile"


@pytest.fixture
def case(case_path):
    c = Case.new(case_path, title="Test case")
    yield c
    c.close()


@pytest.fixture
def demo(tmp_path):
    c = write_demo(tmp_path / "demo.casefile")
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _cases_closed(monkeypatch):
    """Every case a test opens is closed when it ends, as the app closes its own: a test
    that drops a Case unclosed left its pooled SQLite connection to the garbage collector,
    which Python 3.13 reports (ResourceWarning: unclosed database) in whatever test runs
    next. Kept alive until then, closed here (closing twice is harmless)."""
    opened: list[Case] = []
    init = Case.__init__

    def recorded(self, *args, **kwargs):
        init(self, *args, **kwargs)
        opened.append(self)

    monkeypatch.setattr(Case, "__init__", recorded)
    yield
    for c in reversed(opened):
        try:
            c.close()
        except Exception:  # noqa: BLE001 - a test may have removed its folder; asserted already
            pass
    if os.environ.get("CASEFILE_TEST_GC"):  # a leak hunt: what a test left to the collector
        import gc  # is reported in that test, not in whichever runs next

        gc.collect()
