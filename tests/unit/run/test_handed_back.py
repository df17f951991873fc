"""The record a kernel hands back: the repr of a JSON string, read back, or None."""

import pytest

from dossier.run.archive import handed_back


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (repr('{"articles": [], "claims": [{"claim_id": "c1"}]}'),
         {"articles": [], "claims": [{"claim_id": "c1"}]}),
        (repr('{"claims": [], "value": NaN}'), "nan"),
        (None, None),
        ("", None),
        ("'not json'", None),
        (repr("[1, 2]"), None),  # JSON, but no record
        (repr('{"articles": []}'), None),  # a dict without claims
        ("{'claims': []}", None),  # a dict's repr, not a JSON string
        ("__import__('os')", None),  # never evaluated
    ],
)  # fmt: skip
def test_handed_back(text, expected):
    result = handed_back(text)
    if expected == "nan":
        assert result["value"] != result["value"]  # NaN survives, as json.dumps wrote it
    else:
        assert result == expected
