"""The link chart without Qt: the graph model (:mod:`.model`), how it is built from facts
(:mod:`.build`), layouts (:mod:`.layout`, :mod:`.layered`), shortest paths (:mod:`.paths`) and
a saved chart's state (:mod:`.state`). :func:`casefile.core.chart.state.place` gives every
node's position for a graph and a saved state: what the GUI and the PDF both draw."""
