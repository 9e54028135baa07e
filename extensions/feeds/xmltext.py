"""Pure: text that XML 1.0 can carry, and the date formats feeds use."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import format_datetime

# Characters XML 1.0 forbids even when escaped: C0 controls but tab, LF and CR; lone
# surrogates; U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot represent (everything else is kept)."""
    return _FORBIDDEN.sub("", text)


def whole_minutes(moment: datetime) -> datetime:
    """The moment to the second, in a timezone feeds can write: its own when the offset is a
    whole number of minutes, else UTC (before 1912 Lisbon's offset was -00:36:45, which
    neither RFC 3339 nor RFC 822 can express)."""
    if moment.tzinfo is None:
        raise ValueError("feed dates must carry a timezone")
    moment = moment.replace(microsecond=0)
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() % 60:
        return moment.astimezone(UTC)
    return moment


def rfc3339(moment: datetime) -> str:
    """``2024-05-01T10:00:00+01:00`` (Atom, JSON Feed). ``moment`` must be aware."""
    return whole_minutes(moment).isoformat()


def rfc822(moment: datetime) -> str:
    """``Wed, 01 May 2024 10:00:00 +0100`` (RSS 2.0). ``moment`` must be aware."""
    return format_datetime(whole_minutes(moment))
