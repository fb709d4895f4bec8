"""gesta: news text in, political event records out -- a ctypes binding of libgesta.

Only the public C API of include/gesta.h is used; nothing is compiled and no
third-party package is needed.  See docs/PYTHON.md.

    import gesta
    with gesta.Engine() as engine:
        for rec in engine.code("Putin met Mitsotakis in Sochi.", date="2021-12-08"):
            print(rec["source"], rec["code"], rec["target"])

Where the shared library comes from, first match wins:
  1. the GESTA_LIB environment variable (path of libgesta.so);
  2. libgesta.so next to this package (python/gesta/), then in the source tree's
     build directories: build/, then build-*/ in name order (sanitizer builds,
     whose name contains "asan", are skipped: they need LD_PRELOAD of libasan);
  3. ctypes.util.find_library("gesta") (an installed libgesta).

Threads: an Engine is read-only once loaded, and gesta_process is thread-safe
for distinct documents sharing one engine (gesta.h), so any number of threads
may call code()/parse() on one Engine at once.  ctypes releases the GIL during
the C calls, so the threads really run in parallel.  Each call makes, uses and
frees its own document.  Do not close() an engine while other threads use it.
"""
import ctypes
import ctypes.util
import glob
import json
import os
import threading

__all__ = ["Engine", "Error", "version", "library_path", "process_engine"]

# ---------------------------------------------------------------------------
# ctypes mirrors of the structs in include/gesta.h.  Field order and types must
# match the header exactly; tests/golden/python_binding.sh compiles a C probe
# that prints sizeof/offsetof of each struct and compares them with _layout().

_OPTIONS_VERSION = 2  # GESTA_ENGINE_OPTIONS_VERSION in gesta.h


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int),
                ("file", ctypes.c_char * 512),
                ("line", ctypes.c_long),
                ("col", ctypes.c_long),
                ("message", ctypes.c_char * 512)]


class _EngineOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_int),
                ("data_dir", ctypes.c_char_p),
                ("model_path", ctypes.c_char_p),
                ("load_model", ctypes.c_int),
                ("load_dictionaries", ctypes.c_int),
                ("verb_file", ctypes.c_char_p),
                ("actor_files", ctypes.POINTER(ctypes.c_char_p)),
                ("agent_file", ctypes.c_char_p),
                ("discard_file", ctypes.c_char_p),
                ("issue_file", ctypes.c_char_p),
                ("use_parse", ctypes.c_int),
                ("document_layer", ctypes.c_int),
                ("parse_search", ctypes.c_int)]


class _SentenceInfo(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t),
                ("first_token", ctypes.c_size_t), ("ntokens", ctypes.c_size_t),
                ("kind", ctypes.c_int)]  # gesta_unit_kind: an int-sized enum


class _TokenInfo(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t),
                ("form", ctypes.c_char_p), ("lemma", ctypes.c_char_p),
                ("upos", ctypes.c_char_p), ("xpos", ctypes.c_char_p),
                ("head", ctypes.c_int), ("deprel", ctypes.c_char_p),
                ("space_after", ctypes.c_int)]


# The x86-64 / AArch64 (LP64) sizes, worked out by hand from gesta.h: a
# mismatch means the header changed and these mirrors were not updated.
# gesta_engine_options: int+pad(8) + 2 ptr(16) + 2 int(8) + 5 ptr(40) + 2 int(8) = 80.
_LP64_SIZES = {"gesta_error": 4 + 512 + 4 + 8 + 8 + 512,   # int, char[512], pad, long, long, char[512]
               "gesta_engine_options": 88,                # version+pad, 7 pointers, 5 ints + pad
               "gesta_sentence_info": 4 * 8 + 4 + 4,       # 4 size_t, enum, tail pad
               "gesta_token_info": 2 * 8 + 4 * 8 + 8 + 8 + 8}  # spans, 4 ptrs, head+pad, deprel, space+pad
_STRUCTS = {"gesta_error": _Error, "gesta_engine_options": _EngineOptions,
            "gesta_sentence_info": _SentenceInfo, "gesta_token_info": _TokenInfo}
if ctypes.sizeof(ctypes.c_void_p) == 8 and ctypes.sizeof(ctypes.c_long) == 8:
    for _name, _cls in _STRUCTS.items():
        assert ctypes.sizeof(_cls) == _LP64_SIZES[_name], \
            "gesta: ctypes mirror of %s is %d bytes, expected %d: update python/gesta" % (
                _name, ctypes.sizeof(_cls), _LP64_SIZES[_name])


def _layout():
    """{struct: {"sizeof": n, field: offset, ...}} for the C probe in the test."""
    out = {}
    for name, cls in _STRUCTS.items():
        d = {"sizeof": ctypes.sizeof(cls)}
        for fname, _ in cls._fields_:
            d[fname] = getattr(cls, fname).offset
        out[name] = d
    return out


# ---------------------------------------------------------------------------
# Loading the library.

def _candidates():
    env = os.environ.get("GESTA_LIB")
    if env:
        return [env]  # explicit: no fallback that could hide a typo
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    found = [os.path.join(here, "libgesta.so"), os.path.join(root, "build", "libgesta.so")]
    found += [p for p in sorted(glob.glob(os.path.join(root, "build-*", "libgesta.so")))
              if "asan" not in os.path.basename(os.path.dirname(p))]
    found = [p for p in found if os.path.exists(p)]
    sys_lib = ctypes.util.find_library("gesta")
    if sys_lib:
        found.append(sys_lib)
    return found


def _load():
    tried = _candidates()
    for path in tried:
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            last = e
            if os.environ.get("GESTA_LIB"):
                raise ImportError("gesta: cannot load GESTA_LIB=%s: %s" % (path, e))
    raise ImportError("gesta: libgesta.so not found; build it (cmake --build build) or set "
                      "GESTA_LIB to its path" + (" (last error: %s)" % last if tried else ""))


_lib, library_path = _load()
_libc = ctypes.CDLL(ctypes.util.find_library("c"))  # gesta_doc_to_jsonl's string is free()d here

_P = ctypes.c_void_p
_ERR = ctypes.POINTER(_Error)
for _fn, _res, _args in [
        ("gesta_version", ctypes.c_char_p, []),
        ("gesta_strerror", ctypes.c_char_p, [ctypes.c_int]),
        ("gesta_error_format", ctypes.c_char_p, [_ERR, ctypes.c_char_p, ctypes.c_size_t]),
        ("gesta_engine_new", ctypes.c_int, [ctypes.POINTER(_P), ctypes.POINTER(_EngineOptions), _ERR]),
        ("gesta_engine_free", None, [_P]),
        ("gesta_engine_warning_count", ctypes.c_size_t, [_P]),
        ("gesta_engine_warning", ctypes.c_char_p, [_P, ctypes.c_size_t]),
        ("gesta_doc_new", ctypes.c_int, [ctypes.POINTER(_P), ctypes.c_char_p, ctypes.c_char_p,
                                         ctypes.c_char_p, ctypes.c_size_t, _ERR]),
        ("gesta_doc_free", None, [_P]),
        ("gesta_process", ctypes.c_int, [_P, _P, _ERR]),
        ("gesta_doc_text", _P, [_P, ctypes.POINTER(ctypes.c_size_t)]),
        ("gesta_doc_sentence_count", ctypes.c_size_t, [_P]),
        ("gesta_doc_sentence", ctypes.c_int, [_P, ctypes.c_size_t, ctypes.POINTER(_SentenceInfo)]),
        ("gesta_doc_token_count", ctypes.c_size_t, [_P]),
        ("gesta_doc_token", ctypes.c_int, [_P, ctypes.c_size_t, ctypes.POINTER(_TokenInfo)]),
        # char ** out as void**: the pointer must reach free() unconverted
        ("gesta_doc_to_jsonl", ctypes.c_int, [_P, ctypes.POINTER(_P), ctypes.POINTER(ctypes.c_size_t)])]:
    _f = getattr(_lib, _fn)
    _f.restype, _f.argtypes = _res, _args
_libc.free.restype, _libc.free.argtypes = None, [_P]


def version():
    """libgesta's version string, e.g. "0.1.0"."""
    return _lib.gesta_version().decode()


class Error(Exception):
    """A libgesta failure.  str() is "FILE:LINE:COL: message" (unknown parts left out);
    the parts are in .status (negative gesta_status), .file, .line, .col, .message.
    Picklable, so it can cross process boundaries (Dask, multiprocessing)."""

    def __init__(self, text, status=0, file="", line=0, col=0, message=""):
        super().__init__(text)
        self.status, self.file, self.line, self.col = status, file, line, col
        self.message = message or text


def _error(status, err, where=None):
    """gesta.Error from a filled gesta_error; `where` (a document id) stands in
    for the file when the library could not name one."""
    if not err.file and where:
        err.file = where.encode("utf-8", "replace")[:511]
    message = err.message.decode("utf-8", "replace") or _lib.gesta_strerror(status).decode()
    buf = ctypes.create_string_buffer(1200)
    text = _lib.gesta_error_format(ctypes.byref(err), buf, len(buf)).decode("utf-8", "replace")
    return Error(text, status, err.file.decode("utf-8", "replace"), err.line, err.col, message)


def _b(s):
    """None, str, bytes or a path as bytes for C; anything else is a TypeError
    (bytes(5) would silently make five NULs)."""
    if s is None or isinstance(s, bytes):
        return s
    if isinstance(s, str):
        return s.encode("utf-8")
    if isinstance(s, os.PathLike):
        return os.fsencode(s)
    raise TypeError("gesta: expected str, bytes or a path, got %s" % type(s).__name__)


def _s(p):
    return p.decode("utf-8", "replace") if p is not None else None


class Engine:
    """A loaded libgesta engine (model, dictionaries, ontology).  Load once, reuse.

    data_dir: gesta's data/ folder (None: $GESTA_DATA, then the build default).
    model: tagger/parser model file.  verbs, agents, discards, issues: a dictionary
    file that replaces gesta's own of that kind; actors: one file or a list of them.
    use_parse: code from parses embedded in the input.  document_layer: coreference,
    quotes, dates, places, duplicates, flags.  parse_search: None for the default
    parser search, 0 for greedy parsing (fastest), N to retry the N least certain
    decisions.  Raises gesta.Error when loading fails.
    """

    def __init__(self, data_dir=None, model=None, verbs=None, actors=None, agents=None,
                 discards=None, issues=None, use_parse=False, document_layer=True, parse_search=None):
        self._h = None
        if isinstance(actors, (str, bytes, os.PathLike)):
            actors = [actors]
        # Keep every byte string alive as long as the engine: the C side may keep
        # the paths (records name the dictionary file that fired).
        self._keep = [_b(x) for x in (data_dir, model, verbs, agents, discards, issues)]
        opts = _EngineOptions(_OPTIONS_VERSION, self._keep[0], self._keep[1], 1, 1,
                              self._keep[2], None, self._keep[3], self._keep[4],
                              self._keep[5], int(bool(use_parse)), int(bool(document_layer)),
                              -1 if parse_search is None else int(parse_search))
        if actors:
            arr = (ctypes.c_char_p * (len(actors) + 1))(*[_b(a) for a in actors], None)
            self._keep.append(arr)
            opts.actor_files = ctypes.cast(arr, ctypes.POINTER(ctypes.c_char_p))
        h, err = _P(), _Error()
        rc = _lib.gesta_engine_new(ctypes.byref(h), ctypes.byref(opts), ctypes.byref(err))
        if rc < 0:
            raise _error(rc, err)
        self._h = h
        n = _lib.gesta_engine_warning_count(h)
        self.warnings = [_s(_lib.gesta_engine_warning(h, i)) for i in range(n)]

    def close(self):
        """Frees the engine (idempotent).  No other thread may still be using it."""
        h, self._h = self._h, None
        if h:
            _lib.gesta_engine_free(h)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if _lib is not None and getattr(self, "_h", None):  # _lib is None at interpreter exit
            self.close()

    def _run(self, text, id, date, use):
        """Makes a document, runs the pipeline, hands it to use(doc), always frees it."""
        if not self._h:
            raise ValueError("gesta.Engine is closed")
        data = _b(text)
        doc, err = _P(), _Error()
        rc = _lib.gesta_doc_new(ctypes.byref(doc), _b(id), _b(date), data, len(data),
                                ctypes.byref(err))
        if rc < 0:
            raise _error(rc, err, id)
        try:
            rc = _lib.gesta_process(self._h, doc, ctypes.byref(err))
            if rc < 0:
                raise _error(rc, err, id)
            return use(doc)
        finally:
            _lib.gesta_doc_free(doc)

    def code(self, text, id="doc", date=None):
        """Codes one document: its records (events, then quotes, then flags) as
        dicts, the JSONL of `gesta code` (docs/RECORDS.md).  date is "YYYY-MM-DD"."""
        def records(doc):
            p, n = _P(), ctypes.c_size_t()
            rc = _lib.gesta_doc_to_jsonl(doc, ctypes.byref(p), ctypes.byref(n))
            if rc < 0:
                raise _error(rc, _Error(), id)
            try:
                raw = ctypes.string_at(p, n.value) if n.value else b""
            finally:
                _libc.free(p)
            return [json.loads(line) for line in raw.decode("utf-8").splitlines() if line]
        return self._run(text, id, date, records)

    def parse(self, text, id="doc", date=None):
        """Splits, tags and parses one document.  A list of sentences, each a dict
        {"start", "end" (byte span), "kind" ("prose", "heading", "boilerplate"),
        "text", "tokens"}; each token a dict {"id" (1-based), "form", "lemma", "upos",
        "xpos", "head" (1-based, 0 root, -1 none), "deprel", "start", "end",
        "space_after"}.  Offsets are bytes of the UTF-8 text (after UTF-8 repair)."""
        def sentences(doc):
            n = ctypes.c_size_t()
            tp = _lib.gesta_doc_text(doc, ctypes.byref(n))
            body = ctypes.string_at(tp, n.value) if n.value else b""
            out, si, ti = [], _SentenceInfo(), _TokenInfo()
            for i in range(_lib.gesta_doc_sentence_count(doc)):
                _lib.gesta_doc_sentence(doc, i, ctypes.byref(si))
                toks = []
                for k in range(si.ntokens):
                    _lib.gesta_doc_token(doc, si.first_token + k, ctypes.byref(ti))
                    toks.append({"id": k + 1, "form": _s(ti.form), "lemma": _s(ti.lemma),
                                 "upos": _s(ti.upos), "xpos": _s(ti.xpos), "head": ti.head,
                                 "deprel": _s(ti.deprel), "start": ti.start, "end": ti.end,
                                 "space_after": bool(ti.space_after)})
                kind = {0: "prose", 1: "heading", 2: "boilerplate"}.get(si.kind, str(si.kind))
                out.append({"start": si.start, "end": si.end, "kind": kind,
                            "text": body[si.start:si.end].decode("utf-8", "replace"),
                            "tokens": toks})
            return out
        return self._run(text, id, date, sentences)


_CACHE = {}
_CACHE_LOCK = threading.Lock()


def process_engine(**kwargs):
    """The Engine(**kwargs) of this process, loaded on first call and then reused:
    for worker processes of Dask, multiprocessing and the like, which should load
    the model and dictionaries once, not once per task.  Threads share it.  Keyed
    by the process id too, so a forked child never reuses its parent's entry."""
    key = (os.getpid(), tuple(sorted(kwargs.items())))
    with _CACHE_LOCK:
        engine = _CACHE.get(key)
        if engine is None:
            engine = _CACHE[key] = Engine(**kwargs)
        return engine
