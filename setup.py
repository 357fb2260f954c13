"""Only what pyproject.toml cannot say: resources/ (the icons and the compiled translations) ships
inside the package as ``clera_desktop.resources``, where ui/resources.py finds it in an installed wheel."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["clera_desktop*"]), "clera_desktop.resources", "clera_desktop.resources.icons",
              "clera_desktop.resources.translations"],
    package_dir={"clera_desktop.resources": "resources"},
)
