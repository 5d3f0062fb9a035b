#!/usr/bin/python3
"""The independent JOSE implementation the JOSE tests compare against (python3-jwcrypto).

Usage: jose_interop.py COMMAND < request.json > answer.json
Commands: sign-jws, verify-jws, encrypt-jwe, decrypt-jwe. Keys are PEM text, or for HS256 the
secret as base64url in "secret". Payloads travel as base64url ("payload"). On failure the answer is
{"error": "..."} and the exit code 1.
"""
import base64
import json
import sys

from jwcrypto import jwe, jwk, jws


def b64d(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64e(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def load_key(request):
    if "secret" in request:
        return jwk.JWK(kty="oct", k=request["secret"])
    if "jwk" in request:
        return jwk.JWK(**request["jwk"])
    return jwk.JWK.from_pem(request["pem"].encode())


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
    key = load_key(request)
    if command == "sign-jws":
        header = {"alg": request["alg"]}
        header.update(request.get("header", {}))
        token = jws.JWS(b64d(request["payload"]))
        token.add_signature(key, None, json.dumps(header))
        answer = {"token": token.serialize(compact=True)}
    elif command == "verify-jws":
        token = jws.JWS()
        token.deserialize(request["token"])
        token.verify(key, alg=request["alg"])
        answer = {"payload": b64e(token.payload), "header": token.jose_header}
    elif command == "encrypt-jwe":
        header = {"alg": request["alg"], "enc": request["enc"]}
        header.update(request.get("header", {}))
        token = jwe.JWE(b64d(request["payload"]), json.dumps(header))
        token.add_recipient(key)
        answer = {"token": token.serialize(compact=True)}
    elif command == "decrypt-jwe":
        token = jwe.JWE()
        token.deserialize(request["token"], key=key)
        answer = {"payload": b64e(token.payload), "header": token.jose_header}
    else:
        raise SystemExit("unknown command " + command)
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # the test shows what jwcrypto said
        json.dump({"error": "%s: %s" % (type(error).__name__, error)}, sys.stdout)
        sys.exit(1)
