/**
 * Bump allocation of typed arrays out of large shared buffers. Every scored pod keeps a few small
 * typed arrays (its score table); allocating each with its own backing store costs an external
 * allocation per array and makes the garbage collector run far more often. Views into 4 MiB
 * slabs cost one allocation per slab. Slabs stay alive as long as a view into them does.
 */
export interface Arena {
  buffer: ArrayBuffer;
  offset: number;
}

const SLAB_BYTES = 4 * 1024 * 1024;

export function createArena(): Arena {
  return { buffer: new ArrayBuffer(SLAB_BYTES), offset: 0 };
}

function reserve(arena: Arena, bytes: number): { buffer: ArrayBuffer; offset: number } {
  if (bytes > SLAB_BYTES / 4) return { buffer: new ArrayBuffer(bytes), offset: 0 };
  let offset = (arena.offset + 7) & ~7;
  if (offset + bytes > arena.buffer.byteLength) {
    arena.buffer = new ArrayBuffer(SLAB_BYTES);
    offset = 0;
  }
  arena.offset = offset + bytes;
  return { buffer: arena.buffer, offset };
}

export function arenaInt32(arena: Arena, length: number): Int32Array {
  const { buffer, offset } = reserve(arena, length * 4);
  return new Int32Array(buffer, offset, length);
}

export function arenaUint8(arena: Arena, length: number): Uint8Array {
  const { buffer, offset } = reserve(arena, length);
  return new Uint8Array(buffer, offset, length);
}
