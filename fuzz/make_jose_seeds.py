#!/usr/bin/python3
"""Writes seed tokens for fuzz_jws and fuzz_jwe into fuzz/corpus/, made by jwcrypto (Debian's
python3-jwcrypto) with the fixed fuzz keys of FuzzEntryPoints.cpp: valid tokens of every
algorithm, so the fuzzer starts inside the parsers, and the classic attacks. Run with /usr/bin/python3."""
import base64, json, os, re, sys
from jwcrypto import jwe, jwk, jws

here = os.path.dirname(os.path.abspath(__file__))
source = open(os.path.join(here, "FuzzEntryPoints.cpp")).read()

def load(name):
    lines = re.findall(r'"(.*)\\n"', re.search(r"const char\* const %s =\n((?:    \".*\";?\n)+)" % name, source).group(1))
    return jwk.JWK.from_pem(("\n".join(lines) + "\n").encode())

rsa, ec, ed = load("FuzzRsaPem"), load("FuzzEcPem"), load("FuzzEdPem")
secret = jwk.JWK(kty="oct", k=base64.urlsafe_b64encode(b"fuzz-secret-0123456789abcdef0123").rstrip(b"=").decode())

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def write(target, name, text):
    folder = os.path.join(here, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w") as f:
        f.write(text)

payload = json.dumps({"id": "evt_1", "type": "policy.bound", "exp": 1795428300}).encode()
for alg, key in (("HS256", secret), ("RS256", rsa), ("PS256", rsa), ("ES256", ec), ("EdDSA", ed)):
    token = jws.JWS(payload)
    token.add_signature(key, alg=alg, protected=json.dumps({"alg": alg, "typ": "JWT", "kid": "k1"}))
    write("fuzz_jws", "valid-" + alg.lower(), token.serialize(compact=True))
write("fuzz_jws", "alg-none", b64(b'{"alg":"none"}') + "." + b64(payload) + ".")
write("fuzz_jws", "crit", b64(b'{"alg":"HS256","crit":["exp"],"exp":1}') + "." + b64(payload) + "." + b64(b"x" * 32))
write("fuzz_jws", "duplicate-alg", b64(b'{"alg":"HS256","\\u0061lg":"none"}') + "." + b64(payload) + "." + b64(b"x" * 32))
write("fuzz_jws", "padded", b64(b'{"alg":"HS256"}') + "==." + b64(payload) + "." + b64(b"x" * 32))
write("fuzz_jws", "five-parts", "a.b.c.d.e")

for alg, enc, key in (("RSA-OAEP-256", "A256GCM", rsa), ("RSA-OAEP", "A128CBC-HS256", rsa),
                      ("ECDH-ES+A256KW", "A256GCM", ec), ("ECDH-ES+A256KW", "A128CBC-HS256", ec)):
    token = jwe.JWE(payload, json.dumps({"alg": alg, "enc": enc, "kid": "r1"}))
    token.add_recipient(key.public() if hasattr(key, "public") else key)
    compact = token.serialize(compact=True)
    name = (alg + "-" + enc).lower()
    write("fuzz_jwe", "valid-" + name, compact)
    parts = compact.split(".")
    tag = base64.urlsafe_b64decode(parts[4] + "==")
    write("fuzz_jwe", "short-tag-" + name, ".".join(parts[:4] + [b64(tag[:12])]))
    ciphertext = bytearray(base64.urlsafe_b64decode(parts[3] + "=="))
    ciphertext[0] ^= 1
    write("fuzz_jwe", "tampered-" + name, ".".join(parts[:3] + [b64(bytes(ciphertext)), parts[4]]))
write("fuzz_jwe", "zip", b64(b'{"alg":"RSA-OAEP-256","enc":"A256GCM","zip":"DEF"}') + ".a.b.c.d")
write("fuzz_jwe", "dir", b64(b'{"alg":"dir","enc":"A256GCM"}') + "..AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA")
write("fuzz_jwe", "three-parts", "a.b.c")
