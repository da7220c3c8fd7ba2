"""The unit assessment view (单位考核): periods, the table model and the view."""
