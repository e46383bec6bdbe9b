"""The demo campaign generator: a whole campaign package (CSV files, dossiers, slides, screenshots) written by
code, for trying the program, for the tests and for the benchmarks. Nothing the jury reads or signs comes from
here; only the demo commands, the application's demo start and the demo credentials import it."""
