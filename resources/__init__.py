"""Data files read through importlib.resources (installed as the package ``c2i2e_jury.resources``)."""
