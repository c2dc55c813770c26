"""Match a question in people's own words to the best FAQ entry, or abstain.

Two signals, both computed against indexes built once when the FAQ loads:

* concept evidence: every entry is a weighted bag of normalised tokens and token pairs
  (title, aliases and keywords weigh most, the body least); a question's tokens add up
  their rarity-weighted overlap. Tokens from question sentences count fully, tokens from
  the personal context around them count less, so long posts match on what they ask.
* rapidfuzz phrase similarity between the question's sentences and each candidate
  entry's title and aliases, which rewards asking it the way an alias phrases it.

The blend is a 0-100 score; below the answer threshold the matcher abstains and offers
close matches instead of guessing.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from knowledge import normalize
from knowledge.model import FaqEntry


class MatchTuning(BaseModel):
    """Scoring knobs; thresholds are overridable from settings."""

    model_config = ConfigDict(frozen=True)

    answer_threshold: float = Field(default=46.0, ge=0, le=100)
    suggest_threshold: float = Field(default=20.0, ge=0, le=100)
    max_suggestions: int = Field(default=3, ge=0, le=10)
    max_question_chars: int = Field(default=4000, ge=100)
    evidence_scale: float = 4.0
    coverage_weight: float = 0.6
    idf_floor: float = 0.3
    unknown_idf: float = 1.0
    #: Coverage of a question made only of common words ("roth question") is no evidence.
    min_mass: float = 1.5
    fuzzy_weight: float = 0.25
    #: Added to every score when the question names a core concept, taken off when not.
    anchor_bonus: float = 10.0
    context_weight: float = 0.6
    fuzzy_candidates: int = 5
    typo_cutoff: float = 84.0


FIELD_WEIGHTS = {"title": 3.0, "aliases": 2.5, "keywords": 3.0, "short": 1.5, "body": 0.4}


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    question: str
    answered: bool
    best: Hit | None
    suggestions: tuple[Hit, ...] = ()
    #: Why the matcher abstained ("" when it answered), for people, not parsing.
    reason: str = ""


@dataclass
class _Query:
    weights: dict[str, float] = field(default_factory=dict)
    segments: list[str] = field(default_factory=list)
    #: Rarity-weighted mass of the question's single words, known to the FAQ or not.
    mass: float = 0.0
    anchored: bool = False


def _features(toks: Sequence[str]) -> list[str]:
    """Unigrams plus adjacent pairs: pairs keep 'roth ira' apart from 'roth 401k'."""
    return [*toks, *(f"{a}_{b}" for a, b in itertools.pairwise(toks))]


class Matcher:
    """Index of FAQ entries; ``match`` is cheap, all preparation happens here."""

    def __init__(self, entries: Iterable[FaqEntry], tuning: MatchTuning | None = None) -> None:
        self.tuning = tuning or MatchTuning()
        self.entries = list(entries)
        self.ids = [e.id for e in self.entries]
        self.titles = [e.title for e in self.entries]
        n = len(self.entries)

        # Normalise every text of every entry in one batch (see normalize.canonical_many).
        fields = [self._fields(e) for e in self.entries]
        flat = iter(normalize.canonical_many([t for f in fields for ts in f.values() for t in ts]))
        raw: list[dict[str, float]] = []
        vocabulary: set[str] = set()
        self._phrases: list[list[str]] = []  # title and aliases as token strings, for rapidfuzz
        for entry_fields in fields:
            weights: dict[str, float] = defaultdict(float)
            phrases: list[str] = []
            for name, texts in entry_fields.items():
                counts: Counter[str] = Counter()
                for _ in texts:
                    found = normalize.canonical_words(next(flat))
                    toks = normalize.stems(found)
                    counts.update(_features(toks))
                    vocabulary.update(found)
                    if name in ("title", "aliases"):
                        phrases.append(" ".join(toks))
                for feature, count in counts.items():
                    weights[feature] += FIELD_WEIGHTS[name] * math.log1p(count)
            raw.append(weights)
            self._phrases.append(phrases)

        df: Counter[str] = Counter()
        for weights in raw:
            df.update(weights.keys())
        floor = self.tuning.idf_floor
        # BM25's idf, floored: a term in every entry ("mega backdoor") still says something.
        self._idf = {
            t: max(floor, math.log((n - d + 0.5) / (d + 0.5) + 1.0)) for t, d in df.items()
        }
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for i, weights in enumerate(raw):
            for feature, value in weights.items():
                idx, vals = postings[feature]
                idx.append(i)
                vals.append(1.0 - math.exp(-value / 2.5))
        self._postings = {
            t: (np.asarray(i, dtype=np.intp), np.asarray(v, dtype=np.float64))
            for t, (i, v) in postings.items()
        }
        self._vocab_words = sorted(w for w in vocabulary if len(w) >= 4)
        self._known_stems = set(self._idf)
        self._typo_cache: dict[str, str | None] = {}
        self._title_index = [
            normalize.clean(f"{e.title} {e.id.replace('-', ' ')}") for e in self.entries
        ]
        self._titles_by_id = dict(zip(self.ids, self.titles, strict=True))
        self._alphabetical = sorted(self._titles_by_id.items(), key=lambda p: p[1])

    @staticmethod
    def _fields(entry: FaqEntry) -> dict[str, list[str]]:
        return {
            "title": [entry.title, entry.id.replace("-", " ")],
            "aliases": list(entry.aliases),
            "keywords": list(entry.keywords),
            "short": [entry.short],
            "body": [entry.body],
        }

    # -- query preparation -------------------------------------------------------------
    def _correct(self, word: str) -> str | None:
        """Map a misspelt word to a known one ('recieve' -> 'receive'), cached."""
        if word in self._typo_cache:
            return self._typo_cache[word]
        found = None
        if len(word) >= 5 and not word.isdigit():
            best = process.extractOne(
                word, self._vocab_words, scorer=fuzz.ratio, score_cutoff=self.tuning.typo_cutoff
            )
            if best is not None:
                found = normalize.stem(best[0])
        if len(self._typo_cache) < 50_000:
            self._typo_cache[word] = found
        return found

    def _sentence_tokens(self, sentence: str) -> list[str]:
        toks = []
        for word in normalize.words(sentence):
            stem = normalize.stem(word.replace("'", ""))
            if stem not in self._known_stems:
                stem = self._correct(word) or stem
            toks.append(stem)
        return toks

    def _prepare(self, question: str) -> _Query:
        query = _Query()
        sentences = [
            (self._sentence_tokens(text), is_question)
            for text, is_question in normalize.split_sentences(question)
        ]
        sentences = [(toks, q) for toks, q in sentences if toks]
        any_question = any(q for _, q in sentences)
        for n, (toks, is_question) in enumerate(sentences):
            # A short question ("What is it?") leans on the sentence before it.
            leads = n + 1 < len(sentences) and sentences[n + 1][1] and len(sentences[n + 1][0]) < 3
            full = is_question or leads or not any_question
            weight = 1.0 if full else self.tuning.context_weight
            for feature in _features(toks):
                query.weights[feature] = max(query.weights.get(feature, 0.0), weight)
            if full:
                query.segments.append(" ".join(toks))
        if len(query.segments) > 1:
            query.segments.append(" ".join(query.segments))
        query.anchored = any(t in normalize.DOMAIN_ANCHORS for t in query.weights)
        unknown = self.tuning.unknown_idf
        query.mass = sum(
            w * self._idf.get(t, unknown) for t, w in query.weights.items() if "_" not in t
        )
        return query

    # -- scoring -----------------------------------------------------------------------
    def _evidence(self, query: _Query) -> tuple[np.ndarray, np.ndarray]:
        """Total evidence per entry, and the share of the question's words it covers."""
        total = np.zeros(len(self.entries))
        words = np.zeros(len(self.entries))
        for feature, weight in query.weights.items():
            posting = self._postings.get(feature)
            if posting is not None:
                idx, vals = posting
                contribution = weight * self._idf[feature] * vals
                total[idx] += contribution
                if "_" not in feature:
                    words[idx] += contribution
        return total, words / max(query.mass, self.tuning.min_mass, 1e-9)

    def _fuzzy(self, query: _Query, candidate: int) -> float:
        best = 0.0
        for segment in query.segments:
            hit = process.extractOne(segment, self._phrases[candidate], scorer=fuzz.token_set_ratio)
            if hit is not None:
                # token_set_ratio is 100 whenever one side's tokens are a subset of the
                # other's; scale by length agreement so 'roth ira' does not match everything.
                shorter, longer = sorted((len(segment.split()), len(hit[0].split())))
                best = max(best, hit[1] * math.sqrt(shorter / max(longer, 1)))
        return best

    def score_all(self, question: str) -> list[Hit]:
        """Every entry with a 0-100 score, best first (empty when nothing matched)."""
        query = self._prepare(question[: self.tuning.max_question_chars])
        if not query.weights or not self.entries:
            return []
        evidence, coverage = self._evidence(query)
        c = self.tuning.coverage_weight
        saturation = 1.0 - np.exp(-evidence / self.tuning.evidence_scale)
        lexical = 100.0 * (c * np.minimum(coverage, 1.0) + (1 - c) * saturation)
        order = np.argsort(-lexical)[: self.tuning.fuzzy_candidates]
        w = self.tuning.fuzzy_weight
        bonus = self.tuning.anchor_bonus if query.anchored else -self.tuning.anchor_bonus
        hits = []
        for i in order:
            if evidence[i] <= 0:
                continue
            score = (1 - w) * lexical[i] + w * self._fuzzy(query, int(i)) + bonus
            score = min(100.0, max(0.0, score))
            hits.append(Hit(self.ids[i], self.titles[i], round(float(score), 1)))
        hits.sort(key=lambda h: (-h.score, h.id))
        return hits

    def match(self, question: str) -> MatchResult:
        """The decision for one question: answer with the best entry, or abstain."""
        text = question if isinstance(question, str) else ""
        if not text.strip():
            return MatchResult(question, False, None, (), "the question is empty")
        hits = self.score_all(text)
        t = self.tuning
        if not hits:
            return MatchResult(question, False, None, (), "no words I could match to the FAQ")
        best = hits[0]
        if best.score >= t.answer_threshold:
            others = tuple(h for h in hits[1:] if h.score >= t.suggest_threshold)
            return MatchResult(question, True, best, others[: t.max_suggestions])
        close = tuple(h for h in hits if h.score >= t.suggest_threshold)
        return MatchResult(
            question, False, None, close[: t.max_suggestions], "not confident enough to answer"
        )

    def autocomplete(self, text: str, limit: int = 25) -> list[Hit]:
        """Entries for a partly typed topic: title/id prefix and fuzzy matches, then meaning."""
        limit = max(0, min(limit, 25))
        typed = normalize.clean(text).strip()
        if not typed:
            return [Hit(i, t, 0.0) for i, t in self._alphabetical[:limit]]
        fuzzy = process.extract(
            typed, self._title_index, scorer=fuzz.WRatio, limit=limit, score_cutoff=50
        )
        scored = {self.ids[i]: float(s) for _, s, i in fuzzy}
        for hit in self.score_all(text)[:limit]:
            scored[hit.id] = max(scored.get(hit.id, 0.0), hit.score)
        for i, entry_id in enumerate(self.ids):
            if entry_id.startswith(typed) or self._title_index[i].startswith(typed):
                scored[entry_id] = 101.0
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [Hit(i, self._titles_by_id[i], min(s, 100.0)) for i, s in ranked]
