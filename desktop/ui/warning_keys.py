"""The shortcuts of the warning record's two red-warning views (the menu's and the view's)."""

RED_THIS_WEEK_KEY = "Ctrl+Alt+W"
"""预警台账 on 本周红色预警."""
RED_OPEN_KEY = "Ctrl+Alt+R"
"""预警台账 on 红色预警未消除."""
