// Draws the app's icons into public/ from one SVG logo (a house: the company manages buildings).
// Run after changing the logo: `node scripts/generate-icons.mjs`. The output files are committed.
// Uses sharp (installed with Next.js for image optimisation) to rasterize the SVG.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";

const THEME = "#0369a1"; // Tailwind sky-700, the navigation's accent colour (also in lib/app-theme.ts)
const out = join(import.meta.dirname, "..", "public");

/** The house, drawn in a 512 box; `scale` shrinks it around the centre (maskable safe zone). */
const house = (scale) => `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
  <path d="M256 104 L424 248 H376 V404 H136 V248 H88 Z" fill="#fff"/>
  <rect x="220" y="300" width="72" height="104" rx="10" fill="${THEME}"/>
</g>`;

/** Rounded tile for browsers and iOS; a full-bleed square for maskable (the platform cuts its own shape). */
const logo = ({ rounded, scale }) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" ${rounded ? 'rx="112"' : ""} fill="${THEME}"/>
  ${house(scale)}
</svg>
`;

const tile = logo({ rounded: true, scale: 1 });
// iOS draws the touch icon on its own rounded mask and shows transparency as black: full bleed.
const square = logo({ rounded: false, scale: 0.9 });
// Maskable: everything that matters inside the central 80 % circle (radius 205 of 512).
const maskable = logo({ rounded: false, scale: 0.62 });

const png = (svg, size, file) => sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toFile(join(out, file));

writeFileSync(join(out, "icon.svg"), tile);
await png(tile, 32, "favicon-32.png");
await png(tile, 192, "icon-192.png");
await png(tile, 512, "icon-512.png");
await png(maskable, 512, "icon-maskable-512.png");
await png(square, 180, "apple-touch-icon.png");
// favicon.ico: a single 32×32 PNG inside an ICO container (every browser accepts PNG-in-ICO).
const fav = await sharp(Buffer.from(tile)).resize(32, 32).png().toBuffer();
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(fav.length, 14);
header.writeUInt32LE(22, 18);
writeFileSync(join(out, "favicon.ico"), Buffer.concat([header, fav]));
console.log("icons written to public/");
