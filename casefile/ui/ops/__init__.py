"""Small typed GUI operations: each returns a :class:`~casefile.ui.session.CaseOp` (or starts
the work on the session's worker) and knows nothing of windows or widgets."""
