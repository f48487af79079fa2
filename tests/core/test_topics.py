"""FtM topic codes print as words, from a data file that agrees with the installed
followthemoney package's own labels."""

import json

from followthemoney.types import registry
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.topics import topic_label, topic_labels, topics_words
from casefile.paths import resource_path


def test_every_topic_of_followthemoney_has_its_label():
    data = json.loads(resource_path("ftm", "topics.json").read_text("utf-8"))
    written_out = data["written_out"]
    for code, label in registry.topic.names.items():
        assert code in topic_labels(), code
        assert topic_labels()[code] == written_out.get(code, label), code
    assert set(written_out) <= set(registry.topic.names)


def test_codes_read_as_words():
    assert topic_label("role.pep") == "Politically exposed person (PEP)"
    assert topic_label("export.risk") == "Trade risk"
    assert topics_words("role.pep,sanction") == "Politically exposed person (PEP), Sanctioned"
    assert topics_words("custom.flag, sanction,sanction") == "custom.flag, Sanctioned"
    assert topics_words("") == "" and topics_words(None) == ""


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters=","), max_size=12),
                max_size=6))
def test_any_stored_topics_give_words_without_crashing(codes):
    said = topics_words(",".join(codes))
    for code in codes:
        if code.strip():
            assert topic_label(code) in said
