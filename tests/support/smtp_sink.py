#!/usr/bin/env python3
"""A loopback SMTP server for the delivery tests (Debian python3-aiosmtpd).

Listens on 127.0.0.1 at a free port and writes that port to --port-file once it accepts
connections. Every message received becomes a folder OUT/msg-N/ holding the raw message and
what Python's own email parser makes of it (an independent reader of boardbrief's MIME):
envelope_from, envelope_to, from, to, subject (decoded), body.txt (decoded text part),
attachment.name, attachment.bin (decoded bytes), defects.txt (parser complaints).
--refuse ADDR answers RCPT TO:<ADDR> with 550, as a server refusing a recipient does.
--tls starttls|implicit with --cert/--key offers STARTTLS or speaks TLS from the start;
--login USER:PASSWORD then requires SMTP AUTH (after TLS) and records the user in auth_user.
Runs until killed.
"""
import argparse
import asyncio
import email
import email.policy
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, out_dir, refuse):
        self.out_dir = out_dir
        self.refuse = set(a.lower() for a in refuse)
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        d = os.path.join(self.out_dir, "msg-%d" % self.count)
        os.makedirs(d + ".tmp")
        raw = envelope.original_content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        files = {
            "raw.eml": raw,
            "auth_user": (session.auth_data or b"") if isinstance(session.auth_data, bytes)
            else str(session.auth_data or "").encode(),
            "envelope_from": envelope.mail_from.encode(),
            "envelope_to": "\n".join(envelope.rcpt_tos).encode(),
            "from": str(msg["From"]).encode(),
            "to": str(msg["To"]).encode(),
            "subject": str(msg["Subject"]).encode(),
            "defects.txt": "\n".join(repr(x) for part in msg.walk() for x in part.defects).encode(),
        }
        body = msg.get_body(preferencelist=("plain",))
        if body is not None:
            files["body.txt"] = body.get_content().encode()
        for part in msg.iter_attachments():
            files["attachment.name"] = (part.get_filename() or "").encode()
            files["attachment.type"] = part.get_content_type().encode()
            files["attachment.bin"] = part.get_payload(decode=True)
        for name, data in files.items():
            with open(os.path.join(d + ".tmp", name), "wb") as f:
                f.write(data)
        os.rename(d + ".tmp", d)  # a test sees a message folder only when it is complete
        return "250 Message accepted for delivery"


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--refuse", action="append", default=[])
    ap.add_argument("--tls", choices=["starttls", "implicit"])
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--login")
    args = ap.parse_args()
    handler = Sink(args.out_dir, args.refuse)
    context = None
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    options = {"hostname": "sink.test"}
    if args.tls == "starttls":
        options["tls_context"] = context
        options["require_starttls"] = True
    if args.login:
        user, password = args.login.split(":", 1)

        def authenticate(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            # handled=False: aiosmtpd itself answers 235 or 535.
            return AuthResult(success=ok, handled=False, auth_data=data.login.decode() if ok else None)

        options.update(auth_required=True, authenticator=authenticate,
                       auth_require_tls=True)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0,
                                      ssl=context if args.tls == "implicit" else None)
    port = server.sockets[0].getsockname()[1]
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(args.port_file + ".tmp", args.port_file)
    await server.serve_forever()


asyncio.run(main())
