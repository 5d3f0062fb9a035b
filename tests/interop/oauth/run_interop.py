#!/usr/bin/python3
"""hookbench-cli against oidc-provider, an OpenID Certified authorization server (docs/oauth2.md).

    run_interop.py PATH/TO/hookbench-cli

Starts server.mjs (oidc-provider at the versions package-lock.json pins) on a loopback port and
runs what a user runs:
- `token` and `send` for client credentials with client_secret_basic, client_secret_post,
  client_secret_jwt and private_key_jwt (ES256 and RS256), and a wrong secret (the server's
  error is shown);
- for authorization code + PKCE with basic and post: `token --sign-in --no-browser`, the printed
  address followed by this script as the browser (the development login and consent forms
  posted over HTTP, the redirect landing on HookBench's loopback callback), two refreshes, `send`,
  then the refresh token revoked at the server: the refused refresh deletes it from the keychain.
Every `send` goes to HookBench's own receiver (`hookbench-cli receive`), which forwards the
request to a small resource server here that asks the authorization server (introspection)
whether the bearer token that arrived is active and whose it is.

Exit 0: all passed; 1: a check failed; 77: skipped (no Node or node_modules, outside CI).
Refresh tokens live in the keychain: without a Secret Service the script runs itself again in a
private D-Bus session with an unlocked gnome-keyring, in a throwaway HOME.
"""

import base64
import http.cookiejar
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = "interop-secret-0123456789abcdef0123456789"
SKIP = 77


def fail(message):
    print("FAIL: " + message, flush=True)
    sys.exit(1)


def check(condition, message, detail=""):
    if not condition:
        fail(message + ("\n" + detail if detail else ""))
    print("ok: " + message, flush=True)


def missing_node(what):
    text = ("the OAuth interop test needs %s: install Debian's nodejs and npm, then run"
            " `npm ci` in tests/interop/oauth (scripts/bootstrap.sh does both)" % what)
    if os.environ.get("CI", "").lower() == "true":
        fail(text)
    print("SKIP: " + text, flush=True)
    sys.exit(SKIP)


def in_private_keyring(cli):
    """Runs this script again inside dbus-run-session with an unlocked gnome-keyring."""
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if not shutil.which(tool):
            if os.environ.get("CI", "").lower() == "true":
                fail("no Secret Service and no %s to start one" % tool)
            print("SKIP: no Secret Service and no %s to start one" % tool, flush=True)
            sys.exit(SKIP)
    scratch = tempfile.mkdtemp(prefix="hookbench-interop-keyring-")
    os.makedirs(os.path.join(scratch, "home"))
    os.makedirs(os.path.join(scratch, "run"), mode=0o700)
    env = dict(os.environ, HOME=os.path.join(scratch, "home"), XDG_RUNTIME_DIR=os.path.join(scratch, "run"),
               HOOKBENCH_INTEROP_KEYRING="1")
    script = ('echo -n hookbench-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null;'
              ' exec "$0" "$@"')
    code = subprocess.call(["dbus-run-session", "--", "sh", "-c", script, sys.executable, __file__, cli], env=env)
    shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(code)


class Cli:
    def __init__(self, path, data_dir):
        self.path = path
        self.env = dict(os.environ, HOOKBENCH_DATA_DIR=data_dir, INTEROP_SECRET=SECRET,
                        WRONG_SECRET="not-the-secret")
        self.env.pop("DISPLAY", None)  # never a browser from a test
        self.env.pop("WAYLAND_DISPLAY", None)

    def run(self, *args, stdin=""):
        done = subprocess.run([self.path, *args], input=stdin, capture_output=True, text=True, env=self.env,
                              timeout=120)
        return done.returncode, done.stdout, done.stderr

    def json(self, *args):
        code, out, err = self.run(*args)
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return code, lines, err


class ResourceServer(http.server.ThreadingHTTPServer):
    """Where the receiver forwards each request: introspects its bearer token at the server."""

    def __init__(self, introspection_url):
        super().__init__(("127.0.0.1", 0), ResourceHandler)
        self.introspection_url = introspection_url
        self.seen = []  # (path, introspection answer)


class ResourceHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        answer = {"active": False, "scheme": scheme}
        if scheme == "Bearer" and token:
            request = urllib.request.Request(
                self.server.introspection_url, data=urllib.parse.urlencode({"token": token}).encode(),
                headers={"Authorization": "Basic " + base64.b64encode(("cc-basic:" + SECRET).encode()).decode()})
            with urllib.request.urlopen(request, timeout=30) as reply:
                answer = json.load(reply)
        self.server.seen.append((self.path, answer))
        self.send_response(200 if answer.get("active") else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()


def start_process(args, **kwargs):
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    return process


def read_line(process, stream, what, timeout=60):
    """The first line `stream` prints, or a failure naming `what` after `timeout` seconds."""
    result = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not result or not result[0]:
        process.kill()
        fail("%s printed nothing within %d s: %s" % (what, timeout, process.stderr.read() if process.stderr else ""))
    return result[0]


def drain(stream, sink):
    for line in stream:
        sink.append(line)


class Browser:
    """Follows the sign-in address: the dev login form, the consent form, and the redirects to the
    end (HookBench's loopback callback), keeping the provider's cookies."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, url, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(url, data=data, timeout=30) as reply:
                return reply.status, reply.geturl(), reply.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode(errors="replace")

    def sign_in(self, url):
        status, where, page = self.open(url)
        pages = []
        for _ in range(4):
            pages.append((status, where))
            action = re.search(r'<form[^>]*action="([^"]+)"', page)
            prompt = re.search(r'name="prompt" value="(\w+)"', page)
            if not action or not prompt:
                break
            target = urllib.parse.urljoin(where, action.group(1))
            if prompt.group(1) == "login":
                status, where, page = self.open(target, {"prompt": "login", "login": "alice", "password": "x"})
            else:
                status, where, page = self.open(target, {"prompt": "consent"})
        return status, where, page, pages


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=2)
    return path


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    cli_path = os.path.abspath(sys.argv[1])
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        missing_node("node")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "oidc-provider")):
        missing_node("tests/interop/oauth/node_modules (oidc-provider)")

    work = tempfile.mkdtemp(prefix="hookbench-interop-oauth-")
    cli = Cli(cli_path, os.path.join(work, "data"))
    code, _, err = cli.run("secret", "get", "hookbench.interop.probe")
    if "No keychain" in err:
        if os.environ.get("HOOKBENCH_INTEROP_KEYRING") == "1":
            fail("no Secret Service even in the private keyring session: " + err)
        in_private_keyring(cli_path)

    processes = []
    try:
        return run(cli, node, work, processes)
    finally:
        for process in processes:
            process.kill()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)


def run(cli, node, work, processes):
    # Keys: made by openssl, the public halves registered with the server.
    keys = {}
    for name, args in (("ec", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]),
                       ("rsa", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])):
        private = os.path.join(work, name + ".pem")
        subprocess.run(["openssl", "genpkey", *args, "-out", private], check=True, capture_output=True)
        subprocess.run(["openssl", "pkey", "-in", private, "-pubout", "-out", private + ".pub"], check=True,
                       capture_output=True)
        keys[name] = private

    # The authorization server.
    config = write_json(os.path.join(work, "server.json"),
                        {"secret": SECRET, "es256Key": keys["ec"] + ".pub", "rs256Key": keys["rsa"] + ".pub"})
    server = start_process([node, os.path.join(HERE, "server.mjs"), config], cwd=HERE)
    processes.append(server)
    server_log = []
    port = read_line(server, server.stdout, "the oidc-provider server").strip()
    threading.Thread(target=drain, args=(server.stderr, server_log), daemon=True).start()
    issuer = "http://127.0.0.1:" + port
    token_url = issuer + "/token"
    with urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=30) as reply:
        discovery = json.load(reply)
    check(discovery["token_endpoint"] == token_url, "oidc-provider answers discovery at " + issuer)

    # The resource server, and HookBench's receiver forwarding to it.
    resource = ResourceServer(issuer + "/token/introspection")
    threading.Thread(target=resource.serve_forever, daemon=True).start()
    receiver_config = write_json(os.path.join(work, "receiver.json"), {
        "format": "hookbench.receiver/1",
        "forwardTo": "http://127.0.0.1:%d/api" % resource.server_address[1],
    })
    receiver = start_process([cli.path, "receive", "--config", receiver_config, "--listen", "127.0.0.1:0", "--json"],
                             env=cli.env)
    processes.append(receiver)
    receiver_url = json.loads(read_line(receiver, receiver.stdout, "hookbench-cli receive"))["listening"]

    def profile(name, auth):
        return write_json(os.path.join(work, name + ".json"), {
            "format": "hookbench.endpoint/1",
            "name": name,
            "url": receiver_url + "/hooks/" + name,
            "auth": auth,
        })

    def send(path, name, client_id):
        before = len(resource.seen)
        code, lines, err = cli.json("send", "--profile", path, "--type", "interop.oauth", "--data", "{}", "--json",
                                    "--no-history")
        check(code == 0 and lines and lines[-1].get("summary", {}).get("delivered") == 1,
              "%s: send delivered to HookBench's receiver" % name, "\n".join(map(json.dumps, lines)) + err)
        deadline = time.time() + 30
        while len(resource.seen) == before and time.time() < deadline:
            time.sleep(0.05)
        check(len(resource.seen) > before, "%s: the receiver forwarded the request" % name)
        path_seen, answer = resource.seen[-1]
        check(answer.get("active") is True and answer.get("client_id") == client_id,
              "%s: the bearer token that arrived is active at the server, issued to %s" % (name, client_id),
              path_seen + " " + json.dumps(answer))

    # 1. Client credentials, every client authentication form.
    forms = [("cc-basic", {"clientAuth": "basic", "clientSecret": "env:INTEROP_SECRET"}),
             ("cc-post", {"clientAuth": "post", "clientSecret": "env:INTEROP_SECRET"}),
             ("cc-jwt", {"clientAuth": "jwt", "clientSecret": "env:INTEROP_SECRET"}),
             ("cc-es256", {"clientAuth": "privateKeyJwt", "privateKey": "file:" + keys["ec"], "alg": "ES256"}),
             ("cc-rs256", {"clientAuth": "privateKeyJwt", "privateKey": "file:" + keys["rsa"], "alg": "RS256"})]
    for client_id, auth in forms:
        path = profile(client_id, {"type": "oauth2ClientCredentials", "tokenUrl": token_url, "clientId": client_id,
                                   "scope": "calls", **auth})
        code, lines, err = cli.json("token", "--profile", path, "--json")
        out = lines[0] if lines else {}
        check(code == 0 and out.get("ok") is True and out["token"].get("token_type") == "Bearer"
              and out["token"].get("scope") == "calls",
              "%s: token" % client_id, json.dumps(out) + err)
        check(out["token"]["access_token"].startswith("\u2022\u2022\u2022\u2022"), "%s: the token is masked" % client_id)
        send(path, client_id, client_id)

    # 2. A wrong secret: refused, with the server's own error.
    path = profile("cc-wrong", {"type": "oauth2ClientCredentials", "tokenUrl": token_url, "clientId": "cc-basic",
                                "clientSecret": "env:WRONG_SECRET", "clientAuth": "basic"})
    code, _, err = cli.run("token", "--profile", path)
    check(code == 1 and "token endpoint refused (HTTP 401): invalid_client: client authentication failed" in err,
          "wrong secret: refused with the server's error", err)

    # 3. Authorization code + PKCE, client_secret_basic and client_secret_post.
    for client_id, client_auth in (("code-basic", "basic"), ("code-post", "post")):
        path = profile(client_id, {"type": "oauth2AuthorizationCode", "authUrl": issuer + "/auth",
                                   "tokenUrl": token_url, "clientId": client_id,
                                   "clientSecret": "env:INTEROP_SECRET", "clientAuth": client_auth,
                                   "scope": "openid offline_access calls"})
        entry = "oauth2-refresh:%s@%s" % (client_id, token_url)
        cli.run("secret", "delete", entry)

        signing = start_process([cli.path, "token", "--profile", path, "--sign-in", "--no-browser", "--json"],
                                env=cli.env)
        processes.append(signing)
        address = None
        for _ in range(10):
            line = read_line(signing, signing.stderr, "token --sign-in").strip()
            if line.startswith("http://"):
                address = line
                break
        check(address is not None and "/auth?" in address, "%s: token --sign-in printed the address" % client_id)
        query = urllib.parse.parse_qs(urllib.parse.urlparse(address).query)
        check(query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43,
              "%s: the address carries an S256 challenge" % client_id)
        status, where, page, pages = Browser().sign_in(address)
        check(status == 200 and where.startswith("http://127.0.0.1:") and "/callback?" in where and "Signed in" in page,
              "%s: the dev login and consent pages led to HookBench's callback" % client_id,
              "%s %s %s\n%s" % (status, where, pages, page[:500]))
        out, err = signing.communicate(timeout=60)
        result = json.loads(out.splitlines()[0]) if out.strip() else {}
        check(signing.returncode == 0 and result.get("signedIn") is True and result.get("ok") is True,
              "%s: signed in, code exchanged" % client_id, out + err)
        code, stored, _ = cli.run("secret", "get", entry, "--show-secrets")
        check(code == 0 and stored.strip(), "%s: the refresh token is in the keychain" % client_id)

        # Two refreshes (issue 17: no scope on refresh, so the server does not refuse it).
        for n in (1, 2):
            code, lines, err = cli.json("token", "--profile", path, "--json")
            out = lines[0] if lines else {}
            check(code == 0 and out.get("grant") == "refresh_token" and out.get("signedIn") is False,
                  "%s: refresh %d" % (client_id, n), json.dumps(out) + err)
        send(path, client_id, client_id)

        # The refresh token revoked at the server: the next refresh is refused and deletes it.
        code, stored, _ = cli.run("secret", "get", entry, "--show-secrets")
        revoke = urllib.request.Request(token_url + "/revocation",
                                        data=urllib.parse.urlencode({"token": stored.strip(),
                                                                     "token_type_hint": "refresh_token",
                                                                     "client_id": client_id,
                                                                     "client_secret": SECRET}).encode())
        with urllib.request.urlopen(revoke, timeout=30) as reply:
            check(reply.status == 200, "%s: refresh token revoked at the server" % client_id)
        code, out, err = cli.run("token", "--profile", path)
        check(code == 1 and "sign in again: the stored refresh token was refused" in err and "invalid_grant" in err
              and "it was deleted from the keychain (entry %s)" % entry in err
              and "run `hookbench-cli token --sign-in --profile %s` to sign in again" % path in err
              and "/auth?" not in err,
              "%s: the refused refresh deleted the stored token and says to sign in again" % client_id, err)
        code, _, _ = cli.run("secret", "get", entry)
        check(code == 1, "%s: nothing is left in the keychain" % client_id)

    errors = [line for line in server_log if "server_error" in line]
    check(not errors, "oidc-provider logged no server_error", "".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
