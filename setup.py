"""Package discovery, which pyproject.toml cannot combine with the two data packages mapped from the top of the
repository (resources/ and database/): every package under c2i2e_jury/ is found, those two are added. Everything
else about the build is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["c2i2e_jury", "c2i2e_jury.*"]),
        "c2i2e_jury.resources",
        "c2i2e_jury.database",
    ]
)
