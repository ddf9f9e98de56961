"""Boundaries keyed by adcode, read from the committed files in data/boundaries/ (see README "Map")."""
