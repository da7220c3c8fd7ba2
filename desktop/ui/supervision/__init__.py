"""The windows of the commissions' own records: suggestions (建议与督办) for the commission and
the addressed unit, accountability records (问责记录), and printing a suggestion."""
