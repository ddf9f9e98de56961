"""Analysts' export: charts as PNG/SVG/PDF with their sources, data as CSV/XLSX, briefing packs."""
