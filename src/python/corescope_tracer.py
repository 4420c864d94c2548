"""CoreScope's in-process tracer for CPython.

Loaded before the user's script (by corescope_runner.py in the first process, by sitecustomize.py
in every child interpreter, and again after os.fork), it reports what only the interpreter knows:
threads (name, native id), processes (pid, parent), asyncio tasks and each step the loop runs them,
pool work items, and the blocking calls it wraps. It does NOT sample cores or infer the GIL: a
sampler inside the process would need the GIL itself, so the engine samples /proc from outside.

Events go to the engine over a Unix socket (its path in CORESCOPE_TRACE_SOCK) as one JSON object
per line, flushed in batches every FLUSH_S by a daemon thread. A socket rather than an inherited
pipe because multiprocessing's spawn and forkserver children inherit no descriptors; one
connection per process also keeps lines from different processes from interleaving. The same
thread is the lifeline: when the engine goes away (even SIGKILLed) the socket reads EOF and the
process ends itself (the first process kills its whole process group), so no Python process
outlives its run.

Costs: every hook is a few attribute lookups and a list append under the GIL; nothing is imported
that the script does not import itself (modules are patched when the script imports them).
"""

import _json
import _socket
import _thread
import os
import select as _select_mod
import signal
import sys
import time

FLUSH_S = 0.03
_now = time.monotonic_ns
_tid = _thread.get_native_id
_enc = _json.encode_basestring_ascii
_orig_select = _select_mod.select
_orig_sleep = time.sleep
# Taken before init() replaces _thread.allocate_lock, so the tracer's own locks stay plain.
_orig_allocate = _thread.allocate_lock

_state = {"on": False, "sock": None, "root": False, "trace": True, "pid": 0}
SCALE = 1.0
_events = []
_open = {}  # native tid -> [state, t0_ns, task key or None]: wrapped calls in progress
_step = {}  # native tid -> task key of the asyncio step or pool item running there
_loops = set()  # native tids running an asyncio event loop
_counter = [0]
_patched = set()
_internal = set()  # native tids of the tracer's own threads
_root_pid = [0]


def _j(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return _enc(v)
    if isinstance(v, (int, float)):
        return repr(v)
    return "[" + ",".join([_j(x) for x in v]) + "]"


def _no_default(obj):
    raise TypeError("not JSON: %r" % (obj,))


try:
    # json's C encoder without importing json (~7x faster than _j on event lists).
    _c_encode = _json.make_encoder(None, _no_default, _enc, None, ":", ",", False, False, True)

    def _dumps(v):
        return "".join(_c_encode(v, 0))

except (AttributeError, TypeError):
    _dumps = _j


def emit(ev):
    if _state["trace"]:
        _events.append(ev)


def emit_always(ev):
    """For what the engine needs even from an untraced run: how the script ended."""
    _events.append(ev)


def new_key():
    _counter[0] += 1
    return "%d:%d" % (_state["pid"], _counter[0])


_send_lock = _orig_allocate()


def _send_line(text):
    sock = _state["sock"]
    if sock is None:
        return
    data = text.encode("ascii") + b"\n"
    with _send_lock:  # whole lines only: several threads may flush
        try:
            sock.sendall(data)
        except OSError:
            _lifeline_lost()


def flush():
    """Sends buffered events; the open calls let the engine classify time still in progress."""
    global _events
    batch, _events = _events, []
    opened = [[t, v[0], v[1], v[2]] for t, v in list(_open.items())]
    if not batch and not opened:
        _send_line('{"t":%d}' % _now())
        return
    _send_line('{"t":%d,"ev":%s,"open":%s}' % (_now(), _dumps(batch), _dumps(opened)))


def _lifeline_lost():
    # The engine is gone: nobody will ever read our events or stop us, so stop now.
    if _state["root"]:
        try:
            os.killpg(os.getpgrp(), signal.SIGKILL)
        except OSError:
            pass
    os._exit(111)


def _flusher(sock):
    _internal.add(_tid())
    while True:
        try:
            readable = _orig_select([sock], [], [], FLUSH_S)[0]
        except (OSError, ValueError):
            _lifeline_lost()
        if readable:
            try:
                data = sock.recv(64)
            except OSError:
                data = b""
            if not data:
                _lifeline_lost()
        if sock is not _state["sock"]:
            return  # a fork replaced the connection; the child runs its own flusher
        flush()


def _connect():
    path = os.environ.get("CORESCOPE_TRACE_SOCK")
    if not path:
        return None
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:
        sock.close()  # the run this environment came from is over: nothing to report to
        return None
    return sock


def _hello(name):
    gil = True
    probe = getattr(sys, "_is_gil_enabled", None)
    if probe is not None:
        gil = bool(probe())
    main_tid = _tid()
    _send_line(
        '{"hello":%s}'
        % _j(
            [
                os.getpid(),
                os.getppid(),
                _now(),
                name,
                gil,
                "%s %d.%d.%d" % (sys.implementation.name, *sys.version_info[:3]),
                main_tid,
            ]
        )
    )


def _start(name):
    _state["pid"] = os.getpid()
    _events.clear()
    _open.clear()
    _step.clear()
    _loops.clear()
    _internal.clear()
    sock = _connect()
    _state["sock"] = sock
    if sock is None:
        return
    _hello(name)
    _thread.start_new_thread(_flusher, (sock,))


def _child_name():
    # multiprocessing's helper interpreters say what they are in their -c command.
    argv = getattr(sys, "orig_argv", None) or []
    cmd = argv[argv.index("-c") + 1] if "-c" in argv[:-1] else ""
    for marker, name in (
        ("resource_tracker", "resource tracker"),
        ("forkserver", "forkserver"),
        ("spawn_main", "spawned child"),
    ):
        if marker in cmd:
            return name
    return "child"


def _after_fork_child():
    global _send_lock
    _send_lock = _orig_allocate()  # it may have been held by another thread at the fork
    old = _state["sock"]
    _state["sock"] = None
    _state["root"] = False
    if old is not None:
        try:
            old.detach()  # our copy of the parent's descriptor: close it without shutting it down
        except OSError:
            pass
    _start("forked child")


def init(root=False):
    """Idempotent: installs the hooks once per process and connects to the engine."""
    global SCALE
    if _state["on"]:
        if root:
            _state["root"] = True
            _root_pid[0] = os.getpid()
        return
    _state["on"] = True
    _state["root"] = root
    _root_pid[0] = os.getpid() if root else -1
    _state["trace"] = os.environ.get("CORESCOPE_TRACE", "1") != "0"
    try:
        SCALE = float(os.environ.get("CORESCOPE_SCALE", "1"))
    except ValueError:
        SCALE = 1.0
    _start("main" if root else _child_name())
    if _state["sock"] is not None and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_child)
    time.sleep = _sleep
    _patch_thread_module()
    _install_import_hook()
    import atexit

    atexit.register(flush)


# ---- wrapped blocking calls -------------------------------------------------------------------


def _enter(state):
    tid = _tid()
    if tid in _open:
        return None  # nested inside another wrapped call: the outer one describes the wait
    rec = [state, _now(), _step.get(tid)]
    _open[tid] = rec
    return tid


def _leave(tid):
    if tid is None:
        return
    rec = _open.pop(tid, None)
    if rec is not None:
        emit(["call", tid, rec[0], rec[1], _now(), rec[2]])


def _sleep(secs):
    tid = _enter("blocked" if _tid() in _loops else "sleeping")
    try:
        _orig_sleep(secs * SCALE)
    finally:
        _leave(tid)


def _wrap_call(owner, attr, state):
    orig = getattr(owner, attr, None)
    if orig is None or getattr(orig, "_corescope", False):
        return

    def wrapper(*args, **kwargs):
        tid = _enter(state)
        try:
            return orig(*args, **kwargs)
        finally:
            _leave(tid)

    wrapper._corescope = True
    wrapper.__name__ = getattr(orig, "__name__", attr)
    wrapper.__doc__ = getattr(orig, "__doc__", None)
    setattr(owner, attr, wrapper)


# ---- threads ----------------------------------------------------------------------------------


def _patch_threading(threading):
    Thread = threading.Thread
    orig_inner = Thread._bootstrap_inner

    def _bootstrap_inner(self):
        tid = _tid()
        emit(["thread", tid, self.name, _now()])
        flush()  # at once, so the engine's sampler watches the thread from its start
        try:
            orig_inner(self)
        finally:
            emit(["thread-end", tid, _now()])

    Thread._bootstrap_inner = _bootstrap_inner
    # Waiting for another thread (a join, a condition, an event, a semaphore, a lock) is
    # "blocked": the thread can do nothing else, and it is not the GIL it waits for. Event.wait,
    # Barrier.wait and Queue.get wait inside Condition.wait, so they are covered by it.
    _wrap_call(Thread, "join", "blocked")
    _wrap_call(threading.Condition, "wait", "blocked")
    _wrap_call(threading.Semaphore, "acquire", "blocked")
    _patch_locks(threading)
    orig_hook = threading.excepthook

    def excepthook(args):
        tb = args.exc_traceback
        emit(["fail", _tid(), _step.get(_tid()), describe(args.exc_value, tb), _now()])
        orig_hook(args)

    threading.excepthook = excepthook


class _TracedLock:
    """threading.Lock: the C lock cannot be patched or subclassed, so this holds one.

    An uncontended acquire takes the C lock without waiting and returns at once (one extra Python
    call); only an acquire that would wait is timed, as a "blocked" call. Locks threading makes
    for itself while it imports (and Condition's waiters, from _allocate_lock) stay plain C locks.
    """

    __slots__ = ("_lock", "release", "locked", "__weakref__")
    _factory = staticmethod(_orig_allocate)
    _corescope = True

    def __init__(self, *args, **kwargs):
        lock = self._factory(*args, **kwargs)
        self._lock = lock
        self.release = lock.release
        locked = getattr(lock, "locked", None)
        if locked is not None:  # an RLock has none before 3.14: leave it missing there too
            self.locked = locked

    def acquire(self, blocking=True, timeout=-1):
        lock = self._lock
        if blocking:
            # Only the calls that cannot raise take the fast path, so bad arguments still fail
            # exactly as the C lock makes them fail.
            if (timeout == -1 or (type(timeout) in (int, float) and timeout >= 0)) and lock.acquire(False):
                return True
            tid = _enter("blocked")
            try:
                return lock.acquire(True, timeout)
            finally:
                _leave(tid)
        return lock.acquire(blocking, timeout)

    def __enter__(self):
        lock = self._lock
        if lock.acquire(False):
            return True
        tid = _enter("blocked")
        try:
            return lock.acquire()
        finally:
            _leave(tid)

    def __exit__(self, *exc):
        self._lock.release()

    def __getattr__(self, name):
        # _at_fork_reinit, and for an RLock _is_owned, _release_save, _acquire_restore, which
        # Condition takes from the lock it is given.
        return getattr(self._lock, name)

    def __repr__(self):
        return repr(self._lock)


def _patch_locks(threading):
    # Where threading was imported after _patch_thread_module, it took the traced allocate_lock
    # for its Lock and its internal _allocate_lock: give it back the plain one, so this class does
    # not wrap a wrapper and Condition's waiter locks (waited on inside the wrapped
    # Condition.wait) stay plain C locks, as when threading came first.
    if getattr(threading, "_allocate_lock", None) is _traced_allocate:
        threading._allocate_lock = _orig_allocate
    plain = _orig_allocate if threading.Lock is _traced_allocate else threading.Lock

    class Lock(_TracedLock):
        __slots__ = ()
        _factory = staticmethod(plain)

    class RLock(_TracedLock):
        __slots__ = ()
        _factory = staticmethod(threading.RLock)

    for cls, orig in ((Lock, threading.Lock), (RLock, threading.RLock)):
        cls.__module__ = getattr(orig, "__module__", None) or "threading"
        cls.__doc__ = getattr(orig, "__doc__", None)
    threading.Lock = Lock
    threading.RLock = RLock


def _traced_allocate(*args, **kwargs):
    """_thread.allocate_lock for the script: a lock whose contended acquire is a "blocked" call."""
    return _TracedLock(*args, **kwargs)


def _patch_thread_module():
    # A script (or a library) that takes its locks from _thread directly would otherwise wait on
    # them in a futex the sampler cannot tell from the GIL's. Import machinery locks
    # (importlib's per-module locks) become traced too: a thread waiting for another's import
    # is blocked on it, which is what it is.
    _traced_allocate.__doc__ = _orig_allocate.__doc__
    _thread.allocate_lock = _traced_allocate
    if getattr(_thread, "allocate", None) is _orig_allocate:
        _thread.allocate = _traced_allocate


def describe(exc, tb):
    """One line: type, message and the innermost file:line outside CoreScope's own files."""
    where = ""
    frame_tb = tb
    best = None
    while frame_tb is not None:
        code = frame_tb.tb_frame.f_code
        if "corescope_" not in code.co_filename and not code.co_filename.startswith("<frozen"):
            best = (code.co_filename, frame_tb.tb_lineno)
        frame_tb = frame_tb.tb_next
    if best is not None:
        where = " at %s:%d" % (os.path.basename(best[0]), best[1])
    text = str(exc).strip().replace("\n", " ")
    return "%s%s%s" % (type(exc).__name__, ": " + text if text else "", where)


# ---- asyncio ----------------------------------------------------------------------------------


def _patch_asyncio_events(base_events):
    import collections.abc

    class StepProxy(collections.abc.Coroutine):
        """Wraps a task's coroutine so each send/throw (one step of the task) is timed."""

        __slots__ = ("_coro", "_key", "__qualname__", "__name__")

        @property
        def _corescope_key(self):
            return self._key

        def __init__(self, coro, key):
            self._coro = coro
            self._key = key
            self.__qualname__ = getattr(coro, "__qualname__", "coroutine")
            self.__name__ = getattr(coro, "__name__", "coroutine")

        def send(self, value):
            tid = _tid()
            prev = _step.get(tid)
            _step[tid] = self._key
            t0 = _now()
            try:
                return self._coro.send(value)
            finally:
                _step[tid] = prev
                emit(["step", self._key, tid, t0, _now()])

        def throw(self, *args):
            tid = _tid()
            prev = _step.get(tid)
            _step[tid] = self._key
            t0 = _now()
            try:
                return self._coro.throw(*args)
            finally:
                _step[tid] = prev
                emit(["step", self._key, tid, t0, _now()])

        def close(self):
            return self._coro.close()

        def __await__(self):
            return self._coro.__await__()

        def __getattr__(self, name):
            return getattr(self._coro, name)

    Loop = base_events.BaseEventLoop
    orig_create = Loop.create_task

    def create_task(self, coro, *args, **kwargs):
        qual = getattr(coro, "__qualname__", "")
        if qual.startswith("BaseEventLoop."):
            return orig_create(self, coro, *args, **kwargs)  # asyncio.run's own housekeeping
        key = new_key()
        parent = _step.get(_tid())
        task = orig_create(self, StepProxy(coro, key), *args, **kwargs)
        name = task.get_name()
        label = name if not name.startswith("Task-") or not qual else "%s (%s)" % (qual, name)
        emit(["task", key, label, parent, _now(), "asyncio"])
        task.add_done_callback(lambda t: emit(["done", key, _now()]))
        return task

    Loop.create_task = create_task
    orig_forever = Loop.run_forever

    def run_forever(self):
        tid = _tid()
        had = tid in _loops
        _loops.add(tid)
        emit(["loop", tid, _now()])
        try:
            return orig_forever(self)
        finally:
            if not had:
                _loops.discard(tid)

    Loop.run_forever = run_forever


def _patch_asyncio(asyncio):
    orig_sleep = asyncio.sleep

    async def sleep(delay, result=None):
        key = _step.get(_tid())
        t0 = _now()
        try:
            return await orig_sleep(delay * SCALE, result)
        finally:
            if key is not None:
                emit(["wait", key, "sleeping", t0, _now()])

    sleep.__doc__ = orig_sleep.__doc__
    asyncio.sleep = sleep
    asyncio.tasks.sleep = sleep
    orig_create = asyncio.tasks.create_task

    def create_task(coro, *args, name=None, **kwargs):
        # asyncio names the task after the loop made it, so the name given here comes late.
        task = orig_create(coro, *args, name=name, **kwargs)
        key = getattr(task.get_coro(), "_corescope_key", None)
        if name is not None and key is not None:
            emit(["rename", key, str(name)])
        return task

    create_task.__doc__ = orig_create.__doc__
    asyncio.create_task = create_task
    asyncio.tasks.create_task = create_task


# ---- pools ------------------------------------------------------------------------------------


class PoolItem:
    """A pool work item: picklable (module-level), so process pools carry it to their workers."""

    __slots__ = ("func", "key")

    def __init__(self, func, key):
        self.func = func
        self.key = key

    def __getstate__(self):
        return (self.func, self.key)

    def __setstate__(self, state):
        self.func, self.key = state

    def __call__(self, *args, **kwargs):
        tid = _tid()
        prev = _step.get(tid)
        _step[tid] = self.key
        t0 = _now()
        try:
            return self.func(*args, **kwargs)
        finally:
            _step[tid] = prev
            t1 = _now()
            emit(["step", self.key, tid, t0, t1])
            emit(["done", self.key, t1])
            if _state["pid"] != _root_pid[0]:
                flush()  # a pool may kill this worker as soon as the result is back


def _func_name(func, args):
    import functools

    inner = func
    while isinstance(inner, functools.partial):
        inner = inner.func
    name = getattr(inner, "__name__", type(inner).__name__)
    if name in ("mapstar", "starmapstar") and args and isinstance(args[0], tuple):
        name = getattr(args[0][0], "__name__", name)
    if name == "_process_chunk" and isinstance(func, functools.partial) and func.args:
        name = getattr(func.args[0], "__name__", name)
    return name


_item_counts = {}


def _pool_item(func, args):
    key = new_key()
    name = _func_name(func, args)
    n = _item_counts.get(name, 0) + 1
    _item_counts[name] = n
    label = "%s #%d" % (name, n)
    emit(["task", key, label, _step.get(_tid()), _now(), "pool"])
    return PoolItem(func, key)


def _patch_mp_pool(pool):
    Pool = pool.Pool
    orig_gen = Pool._guarded_task_generation

    def _guarded_task_generation(self, result_job, func, iterable):
        for job, i, f, args, kwds in orig_gen(self, result_job, func, iterable):
            yield (job, i, _pool_item(f, args), args, kwds)

    Pool._guarded_task_generation = _guarded_task_generation
    orig_apply = Pool.apply_async

    def apply_async(self, func, args=(), kwds={}, *rest, **kw):
        return orig_apply(self, _pool_item(func, args), args, kwds, *rest, **kw)

    Pool.apply_async = apply_async


def _patch_futures(mod, cls_name):
    cls = getattr(mod, cls_name)
    orig_submit = cls.submit

    def submit(self, fn, /, *args, **kwargs):
        return orig_submit(self, _pool_item(fn, args), *args, **kwargs)

    cls.submit = submit


# ---- processes --------------------------------------------------------------------------------


def _patch_mp_process(process):
    Base = process.BaseProcess
    orig_start = Base.start

    def start(self):
        t0 = _now()
        orig_start(self)
        emit(["spawn", self.pid, t0, _now(), self.name])
        flush()

    Base.start = start
    orig_boot = Base._bootstrap

    def _bootstrap(self, *args, **kwargs):
        emit(["ready", _now(), self.name])
        try:
            return orig_boot(self, *args, **kwargs)
        finally:
            flush()  # the child leaves with os._exit: atexit never runs

    Base._bootstrap = _bootstrap
    _wrap_call(Base, "join", "blocked")


def _patch_socket(socket):
    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into", "accept", "connect"):
        _wrap_call(socket.socket, name, "io-wait")


def _patch_select(select):
    _wrap_call(select, "select", "io-wait")


def _patch_selectors(selectors):
    for name in ("SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector", "KqueueSelector"):
        cls = getattr(selectors, name, None)
        if cls is not None:
            _wrap_call(cls, "select", "io-wait")


def _patch_queue(queue):
    _wrap_call(queue.Queue, "get", "blocked")
    base = getattr(queue, "SimpleQueue", None)
    if base is None or getattr(base, "_corescope", False):
        return

    class SimpleQueue(base):
        """The C SimpleQueue's methods cannot be wrapped in place; a subclass can."""

        _corescope = True
        __slots__ = ()

        def get(self, *args, **kwargs):
            tid = _enter("blocked")
            try:
                return base.get(self, *args, **kwargs)
            finally:
                _leave(tid)

    SimpleQueue.__name__ = base.__name__
    SimpleQueue.__qualname__ = base.__qualname__
    queue.SimpleQueue = SimpleQueue


def _patch_mp_synchronize(sync):
    """multiprocessing's Lock, RLock, Semaphore (and Condition, Event, Barrier built on them).

    SemLock binds the C semaphore's acquire on each instance (in _make_methods, at creation and
    after unpickling in another process), so the class attribute cannot be wrapped: the bound
    method is. As for threading.Lock, an acquire that succeeds at once is not timed.
    """
    SemLock = getattr(sync, "SemLock", None)
    if SemLock is None or getattr(SemLock, "_corescope", False):
        return
    orig_make = SemLock._make_methods

    def _make_methods(self):
        orig_make(self)
        c_acquire = self._semlock.acquire

        def acquire(block=True, timeout=None):
            if block and timeout is None and c_acquire(False):
                return True
            if not block:
                return c_acquire(block, timeout)
            tid = _enter("blocked")
            try:
                return c_acquire(block, timeout)
            finally:
                _leave(tid)

        acquire.__doc__ = getattr(c_acquire, "__doc__", None)
        self.acquire = acquire

    def __enter__(self):
        return self.acquire()

    SemLock._make_methods = _make_methods
    SemLock.__enter__ = __enter__
    SemLock._corescope = True


def _patch_mp_queues(queues):
    _wrap_call(queues.Queue, "get", "blocked")


def _patch_os(os_mod):
    _wrap_call(os_mod, "read", "io-wait")


_HOOKS = {
    "threading": _patch_threading,
    "asyncio.base_events": _patch_asyncio_events,
    "asyncio": _patch_asyncio,
    "multiprocessing.pool": _patch_mp_pool,
    "multiprocessing.process": _patch_mp_process,
    "multiprocessing.queues": _patch_mp_queues,
    "multiprocessing.synchronize": _patch_mp_synchronize,
    "concurrent.futures.thread": lambda m: _patch_futures(m, "ThreadPoolExecutor"),
    "concurrent.futures.process": lambda m: _patch_futures(m, "ProcessPoolExecutor"),
    "socket": _patch_socket,
    "selectors": _patch_selectors,
    "queue": _patch_queue,
}


def _apply(name, module):
    if name in _patched:
        return
    _patched.add(name)
    hook = _HOOKS.get(name)
    if hook is not None:
        hook(module)


def _install_import_hook():
    import importlib.machinery

    class Finder:  # a plain meta path finder: importing importlib.abc would cost start-up time
        """Patches a module right after it first executes, before its importer sees it."""

        def find_spec(self, fullname, path, target=None):
            if fullname not in _HOOKS or fullname in _patched:
                return None
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            if spec is None or spec.loader is None:
                return None
            loader = spec.loader
            orig_exec = loader.exec_module

            def exec_module(module):
                orig_exec(module)
                _apply(fullname, module)

            loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())
    for name in list(_HOOKS):
        mod = sys.modules.get(name)
        if mod is not None:
            _apply(name, mod)
    _patch_select(_select_mod)
    _patch_os(os)
