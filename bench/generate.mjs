// The benchmark's boards: N deals over 8 stages, from a seeded PRNG, so every run (and every
// machine) measures the same board. The output is a readable snapshot (format version 3), what
// Export writes and Import reads; the app itself stores the compact form of src/io/store.rs.
//
//   node bench/generate.mjs 5000 > board-5000.json
//   node bench/generate.mjs 5000 --seed 7 --out board.json
//
// Or from JavaScript: `generateBoard(5000)` returns the envelope object.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The 7 default stages plus "Contract" (90 %) between Negotiation and Won. */
export const STAGES = [
  { id: 'lead', name: 'Lead', preset: 'lead', probability: 10, kind: 'open' },
  { id: 'qualified', name: 'Qualified', preset: 'qualified', probability: 25, kind: 'open' },
  { id: 'demo', name: 'Demo', preset: 'demo', probability: 40, kind: 'open' },
  { id: 'proposal', name: 'Proposal', preset: 'proposal', probability: 60, kind: 'open' },
  { id: 'negotiation', name: 'Negotiation', preset: 'negotiation', probability: 80, kind: 'open' },
  { id: 'contract', name: 'Contract', probability: 90, kind: 'open' },
  { id: 'won', name: 'Won', preset: 'won', probability: 100, kind: 'won' },
  { id: 'lost', name: 'Lost', preset: 'lost', probability: 0, kind: 'lost' },
];

/** How deals spread over the stages (percent, in STAGES order): a funnel. */
const SHARE = [24, 18, 14, 12, 8, 6, 10, 8];

const REPS = [
  'Alice Chen', 'Ben Okafor', 'Carla Ruiz', 'Dev Patel', 'Emma Larsen', 'Farid Haddad',
  'Grace Kim', 'Hugo Martin',
];
const PREFIX = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Soylent', 'Cyberdyne',
  'Tyrell', 'Wonka', 'Oscorp', 'Aperture', 'Massive', 'Nakatomi', 'Gringotts', 'Vandelay',
  'Dunder', 'Pied Piper', 'Monarch', 'Black Mesa', 'Jinhai', 'Huawen', 'Northwind', 'Contoso',
  'Fabrikam', 'Tailspin', 'Litware', 'Proseware', 'Adatum', 'Wingtip', 'Blue Yonder', 'Coho',
  'Fourth Coffee', 'Lucerne', 'Margie', 'Trey', 'Alpine', 'Humongous', 'Woodgrove',
];
const SUFFIX = [
  'Corp', 'Inc.', 'Ltd', 'GmbH', 'Group', 'Holdings', 'Industries', 'Systems', 'Labs',
  'Logistics', 'Retail', 'Partners', 'Health', 'Bank', 'Energy', 'Foods', 'Media', 'Motors',
];
const WHAT = [
  'renewal', 'pilot', 'rollout', 'expansion', 'upgrade', 'seats', 'data platform', 'backup',
  'analytics', 'support', 'migration', 'compliance', 'storage', 'integration', 'training',
  'licence true-up', 'multi-year deal', 'proof of concept',
];
const PRODUCTS = ['Analytics Suite', 'Cloud Storage', 'Support Plan', 'Data Platform', 'Security Pack'];
const REGIONS = ['North America', 'Europe', 'Asia Pacific', 'Latin America', 'Middle East'];
const FIRST = [
  'Jane', 'Hank', 'Bill', 'Alice', 'Pepper', 'Lucius', 'Gavin', 'Miles', 'Sarah', 'Eldon',
  'Willy', 'Norman', 'Cave', 'Nina', 'Takagi', 'Griphook', 'Art', 'Michael', 'Richard', 'Li',
  'Wei', 'Sofia', 'Omar', 'Priya', 'Lars', 'Chloe', 'Mateo', 'Yuki',
];
const LAST = [
  'Doe', 'Scorpio', 'Lumbergh', 'Abernathy', 'Potts', 'Fox', 'Belson', 'Dyson', 'Connor',
  'Tyrell', 'Wonka', 'Osborn', 'Johnson', 'Sharp', 'Nakamura', 'Scott', 'Hendricks', 'Wang',
  'Zhang', 'Rossi', 'Haddad', 'Iyer', 'Berg', 'Dubois', 'Silva', 'Sato',
];
const NOTES = [
  '',
  '',
  'Budget approved for next quarter.',
  'Needs a security review before signing.',
  'Champion is the head of operations; procurement is slow.',
  'Competing against an incumbent; price sensitive.',
  'Asked for a reference customer in the same industry.',
];

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
/** The fixed "now" of every generated board: 2026-06-01T09:00:00Z. */
export const NOW = Date.UTC(2026, 5, 1, 9, 0, 0);

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * The envelope of a board with `n` deals. Deterministic for (n, seed); the first k deals of a
 * bigger board are not the same as a smaller board's (stages are filled by share).
 */
export function generateBoard(n, { seed = 20260601 } = {}) {
  const rnd = prng(seed ^ Math.imul(n, 2654435761));
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const reps = REPS.slice(0, 4 + (n % 5)); // 4–8 reps

  // Stage of each deal: by share, the rounding remainder goes to the first stage.
  const counts = SHARE.map((s) => Math.floor((n * s) / 100));
  counts[0] += n - counts.reduce((a, b) => a + b, 0);

  const deals = [];
  let serial = 0;
  STAGES.forEach((stage, si) => {
    for (let k = 0; k < counts[si]; k += 1) {
      serial += 1;
      const company = `${pick(PREFIX)} ${pick(SUFFIX)}`;
      const created = NOW - int(1, 360) * DAY - int(0, DAY - 1);
      // The path so far: every stage before this one (open stages), or a jump to won/lost.
      const path = stage.kind === 'open' ? STAGES.slice(0, si + 1) : [...STAGES.slice(0, int(1, 5)), stage];
      const history = [];
      let t = created;
      for (const s of path) {
        history.push({ stage: s.id, entered: t });
        t += int(1, 20) * DAY;
        if (t > NOW) t = NOW - int(0, 3) * DAY;
      }
      const entered = history[history.length - 1].entered;
      const closeDays = stage.kind === 'open' ? int(-10, 180) : -int(0, 200);
      const deal = {
        id: `bench-${String(serial).padStart(6, '0')}`,
        title: `${company.split(' ')[0]} ${pick(WHAT)}`,
        customer: company,
        contact: `${pick(FIRST)} ${pick(LAST)}`,
        // Minor units: $500.00 to about $250,000.00, rounded to whole dollars.
        value: Math.round(Math.exp(Math.log(500) + rnd() * Math.log(500)) ) * 100,
        currency: 'USD',
        owner: pick(reps),
        product: pick(PRODUCTS),
        region: pick(REGIONS),
        close_date: rnd() < 0.08 ? null : iso(NOW + closeDays * DAY),
        notes: pick(NOTES),
        stage: stage.id,
        rank: k * 1024,
        status: stage.kind,
        created,
        updated: Math.max(entered, created),
        stage_entered: entered,
        history,
        revision: 0,
      };
      if (stage.kind === 'won') deal.won_at = entered;
      if (stage.kind === 'lost' && rnd() < 0.5) deal.loss_reason = pick(['Price', 'Timing', 'Went with a competitor']);
      deals.push(deal);
    }
  });
  // Stored boards are not sorted by stage: shuffle (deterministically) as real use would.
  for (let i = deals.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [deals[i], deals[j]] = [deals[j], deals[i]];
  }
  return {
    format: 'dealboard',
    version: 3,
    saved_at: NOW,
    app_version: '0.1.0',
    board: {
      stages: STAGES.map((s) => ({ ...s })),
      deals,
      deleted: [],
      settings: { default_currency: 'USD' },
    },
  };
}

/** The envelope as text (compact, like the app's own save). */
export function generateText(n, options) {
  return JSON.stringify(generateBoard(n, options));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const seed = opt('--seed') !== undefined ? Number(opt('--seed')) : undefined;
  const text = generateText(n, seed === undefined ? {} : { seed });
  const out = opt('--out');
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text + '\n');
}
