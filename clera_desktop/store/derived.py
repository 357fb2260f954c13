"""What is derived from activities, closes and rates, brought up to date in one place.

Manual accounts' positions and cash come first (they are read from activities and closes), then
every account's daily history (which anchors today on those positions). Whoever changes an input
(an import, an activity typed in a form, a fetch of closes or rates) calls this in the same
transaction, so the views never show one without the other.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clera_desktop.core.clock import Clock
from clera_desktop.store.history import rebuild_all
from clera_desktop.store.manual import refresh_manual_accounts


def bring_up_to_date(session: Session, clock: Clock) -> list[str]:
    """Returns the accounts whose history was rebuilt."""
    refresh_manual_accounts(session, today=clock.today(), now=clock.now(), changed_only=True)
    return rebuild_all(session, clock)
