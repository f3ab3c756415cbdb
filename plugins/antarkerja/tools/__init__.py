"""Development tools: benchmarks, trust measurement, a local web server for tests. Imported
only by ``antarkerja bench`` and the tests, never by the records or the site."""
