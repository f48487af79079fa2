"""sanction terms and party details

What FollowTheMoney and OpenSanctions data say and a case could not hold before:

- sanction: the programme's own id, the status (in force / ended / lifted), the source URL,
  and the start and end dates as fuzzy dates (the date_* columns stay the listing date). The
  old free-text ``delisted`` column becomes the end date as given (``end_text``); a sanction
  that had one is read as lifted, its text parsed into the end date's other columns.
- entity: further countries beside the first, nationality, FtM topics, legal form,
  position(s), address(es), birth place, and birth, incorporation and dissolution dates
  (fuzzy, like every date).

Only ALTER TABLE ADD / RENAME COLUMN are used (batch mode does them in place on SQLite): a
batch "recreate" would drop and rebuild entity or sanction, and with foreign keys on, dropping
a table deletes the rows of every table that cascades from it (citations, aliases, …).
The downgrade uses ALTER TABLE DROP COLUMN (SQLite 3.35 or later).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

DATE_PARTS = (("text", sa.String()), ("edtf", sa.String()), ("start", sa.String()),
              ("end", sa.String()), ("precision", sa.String()), ("approx", sa.Boolean()),
              ("uncertain", sa.Boolean()))


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.String(), nullable=False, server_default="")


def _date(prefix: str, skip: tuple[str, ...] = ()) -> list[sa.Column]:
    """The seven columns of a fuzzy date (see casefile.store.models.Dated)."""
    return [sa.Column(f"{prefix}_{part}", type_, nullable=False, server_default="0")
            if isinstance(type_, sa.Boolean) else sa.Column(f"{prefix}_{part}", type_,
                                                             nullable=True)
            for part, type_ in DATE_PARTS if part not in skip]


ENTITY = [_text("other_countries"), _text("nationality"), _text("topics"), _text("legal_form"),
          _text("position"), _text("address"), _text("birth_place"), *_date("birth"),
          *_date("incorporation"), *_date("dissolution")]
SANCTION = [_text("program_id"), _text("status"), _text("source_url"), *_date("start"),
            *_date("end", skip=("text",))]


def upgrade() -> None:
    op.execute("ALTER TABLE sanction RENAME COLUMN delisted TO end_text")
    with op.batch_alter_table("sanction") as batch_op:
        for col in SANCTION:
            batch_op.add_column(col)
    with op.batch_alter_table("entity") as batch_op:
        for col in ENTITY:
            batch_op.add_column(col)
    _lifted()


def _lifted() -> None:
    """A sanction with a 'delisted' text was lifted: say so, and read the text as its end
    date (kept as given when it is not a date the parser places)."""
    from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date

    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, end_text FROM sanction WHERE trim(coalesce("
                                "end_text, '')) != ''").all()
    for sid, text in rows:
        values: dict[str, object] = {"id": sid, "status": "lifted"}
        try:
            fd = parse_fuzzy_date(text)
        except FuzzyDateError:
            fd = None
        if fd is not None:
            values.update(edtf=fd.edtf, start=fd.start.isoformat() if fd.start else None,
                          end=fd.end.isoformat() if fd.end else None,
                          precision=fd.precision, approx=fd.approximate,
                          uncertain=fd.uncertain)
            conn.exec_driver_sql(
                "UPDATE sanction SET status = :status, end_edtf = :edtf, end_start = :start, "
                "end_end = :end, end_precision = :precision, end_approx = :approx, "
                "end_uncertain = :uncertain WHERE id = :id", values)
        else:
            conn.exec_driver_sql("UPDATE sanction SET status = :status WHERE id = :id", values)


def downgrade() -> None:
    for table, cols in (("entity", ENTITY), ("sanction", SANCTION)):
        for col in reversed(cols):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {col.name}")
    op.execute("ALTER TABLE sanction RENAME COLUMN end_text TO delisted")
