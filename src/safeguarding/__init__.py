"""safeguarding: the English child-safeguarding domain as typed models and functions."""

__version__ = "0.1.0.dev0"
"""The version of the package: the one place it is written (the build reads it from here)."""
