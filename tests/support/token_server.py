#!/usr/bin/python3
"""An independent OAuth 2.0 token endpoint for HookBench's tests (client credentials).

Written with the standard library and PyJWT only, so it shares no code with HookBench. It
checks every client authentication form of RFC 6749 §2.3.1, RFC 7523 (client_secret_jwt,
private_key_jwt) and records what it saw, so a test can assert the client sent the right form.

    token_server.py CONFIG.json      prints "PORT\\n" once it listens on 127.0.0.1

CONFIG: {"clientId": "...", "clientSecret": "...", "privateKeys": {"RS256": "rsa.pem", ...}}
Token requests go to /t/MODE/anything; MODE picks the answer:
  ok, noexpiry, error, nonjson, noaccess, mac, expires0, e500, e500once, slow, authcode
GET /authorize signs in at once and redirects with a code (authorization_code + PKCE S256 and
refresh_token grants are checked at the token endpoint). As oidc-provider does, the refresh token
carries the requested scope without offline_access, and a refresh asking for a scope it does not
carry is refused invalid_scope; the refresh token "rt-scope-refused" is always refused so. GET /log answers the list of token requests seen, GET /reset clears it.
"""

import base64
import ssl
import hashlib
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives import serialization

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

config = json.load(open(sys.argv[1]))
public_keys = {}
for alg, path in config.get("privateKeys", {}).items():
    with open(path, "rb") as f:
        public_keys[alg] = serialization.load_pem_private_key(f.read(), password=None).public_key()

lock = threading.Lock()
log = []
seen_jti = set()
counters = {}
issued = [0]
codes = {}  # code -> the authorization request it answers
refresh_tokens = {}  # refresh token -> the scope it carries


def check_assertion(assertion, expected_alg, audience):
    """Verifies a client assertion; returns (header, claims, error or None)."""
    header = jwt.get_unverified_header(assertion)
    alg = header.get("alg")
    if expected_alg == "HS256":
        key = config["clientSecret"]
        algorithms = ["HS256"]
    else:
        key = public_keys.get(alg)
        algorithms = [alg]
        if key is None:
            return header, {}, "no key for alg %s" % alg
    try:
        claims = jwt.decode(assertion, key, algorithms=algorithms, audience=audience,
                            options={"require": ["iss", "sub", "aud", "exp", "iat", "jti"]})
    except Exception as e:  # noqa: BLE001 - any failure is a refusal, reported as text
        return header, {}, "%s: %s" % (type(e).__name__, e)
    if claims["iss"] != config["clientId"] or claims["sub"] != config["clientId"]:
        return header, claims, "iss/sub are not the client id"
    with lock:
        if claims["jti"] in seen_jti:
            return header, claims, "jti replayed"
        seen_jti.add(claims["jti"])
    return header, claims, None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.startswith("/authorize?"):
            # Signs the user in at once and redirects back with a code and the state as given.
            params = {k: v[0] for k, v in urllib.parse.parse_qs(self.path.split("?", 1)[1]).items()}
            with lock:
                issued[0] += 1
                code = "code-%d" % issued[0]
                codes[code] = params
                log.append({"authorize": params})
            target = params["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": params.get("state", "")})
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/log":
            with lock:
                self.answer(200, log)
        elif self.path == "/reset":
            with lock:
                log.clear()
                counters.clear()
            self.answer(200, {})
        else:
            self.answer(404, {"error": "not_found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode()
        form = {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}
        parts = self.path.split("/")
        mode = parts[2] if len(parts) > 2 and parts[1] == "t" else "ok"
        token_url = "http://127.0.0.1:%d%s" % (self.server.server_address[1], self.path)
        entry = {"path": self.path, "mode": mode, "contentType": self.headers.get("Content-Type"),
                 "grantType": form.get("grant_type"), "form": {k: v for k, v in form.items()
                                                              if k not in ("client_secret", "client_assertion")}}
        with lock:
            counters[self.path] = counters.get(self.path, 0) + 1
            count = counters[self.path]

        # Which client authentication form arrived, and is it right?
        error = None
        authorization = self.headers.get("Authorization")
        if authorization:
            entry["form_used"] = "basic"
            scheme, _, value = authorization.partition(" ")
            decoded = base64.b64decode(value).decode()
            raw_id, _, raw_secret = decoded.partition(":")
            entry["basicRaw"] = raw_id  # still form-urlencoded, as RFC 6749 §2.3.1 wants
            client_id = urllib.parse.unquote_plus(raw_id)
            secret = urllib.parse.unquote_plus(raw_secret)
            entry["clientId"] = client_id
            if scheme != "Basic" or client_id != config["clientId"] or secret != config["clientSecret"]:
                error = "basic credentials wrong"
        elif "client_assertion" in form:
            entry["form_used"] = "jwt"
            if form.get("client_assertion_type") != JWT_BEARER:
                error = "client_assertion_type wrong"
            else:
                header = jwt.get_unverified_header(form["client_assertion"])
                expected = "HS256" if header.get("alg") == "HS256" else header.get("alg")
                entry["form_used"] = "jwt" if expected == "HS256" else "privateKeyJwt"
                audience = config.get("assertionAudience") or token_url
                header, claims, error = check_assertion(form["client_assertion"], expected, audience)
                entry["assertionHeader"] = header
                entry["assertionClaims"] = claims
        elif "client_secret" in form:
            entry["form_used"] = "post"
            entry["clientId"] = form.get("client_id")
            if form.get("client_id") != config["clientId"] or form["client_secret"] != config["clientSecret"]:
                error = "client_secret wrong"
        else:
            entry["form_used"] = "none"
            entry["clientId"] = form.get("client_id")
            if isinstance(self.connection, ssl.SSLSocket):
                # RFC 8705 tls_client_auth: the client is who its certificate says it is.
                peer = self.connection.getpeercert() or {}
                subject = dict(item[0] for item in peer.get("subject", ()))
                entry["clientCertSubject"] = subject.get("commonName")
                if entry["clientCertSubject"] != config["clientId"]:
                    error = "client certificate CN %r is not client_id %r" % (entry["clientCertSubject"],
                                                                              form.get("client_id"))
        entry["error"] = error
        with lock:
            log.append(entry)

        if error:
            return self.answer(401, {"error": "invalid_client", "error_description": error})
        grant = form.get("grant_type")
        if grant == "authorization_code":
            with lock:
                request = codes.pop(form.get("code"), None)
            if request is None or request.get("redirect_uri") != form.get("redirect_uri"):
                return self.answer(400, {"error": "invalid_grant", "error_description": "unknown code or redirect_uri"})
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if request.get("code_challenge_method") != "S256" or challenge != request.get("code_challenge"):
                return self.answer(400, {"error": "invalid_grant", "error_description": "PKCE verification failed"})
            entry["pkce"] = "ok"
            # Like oidc-provider: offline_access asks for the refresh token and is not part of
            # the scope the refresh token carries.
            granted = " ".join(s for s in request.get("scope", "").split() if s != "offline_access")
            return self.issue_with_refresh(granted)
        if grant == "refresh_token":
            given = form.get("refresh_token")
            if given == "rt-scope-refused":
                return self.answer(400, {"error": "invalid_scope",
                                         "error_description": "refresh token missing requested scope"})
            with lock:
                granted = refresh_tokens.get(given)
            if granted is None:
                return self.answer(400, {"error": "invalid_grant", "error_description": "refresh token revoked"})
            # RFC 6749 §6: a refresh may not ask for more than the refresh token carries
            # (oidc-provider answers exactly this).
            if "scope" in form and not set(form["scope"].split()) <= set(granted.split()):
                return self.answer(400, {"error": "invalid_scope",
                                         "error_description": "refresh token missing requested scope"})
            with lock:
                refresh_tokens.pop(given, None)
            return self.issue_with_refresh(granted)
        if grant != "client_credentials":
            return self.answer(400, {"error": "unsupported_grant_type"})
        issued[0] += 1
        token = {"access_token": "tok-%d-%s" % (issued[0], "x" * 12), "token_type": "Bearer", "expires_in": 3600}
        if mode == "noexpiry":
            del token["expires_in"]
        elif mode == "error":
            return self.answer(400, {"error": "invalid_scope", "error_description": "scope \"nope\" is not allowed"})
        elif mode == "nonjson":
            return self.answer(200, b"<html>login page</html>", "text/html")
        elif mode == "noaccess":
            del token["access_token"]
        elif mode == "mac":
            token["token_type"] = "mac"
        elif mode == "bearerlower":
            token["token_type"] = "bearer"
        elif mode == "expires0":
            token["expires_in"] = 0
        elif mode == "e500":
            return self.answer(503, {"error": "temporarily_unavailable"})
        elif mode == "e500once" and count == 1:
            return self.answer(500, b"oops", "text/plain")
        elif mode == "slow":
            time.sleep(2)
        elif mode == "short":
            token["expires_in"] = 20  # inside the 30 s skew: never reused
        self.answer(200, token)

    def issue_with_refresh(self, granted):
        with lock:
            issued[0] += 1
            refresh = "rt-%d-refresh" % issued[0]
            refresh_tokens[refresh] = granted
        self.answer(200, {"access_token": "at-%d-%s" % (issued[0], "y" * 12), "token_type": "Bearer",
                          "expires_in": 600, "refresh_token": refresh, "scope": granted})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if "tls" in config:
    # HTTPS that asks for a client certificate from the given CA (mutual TLS, RFC 8705).
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(config["tls"]["cert"], config["tls"]["key"])
    context.load_verify_locations(config["tls"]["clientCa"])
    context.verify_mode = ssl.CERT_REQUIRED
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
