"""Measurement → Import: survey responses and readings from files, previewed, then imported whole."""
