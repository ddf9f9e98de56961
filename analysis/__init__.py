"""Pure analysis of figures (no SQL, no components): series, roll-ups, status."""
