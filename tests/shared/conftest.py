"""The shared-book tests use the synced-sandbox harness of the sync tests."""

from tests.sync.conftest import harness  # noqa: F401 - re-exported fixture
