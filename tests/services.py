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
import tempfile
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
