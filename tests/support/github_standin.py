"""A stand-in for GitHub on 127.0.0.1, for running ``issue-to-pr.yml`` under ``act``.

It serves HTTPS with a certificate made at start-up (``openssl``), because
``peter-evans/create-pull-request`` derives its API address from the checkout's remote as
``https://HOST/api/v3`` and ``gh`` speaks only HTTPS to an enterprise host. Clients trust it
through the variables of :meth:`GitHubStandIn.client_environment`.

What it emulates, on one repository:
- the git host: ``git http-backend`` (smart HTTP, fetch and push) on a bare repository made from
  a local one; a push needs an ``Authorization`` header, as on GitHub;
- REST (``/api/v3``): pull requests (create, list, get, update), issue comments (create, list),
  issue labels (remove, add) and the repository;
- GraphQL (``/api/graphql``): the queries and mutations ``gh issue comment`` and
  ``gh issue edit --remove-label`` send (the issue by number, the repository's labels, adding a
  comment, removing labels);
- the refusal GitHub gives when "Allow GitHub Actions to create and approve pull requests" is
  off: ``POST .../pulls`` answers 403 with GitHub's message (``allow_pull_requests=False``);
- a pull request whose head branch was not pushed is refused with 422, as on GitHub.

What it does not emulate: permissions and token scopes (any token is accepted, and recorded),
rate limits, pagination beyond one page, webhooks and the workflows a pull request would start,
forks, reviewers, assignees and milestones. Anything else is answered 404 and listed in
:attr:`GitHubStandIn.unanswered`, so a test can require that the workflow asked for nothing
unexpected.

Every request is recorded in order in :attr:`GitHubStandIn.calls`; comments, pull requests and
pushes carry their position in that list, so a test can check what happened before what.
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

# GitHub's answer to POST /repos/{owner}/{repo}/pulls with the built-in token while the repository
# setting "Allow GitHub Actions to create and approve pull requests" is off.
REFUSAL = "GitHub Actions is not permitted to create or approve pull requests."
DOCS = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"


@dataclass
class Call:
    """One request as received: ``seq`` is its position among all requests."""

    seq: int
    method: str
    path: str
    query: str
    body: object
    authorization: str
    status: int = 0


@dataclass
class Comment:
    seq: int
    issue: int
    body: str


@dataclass
class Pull:
    seq: int
    number: int
    head: str
    base: str
    title: str
    body: str
    url: str
    files: list[str] = field(default_factory=list)


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for two days."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "standin.crt", folder / "standin.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
        ]
        + ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, standin: GitHubStandIn, context: ssl.SSLContext):
        self.standin, self.context = standin, context
        super().__init__(("127.0.0.1", 0), _Handler)

    def get_request(self):
        sock, addr = super().get_request()
        # The handshake happens in the request's own thread, so one slow client blocks nobody.
        return self.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), addr

    def handle_error(self, request, client_address):  # a client hanging up mid-request is not news
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # the record is GitHubStandIn.calls
        pass

    def _any(self):
        self.server.standin._handle(self)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any

    def read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if not size:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(data)
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def answer(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


class GitHubStandIn:
    """GitHub for one repository (``owner/name``) on ``https://127.0.0.1:PORT``."""

    def __init__(self, folder: Path, repository: str = "contoh/antarkerja", *, allow_pull_requests: bool = True):
        self.folder = Path(folder)
        self.repository = repository
        self.allow_pull_requests = allow_pull_requests
        self.git_root = self.folder / "git"
        self.cert, self._key = make_certificate(self.folder / "tls")
        self.calls: list[Call] = []
        self.comments: list[Comment] = []
        self.pulls: list[Pull] = []
        self.pushes: list[int] = []  # seq of each git-receive-pack POST that the host accepted
        self.refused_pulls: list[int] = []
        self.removed_labels: list[tuple[int, str, int]] = []  # (issue, label, seq)
        self.labels: dict[int, list[str]] = {}
        self.unanswered: list[str] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None

    # Setting up -----------------------------------------------------------------------------------

    def host_repository(self, source: Path, branch: str = "main") -> Path:
        """Serve a bare copy of ``branch`` of the local repository ``source``, as the default branch."""
        bare = self.git_root / self.repository
        bare.parent.mkdir(parents=True, exist_ok=True)
        clone = ["git", "clone", "-q", "--bare", "--single-branch", "--branch", branch, str(source), str(bare)]
        subprocess.run(clone, check=True)
        subprocess.run(["git", "-C", str(bare), "config", "http.receivepack", "true"], check=True)
        return bare

    def label_issue(self, number: int, *labels: str) -> None:
        self.labels.setdefault(number, []).extend(labels)

    def start(self) -> GitHubStandIn:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self._key)
        self._server = _Server(self, context)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> GitHubStandIn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def host(self) -> str:
        assert self._server, "start the stand-in first"
        return f"127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"https://{self.host}"

    @property
    def remote(self) -> str:
        """The repository's clone address, as ``actions/checkout`` would leave it in ``origin``."""
        return f"{self.url}/{self.repository}"

    def client_environment(self) -> dict[str, str]:
        """Variables that make git, Node and ``gh`` trust this host and reach it without a proxy."""
        bundle = self.folder / "tls" / "bundle.pem"
        system = Path("/etc/ssl/certs/ca-certificates.crt")
        bundle.write_bytes((system.read_bytes() if system.is_file() else b"") + self.cert.read_bytes())
        return {
            "NODE_EXTRA_CA_CERTS": str(self.cert),
            "GIT_SSL_CAINFO": str(bundle),
            "SSL_CERT_FILE": str(bundle),  # gh (Go) on Linux
            "GH_HOST": self.host,
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
        }

    # What happened --------------------------------------------------------------------------------

    def _in_host(self, *args: str) -> str:
        bare = self.git_root / self.repository
        return subprocess.run(["git", "-C", str(bare), *args], capture_output=True, check=True).stdout.decode("utf-8")

    def branches(self) -> dict[str, str]:
        """The branches on the git host, with their commits."""
        out = self._in_host("for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads")
        return dict(line.split(" ", 1) for line in out.splitlines())

    def show(self, ref: str, path: str) -> str:
        """A file's text on a branch of the git host."""
        return self._in_host("show", f"{ref}:{path}")

    # Serving --------------------------------------------------------------------------------------

    def _handle(self, h: _Handler) -> None:
        parts = urlsplit(h.path)
        path, query = unquote(parts.path), parts.query
        raw = h.read_body()
        is_git = not path.startswith("/api/")
        body: object = None
        if raw and not is_git:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        with self._lock:
            call = Call(len(self.calls), h.command, path, query, body, h.headers.get("Authorization", ""))
            self.calls.append(call)
        # GitHub answers 401 to a REST write or any GraphQL call without a token.
        if not is_git and (h.command != "GET" or path == "/api/graphql") and not call.authorization:
            call.status = 401
            self.unanswered.append(f"{h.command} {path} without a token")
            return h.answer(401, b'{"message": "Requires authentication"}', {"Content-Type": "application/json"})
        try:
            if is_git:
                status, payload, headers = self._git(h, path, query, raw)
                if status == 200 and path.endswith("/git-receive-pack") and h.command == "POST":
                    with self._lock:
                        self.pushes.append(call.seq)
            elif path == "/api/graphql":
                status, data = self._graphql(call)
                payload, headers = json.dumps(data).encode(), {"Content-Type": "application/json; charset=utf-8"}
            elif path.startswith("/api/v3/"):
                status, data = self._rest(call, path.removeprefix("/api/v3").rstrip("/"), parse_qs(query))
                payload = b"" if status == 204 else json.dumps(data).encode()
                headers = {"Content-Type": "application/json; charset=utf-8"}
            else:
                status, payload, headers = 404, b"", {}
        except Exception as exc:  # a bug in the stand-in shows in the test, not as a hung client
            status, payload, headers = 500, f"stand-in error: {exc!r}".encode(), {"Content-Type": "text/plain"}
        if status == 404:
            self.unanswered.append(f"{h.command} {path}")
        call.status = status
        h.answer(status, payload, headers)

    def _git(self, h: _Handler, path: str, query: str, raw: bytes) -> tuple[int, bytes, dict[str, str]]:
        if h.command == "POST" and path.endswith("/git-receive-pack") and not h.headers.get("Authorization"):
            return 401, b"", {"WWW-Authenticate": 'Basic realm="GitHub"'}
        if "service=git-receive-pack" in query and not h.headers.get("Authorization"):
            return 401, b"", {"WWW-Authenticate": 'Basic realm="GitHub"'}
        # GitHub serves a repository with and without ".git" at the end of its address.
        path = path.replace(f"/{self.repository}.git/", f"/{self.repository}/", 1)
        if not path.startswith(f"/{self.repository}/"):
            return 404, b"", {}
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "GIT_PROJECT_ROOT": str(self.git_root),
            "GIT_HTTP_EXPORT_ALL": "1",
            "PATH_INFO": path,
            "REQUEST_METHOD": h.command,
            "QUERY_STRING": query,
            "CONTENT_TYPE": h.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(raw)),
            "REMOTE_USER": "x-access-token",
            "REMOTE_ADDR": "127.0.0.1",
            "GIT_PROTOCOL": h.headers.get("Git-Protocol", ""),
            "HTTP_CONTENT_ENCODING": h.headers.get("Content-Encoding", ""),
        }
        exec_path = subprocess.run(["git", "--exec-path"], capture_output=True, text=True, check=True).stdout.strip()
        run = subprocess.run([f"{exec_path}/git-http-backend"], input=raw, env=env, capture_output=True, timeout=120)
        head, _, payload = run.stdout.partition(b"\r\n\r\n")
        if not _:
            head, _, payload = run.stdout.partition(b"\n\n")
        status, headers = 200, {}
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers[name] = value.strip()
        return status, payload, headers

    # REST -----------------------------------------------------------------------------------------

    def _pull_json(self, pull: Pull) -> dict:
        owner = self.repository.split("/")[0]
        return {
            "number": pull.number,
            "id": pull.number,
            "node_id": f"PR_{pull.number}",
            "html_url": pull.url,
            "url": f"{self.url}/api/v3/repos/{self.repository}/pulls/{pull.number}",
            "state": "open",
            "draft": False,
            "title": pull.title,
            "body": pull.body,
            "head": {"ref": pull.head, "label": f"{owner}:{pull.head}"},
            "base": {"ref": pull.base, "label": f"{owner}:{pull.base}"},
        }

    def _comment_json(self, comment: Comment) -> dict:
        url = f"{self.url}/{self.repository}/issues/{comment.issue}#issuecomment-{comment.seq}"
        return {"id": comment.seq, "node_id": f"IC_{comment.seq}", "body": comment.body, "html_url": url}

    def _add_comment(self, call: Call, number: int, body: str) -> Comment:
        comment = Comment(call.seq, number, body)
        with self._lock:
            self.comments.append(comment)
        return comment

    def _remove_label(self, call: Call, number: int, label: str) -> bool:
        labels = self.labels.get(number, [])
        if label not in labels:
            return False
        labels.remove(label)
        self.removed_labels.append((number, label, call.seq))
        return True

    def _rest(self, call: Call, path: str, query: dict) -> tuple[int, object]:
        prefix = f"/repos/{self.repository}"
        if path == prefix and call.method == "GET":
            owner, name = self.repository.split("/")
            return 200, {"full_name": self.repository, "name": name, "owner": {"login": owner}, "fork": False}
        if not path.startswith(prefix + "/"):
            return 404, {"message": "Not Found"}
        parts = path[len(prefix) + 1 :].split("/")
        body = call.body if isinstance(call.body, dict) else {}
        if parts == ["pulls"] and call.method == "GET":
            head = query.get("head", [""])[0].split(":")[-1]
            found = [p for p in self.pulls if not head or p.head == head]
            return 200, [self._pull_json(p) for p in found]
        if parts == ["pulls"] and call.method == "POST":
            return self._create_pull(call, body)
        if parts[0] == "pulls" and len(parts) == 2 and parts[1].isdigit():
            pull = next((p for p in self.pulls if p.number == int(parts[1])), None)
            if pull is None:
                return 404, {"message": "Not Found"}
            if call.method == "PATCH":
                pull.title, pull.body = body.get("title", pull.title), body.get("body", pull.body)
            return 200, self._pull_json(pull)
        if parts[0] == "issues" and len(parts) >= 3 and parts[1].isdigit():
            number = int(parts[1])
            if parts[2:] == ["comments"] and call.method == "POST":
                return 201, self._comment_json(self._add_comment(call, number, str(body.get("body", ""))))
            if parts[2:] == ["comments"] and call.method == "GET":
                return 200, [self._comment_json(c) for c in self.comments if c.issue == number]
            if parts[2] == "labels" and len(parts) == 4 and call.method == "DELETE":
                if not self._remove_label(call, number, parts[3]):
                    return 404, {"message": "Label does not exist"}
                return 200, [{"name": n} for n in self.labels.get(number, [])]
            if parts[2:] == ["labels"] and call.method == "POST":
                self.labels.setdefault(number, []).extend(body.get("labels", []))
                return 200, [{"name": n} for n in self.labels[number]]
        return 404, {"message": "Not Found"}

    def _create_pull(self, call: Call, body: dict) -> tuple[int, object]:
        if not self.allow_pull_requests:
            self.refused_pulls.append(call.seq)
            return 403, {"message": REFUSAL, "documentation_url": DOCS, "status": "403"}
        head = str(body.get("head", "")).split(":")[-1]
        base = str(body.get("base", ""))
        branches = self.branches()
        if head not in branches or base not in branches:
            error = {"resource": "PullRequest", "field": "head" if head not in branches else "base", "code": "invalid"}
            return 422, {"message": "Validation Failed", "errors": [error], "documentation_url": DOCS, "status": "422"}
        changed = self._in_host("diff", "--name-only", f"{base}...{head}").split()
        number = len(self.pulls) + 1 + max(self.labels, default=0)  # issues and PRs share numbers
        url = f"{self.url}/{self.repository}/pull/{number}"
        pull = Pull(call.seq, number, head, base, str(body.get("title", "")), str(body.get("body", "")), url, changed)
        with self._lock:
            self.pulls.append(pull)
        return 201, self._pull_json(pull)

    # GraphQL (what gh sends) ----------------------------------------------------------------------

    def _graphql(self, call: Call) -> tuple[int, dict]:
        body = call.body if isinstance(call.body, dict) else {}
        query, variables = str(body.get("query", "")), body.get("variables") or {}
        owner, name = self.repository.split("/")
        if "addComment" in query:
            given = variables.get("input", {})
            number = int(str(given.get("subjectId", "I_0")).split("_")[-1])
            comment = self._add_comment(call, number, str(given.get("body", "")))
            edge = {"node": {"url": self._comment_json(comment)["html_url"]}}
            return 200, {"data": {"addComment": {"commentEdge": edge}}}
        if "removeLabelsFromLabelable" in query:
            given = variables.get("input", {})
            number = int(str(given.get("labelableId", "I_0")).split("_")[-1])
            for label_id in given.get("labelIds", []):
                self._remove_label(call, number, str(label_id).removeprefix("LA_"))
            return 200, {"data": {"removeLabelsFromLabelable": {"__typename": "RemoveLabelsFromLabelablePayload"}}}
        if "issueOrPullRequest(" in query or "issue(number" in query:
            number = int(variables.get("number") or variables.get("issue_number") or 0)
            labels = self.labels.get(number)
            if labels is None:
                error = {"type": "NOT_FOUND", "message": f"Could not resolve to an issue with the number of {number}."}
                return 200, {"data": {"repository": {"issue": None}}, "errors": [error]}
            issue = {
                "__typename": "Issue",
                "id": f"I_{number}",
                "number": number,
                "title": f"Issue {number}",
                "url": f"{self.url}/{self.repository}/issues/{number}",
                "state": "OPEN",
                "labels": {"nodes": [{"id": f"LA_{n}", "name": n} for n in labels], "totalCount": len(labels)},
            }
            repo = {"hasIssuesEnabled": True, "issue": issue, "issueOrPullRequest": issue}
            return 200, {"data": {"repository": repo}}
        if "labels(" in query and "repository(" in query:
            names = sorted({n for labels in self.labels.values() for n in labels})
            nodes = [{"id": f"LA_{n}", "name": n} for n in names]
            page = {"nodes": nodes, "pageInfo": {"hasNextPage": False, "endCursor": ""}}
            return 200, {"data": {"repository": {"labels": page}}}
        self.unanswered.append(f"graphql {query[:200]!r}")
        return 200, {"data": None, "errors": [{"message": "the stand-in does not answer this query"}]}
