"""Pure: text that XML 1.0 can carry, and the date formats feeds use."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import format_datetime

# Characters XML 1.0 forbids even when escaped: C0 controls but tab, LF and CR; lone
# surrogates; U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot represent (everything else is kept)."""
    return _FORBIDDEN.sub("", text)


def rfc3339(moment: datetime) -> str:
    """``2024-05-01T10:00:00+01:00`` (Atom, JSON Feed). ``moment`` must be aware."""
    if moment.tzinfo is None:
        raise ValueError("feed dates must carry a timezone")
    return moment.replace(microsecond=0).isoformat()


def rfc822(moment: datetime) -> str:
    """``Wed, 01 May 2024 10:00:00 +0100`` (RSS 2.0). ``moment`` must be aware."""
    if moment.tzinfo is None:
        raise ValueError("feed dates must carry a timezone")
    return format_datetime(moment.replace(microsecond=0))
