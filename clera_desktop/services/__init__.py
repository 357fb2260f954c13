"""The app's services as the window and the command line see them: awaitable, Qt-free, returning
snapshots. ``app.AppServices`` assembles them; each module here has one job and is imported on its
own (a report on the command line loads the history's, not the window's)."""
