"""How well a finding's grade is borne out by its sources — the one rule the dossier (with
the finding, and in ``casefile export-pdf``'s notes) and the finding's editor both say: high
confidence means several agreeing sources, so a finding graded high on fewer than two is
pointed out. Never blocking: the analyst may know better, and the warning says what to do
about it."""

from __future__ import annotations

from collections.abc import Iterable

SOURCES_FOR_HIGH = 2  # high confidence rests on at least this many distinct sources


def high_on_few_sources(confidence: str | None, sources: Iterable[object]) -> str | None:
    """What is wrong with grading a finding ``confidence`` on ``sources`` (the distinct
    sources it cites: ids, numbers, anything that tells them apart), or None when
    nothing is: 'graded high confidence but cites only 1 source; …'."""
    n = len(set(sources))
    if confidence != "high" or n >= SOURCES_FOR_HIGH:
        return None
    cites = "no source" if n == 0 else "only 1 source" if n == 1 else f"only {n} sources"
    return (f"graded high confidence but cites {cites}; the dossier defines high "
            "confidence as several agreeing sources")


def high_on_few_sources_advice(confidence: str | None, sources: Iterable[object]
                               ) -> str | None:
    """The same, as the finding's editor says it, with what to do."""
    said = high_on_few_sources(confidence, sources)
    if said is None:
        return None
    return (f"This finding is {said}. Cite another source that agrees, or grade it "
            "moderate; the PDF dossier prints this note with the finding.")
