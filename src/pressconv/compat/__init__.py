"""Fences around third-party internals: one module per library holds every private thing used of it."""
