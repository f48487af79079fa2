"""Vector figures of the dossier, by the names sections.py imports: the timeline (from the
same core rows as the GUI) in :mod:`casefile.report.figure_timeline`, the shipment network
in :mod:`casefile.report.figure_network`, their labels (one String per font run) in
:mod:`casefile.report.figure_text`."""

from __future__ import annotations

from casefile.report.figure_network import NetworkFigure, network_drawing, network_figure
from casefile.report.figure_text import label_strings
from casefile.report.figure_timeline import (
    TimelineFigure,
    chronology_numbers,
    timeline_drawing,
    timeline_figure,
)
from casefile.report.figure_timeline_lanes import counting_period
from casefile.report.figure_timeline_legend import legend_drawing

__all__ = ["NetworkFigure", "TimelineFigure", "chronology_numbers", "counting_period",
           "label_strings", "legend_drawing", "network_drawing", "network_figure",
           "timeline_drawing", "timeline_figure"]
