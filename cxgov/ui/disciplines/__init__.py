"""The six discipline pages (one module renders each by its code) and their KPI panel."""
