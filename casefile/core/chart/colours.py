"""The link chart's colours, shared by the window and the PDF dossier (Okabe–Ito based)."""

from __future__ import annotations

KIND_COLOURS = {"company": "#0072B2", "person": "#009E73", "organisation": "#CC79A7",
                "public_body": "#56B4E9", "vessel": "#3D5A80", "aircraft": "#6A4C93",
                "other": "#7F7F7F", "country": "#B8860B", "authority": "#8B0000",
                "event": "#E69F00"}
LINK_COLOURS = {"shipment": "#0072B2", "relationship": "#4D4D4D", "sanction": "#D55E00",
                "participation": "#E69F00", "shared_event": "#AA4499"}
SANCTION_RED = "#D00000"
