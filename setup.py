"""Only what pyproject.toml cannot say: resources/ (the icons) ships inside the package as
``clera_desktop.resources``, where ui/resources.py finds it in an installed wheel."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["clera_desktop*"]), "clera_desktop.resources", "clera_desktop.resources.icons"],
    package_dir={"clera_desktop.resources": "resources"},
)
