"""What every page shares: the cached read and data versions, writes and flash, texts, tables and links."""
