"""c2i2e-jury: the jury workspace of the French C2i2e certification."""

__all__ = ["__version__"]

try:  # a frozen build: build.spec writes _version.py from pyproject.toml (no metadata search at start-up)
    from c2i2e_jury._version import __version__
except ImportError:
    from importlib.metadata import PackageNotFoundError, version

    try:
        __version__ = version("c2i2e-jury")
    except PackageNotFoundError:
        __version__ = "0.0.0"

__all__ = ["__version__"]
