"""The weekly verification (每周核查) of a dispatching office: the week's sample, the worklist,
the form recording a result, and the week's report."""
