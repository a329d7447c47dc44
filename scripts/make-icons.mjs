#!/usr/bin/env node
// Ritar appikonerna för Samverkansboten / Draws the Teams app icons.
//
//   node scripts/make-icons.mjs
//
// color.png   192x192: rundad kvadrat i #005A9E med två överlappande ljusa cirklar
//             (kommun och region som samverkar; överlappet är samverkan).
// outline.png 32x32:   samma två cirklar som vita konturer på transparent bakgrund.
//             Teams kräver att konturikonen bara har vita eller transparenta pixlar,
//             så varje pixel är RGB 255,255,255 och bara alfakanalen varierar.
//
// Allt ritas med 4x4 översampling för mjuka kanter; inga externa bilder behövs.

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'appPackage');
const SS = 4; // subsamples per axis

/** Fraction (0..1) of the pixel (x, y) covered by `inside(px, py)`. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < SS; i++) {
    for (let j = 0; j < SS; j++) {
      if (inside(x + (i + 0.5) / SS, y + (j + 0.5) / SS)) hits++;
    }
  }
  return hits / (SS * SS);
}

const disc = (cx, cy, r) => (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r;

const ring = (cx, cy, r, width) => (px, py) => {
  const d = Math.hypot(px - cx, py - cy);
  return d <= r + width / 2 && d >= r - width / 2;
};

function roundedSquare(size, radius) {
  return (px, py) => {
    const qx = Math.max(radius - px, px - (size - radius), 0);
    const qy = Math.max(radius - py, py - (size - radius), 0);
    return qx * qx + qy * qy <= radius * radius;
  };
}

function hex(color) {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Paints layers onto a transparent canvas with the "source over" operator.
 * Each layer: { shape, color: "#rrggbb", alpha }.
 */
function render(size, layers) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // premultiplied accumulator
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const layer of layers) {
        const sa = coverage(x, y, layer.shape) * layer.alpha;
        if (sa === 0) continue;
        const [lr, lg, lb] = hex(layer.color);
        r = lr * sa + r * (1 - sa);
        g = lg * sa + g * (1 - sa);
        b = lb * sa + b * (1 - sa);
        a = sa + a * (1 - sa);
      }
      const idx = (y * size + x) * 4;
      if (a === 0) {
        png.data[idx] = png.data[idx + 1] = png.data[idx + 2] = 0;
        png.data[idx + 3] = 0;
      } else {
        png.data[idx] = Math.round(r / a);
        png.data[idx + 1] = Math.round(g / a);
        png.data[idx + 2] = Math.round(b / a);
        png.data[idx + 3] = Math.round(a * 255);
      }
    }
  }
  return png;
}

function colorIcon() {
  const size = 192;
  const cy = 96;
  const r = 36; // symbol ≈ 116 px wide, well inside the 192 px tile
  const left = 96 - 22;
  const right = 96 + 22;
  return render(size, [
    { shape: roundedSquare(size, 36), color: '#005A9E', alpha: 1 },
    // translucent fills: the overlap (samverkan) becomes brighter than each circle
    { shape: disc(left, cy, r), color: '#FFFFFF', alpha: 0.3 },
    { shape: disc(right, cy, r), color: '#FFFFFF', alpha: 0.3 },
    // solid white rings: kommun (left) and region (right)
    { shape: ring(left, cy, r, 7), color: '#FFFFFF', alpha: 1 },
    { shape: ring(right, cy, r, 7), color: '#FFFFFF', alpha: 1 },
  ]);
}

function outlineIcon() {
  const size = 32;
  const png = render(size, [
    { shape: ring(12, 16, 8.5, 2.2), color: '#FFFFFF', alpha: 1 },
    { shape: ring(20, 16, 8.5, 2.2), color: '#FFFFFF', alpha: 1 },
  ]);
  // Only white is allowed: force RGB to white everywhere, keep alpha for anti-aliasing.
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
  }
  return png;
}

mkdirSync(outDir, { recursive: true });
for (const [name, png] of [
  ['color.png', colorIcon()],
  ['outline.png', outlineIcon()],
]) {
  const file = join(outDir, name);
  writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
  console.log(`skrev ${file} (${png.width}x${png.height})`);
}
