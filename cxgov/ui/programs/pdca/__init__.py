"""The PDCA record on the initiative page: the A3, its form, the moves through the phases."""
