"""Meaning beyond words: static word embeddings shipped inside the `wordllama` package.

The 256-dimension weights and the tokenizer come from the installed package's own folder;
nothing is downloaded (wordllama's loader is bypassed: it would fall back to a model hub and
configures logging on import). Without the package the tutor works on words alone.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

WEIGHTS = Path("weights") / "l2_supercat_256.safetensors"
TOKENIZER = Path("tokenizers") / "l2_supercat_tokenizer_config.json"


class WordVectors:
    """Average-pooled token embeddings, unit length, as wordllama computes them."""

    def __init__(self, weights: Path, tokenizer: Path) -> None:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self._np = np
        # Kept in half precision as shipped; only the rows used are widened (fast start-up).
        self.table = load_file(str(weights))["embedding.weight"]
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text (a zero vector for a text with no tokens)."""
        np = self._np
        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            ids = [t for t in encoding.ids if 0 <= t < self.table.shape[0]]
            if ids:
                vector = self.table[ids].astype(np.float32).mean(axis=0)
                norm = float(np.linalg.norm(vector))
                if norm > 0:
                    out[i] = vector / norm
        return out

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one instance per process
    def word(self, word: str) -> Any:
        return self.embed([word])[0]


def package_files() -> tuple[Path, Path] | None:
    """The weights and tokenizer inside the installed wordllama package, if both are there."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    weights, tokenizer = root / WEIGHTS, root / TOKENIZER
    return (weights, tokenizer) if weights.is_file() and tokenizer.is_file() else None


@functools.cache
def word_vectors() -> WordVectors | None:
    """The shared embeddings, loaded once per process; None when not installed."""
    files = package_files()
    if files is None:
        return None
    try:
        return WordVectors(*files)
    except (ImportError, OSError, ValueError, KeyError):
        return None
