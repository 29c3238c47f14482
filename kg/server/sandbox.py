"""Run SPARQL where the network cannot be reached: Oxigraph's SERVICE becomes impossible, not just forbidden.

pyoxigraph evaluates ``SERVICE <url>`` with a built-in HTTP client and offers no
option to turn it off. So the thread that runs (and iterates) a query gets a
Linux seccomp filter that makes ``socket()`` fail for every address family but
AF_UNIX (the worker's pipe to the server is an AF_UNIX socketpair made before):
a SERVICE call, however it was written, fails to open a connection.

* :func:`deny_network` installs the filter on the calling thread (seccomp filters
  are per thread unless synchronised; this one is not), for the worker processes
  of `kg serve`, whose whole life is answering queries.
* :func:`offline` runs a function in one long-lived filtered thread of the
  current process, for `kg query` and the Python API: the user's own threads keep
  their network, the query does not have any. The thread has a large stack, so
  deep (but admitted) queries do not overflow it.

On other systems (macOS, Windows, other CPUs) :func:`deny_network` returns False
and the parsed check (kg.server.sparql) is the only gate; ``kg serve`` says so.
"""
from __future__ import annotations

import ctypes
import platform
import queue
import struct
import sys
import threading

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_EACCES = 0x00050000 | 13  # SECCOMP_RET_ERRNO | EACCES
_AF_UNIX = 1
# machine -> (AUDIT_ARCH, socket, socketpair, io_uring_setup); x86_64's x32 numbers start at 1 << 30
_ARCH = {"x86_64": (0xC000003E, 41, 53, 425), "aarch64": (0xC00000B7, 198, 199, 425)}
STACK_BYTES = 256 << 20  # the offline thread's stack (address space; only touched pages cost memory)


def _insn(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def _program(arch: int, nr_socket: int, nr_socketpair: int, nr_uring: int) -> bytes:
    ld_w, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    return b"".join([
        _insn(ld_w, 0, 0, 4),                 # 0: A = seccomp_data.arch
        _insn(jeq, 1, 0, arch),               # 1: native arch -> 3
        _insn(ret, 0, 0, _RET_EACCES),        # 2: any other ABI: refused
        _insn(ld_w, 0, 0, 0),                 # 3: A = syscall number
        _insn(jge, 6, 0, 0x40000000),         # 4: x32 syscalls -> 11 (refused)
        _insn(jeq, 5, 0, nr_uring),           # 5: io_uring could open sockets behind our back -> 11
        _insn(jeq, 1, 0, nr_socket),          # 6: socket() -> 8
        _insn(jeq, 0, 2, nr_socketpair),      # 7: socketpair() -> 8, else -> 10
        _insn(ld_w, 0, 0, 16),                # 8: A = first argument (the address family)
        _insn(jeq, 0, 1, _AF_UNIX),           # 9: AF_UNIX -> 10, else -> 11
        _insn(ret, 0, 0, _RET_ALLOW),         # 10
        _insn(ret, 0, 0, _RET_EACCES),        # 11
    ])


def supported() -> bool:
    return sys.platform.startswith("linux") and platform.machine() in _ARCH


def deny_network() -> bool:
    """Forbid the calling thread (and threads it starts) to open network sockets; False where unsupported."""
    if not supported():
        return False
    code = _program(*_ARCH[platform.machine()])
    buf = ctypes.create_string_buffer(code, len(code))

    class _Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = _Prog(len(code) // 8, ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) == 0


class _Offline:
    """One daemon thread, network denied, that runs submitted calls one at a time."""

    def __init__(self) -> None:
        self.jobs: queue.Queue = queue.Queue()
        self.sealed = threading.Event()
        self.ok = False
        old = threading.stack_size()
        try:
            threading.stack_size(STACK_BYTES)
        except (ValueError, RuntimeError):
            pass
        try:
            threading.Thread(target=self._loop, name="kg-offline-query", daemon=True).start()
        finally:
            threading.stack_size(old)
        self.sealed.wait()

    def _loop(self) -> None:
        self.ok = deny_network()
        self.sealed.set()
        while True:
            fn, args, kwargs, reply = self.jobs.get()
            try:
                reply.put((True, fn(*args, **kwargs)))
            except BaseException as exc:  # noqa: BLE001 - handed back to the caller
                reply.put((False, exc))


_runner: _Offline | None = None
_runner_lock = threading.Lock()


def offline(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` in the network-denied thread; its result, or its exception raised here."""
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = _Offline()
    reply: queue.SimpleQueue = queue.SimpleQueue()
    _runner.jobs.put((fn, args, kwargs, reply))
    ok, value = reply.get()
    if ok:
        return value
    raise value


def offline_is_sealed() -> bool:
    """True when :func:`offline` calls really run without network (for `kg serve`'s start-up line and tests)."""
    return offline(lambda: _runner.ok if _runner else False)
