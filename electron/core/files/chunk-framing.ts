/**
 * The framing shared by the two chunked AES-256-GCM formats (stored files, backup containers):
 * each chunk's nonce is the file's random prefix with the chunk's index, and its additional data
 * binds the chunk to its file (the header, or the header's digest), its place and whether it is
 * the last, so chunks cannot be reordered, moved between files or cut off unnoticed.
 * Both formats are on disk: these bytes must never change.
 */
import { writevSync } from 'node:fs';

/** `binding` ‖ index (uint32 BE) ‖ 1 for the last chunk, else 0. */
export function chunkAad(binding: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([binding, tail]);
}

/** The 8-byte prefix ‖ index (uint32 BE): 12 bytes, never repeated under one key. */
export function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

/** Writes all of `parts` at the end of `fd` (writev may stop short, as write may). */
export function writeAll(fd: number, parts: Buffer[]): void {
  let left = parts.filter((part) => part.length > 0);
  while (left.length > 0) {
    let written = writevSync(fd, left);
    const rest: Buffer[] = [];
    for (const part of left) {
      if (written >= part.length) written -= part.length;
      else {
        rest.push(part.subarray(written));
        written = 0;
      }
    }
    left = rest;
  }
}
