"""c2i2e-jury: the jury workspace of the French C2i2e certification."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("c2i2e-jury")
except PackageNotFoundError:  # a frozen build without metadata; build.spec writes _version.py then
    try:
        from c2i2e_jury._version import __version__  # type: ignore[no-redef]
    except ImportError:
        __version__ = "0.0.0"
