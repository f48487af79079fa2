"""Human words for what Casefile shows."""


def test_human_time_says_when_in_words():
    from datetime import datetime, timedelta

    from casefile.core.labels import human_time

    now = datetime(2024, 3, 5, 15, 0).astimezone()
    assert human_time((now - timedelta(hours=1)).isoformat(), now) == "today at 14:00"
    assert human_time((now - timedelta(days=1)).isoformat(), now) == "yesterday at 15:00"
    assert human_time(now.replace(month=1, day=2).isoformat(), now) == "2 January at 15:00"
    assert human_time(now.replace(year=2022).isoformat(), now) == "5 March 2022 at 15:00"
    assert human_time("not a time", now) == "not a time"


def test_a_list_is_said_with_commas_and_its_last_word():
    from casefile.core.labels import joined
    assert joined([]) == ""
    assert joined(["a"]) == "a"
    assert joined(["a", "b"]) == "a and b"
    assert joined(["a", "b", "c"]) == "a, b and c"
    assert joined(["a", "b", "c"], "or") == "a, b or c"
