"""Screening a case against watchlists: the watchlist database and its loader
(:mod:`.watchlist_db`, :mod:`.watchlist_import`), candidate retrieval (:mod:`.candidates`),
scoring in worker processes (:mod:`.pool`), a run recorded in the case (:mod:`.screen`), the
hits as a reviewer reads them (:mod:`.results`) and what the dossier prints
(:mod:`.summary`). The scorer itself is pure: :mod:`casefile.core.screening`."""
