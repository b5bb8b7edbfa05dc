import { createHash } from 'node:crypto';

/** Where the presenter sits in a frame of `w`×`h`: head, shoulders, mouth and the brand band under them. */
export interface PresenterLayout {
  cx: number;
  headY: number;
  headR: number;
  torsoTop: number;
  bandTop: number;
  mouthY: number;
  mouthHalfWidth: number;
}

export function presenterLayout(w: number, h: number): PresenterLayout {
  // Portrait frames have room to spare above the figure, landscape ones are bounded by their height.
  const headR = Math.round(Math.min(w * 0.2, h * 0.15));
  const bandTop = Math.round(h * 0.8);
  const torsoTop = bandTop - Math.round(headR * 1.9);
  const headY = torsoTop - Math.round(headR * 1.15);
  return {
    cx: Math.round(w / 2),
    headY,
    headR,
    torsoTop,
    bandTop,
    mouthY: headY + Math.round(headR * 0.42),
    mouthHalfWidth: Math.round(headR * 0.28),
  };
}

/** Skin and hair tones, picked by the avatar id so one id always looks the same. */
const SKIN = ['e0b89a', 'c68e6b', '8d5a3b', 'f1d0b5', 'a86f4c'];
const HAIR = ['3b2a20', '1c1c1c', '6b4226', 'b08d57', '5a5a5a'];

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const shade = (c: Rgb, f: number): Rgb => c.map((v) => Math.round(v * f)) as Rgb;

/**
 * The ffmpeg `geq` filter that draws a head-and-shoulders presenter over a frame of `background`: hair, eyes, face,
 * neck and shoulders in a darker shade of the accent. Only numbers reach the filter graph (colours arrive as checked
 * `0xRRGGBB` from brandLook), so nothing a brand or a script says can change the graph. The frame must be `gbrp`.
 */
export function presenterGeq(
  w: number,
  h: number,
  look: { background: string; accent: string },
  avatarId: string,
): string {
  const l = presenterLayout(w, h);
  const seed = createHash('sha256').update(avatarId).digest();
  const bg = rgb(look.background.replace(/^0x/, ''));
  const torso = shade(rgb(look.accent.replace(/^0x/, '')), 0.75);
  const skin = rgb(SKIN[seed[0] % SKIN.length]);
  const hair = rgb(HAIR[seed[1] % HAIR.length]);
  const eye: Rgb = [20, 20, 24];

  const r = l.headR;
  const head = `lte(hypot(X-${l.cx},Y-${l.headY}),${r})`;
  const hairCap = `${head}*lt(Y,${l.headY - Math.round(r * 0.45)})`;
  const eyes = `lte(hypot(abs(X-${l.cx})-${Math.round(r * 0.38)},Y-${l.headY - Math.round(r * 0.08)}),${Math.max(2, Math.round(r * 0.1))})`;
  const neck = `lte(abs(X-${l.cx}),${Math.round(r * 0.34)})*between(Y,${l.headY},${l.torsoTop + 4})`;
  // Shoulders: the top of an ellipse centred a little under the band, so its sides slope like shoulders.
  const torsoCy = l.bandTop + Math.round(r * 0.3);
  const torsoHalfH = torsoCy - l.torsoTop;
  const torsoShape = `lte(pow((X-${l.cx})/${Math.round(r * 2.3)},2)+pow((Y-${torsoCy})/${torsoHalfH},2),1)`;
  const torsoArea = `gte(Y,${l.torsoTop})*lt(Y,${l.bandTop})*${torsoShape}`;

  const channel = (i: 0 | 1 | 2) =>
    `if(${eyes},${eye[i]},if(${hairCap},${hair[i]},if(gt(${head}+${neck},0),${skin[i]},if(${torsoArea},${torso[i]},${bg[i]}))))`;
  return `geq=r='${channel(0)}':g='${channel(1)}':b='${channel(2)}'`;
}
