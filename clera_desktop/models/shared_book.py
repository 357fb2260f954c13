"""A book shared on PostgreSQL: its roles, its row-level security policies and its people.

Who may read and change what is the database's to enforce, not the app's: each person logs in as
a role of their own, a member of one of the book's group roles (``<book>_member``, ``_viewer``,
``_client``), and the policies below decide, row by row, what that role sees and writes. The app
hides what a person may not do too, but a refusal comes from the server whatever client asks.

- The **owner** (who ran ``server init``; the tables' owner, to whom policies do not apply) keeps
  the schema and the people.
- A **member** (a household's) sees every account, and inserts, changes and removes only their own
  connections, accounts and what hangs from them (positions, activities, orders...); the prices,
  rates and classifications every account shares they may add to.
- A **viewer** reads every account and writes nothing at all (no write grant).
- A **client** (an adviser's) sees and changes only their own book, and only themselves among the
  people.

An account is someone's through ``accounts.owner_id``, which the server fills with the person
writing it (a column default), or through a share of a joint account (``account_shares``). Each
policy asks two functions, evaluated once per statement (not per row): the accounts the session's
person may see, and those they own. They are ``SECURITY DEFINER`` so they read past the policies
they serve; the person is found by ``session_user``, the role that logged in.

Secrets never come here: each person's provider keys and tokens stay in the keyring of their own
computer, so only the owner of a connection can sync it or trade through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, bindparam, text

from clera_desktop.core.errors import StoreError
from clera_desktop.core.money import canonical
from clera_desktop.core.words import said
from clera_desktop.models.enums import PersonKind

#: Tables keyed by an account: seen with the account, written only by its owner.
ACCOUNT_ROWS = ("balances", "positions", "activities", "orders", "portfolio_snapshots")
#: Tables every account shares (reference data): everyone reads, members and clients add.
SHARED_ROWS = ("daily_prices", "fx_rates", "securities", "security_choices", "taxonomy_terms", "allocation_targets",
               "app_settings")
GROUP_KINDS = (PersonKind.MEMBER, PersonKind.VIEWER, PersonKind.CLIENT)
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class SharedBookError(StoreError):
    default_message = said("The shared book could not be set up. Nothing was changed.")


def role_name(book: str, kind: PersonKind) -> str:
    """The group role of ``kind`` in the book (database) ``book``; roles are the server's, so each
    book's carry its name."""
    return checked_name(f"{book}_{kind.value}"[:63])


def checked_name(name: str) -> str:
    """A role or database name as this module writes it into SQL: lower-case letters, digits and
    underscores only (anything else is refused, never quoted around)."""
    if not _NAME.match(name):
        raise SharedBookError(said("{name} cannot name a role: use lower-case letters, digits and underscores.",
                                   name=repr(name)))
    return name


@dataclass(frozen=True, slots=True)
class Step:
    """One thing ``server init`` did, for it to print."""

    said: str
    sql: tuple[str, ...]


def _functions() -> Iterator[str]:
    yield """CREATE OR REPLACE FUNCTION clera_person() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$ SELECT id FROM people WHERE login = session_user $$"""
    yield """CREATE OR REPLACE FUNCTION clera_sees_all() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        SELECT coalesce((SELECT kind IN ('owner', 'member', 'viewer') FROM people WHERE login = session_user), false) $$"""
    yield """CREATE OR REPLACE FUNCTION clera_visible_accounts() RETURNS SETOF varchar LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        SELECT id FROM accounts WHERE clera_sees_all() OR owner_id = clera_person()
        UNION SELECT account_id FROM account_shares WHERE person_id = clera_person() $$"""
    yield """CREATE OR REPLACE FUNCTION clera_own_accounts() RETURNS SETOF varchar LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$ SELECT id FROM accounts WHERE owner_id = clera_person() $$"""
    yield """CREATE OR REPLACE FUNCTION clera_visible_connections() RETURNS SETOF varchar LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        SELECT id FROM connections WHERE clera_sees_all() OR owner_id = clera_person() $$"""
    yield """CREATE OR REPLACE FUNCTION clera_visible_people() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public AS $$
        SELECT owner_id FROM accounts WHERE id IN (SELECT clera_visible_accounts()) AND owner_id IS NOT NULL
        UNION SELECT person_id FROM account_shares WHERE account_id IN (SELECT clera_visible_accounts()) $$"""
    yield "REVOKE ALL ON FUNCTION clera_person(), clera_sees_all(), clera_visible_accounts(), clera_own_accounts(), " \
          "clera_visible_connections(), clera_visible_people() FROM PUBLIC"


def _policies(table: str, see: str, write: str, *, append_only: bool = False) -> Iterator[str]:
    """Row-level security on ``table``: rows where ``see`` holds are read, rows where ``write``
    holds are added, changed and removed (``append_only``: added, never changed or removed)."""
    yield f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"
    yield f"CREATE POLICY clera_see ON {table} FOR SELECT USING ({see})"
    yield f"CREATE POLICY clera_add ON {table} FOR INSERT WITH CHECK ({write})"
    if not append_only:
        yield f"CREATE POLICY clera_change ON {table} FOR UPDATE USING ({write}) WITH CHECK ({write})"
        yield f"CREATE POLICY clera_remove ON {table} FOR DELETE USING ({write})"


def init_steps(book: str) -> list[Step]:
    """What ``server init`` does to a book whose tables exist (the migrations made them), in order."""
    book = checked_name(book)
    groups = {kind: role_name(book, kind) for kind in GROUP_KINDS}
    everyone = ", ".join(groups.values())
    writers = f"{groups[PersonKind.MEMBER]}, {groups[PersonKind.CLIENT]}"
    own = "account_id IN (SELECT clera_own_accounts())"
    visible = "account_id IN (SELECT clera_visible_accounts())"
    steps = [
        Step(f"created the group roles {everyone} (no login of their own)",
             tuple(f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
                   for role in groups.values())),
        Step(f"let only the book's people connect to {book}",
             (f"REVOKE ALL ON DATABASE {book} FROM PUBLIC", f"GRANT CONNECT ON DATABASE {book} TO {everyone}",
              f"GRANT USAGE ON SCHEMA public TO {everyone}")),
        Step("granted reading to every group, and writing to members and clients (viewers write nothing)",
             (f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
              f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writers}",
              f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {writers}",
              f"REVOKE INSERT, UPDATE, DELETE ON people, alembic_version FROM {writers}",
              f"REVOKE UPDATE, DELETE ON audit_log FROM {writers}",
              # tables a later version's migrations add (run by the owner) are granted alike
              f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {everyone}",
              f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT INSERT, UPDATE, DELETE ON TABLES TO {writers}",
              f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {writers}")),
        Step("added the functions the policies ask: the session's person, and the accounts they see and own",
             (*_functions(), f"GRANT EXECUTE ON FUNCTION clera_person(), clera_sees_all(), clera_visible_accounts(), "
                             f"clera_own_accounts(), clera_visible_connections(), clera_visible_people() TO {everyone}")),
        Step("made every new connection, account and SnapTrade user belong to the person who writes it",
             tuple(f"ALTER TABLE {t} ALTER COLUMN owner_id SET DEFAULT clera_person()"
                   for t in ("connections", "accounts", "snaptrade_users"))),
        Step("enforced row-level security: the people, connections and accounts",
             (*_policies("people", "clera_sees_all() OR login = session_user OR id IN (SELECT clera_visible_people())",
                         "false"),
              *_policies("connections", "id IN (SELECT clera_visible_connections())", "owner_id = clera_person()"),
              *_policies("accounts", "id IN (SELECT clera_visible_accounts())", "owner_id = clera_person()"),
              *_policies("snaptrade_users", "owner_id = clera_person()", "owner_id = clera_person()"),
              *_policies("account_shares", "account_id IN (SELECT clera_visible_accounts())", own))),
        Step(f"enforced row-level security: {', '.join(ACCOUNT_ROWS)} go with their account",
             tuple(statement for table in ACCOUNT_ROWS for statement in _policies(table, visible, own))),
        Step("enforced row-level security: each person's own settings (key@person) are theirs to change",
             tuple(_policies("app_settings", "true",
                             "position('@' in key) = 0 OR key LIKE '%@' || clera_person()::text"))),
        Step("enforced row-level security: sync runs and the audit log (which is only ever added to)",
             (*_policies("sync_runs", "connection_id IS NULL OR connection_id IN (SELECT clera_visible_connections())",
                         "true"),
              *_policies("audit_log", f"account_id IS NULL OR {visible}", f"account_id IS NULL OR {own}",
                         append_only=True))),
    ]
    return steps


def init_book(connection: Connection, book: str, owner_name: str) -> list[str]:
    """Roles, grants, functions and policies on the migrated book ``book``, and its owner (the
    role running this) as its first person; returns what it did, one sentence each. Refused on a
    book already set up."""
    if connection.execute(text("SELECT count(*) FROM people")).scalar_one():
        raise SharedBookError(said("This book is already set up for sharing (it has people). Nothing was changed."))
    done = []
    for step in init_steps(book):
        for statement in step.sql:
            connection.execute(text(statement))
        done.append(step.said)
    login = connection.execute(text("SELECT session_user")).scalar_one()
    connection.execute(text("INSERT INTO people (name, login, kind, created_at) VALUES (:name, :login, 'owner', now())"),
                       {"name": owner_name, "login": login})
    connection.execute(text("UPDATE connections SET owner_id = clera_person() WHERE owner_id IS NULL"))
    connection.execute(text("UPDATE accounts SET owner_id = clera_person() WHERE owner_id IS NULL"))
    connection.execute(text("UPDATE snaptrade_users SET owner_id = clera_person() WHERE owner_id IS NULL"))
    done.append(f"added you ({login}) as the book's owner, {owner_name}; what the book already held is yours")
    return done


def add_person(connection: Connection, book: str, *, name: str, login: str, kind: PersonKind,
               password: str | None) -> str:
    """A person with a login role of their own in ``kind``'s group; returns what was done. The
    password (None: the server's other means, such as a certificate, or trust on loopback) is
    bound as a literal the server hashes, never logged."""
    if kind is PersonKind.OWNER:
        raise SharedBookError(said("A book has one owner: add others as a member, a viewer or a client."))
    login = checked_name(login)
    group = role_name(checked_name(book), kind)
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}).first()
    if exists is None:
        connection.execute(text(f"CREATE ROLE {login} LOGIN"))
    if password:
        quoted = connection.execute(text("SELECT quote_literal(:password)"), {"password": password}).scalar_one()
        connection.execute(text(f"ALTER ROLE {login} PASSWORD {quoted}"))
    connection.execute(text(f"GRANT {group} TO {login}"))
    connection.execute(text("INSERT INTO people (name, login, kind, created_at) VALUES (:name, :login, :kind, now())"),
                       {"name": name, "login": login, "kind": kind.value})
    return {
        PersonKind.MEMBER: f"added {name} (login {login}) as a member: sees every account; adds, changes, syncs and "
                           "trades only their own",
        PersonKind.VIEWER: f"added {name} (login {login}) as a viewer: reads every account, changes nothing",
        PersonKind.CLIENT: f"added {name} (login {login}) as a client: sees and changes only their own accounts",
    }[kind]


def share_account(connection: Connection, account_id: str, shares: dict[str, Decimal]) -> str:
    """Own ``account_id`` jointly: each login's share (they add up to 1; the rows before are
    replaced). A share lets its person see the account; only the account's owner changes it (the
    policies on ``account_shares``). Returns what was done."""
    if not shares or any(share <= 0 for share in shares.values()) or sum(shares.values()) != 1:
        raise SharedBookError(said("The shares of a joint account are each more than 0 and add up to 1 "
                                   "(e.g. alex=0.5 sam=0.5). Nothing was changed."))
    people: dict[str, int] = dict(connection.execute(text("SELECT login, id FROM people WHERE login IN :logins").bindparams(
        bindparam("logins", expanding=True)), {"logins": list(shares)}).all())
    unknown = sorted(set(shares) - set(people))
    if unknown:
        raise SharedBookError(said("The book has no person with the login {logins}. Nothing was changed.",
                                   logins=", ".join(unknown)))
    if connection.execute(text("SELECT 1 FROM accounts WHERE id = :id"), {"id": account_id}).first() is None:
        raise SharedBookError(said("The book has no account {account} that you may see. Nothing was changed.",
                                   account=account_id))
    connection.execute(text("DELETE FROM account_shares WHERE account_id = :id"), {"id": account_id})
    for login, share in shares.items():
        connection.execute(text("INSERT INTO account_shares (account_id, person_id, share) VALUES (:id, :person, :share)"),
                           {"id": account_id, "person": people[login], "share": canonical(share)})
    return f"{account_id} is owned jointly: " + ", ".join(f"{login} {share:%}" for login, share in shares.items())
