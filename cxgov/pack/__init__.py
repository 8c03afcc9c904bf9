"""The board pack: its content read from a meeting, frozen as a snapshot, and drawn as PPTX, PDF and XLSX."""
