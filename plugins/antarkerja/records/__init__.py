"""Reading and checking content/: loading, schema, rules, validation, formatting, the issue
and scaffold paths, history. Imports nothing from ``antarkerja.site`` or ``antarkerja.tools``,
and neither Pelican nor Jinja: the validator runs without the site stack."""
