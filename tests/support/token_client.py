#!/usr/bin/python3
"""An independent OAuth 2.0 client for HookBench's token endpoint tests.

Standard library (urllib) and PyJWT only, so it shares no code with HookBench. For each client
authentication form it gets a client-credentials token from TOKEN_URL, then POSTs an event to
HOOK_URL with it, and prints one JSON line per form with what it saw.

    token_client.py TOKEN_URL HOOK_URL CLIENT_ID CLIENT_SECRET
"""

import base64
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import jwt

token_url, hook_url, client_id, client_secret = sys.argv[1:5]


def post(url, body, headers):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def token_request(form):
    form_headers = {"Content-Type": "application/x-www-form-urlencoded"}
    fields = {"grant_type": "client_credentials", "scope": "hooks:write"}
    if form == "basic":
        # RFC 6749 §2.3.1: id and secret form-urlencoded, then Base64.
        raw = urllib.parse.quote_plus(client_id) + ":" + urllib.parse.quote_plus(client_secret)
        form_headers["Authorization"] = "Basic " + base64.b64encode(raw.encode()).decode()
    elif form == "post":
        fields.update(client_id=client_id, client_secret=client_secret)
    else:
        now = int(time.time())
        assertion = jwt.encode({"iss": client_id, "sub": client_id, "aud": token_url, "iat": now,
                                "exp": now + 300, "jti": str(uuid.uuid4())}, client_secret, algorithm="HS256")
        fields.update(client_id=client_id, client_assertion=assertion,
                      client_assertion_type="urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    return post(token_url, urllib.parse.urlencode(fields).encode(), form_headers)


for form in ("basic", "post", "jwt"):
    status, headers, body = token_request(form)
    line = {"form": form, "status": status, "cacheControl": headers.get("Cache-Control"),
            "contentType": headers.get("Content-Type")}
    answer = json.loads(body)
    line["tokenType"] = answer.get("token_type")
    line["expiresIn"] = answer.get("expires_in")
    line["scope"] = answer.get("scope")
    line["error"] = answer.get("error")
    token = answer.get("access_token")
    if token:
        line["tokenBytes"] = len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        event = json.dumps({"id": "evt_py_" + form, "type": "py.test", "data": {}}).encode()
        hook_status, _, hook_body = post(hook_url, event, {"Content-Type": "application/json",
                                                          "Authorization": "Bearer " + token})
        line["hookStatus"] = hook_status
        line["hookBody"] = hook_body.decode(errors="replace")
    print(json.dumps(line), flush=True)
