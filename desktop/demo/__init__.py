"""The demo city of Lianyungang and a deterministic generator of its clues (pure Python)."""
