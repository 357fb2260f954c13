"""Core building blocks shared by every layer: money, errors, settings, secrets, logging.

Nothing in ``core`` imports Qt or a provider SDK.
"""
