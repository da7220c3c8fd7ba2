"""Data files shipped with cluedesk: demo city, work calendars, fonts, icons."""
