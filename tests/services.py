"""
Real services that a test starts for itself, so it can stop, pause and restart them at will.

The shared Redis at 127.0.0.1:6379 is never touched: each RedisServer is a redis-server of its own on a
free loopback port, keeping nothing on disk, and is always stopped when the test (or the process) ends.
"""

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import redis

START_TIMEOUT = 10.0


def free_port() -> int:
    """Return a loopback TCP port that nothing listens on at the moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own: start(), stop(), pause() (SIGSTOP), resume(), restart()."""

    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.paused = False
        self.log = tempfile.NamedTemporaryFile(prefix="redis-server-", suffix=".log", delete=False)
        atexit.register(self.close)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def cache_settings(self, **options) -> dict:
        """Return a CACHES setting pointing Django's cache at this server."""
        return {"default": {"BACKEND": "newsroom.redis_cache.RedisCache", "LOCATION": self.url, "OPTIONS": options}}

    def start(self) -> "RedisServer":
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server): these tests need it.")
        for _attempt in range(3):
            self.process = subprocess.Popen(
                [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
                + ["--dir", tempfile.gettempdir(), "--logfile", ""],
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C aimed at the test run reaches us, not redis, first
            )
            if self.wait_until_answering():
                return self
            # Another process took the port between free_port() and the start: try a new one.
            self.process.kill()
            self.process.wait()
            self.port = free_port()
        raise RuntimeError(f"redis-server did not start; its log:\n{self.read_log()}")

    def wait_until_answering(self) -> bool:
        client = redis.Redis(port=self.port, socket_timeout=0.5, socket_connect_timeout=0.5)
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    return False
                try:
                    if client.ping():
                        return True
                except redis.RedisError:
                    time.sleep(0.02)
            return False
        finally:
            client.close()

    def stop(self) -> None:
        """Stop the server (as a crash would: its data is gone)."""
        if self.process is None:
            return
        if self.paused:
            self.resume()
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections are accepted by the kernel, nothing is answered."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.paused = True

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)
        self.paused = False

    def restart(self) -> None:
        """Stop the server and start an empty one on the same port."""
        self.stop()
        port = self.port
        self.start()
        if self.port != port:
            raise RuntimeError(f"redis-server could not start again on port {port}")

    def close(self) -> None:
        self.stop()
        self.log.close()
        if os.path.exists(self.log.name):
            os.unlink(self.log.name)
        atexit.unregister(self.close)

    def read_log(self) -> str:
        self.log.flush()
        with open(self.log.name, errors="replace") as log:
            return log.read()[-2000:]

    def __enter__(self) -> "RedisServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()


# PostgreSQL's server programs (Debian's postgresql-15 package); PG_BIN names another folder.
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


# The cluster's reaper: waits for its parent to close the pipe (or die), then stops what still runs and deletes.
REAPER = """
import os, shutil, subprocess, sys
pg_ctl, folder, user = sys.argv[1:]
sys.stdin.read()
for name in ("replica", "primary"):
    if os.path.exists(os.path.join(folder, name, "postmaster.pid")):
        subprocess.run([pg_ctl, "-D", os.path.join(folder, name), "-m", "immediate", "-w", "stop"],
                       user=user or None, capture_output=True, timeout=60)
shutil.rmtree(folder, ignore_errors=True)
"""


class PostgresReplicaCluster:
    """
    A throw-away PostgreSQL primary and a streaming replica of it (pg_basebackup -R), on free loopback ports.

    Both live in one temporary folder, trust every local connection, log every statement to their own file
    (so a test can tell which server answered a query) and are stopped and deleted by close(), at the latest
    when the process exits. The servers run as the postgres user when the tests run as root (PostgreSQL
    refuses root).
    """

    DATABASE = "newsroom"

    def __init__(self):
        for program in ("initdb", "pg_ctl", "pg_basebackup", "postgres"):
            if not (PG_BIN / program).exists():
                raise RuntimeError(
                    f"{PG_BIN / program} is missing (apt-get install postgresql-15, or set PG_BIN): these tests "
                    "need a PostgreSQL primary and replica of their own."
                )
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-replicas-"))
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.folder, user=self.user)
        self.primary = PostgresServer(self, "primary")
        self.replica = PostgresServer(self, "replica")
        atexit.register(self.close)
        # Should this process die without running close() (killed, or the run interrupted twice), a process of
        # its own sees the pipe close, stops both servers and deletes the folder.
        self.reaper = subprocess.Popen(
            [sys.executable, "-c", REAPER, str(PG_BIN / "pg_ctl"), str(self.folder), self.user or ""],
            stdin=subprocess.PIPE,
            start_new_session=True,
        )

    def run(self, *command: str) -> None:
        result = subprocess.run(command, user=self.user, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> "PostgresReplicaCluster":
        primary = self.primary
        self.run(str(PG_BIN / "initdb"), "-D", str(primary.data), "-U", "postgres", "--auth=trust", "--no-sync",
                 "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        with open(primary.data / "postgresql.conf", "a") as conf:
            # Replication on (wal_level=replica is the default; said here so that it cannot change unseen), the
            # durability a throw-away cluster does not need off, and every statement in the log.
            conf.write(
                "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nfsync = off\nfull_page_writes = off\n"
                "log_statement = 'all'\nlog_line_prefix = '%m [%p] %d '\n"
            )
        primary.start()
        primary.execute(f'CREATE DATABASE "{self.DATABASE}"')
        self.run(str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                 "-D", str(self.replica.data), "-R", "-X", "stream", "-c", "fast", "--no-sync")  # fmt: skip
        self.replica.start()
        self.wait_until_streaming()
        return self

    def wait_until_streaming(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.primary.query("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'") == 1:
                return
            time.sleep(0.05)
        raise RuntimeError(f"the replica did not start streaming; its log:\n{self.replica.read_log()}")

    def wait_until_replayed(self) -> None:
        """Wait until the replica has replayed everything the primary has written so far."""
        target = self.primary.query("SELECT pg_current_wal_lsn()::text")
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.replica.query(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"):
                return
            time.sleep(0.02)
        raise RuntimeError("the replica did not catch up within 10 s")

    def pause_replay(self) -> None:
        self.replica.execute("SELECT pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        self.replica.execute("SELECT pg_wal_replay_resume()")

    def close(self) -> None:
        for server in (self.replica, self.primary):
            server.stop(mode="immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.reaper.stdin.close()
        self.reaper.wait(timeout=30)
        atexit.unregister(self.close)

    def __enter__(self) -> "PostgresReplicaCluster":
        try:
            return self.start()
        except BaseException:
            self.close()
            raise

    def __exit__(self, *exc_info) -> None:
        self.close()


class PostgresServer:
    """One server of a PostgresReplicaCluster: start(), stop(), query() and its statement log."""

    def __init__(self, cluster: PostgresReplicaCluster, name: str):
        self.cluster = cluster
        self.data = cluster.folder / name
        self.log = cluster.folder / f"{name}.log"
        self.port = free_port()
        self.running = False

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.cluster.DATABASE}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.cluster.folder}"
        self.cluster.run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                         "-w", "-t", "30", "start")  # fmt: skip
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (fast: connections are ended, as in a restart or a failed machine's shutdown)."""
        if self.running:
            self.cluster.run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
            self.running = False

    def connect(self, database: str | None = None):
        import psycopg

        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", autocommit=True,
                               dbname=database or self.cluster.DATABASE, connect_timeout=5)  # fmt: skip

    def execute(self, statement: str) -> None:
        with self.connect("postgres") as connection:
            connection.execute(statement)

    def query(self, statement: str, database: str | None = None):
        """Return the first column of the first row the statement returns."""
        with self.connect(database or "postgres") as connection:
            return connection.execute(statement).fetchone()[0]

    def read_log(self) -> str:
        with open(self.log, errors="replace") as log:
            return log.read()


class CuttingProxy:
    """
    A TCP proxy to a loopback port that drops a connection the moment its client sends `marker`: a database
    that fails in the middle of a page, on cue, while it answers everything else.
    """

    def __init__(self, target_port: int, marker: bytes):
        self.target_port = target_port
        self.marker = marker
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return  # closed
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            threading.Thread(target=self.pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self.pump, args=(upstream, client, False), daemon=True).start()

    def pump(self, source: socket.socket, target: socket.socket, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                if from_client and self.marker in data:
                    self.cuts += 1
                    break
                target.sendall(data)
        except OSError:
            pass
        for end in (source, target):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def close(self) -> None:
        self.listener.close()


VCL = Path(__file__).resolve().parents[1] / "deploy/varnish/newsroom.vcl"


class VarnishServer:
    """
    A throw-away varnishd running deploy/varnish/newsroom.vcl in front of one backend port: start(), stop(),
    pause() (SIGSTOP: connections hang, nothing answers), resume(), counters() (varnishstat).
    """

    def __init__(self, *, backend_port: int, ttl: str = "1h", storage: str = "malloc,64m"):
        self.port = free_port()
        self.backend_port = backend_port
        self.ttl = ttl
        self.storage = storage
        self.process: subprocess.Popen | None = None
        self.folder = Path(tempfile.mkdtemp(prefix="varnish-"))
        self.folder.chmod(0o755)  # varnishd, started as root, reads the VCL as its own unprivileged user
        self.log = open(self.folder / "varnishd.log", "w+")  # noqa: SIM115 -- closed in close()
        self.paused: list[int] = []
        atexit.register(self.close)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def vcl(self) -> Path:
        """The shipped VCL, pointed at the backend's port and with this edge's TTL."""
        text = VCL.read_text()
        replacements = {
            '.port = "8000";': f'.port = "{self.backend_port}";',
            "set beresp.ttl = 1h;  # EDGE_TTL": f"set beresp.ttl = {self.ttl};  # EDGE_TTL",
        }
        for shipped, ours in replacements.items():
            if shipped not in text:
                raise RuntimeError(f"{VCL} no longer contains {shipped!r}: update tests/services.py")
            text = text.replace(shipped, ours)
        path = self.folder / "newsroom.vcl"
        path.write_text(text)
        return path

    def start(self) -> "VarnishServer":
        binary = shutil.which("varnishd") or ("/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None)
        if binary is None:
            raise RuntimeError("varnishd is not installed (apt-get install varnish varnish-modules): tests need it.")
        vcl = self.vcl()
        for _attempt in range(3):
            self.process = subprocess.Popen(
                [binary, "-F", "-n", str(self.folder / "work"), "-a", f"127.0.0.1:{self.port}", "-T", "127.0.0.1:0"]
                + ["-f", str(vcl), "-s", self.storage, "-p", "cli_timeout=120"],
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            if self.wait_until_answering():
                return self
            log = self.read_log()
            self.stop()
            if "xkey" in log and ("Could not" in log or "not found" in log.lower()):
                raise RuntimeError(f"varnishd cannot load the xkey vmod (apt-get install varnish-modules):\n{log}")
            if "VCL compilation failed" in log or "Message from VCC" in log:
                raise RuntimeError(f"varnishd refused {VCL}:\n{log}")
            self.port = free_port()
        raise RuntimeError(f"varnishd did not start; its log:\n{self.read_log()}")

    def wait_until_answering(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT * 2
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def children(self) -> list[int]:
        """The manager's child processes (the cache process that answers requests)."""
        pids = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            pids += [int(pid) for pid in (task / "children").read_text().split()]
        return pids

    def pause(self) -> None:
        """Freeze varnishd, manager and cache process: a purge sent now connects and is never answered."""
        self.paused = [self.process.pid, *self.children()]
        for pid in self.paused:
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in reversed(self.paused):
            os.kill(pid, signal.SIGCONT)
        self.paused = []

    def counters(self) -> dict[str, int]:
        """Return varnishstat's MAIN counters, e.g. {"cache_hit": 10, "cache_miss": 2}."""
        output = subprocess.run(
            ["varnishstat", "-n", str(self.folder / "work"), "-1", "-f", "MAIN.*"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        counters = {}
        for line in output.splitlines():
            name, value, *_rest = line.split()
            counters[name.removeprefix("MAIN.")] = int(value)
        return counters

    def stop(self) -> None:
        """Stop varnishd (its cache is gone with it)."""
        if self.process is None:
            return
        if self.paused:
            self.resume()
        if self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # the manager and its cache process, a group of their own
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        """Stop varnishd and start an empty one on the same port."""
        self.stop()
        port = self.port
        self.start()
        if self.port != port:
            raise RuntimeError(f"varnishd could not start again on port {port}")

    def close(self) -> None:
        self.stop()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        atexit.unregister(self.close)

    def read_log(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-3000:]

    def __enter__(self) -> "VarnishServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()
