"""The only Qt package: shell, views, item models, charts, dialogs."""
