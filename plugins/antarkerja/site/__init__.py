"""The website: model, figures, search, generator, writer and the output families. Reads
records through ``antarkerja.records``; never imported by it."""
