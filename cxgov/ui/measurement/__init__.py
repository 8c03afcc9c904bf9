"""The Measurement page: the discipline overview, the CX analyst's KPI workplace, and CX against business."""
