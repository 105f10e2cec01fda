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
