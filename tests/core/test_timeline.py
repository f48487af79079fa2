from datetime import date

import pytest

from casefile.core.timeline import OPEN_REACH, STYLES, TimelineRecord, build_timeline


def rec(i, start, end, kind="shipment", parties=(), approx=False, countries=(), tags=()):
    return TimelineRecord(kind, i, f"record {i}", "as given", "edtf", start, end, approx,
                          False, tuple(parties), tuple(countries), tuple(tags))


D = date


def test_one_of_several_dates_and_unspecified_digits_are_drawn_as_uncertain():
    """(review) '[2019,2020]' (one of the two years) and '2019-XX-12' (one day, its month
    unknown) were solid bars, like '2019/2020' (both years): they are hatched now and
    the tooltip says why."""
    def dated(i, edtf):
        return TimelineRecord("event", i, f"record {i}", edtf, edtf, D(2019, 1, 1),
                              D(2020, 12, 31) if i != 2 else D(2019, 12, 12))
    tl = build_timeline([dated(1, "[2019,2020]"), dated(2, "2019-XX-12"),
                         dated(3, "2019/2020"), dated(4, "{2019,2020}")])
    rows = {r.record.id: r for r in tl.rows}
    assert {i: r.style for i, r in rows.items()} == {1: "approx", 2: "approx", 3: "span",
                                                     4: "span"}
    assert "One of these dates" in rows[1].tooltip()
    assert "Some of its digits unspecified" in rows[2].tooltip()
    drawn = {tl.records[i].id: STYLES[k]
             for i, k in zip(tl.rec.tolist(), tl.style.tolist(), strict=True)}
    assert drawn == {1: "approx", 2: "approx", 3: "span", 4: "span"}  # as the views draw


def test_points_spans_and_styles():
    tl = build_timeline([rec(1, D(2022, 6, 15), D(2022, 6, 15)),
                         rec(2, D(2022, 6, 1), D(2022, 6, 30)),
                         rec(3, D(2022, 9, 1), D(2022, 12, 31), approx=True),
                         rec(4, D(2021, 1, 1), None, kind="event"),
                         rec(5, None, D(2022, 2, 28), kind="event"),
                         rec(6, None, None, kind="event")])
    styles = {r.record.id: r.style for r in tl.rows}
    assert styles == {1: "point", 2: "span", 3: "approx", 4: "open_end", 5: "open_start"}
    assert tl.undated == 1
    rows = {r.record.id: r for r in tl.rows}
    # an open end runs on to the timeline's last date (in force to the end of the chart), an
    # open start from its first, each at least OPEN_REACH long
    assert rows[4].end == D(2022, 12, 31)
    assert rows[5].start == D(2021, 1, 1)  # the first date, earlier than 180 days before
    alone = build_timeline([rec(7, D(2021, 1, 1), None, kind="event")])
    assert alone.rows[0].end - alone.rows[0].start == OPEN_REACH
    assert tl.lanes == ["Shipments", "Events"]
    assert tl.first == D(2021, 1, 1)


def test_an_open_end_runs_on_to_the_day_given():
    """(look28) A printed chronology drew a sanction in force as ending with the case's last
    dated record (2023), the day of export (2026) off its axis."""
    records = [rec(1, D(2019, 5, 1), None, kind="sanction"),
               rec(2, D(2023, 3, 1), D(2023, 3, 1))]
    rows = {r.record.id: r for r in build_timeline(records, until=D(2026, 12, 1)).rows}
    assert rows[1].end == D(2026, 12, 1) and rows[2].end == D(2023, 3, 1)
    assert build_timeline(records, until=D(2026, 12, 1)).last == D(2026, 12, 1)
    assert {r.record.id: r.end for r in build_timeline(records).rows}[1] == D(2023, 3, 1)
    closed = build_timeline([rec(2, D(2023, 3, 1), D(2023, 3, 1))], until=D(2026, 12, 1))
    assert closed.last == D(2023, 3, 1)  # nothing runs on: the axis stays the records'


def test_overlapping_items_stack_within_their_lane():
    tl = build_timeline([rec(1, D(2022, 9, 1), D(2022, 12, 31)),
                         rec(2, D(2022, 9, 1), D(2022, 12, 31)),
                         rec(3, D(2022, 6, 1), D(2022, 6, 30)),
                         rec(4, D(2023, 1, 1), D(2023, 1, 31)),
                         rec(5, D(2022, 1, 1), D(2022, 1, 1), kind="event")])
    y = {r.record.id: r.y for r in tl.rows}
    assert y[3] == y[1] == y[4] == 0 and y[2] == 1  # June and Jan 2023 share a row
    assert tl.lane_y == [0, 2] and y[5] == 2 and tl.height == 3


def test_lanes_by_entity_put_a_shipment_in_both_parties_lanes():
    tl = build_timeline([rec(1, D(2022, 6, 1), D(2022, 6, 30), parties=("NORINCO",
                                                                        "Tekhkrim")),
                         rec(2, D(2022, 7, 1), D(2022, 7, 1))], group_by="entity")
    assert tl.lanes == ["NORINCO", "Tekhkrim", "(no entity)"]
    assert sorted(r.lane for r in tl.rows if r.record.id == 1) == [0, 1]


def test_lanes_by_country_and_tag():
    tl = build_timeline([rec(1, D(2022, 6, 1), D(2022, 6, 30), countries=("China", "Turkey",
                                                                           "Russia"))],
                        group_by="country")
    assert tl.lanes == ["China", "Russia", "Turkey"]
    tl = build_timeline([rec(1, D(2022, 6, 1), D(2022, 6, 30), tags=("drones",))],
                        group_by="tag")
    assert tl.lanes == ["drones"]


def test_tooltip_shows_the_date_as_given_and_the_sources():
    r = TimelineRecord("shipment", 1, "drone parts: DJI → distributor", "Nov–Dec 2022",
                       "2022-11/2022-12", D(2022, 11, 1), D(2022, 12, 31),
                       sources=("B2 Politico",))
    text = build_timeline([r]).rows[0].tooltip()
    assert "Date as given: Nov–Dec 2022" in text and "2022-11-01 – 2022-12-31" in text
    assert "B2 Politico" in text


def test_unknown_grouping_is_refused():
    with pytest.raises(ValueError, match="Group the timeline by"):
        build_timeline([], group_by="colour")
