"""Screening parties against a watchlist, as pure computation: the records compared
(:mod:`.records`), the derived Latin form of Han names (:mod:`.han`), the keys a watchlist is
indexed and searched by (:mod:`.keys`), name-part alignment (:mod:`.names`) and the score with
its explanation in words (:mod:`.score`).

The scorer follows OpenSanctions' published ``logic-v2`` (nomenklatura): names are analysed
and aligned with ``rigour`` (symbol pairing, then residue distance), identifiers with check
digits and weak aliases are the other main features, and country, birth date and gender are
qualifiers that lower a score. Unlike logic-v2 it also compares Chinese and Japanese names
through a derived pinyin/romanised form (see :mod:`.han`)."""

ALGORITHM = "casefile-logic-v2"
ALGORITHM_VERSION = "1"
REVIEW_THRESHOLD = 0.5
FLAG_THRESHOLD = 0.7
# a hit's 'reopened' that says no earlier decision was set aside: a new pair, or one seen
# before and never decided (look17: the dossier printed "Reopened: not yet decided")
NOT_REOPENED = ("", "new", "not yet decided")
