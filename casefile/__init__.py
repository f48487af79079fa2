"""Casefile: offline case files for investigators."""

__version__ = "0.1.0"
