#!/usr/bin/python3
"""The shipped exercises as the site serves them: without the whitespace between tokens.

Usage: shipped_json.py OUT_DIR EXERCISE.json...

Every reader downloads the exercise; its indentation is for its authors (0.2 KB gzipped of
the flagship). Only JSON's whitespace outside strings goes: every token, every string's
bytes and every number as written stay as they are, so the file reads as the same value
(and has the same content hash, which is taken from that value). embed_trusted.py trusts
these bytes, the ones the site serves. schema.json, for editors, is copied as it is.
"""
import os
import sys


def minified(data: bytes) -> bytes:
    out = bytearray()
    in_string = escaped = False
    for b in data:
        if in_string:
            out.append(b)
            if escaped:
                escaped = False
            elif b == 0x5C:  # backslash
                escaped = True
            elif b == 0x22:  # "
                in_string = False
        elif b not in b" \t\n\r":
            out.append(b)
            in_string = b == 0x22
    return bytes(out)


def served(path):
    with open(path, "rb") as f:
        data = f.read()
    return data if os.path.basename(path) == "schema.json" else minified(data)


def main(out_dir, files):
    os.makedirs(out_dir, exist_ok=True)
    for f in files:
        with open(os.path.join(out_dir, os.path.basename(f)), "wb") as fh:
            fh.write(served(f))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
