"""Words and numbers for people, below everything that shows or reads them: 万/亿 formatting (``format``),
the comparator table (``comparators``) and the zh/en catalogue (``i18n``). Imports nothing of the product."""
