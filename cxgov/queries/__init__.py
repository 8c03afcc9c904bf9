"""The read side: SQL aggregates returned as pandas DataFrames for pages and exports.

Queries take a Session and plain parameters, aggregate in SQL (never in Python loops) and return
DataFrames of plain values (enum columns as their string codes), so results can be cached and exported.
"""
