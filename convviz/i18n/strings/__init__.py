"""Translation tables, one module per topic; see :mod:`convviz.i18n`."""
