"""``newsdigest mail EDITION``: send an edition's email (written by the build) over SMTP.

The message is multipart/alternative (``email.txt`` and ``email.html``), one per
recipient, with List-Unsubscribe headers from ``--unsubscribe`` or
``NEWSDIGEST_EMAIL_UNSUBSCRIBE``. The login comes from ``NEWSDIGEST_SMTP_USER`` and
``NEWSDIGEST_SMTP_PASSWORD`` in the environment, never from the command line, and is
never printed. ``--dry-run`` prints the first message instead of sending anything.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path
from typing import Any

from newsdigest.core.newsletter.message import (
    SECURITY,
    MailError,
    check_unsubscribe,
    compose,
    is_loopback,
    link_hosts,
    parse_server,
    send,
)
from newsdigest.core.settings import setting
from newsdigest.editions.email import HTML_NAME, TEXT_NAME, email_folder

USER_VARIABLE, PASSWORD_VARIABLE = "NEWSDIGEST_SMTP_USER", "NEWSDIGEST_SMTP_PASSWORD"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def add_arguments(parser) -> None:
    parser.add_argument(
        "edition", help="the edition's date (2026-11-23), 'latest', or its folder in output/"
    )
    parser.add_argument(
        "--to", action="append", default=[], metavar="ADDRESS", help="a recipient (repeatable)"
    )
    parser.add_argument(
        "--to-file", type=Path, default=None, help="a file of recipients, one address a line"
    )
    parser.add_argument(
        "--from", dest="sender", default=None, help="the sender (NEWSDIGEST_EMAIL_FROM)"
    )
    parser.add_argument(
        "--subject", default=None, help="default: the edition's title and the site's name"
    )
    parser.add_argument("--smtp", default=None, metavar="HOST:PORT", help="the SMTP server")
    parser.add_argument(
        "--security",
        choices=SECURITY,
        default="auto",
        help="auto: TLS on port 465, else STARTTLS when offered (default)",
    )
    parser.add_argument(
        "--unsubscribe",
        action="append",
        default=None,
        metavar="URL",
        help="a List-Unsubscribe address, https:// or mailto: (NEWSDIGEST_EMAIL_UNSUBSCRIBE)",
    )
    parser.add_argument("--output", type=Path, default=None, help="the built site (OUTPUT_PATH)")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the first message; send nothing"
    )


def run(args, settings: dict[str, Any]) -> int:
    try:
        return _run(args, settings)
    except MailError as error:
        print(f"newsdigest mail: {error}", file=sys.stderr)
        return 1


def _run(args, settings: dict[str, Any]) -> int:
    output = args.output or Path(settings.get("OUTPUT_PATH") or "output")
    folder = find_edition(output, args.edition, settings)
    markup = (folder / HTML_NAME).read_text("utf-8")
    text = (folder / TEXT_NAME).read_text("utf-8")
    recipients = _recipients(args)
    sender = args.sender or setting(settings, "NEWSDIGEST_EMAIL_FROM")
    if not sender:
        raise MailError("no sender: give --from or set NEWSDIGEST_EMAIL_FROM")
    unsubscribe = (
        args.unsubscribe
        if args.unsubscribe is not None
        else list(setting(settings, "NEWSDIGEST_EMAIL_UNSUBSCRIBE"))
    )
    problems = check_unsubscribe(unsubscribe)
    if problems:
        raise MailError("; ".join(problems))
    match = _TITLE.search(markup)
    subject = args.subject or (html.unescape(match.group(1)).strip() if match else folder.name)
    messages = [
        compose(
            html=markup,
            text=text,
            subject=subject,
            sender=sender,
            recipient=recipient,
            unsubscribe=unsubscribe,
        )
        for recipient in recipients
    ]
    if args.dry_run:
        print(messages[0].as_string())
        print(f"newsdigest mail: dry run: {len(messages)} message(s) not sent", file=sys.stderr)
        return 0
    preview = sorted(host for host in link_hosts(markup) if is_loopback(host))
    if preview:
        raise MailError(
            f"{folder / HTML_NAME} links to {preview[0]}: it was built with preview "
            "settings; build with `make publish` (publishconf.py) before sending"
        )
    if not args.smtp:
        raise MailError("no server: give --smtp HOST:PORT")
    host, port = parse_server(args.smtp)
    sent = 0
    for recipient in send(
        messages,
        host=host,
        port=port,
        security=args.security,
        credentials=_credentials(),
    ):
        sent += 1
        print(f"sent to {recipient}")
    print(f"newsdigest mail: {sent} message(s) sent through {host}:{port}")
    return 0


def find_edition(output: Path, edition: str, settings: dict[str, Any]) -> Path:
    """The folder holding the edition's email files."""
    save_as = settings.get("EDITION_SAVE_AS") or "editions/{slug}/index.html"
    if edition == "latest":
        pattern = email_folder(save_as.format(slug="*"))
        found = sorted(path for path in output.glob(pattern) if (path / HTML_NAME).is_file())
        if not found:
            raise MailError(f"no edition email in {output} (build the site first)")
        return found[-1]
    folder = Path(edition)
    if not (folder / HTML_NAME).is_file():
        folder = output / email_folder(save_as.format(slug=edition))
    if not (folder / HTML_NAME).is_file() or not (folder / TEXT_NAME).is_file():
        raise MailError(
            f"no email for edition {edition!r}: {folder / HTML_NAME} is missing "
            "(build the site first; the edition's date is its folder name)"
        )
    return folder


def _recipients(args) -> list[str]:
    recipients = list(args.to)
    if args.to_file is not None:
        try:
            lines = args.to_file.read_text("utf-8").splitlines()
        except OSError as error:
            raise MailError(f"cannot read {args.to_file}: {error.strerror}") from None
        recipients += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    bad = [address for address in recipients if "@" not in address]
    if bad:
        raise MailError(f"not an email address: {bad[0]!r}")
    if not recipients:
        raise MailError("no recipients: give --to ADDRESS or --to-file FILE")
    return list(dict.fromkeys(recipients))


def _credentials() -> tuple[str, str] | None:
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if bool(user) != bool(password):
        raise MailError(f"set both {USER_VARIABLE} and {PASSWORD_VARIABLE}, or neither")
    return (user, password) if user and password else None
