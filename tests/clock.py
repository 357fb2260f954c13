"""The clock the tests share with the code under test.

``CLERA_TODAY`` when it is set (tests/run_on_dates.py sets it to each date of the calendar run),
else today, fixed for the whole session at noon New York: a world built at the start of the run
is the world every later test and every child process sees, even across midnight.
"""

from __future__ import annotations

import os

from clera_desktop.core.clock import ENVIRONMENT_VARIABLE, FixedClock, SystemClock, parse_as_of

_CHOSEN = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
TEST_CLOCK: FixedClock = parse_as_of(_CHOSEN) if _CHOSEN else FixedClock.on(SystemClock().today())
#: The day the tests play (the sandbox's world ends here; the app's today).
TODAY = TEST_CLOCK.today()
#: For child processes (the CLI, the demo's sandbox): the same day.
AS_OF_ARGUMENT = _CHOSEN or TODAY.isoformat()
