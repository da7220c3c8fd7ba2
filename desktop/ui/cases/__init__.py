"""The penalty cases' screens: the case list, the case tab of a clue, the forms of every case
action and the print preview of the 行政处罚决定书."""
