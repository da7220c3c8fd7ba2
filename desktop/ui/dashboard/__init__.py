"""The statistics dashboard (统计看板): the period's figures, a trend, the units side by side."""
