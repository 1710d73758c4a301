// The wire format of the client protocol (protocol/troupe.proto): every frame
// is a 4-byte big-endian length followed by that many bytes of a serialized
// troupe.v1.Frame. The message code is generated (src/generated, by
// `npm run gen:proto`), so nothing is read from disk at import.
import { TroupeError } from './errors.js';
import { troupe } from './generated/troupe.js';

export { troupe };

const { Frame } = troupe.v1;

/** One frame as plain data, as the protocol's generated types describe it. */
export type FrameData = troupe.v1.IFrame;

/** Converts a plain frame (bytes as Buffers, enums as names or numbers) and writes it with its length. */
export function encodeFrame(frame: FrameData): Buffer {
  const message = Frame.fromObject(frame);
  const invalid = Frame.verify(message);
  if (invalid) throw new TroupeError('INVALID_ARGUMENT', invalid);
  const body = Frame.encode(message).finish();
  const out = Buffer.alloc(4 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.set(body, 4);
  return out;
}

/** Cuts a byte stream into frames, decoded as plain data (64-bit integers as numbers, bytes as Buffers). */
export class FrameReader {
  private buffer = Buffer.alloc(0);

  /** Appends `chunk`; returns the frames it completed, in order. */
  push(chunk: Buffer): FrameData[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: FrameData[] = [];
    while (this.buffer.length >= 4) {
      const len = this.buffer.readUInt32BE(0);
      if (this.buffer.length < 4 + len) break;
      const message = Frame.decode(this.buffer.subarray(4, 4 + len));
      frames.push(Frame.toObject(message, { longs: Number, defaults: false }) as FrameData);
      this.buffer = this.buffer.subarray(4 + len);
    }
    return frames;
  }
}
