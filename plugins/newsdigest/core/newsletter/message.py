"""The edition email as a message, and sending it over SMTP.

One message per recipient (no recipient sees another's address), multipart/alternative
with the plain-text part first, and the List-Unsubscribe headers mail providers ask
bulk senders for (RFC 2369, and RFC 8058's one-click POST when an https address is
given). Credentials come from the caller, which reads them from the environment; they
are never part of a message or of an error this module raises.
"""

from __future__ import annotations

import ipaddress
import re
import smtplib
import ssl
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

SECURITY = ("auto", "starttls", "ssl", "none")


class MailError(Exception):
    """A message that cannot be composed or sent; the text says what to change."""


def compose(
    *,
    html: str,
    text: str,
    subject: str,
    sender: str,
    recipient: str,
    unsubscribe: Iterable[str] = (),
    domain: str | None = None,
    date: float | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = formatdate(date, usegmt=True)
    message["Message-ID"] = make_msgid(domain=domain or _domain_of(sender))
    addresses = [address.strip() for address in unsubscribe if address.strip()]
    if addresses:
        message["List-Unsubscribe"] = ", ".join(f"<{address}>" for address in addresses)
        if any(address.startswith("https://") for address in addresses):
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def check_unsubscribe(addresses: Iterable[str]) -> list[str]:
    """Problems with List-Unsubscribe addresses (each must be mailto: or https:)."""
    return [
        f"unsubscribe address {address!r} must start with mailto: or https://"
        for address in addresses
        if not address.startswith(("mailto:", "https://"))
    ]


def parse_server(value: str) -> tuple[str, int]:
    """``host:port`` (``[v6]:port`` for an IPv6 address); the port defaults to 587."""
    text = value.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host, port = text, ""
    try:
        number = int(port) if port else 587
    except ValueError:
        raise MailError(f"--smtp {value!r}: the port must be a number") from None
    if not host or not 0 < number < 65536:
        raise MailError(f"--smtp {value!r}: give host:port, e.g. smtp.example.com:587")
    return host, number


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def send(
    messages: Iterable[EmailMessage],
    *,
    host: str,
    port: int,
    security: str = "auto",
    credentials: tuple[str, str] | None = None,
    timeout: float = 30,
) -> Iterator[str]:
    """Send each message over one connection; yields each recipient once it is sent.

    ``auto`` means TLS from the start on port 465, else STARTTLS when the server offers
    it. Credentials are never sent over a connection without TLS, except to this machine.
    """
    if security not in SECURITY:
        raise MailError(f"unknown --security {security!r} (one of {', '.join(SECURITY)})")
    context = ssl.create_default_context()
    use_ssl = security == "ssl" or (security == "auto" and port == 465)
    try:
        if use_ssl:
            connection = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            connection = smtplib.SMTP(host, port, timeout=timeout)
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"cannot connect to {host}:{port}: {_reason(error)}") from None
    with connection:
        try:
            connection.ehlo()
            encrypted = use_ssl
            if not use_ssl and security != "none":
                if connection.has_extn("starttls"):
                    connection.starttls(context=context)
                    connection.ehlo()
                    encrypted = True
                elif security == "starttls":
                    raise MailError(f"{host}:{port} does not offer STARTTLS")
            if credentials:
                if not encrypted and not is_loopback(host):
                    raise MailError(
                        f"{host}:{port} offers no TLS: refusing to send the password "
                        "unencrypted (use --security ssl or a server with STARTTLS)"
                    )
                connection.login(*credentials)
            for message in messages:
                connection.send_message(message)
                yield str(message["To"])
        except smtplib.SMTPAuthenticationError as error:
            raise MailError(f"{host}:{port} refused the login: {_reason(error)}") from None
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"sending through {host}:{port} failed: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    """What went wrong, from the server's reply where there is one (never our input)."""
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        return f"{error.smtp_code} {text}".strip()
    return str(error) or type(error).__name__


def _domain_of(address: str) -> str | None:
    _, _, domain = address.rpartition("@")
    domain = domain.strip(" >")
    return domain or None


def link_hosts(markup: str) -> set[str]:
    """The hosts the ``href`` links of ``markup`` point to."""
    return {
        urlsplit(link).hostname or "" for link in re.findall(r'href="(https?://[^"]+)"', markup)
    }
