"""The FAQ knowledge base: entry files, validation and question matching (no Discord here)."""
