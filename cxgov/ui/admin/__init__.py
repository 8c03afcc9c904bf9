"""Admin pages (one module per page) and what they share: the forms, tables, audit reads and export."""
