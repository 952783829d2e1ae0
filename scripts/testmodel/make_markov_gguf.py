#!/usr/bin/env python3
"""Write Horizon's Markov test models: tiny GGUF files whose next-token distributions are exact.

Each model is a first-order Markov chain (see markov_design.py) embedded in a one-layer Llama
network, so llama.cpp serves it like any other model while every log-probability it reports is
known in closed form:

* each token's embedding is the one-hot vector of its state (tokens outside the grammar share
  the start state's dimension);
* the layer is a no-op on the residual stream: the attention output and FFN down projections
  are zero, so the hidden state stays the one-hot e_s;
* RMSNorm turns e_s into sqrt(d) * e_s; the output-norm weight 1/sqrt(d) undoes that exactly
  (d is a power of 4, so sqrt(d) is a power of 2 and no rounding happens) and the RMS epsilon
  is far below float32 resolution at 1/d;
* the logits are then column s of the output matrix: the state's designed log-probabilities,
  with IMPOSSIBLE_LOG_PROB for every token outside its support.

The tokenizer is a llama-style (SentencePiece, "llama") vocabulary: <unk>, <s>, </s>, the 256
byte tokens, the grammar's pieces, then every proper prefix of a multi-character piece (llama.cpp's
SPM tokenizer builds a piece by merging adjacent symbols, so a piece is only reachable when its
prefixes are in the vocabulary too; this keeps prompt text such as " then we" tokenizing into the
grammar's own tokens, which continuing a sampled prefix relies on).  Ties at IMPOSSIBLE_LOG_PROB
are listed by descending token id in llama-cpp-python's top log-probs, so the prefix pieces sit
at the top of the vocabulary and keep byte and control tokens (which decode to colliding or empty
strings) out of any top-20 list.

Beside each model the script writes NAME.transitions.json: the token texts and ids of the
grammar, each state's full next-token distribution as log-probs (support listed, every other
token at impossibleLogProb), its entropy in nats, and each token's role (marker, thinking,
answer, control).  Output is byte-for-byte deterministic.

Usage: make_markov_gguf.py [--output-dir DIR]   (default: Datasets/models of this checkout)
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path

import gguf
import numpy as np

import markov_design as design

SPM_SPACE = "\u2581"  # SentencePiece's stand-in for a space inside pieces
MAX_PIECE_BYTES = 32  # llama-cpp-python detokenizes one token into a 32-byte buffer
RMS_EPSILON = 1e-12  # below float32 resolution at 1/d, so RMSNorm of a one-hot is exact
CONTEXT_LENGTH = 4096
MODELS = (("markov-base", 1), ("markov-sharpened", design.SHARPENING_EXPONENT))

# Ends with a newline, a byte token in the start state: every chat reply begins with <think>.
CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "{{ message['role'] }}: {{ message['content'] }}\n"
    "{% endfor %}{% if add_generation_prompt %}assistant:\n{% endif %}"
)


@dataclass(frozen=True)
class VocabularyEntry:
    """One token of the GGUF vocabulary: its SentencePiece piece, decoded text and type."""

    piece: str
    text: str
    token_type: gguf.TokenType


def spm_piece(text: str) -> str:
    """The SentencePiece spelling of a text: spaces become U+2581."""
    return text.replace(" ", SPM_SPACE)


def build_vocabulary() -> list[VocabularyEntry]:
    """Control tokens, byte tokens, grammar pieces, then the grammar pieces' proper prefixes."""
    entries = [
        VocabularyEntry(design.UNKNOWN_TOKEN, design.UNKNOWN_TOKEN, gguf.TokenType.UNKNOWN),
        VocabularyEntry(design.BOS_TOKEN, design.BOS_TOKEN, gguf.TokenType.CONTROL),
        VocabularyEntry(design.EOS_TOKEN, design.EOS_TOKEN, gguf.TokenType.CONTROL),
    ]
    entries += [
        VocabularyEntry(f"<0x{byte:02X}>", chr(byte), gguf.TokenType.BYTE) for byte in range(256)
    ]
    grammar_texts = [t.text for t in design.grammar_tokens() if t.role != design.ROLE_CONTROL]
    entries += [VocabularyEntry(spm_piece(t), t, gguf.TokenType.NORMAL) for t in grammar_texts]
    known = {entry.text for entry in entries if entry.token_type == gguf.TokenType.NORMAL}
    for text in grammar_texts:
        for length in range(1, len(text)):
            prefix = text[:length]
            if prefix not in known:
                known.add(prefix)
                entries.append(VocabularyEntry(spm_piece(prefix), prefix, gguf.TokenType.NORMAL))
    for entry in entries:
        if len(entry.piece.encode("utf-8")) > MAX_PIECE_BYTES:
            raise ValueError(f"piece {entry.piece!r} is longer than {MAX_PIECE_BYTES} bytes")
    return entries


def token_ids(vocabulary: list[VocabularyEntry]) -> dict[str, int]:
    """Ids of all pieces and control tokens by text; byte tokens are left out."""
    return {
        entry.text: index
        for index, entry in enumerate(vocabulary)
        if entry.token_type != gguf.TokenType.BYTE
    }


def embedding_width(state_count: int) -> int:
    """The smallest power of 4 that holds one dimension per state (so sqrt(d) is exact)."""
    width = 4
    while width < state_count:
        width *= 4
    return width


def output_matrix(
    rows: dict[str, dict[str, float]], ids: dict[str, int], vocabulary_size: int, width: int
) -> np.ndarray:
    """The (vocabulary x width) output projection: column s holds state s's log-probabilities."""
    matrix = np.zeros((vocabulary_size, width), dtype=np.float32)
    for column, state in enumerate(design.state_names()):
        matrix[:, column] = design.IMPOSSIBLE_LOG_PROB
        for text, probability in rows[state].items():
            matrix[ids[text], column] = math.log(probability)
    return matrix


def embedding_matrix(
    vocabulary: list[VocabularyEntry], ids: dict[str, int], width: int
) -> np.ndarray:
    """The (vocabulary x width) embeddings: each token's row is the one-hot of its state."""
    columns = {state: column for column, state in enumerate(design.state_names())}
    state_of_id = {ids[t.text]: t.state for t in design.grammar_tokens()}
    matrix = np.zeros((len(vocabulary), width), dtype=np.float32)
    for token_id in range(len(vocabulary)):
        matrix[token_id, columns[state_of_id.get(token_id, design.START_STATE)]] = 1.0
    return matrix


def write_gguf(path: Path, name: str, rows: dict[str, dict[str, float]]) -> None:
    """Write one model: the Markov rows `rows` in a one-layer Llama network."""
    vocabulary = build_vocabulary()
    ids = token_ids(vocabulary)
    width = embedding_width(len(design.state_names()))
    head_count = 2  # head dimension width / 2: even, as RoPE needs
    feed_forward = width

    writer = gguf.GGUFWriter(path, "llama")
    writer.add_name(name)
    writer.add_description(
        "Horizon test model: a first-order Markov chain with exactly known next-token "
        "distributions; see the transitions JSON beside this file."
    )
    writer.add_context_length(CONTEXT_LENGTH)
    writer.add_embedding_length(width)
    writer.add_block_count(1)
    writer.add_feed_forward_length(feed_forward)
    writer.add_head_count(head_count)
    writer.add_head_count_kv(head_count)
    writer.add_rope_dimension_count(width // head_count)
    writer.add_layer_norm_rms_eps(RMS_EPSILON)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)

    writer.add_tokenizer_model("llama")
    writer.add_token_list([entry.piece for entry in vocabulary])
    writer.add_token_scores([0.0] * len(vocabulary))
    writer.add_token_types([int(entry.token_type) for entry in vocabulary])
    writer.add_unk_token_id(ids[design.UNKNOWN_TOKEN])
    writer.add_bos_token_id(ids[design.BOS_TOKEN])
    writer.add_eos_token_id(ids[design.EOS_TOKEN])
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(False)
    writer.add_add_space_prefix(False)
    writer.add_chat_template(CHAT_TEMPLATE)

    # numpy shapes are (rows = outputs, columns = inputs); the layer's projections are all zero,
    # so attention and FFN add nothing to the residual stream.
    writer.add_tensor("token_embd.weight", embedding_matrix(vocabulary, ids, width))
    writer.add_tensor("blk.0.attn_norm.weight", np.ones(width, np.float32))
    for projection in ("attn_q", "attn_k", "attn_v", "attn_output"):
        writer.add_tensor(f"blk.0.{projection}.weight", np.zeros((width, width), np.float32))
    writer.add_tensor("blk.0.ffn_norm.weight", np.ones(width, np.float32))
    writer.add_tensor("blk.0.ffn_gate.weight", np.zeros((feed_forward, width), np.float32))
    writer.add_tensor("blk.0.ffn_up.weight", np.zeros((feed_forward, width), np.float32))
    writer.add_tensor("blk.0.ffn_down.weight", np.zeros((width, feed_forward), np.float32))
    writer.add_tensor("output_norm.weight", np.full(width, 1.0 / math.sqrt(width), np.float32))
    writer.add_tensor("output.weight", output_matrix(rows, ids, len(vocabulary), width))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def transition_table(model_file: str, exponent: float, rows: dict[str, dict[str, float]]) -> dict:
    """The JSON-ready transition table of one model."""
    vocabulary = build_vocabulary()
    ids = token_ids(vocabulary)
    states = []
    for state in design.state_names():
        ordered = sorted(rows[state].items(), key=lambda item: (-item[1], ids[item[0]]))
        states.append(
            {
                "name": state,
                "entropyNats": design.entropy_nats(rows[state]),
                "next": [
                    {"text": text, "id": ids[text], "logProb": math.log(p), "probability": p}
                    for text, p in ordered
                ],
            }
        )
    return {
        "format": "horizon-markov-transitions/1",
        "model": model_file,
        "sharpeningExponent": exponent,
        "vocabularySize": len(vocabulary),
        "impossibleLogProb": design.IMPOSSIBLE_LOG_PROB,
        "startState": design.START_STATE,
        "bosToken": design.BOS_TOKEN,
        "eosToken": design.EOS_TOKEN,
        "thinkStart": design.THINK_START,
        "thinkEnd": design.THINK_END,
        "chatTemplate": CHAT_TEMPLATE,
        "notes": (
            "The next-token distribution depends only on the last token. Grammar tokens lead to "
            "the state named in 'tokens'; every other token (BOS, EOS, bytes, prefix pieces) "
            "leads to startState. Tokens outside a state's 'next' list have log-probability "
            "impossibleLogProb. Entropies and log-probabilities are in nats."
        ),
        "tokens": [
            {"text": t.text, "id": ids[t.text], "state": t.state, "role": t.role}
            for t in design.grammar_tokens()
        ],
        "states": states,
    }


def main() -> None:
    default_output = Path(__file__).resolve().parents[2] / "Datasets" / "models"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output-dir", type=Path, default=default_output)
    arguments = parser.parse_args()

    design.check_design()
    arguments.output_dir.mkdir(parents=True, exist_ok=True)
    for stem, exponent in MODELS:
        rows = design.rows_for(exponent)
        model_file = f"{stem}.gguf"
        write_gguf(arguments.output_dir / model_file, stem, rows)
        table = transition_table(model_file, exponent, rows)
        table_path = arguments.output_dir / f"{stem}.transitions.json"
        table_path.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {arguments.output_dir / model_file} and {table_path}")


if __name__ == "__main__":
    main()
