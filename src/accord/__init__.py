"""Accord: jointly assess AI models against shared red lines and AI standards."""

__version__ = "0.1.0"
__all__ = ["__version__"]
