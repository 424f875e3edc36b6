"""``newsdigest mail`` against a real SMTP server (aiosmtpd) on 127.0.0.1, sending the
email a real build wrote."""

import email
import re
import socket
import subprocess
import sys
from email import policy

import pytest

from support.site import ROOT, run_pelican

aiosmtpd = pytest.importorskip("aiosmtpd.controller", reason="pip install aiosmtpd")
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

# The test server takes a login without TLS (it is on this machine, which is also the
# one case where newsdigest mail sends a password unencrypted).
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
USER, PASSWORD = "curator", "s3cret-Pa55-never-shown"
SITE = "https://digest.example.org"
EDITION = "2026-11-23"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample digest built with an absolute SITEURL, as `make publish` builds it."""
    root = tmp_path_factory.mktemp("published")
    build = run_pelican(
        ROOT / "content",
        root / "output",
        {
            "SITEURL": SITE,
            "RELATIVE_URLS": False,
            "NEWSDIGEST_EMAIL_UNSUBSCRIBE": [f"{SITE}/unsubscribe", "mailto:leave@example.org"],
            "NEWSDIGEST_EMAIL_FROM": "The Weekly Wire <digest@example.org>",
        },
    )
    assert build.returncode == 0, build.log
    return build


class Inbox:
    """What the server received: each message and the login it was sent with."""

    def __init__(self):
        self.messages, self.logins = [], []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            self.logins.append(auth_data.login.decode())
            ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
            return AuthResult(success=ok, handled=False)  # handled=False: a 535 reply
        return AuthResult(success=False, handled=False)


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 that requires a login; stopped after the test."""
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd.Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=inbox.authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    yield port, inbox
    controller.stop()


def mail(build, *args, port=None, password=PASSWORD):
    """``newsdigest mail ARGS`` as a curator runs it (through the server on ``port``)."""
    if port is not None:
        args = (*args, "--smtp", f"127.0.0.1:{port}")
    env = {"PATH": "/usr/bin:/bin", "NEWSDIGEST_SMTP_USER": USER}
    if password is not None:
        env["NEWSDIGEST_SMTP_PASSWORD"] = password
    settings = build.output.parent / f"{build.output.name}-settings.py"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdigest.cli",
            "mail",
            *args,
            "--output",
            str(build.output),
            "--settings",
            str(settings),
        ],
        capture_output=True,
        text=True,
        cwd=build.output.parent,
        env=env,
        timeout=120,
        check=False,
    )


def test_an_edition_reaches_each_recipient_as_multipart_alternative(published, smtp_server):
    port, inbox = smtp_server
    result = mail(
        published,
        EDITION,
        "--to",
        "ana@example.net",
        "--to",
        "ben@example.net",
        port=port,
    )
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    assert inbox.logins == [USER]
    assert [rcpt for rcpt, _ in inbox.messages] == [["ana@example.net"], ["ben@example.net"]]
    _rcpt, message = inbox.messages[0]
    assert message["To"] == "ana@example.net"  # no recipient sees another's address
    assert message["From"] == "The Weekly Wire <digest@example.org>"
    assert message["Subject"] == "The week of 23 November · The Weekly Wire"
    unsubscribe = " ".join(str(message["List-Unsubscribe"]).split())  # however folded
    assert unsubscribe == f"<{SITE}/unsubscribe>, <mailto:leave@example.org>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    markup = message.get_body(("html",)).get_content()
    assert "Estonia and Finland" in text and f"Read: {SITE}/world/baltic-ferry-talks/?" in text
    assert "Estonia and Finland" in markup
    links = re.findall(r'href="([^"]+)"', markup)
    assert links and all(link.startswith((f"{SITE}/", "mailto:")) for link in links)
    web = [link for link in links if link.startswith(SITE) and "unsubscribe" not in link]
    assert all("utm_campaign=edition-2026-11-23" in link for link in web)
    assert "<script" not in markup and "<img" not in markup
    assert 'style="' in markup and "max-width: 600px" in markup  # CSS inlined
    assert "prefers-color-scheme: dark" in markup  # media queries kept


def test_dry_run_prints_the_message_and_sends_nothing(published, smtp_server):
    port, inbox = smtp_server
    result = mail(published, "latest", "--to", "ana@example.net", "--dry-run", port=port)
    assert result.returncode == 0, result.stderr
    assert "Subject: The week of 23 November" in result.stdout
    assert "List-Unsubscribe:" in result.stdout and "multipart/alternative" in result.stdout
    assert PASSWORD not in result.stdout + result.stderr
    assert inbox.messages == []


def test_a_refused_login_is_one_clear_line(published, smtp_server):
    port, inbox = smtp_server
    result = mail(
        published,
        EDITION,
        "--to",
        "ana@example.net",
        port=port,
        password="wrong-password-xyz",
    )
    assert result.returncode == 1
    assert "refused the login" in result.stderr and "Traceback" not in result.stderr
    assert "wrong-password-xyz" not in result.stdout + result.stderr
    assert inbox.messages == []


def test_an_email_built_for_preview_is_not_sent(sample_site, smtp_server):
    port, inbox = smtp_server
    result = mail(
        sample_site,
        EDITION,
        "--to",
        "a@example.net",
        "--from",
        "d@example.org",
        port=port,
    )
    assert result.returncode == 1
    assert "make publish" in result.stderr and "Traceback" not in result.stderr
    assert inbox.messages == []


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("1999-01-01", "--to", "a@example.net"), "no email for edition '1999-01-01'"),
        ((EDITION, "--to", "not-an-address"), "not an email address"),
        ((EDITION,), "no recipients"),
        ((EDITION, "--to", "a@example.net", "--unsubscribe", "http://x.example/u"), "mailto:"),
    ],
)
def test_mistakes_are_clear_errors(published, args, problem):
    result = mail(published, *args, "--smtp", "127.0.0.1:9")
    assert result.returncode == 1
    assert problem in result.stderr and "Traceback" not in result.stderr


def test_email_escapes_story_text(build_site):
    build = build_site(
        {
            "world/bad.txt": "Title: <script>alert(1)</script> Harbour <b>opens</b> "
            "& shuts <3 times\nDate: 2026-11-20\nEdition: 2026-11-23\n\n"
            'The harbour opened <img src=x onerror="alert(2)"> on Friday, officials said.\n'
        }
    )
    assert build.returncode == 0, build.log
    markup = build.page(f"editions/{EDITION}/email.html")
    assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    assert "Harbour opens &amp; shuts &lt;3 times" in markup  # text escaped, tags gone
    text = build.page(f"editions/{EDITION}/email.txt")
    assert "Harbour opens & shuts <3 times" in text  # plain text is plain
