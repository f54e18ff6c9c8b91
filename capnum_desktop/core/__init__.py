"""The core: everything CapNum does to data, as plain functions and classes.

This package must never import Qt (PySide6/shiboken6); tests/test_architecture.py enforces it.
"""
