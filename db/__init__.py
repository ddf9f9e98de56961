"""The data layer: the only package that knows SQL."""
