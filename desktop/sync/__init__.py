"""The client side of sync with the city platform: HTTP, tokens, the sync engine."""
