/**
 * Draws the toolbar icon at every size the stores ask for, so the PNGs in public/icon
 * can be regenerated and reviewed as code. The mark: three lines of text on an ink-blue
 * tile, the middle one with an amber highlight — what Backstory does to a page, and
 * still legible at 16 px because it uses only bars, no letters.
 * Run: npx tsx scripts/draw-icons.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
const INK: Rgba = [28, 52, 92, 255];
const PAPER: Rgba = [246, 242, 232, 255];
const AMBER: Rgba = [245, 176, 45, 255];

/** Shapes in a 16×16 design space; later shapes paint over earlier ones. */
function colourAt(x: number, y: number): Rgba | null {
  const inRoundRect = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  if (!inRoundRect(0.5, 0.5, 15.5, 15.5, 3.2)) return null;
  if (inRoundRect(5.2, 6.6, 13, 9.4, 0.8)) return AMBER;
  if (inRoundRect(3, 3.2, 13, 4.8, 0.8)) return PAPER;
  if (inRoundRect(3, 7.2, 4.6, 8.8, 0.8)) return PAPER;
  if (inRoundRect(3, 11.2, 10, 12.8, 0.8)) return PAPER;
  return INK;
}

function render(size: number): Buffer {
  const samples = 4; // supersampling gives smooth edges without a graphics library
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // leading 0: PNG filter type "none"
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(((px + (sx + 0.5) / samples) * 16) / size, ((py + (sy + 0.5) / samples) * 16) / size);
          if (c) {
            r += c[0] * c[3];
            g += c[1] * c[3];
            b += c[2] * c[3];
            a += c[3];
          }
        }
      }
      const o = 1 + px * 4;
      if (a > 0) {
        row[o] = r / a;
        row[o + 1] = g / a;
        row[o + 2] = b / a;
      }
      row[o + 3] = a / (samples * samples);
    }
    rows.push(row);
  }
  return encodePng(size, Buffer.concat(rows));
}

function encodePng(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, render(size));
console.log('icons: public/icon/{16,32,48,96,128}.png');
