"""The monthly circular's compose dialog (月度通报)."""

from desktop.ui.circular.dialog import CIRCULAR_KEY, CircularDialog, may_compose

__all__ = ["CIRCULAR_KEY", "CircularDialog", "may_compose"]
