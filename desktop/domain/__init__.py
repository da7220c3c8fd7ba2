"""The rules of the closed loop, pure Python: no Qt, no database, no I/O."""
