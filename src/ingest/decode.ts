// Bytes to text: strict UTF-8, so that binary or mis-encoded files are reported instead of read as garbage.

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A reason the bytes are not usable text, or the text itself. */
export type Decoded = { text: string } | { error: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: 'the file is empty. Remove it or add the article text.' };
  // NUL bytes never occur in text files; UTF-8 decoding alone would accept them.
  if (bytes.subarray(0, 8192).includes(0)) {
    return { error: 'binary data, not text. Pass .txt, .html or .jsonl files.' };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { error: 'not UTF-8 text. Convert it to UTF-8 (e.g. `iconv -f latin1 -t utf-8`) and try again.' };
  }
  if (text.trim() === '') return { error: 'the file holds only white space. Remove it or add the article text.' };
  return { text };
}
