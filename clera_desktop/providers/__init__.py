"""Provider adapters: the only code that imports an SDK. Each returns ``models.provider_data``."""
