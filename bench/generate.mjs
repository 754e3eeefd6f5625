// The benchmark's boards: N deals over 8 stages, from a seeded PRNG, so every run (and every
// machine) measures the same deals, dated back from the day the board is made (see below). The output
// is a readable snapshot (format version 3), what Export writes and Import reads; the app itself
// stores the compact form of src/io/store.rs.
//
//   node bench/generate.mjs 5000 > board-5000.json
//   node bench/generate.mjs 5000 --seed 7 --out board.json
//   node bench/generate.mjs 5000 --today 2026-06-01 > board.json
//
// Or from JavaScript: `generateBoard(5000)` returns the envelope object.
//
// Every board also carries sales targets (a team year split into quarters, the current quarter
// split across the reps, a few product and region targets, two of earlier periods): see
// `generateTargets`. Deals and targets are dated from `today`, by default the real current day
// (UTC) when the board is generated: the app measures target progress at the browser's real
// clock, so only boards dated from that day have current targets with deals won in them (some
// ahead, some behind), as a manager's board has. `--today 2026-06-01` (or `{ today: NOW }`)
// pins the dates; the draws (values, names, stages, day offsets) never depend on the day.

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
/** A day to pin boards to (`{ today: NOW }`): 2026-06-01T09:00:00Z. */
export const NOW = Date.UTC(2026, 5, 1, 9, 0, 0);

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * The envelope of a board with `n` deals. Deterministic for (n, seed, today's UTC day): every
 * random draw depends on (n, seed) alone; `today` (ms or "YYYY-MM-DD", default the real
 * current day) is the board's "now" (09:00 UTC that day), from which the deals' dates are
 * counted back and the targets' periods are chosen. The first k deals of a bigger board are not the same as a smaller board's (stages are
 * filled by share).
 */
export function generateBoard(n, { seed = 20260601, today = Date.now() } = {}) {
  const rnd = prng(seed ^ Math.imul(n, 2654435761));
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const reps = REPS.slice(0, 4 + (n % 5)); // 4–8 reps

  // Stage of each deal: by share, the rounding remainder goes to the first stage.
  const counts = SHARE.map((s) => Math.floor((n * s) / 100));
  counts[0] += n - counts.reduce((a, b) => a + b, 0);

  const now = dayOf(today) + 9 * 3_600_000; // this board's "now"
  const deals = [];
  let serial = 0;
  STAGES.forEach((stage, si) => {
    for (let k = 0; k < counts[si]; k += 1) {
      serial += 1;
      const company = `${pick(PREFIX)} ${pick(SUFFIX)}`;
      const created = now - int(1, 360) * DAY - int(0, DAY - 1);
      // The path so far: every stage before this one (open stages), or a jump to won/lost.
      const path = stage.kind === 'open' ? STAGES.slice(0, si + 1) : [...STAGES.slice(0, int(1, 5)), stage];
      const history = [];
      let t = created;
      for (const s of path) {
        history.push({ stage: s.id, entered: t });
        t += int(1, 20) * DAY;
        if (t > now) t = now - int(0, 3) * DAY;
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
        close_date: rnd() < 0.08 ? null : iso(now + closeDays * DAY),
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
  // Targets last, so that the deals are the same draws as before targets existed.
  const targets = generateTargets(deals, reps, rnd, dayOf(today));
  return {
    format: 'dealboard',
    version: 3,
    saved_at: now,
    app_version: '0.1.0',
    board: {
      stages: STAGES.map((s) => ({ ...s })),
      deals,
      deleted: [],
      settings: { default_currency: 'USD' },
      targets,
      deleted_targets: [],
    },
  };
}

/** A day as UTC midnight ms, from ms or "YYYY-MM-DD". */
function dayOf(when) {
  const ms = typeof when === 'string' ? Date.parse(`${when}T00:00:00Z`) : Number(when);
  if (!Number.isFinite(ms)) throw new Error(`not a day: ${when}`);
  return Math.floor(ms / DAY) * DAY;
}

/**
 * `total` divided in proportion to `weights` in whole units, summing to `total` exactly: the
 * floor of each share, then one unit each to the largest remainders (ties: the earlier one); all
 * zero divides evenly. The app's own split (`allocate` in src/domain/targets/split.rs); the
 * end-to-end tests check the app's splits against this too.
 */
export function allocate(total, weights) {
  const big = BigInt(total);
  const sum0 = weights.reduce((a, w) => a + BigInt(w), 0n);
  const ws = sum0 === 0n ? weights.map(() => 1n) : weights.map((w) => BigInt(w));
  const sum = sum0 === 0n ? BigInt(weights.length) : sum0;
  const shares = ws.map((w) => (big * w) / sum);
  const rems = ws.map((w, i) => [(big * w) % sum, i]);
  let left = Number(big - shares.reduce((a, b) => a + b, 0n));
  rems.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] > b[0] ? -1 : 1));
  for (const [, i] of rems) {
    if (left-- <= 0) break;
    shares[i] += 1n;
  }
  return shares.map(Number);
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The targets a sales manager would have set on this board, as of the day `today` (UTC
 * midnight ms): Won value in USD unless said otherwise, amounts in cents.
 *
 * - the team's year, split by time into its 4 quarters (seasonal weights summing to 100);
 * - the current quarter split by owner: one target per rep of the board (weights: the rep's
 *   share of the won value, ±10 %, as whole percents);
 * - for the current quarter: 2 products and 1 region (Won value), 1 region (Won count);
 * - earlier periods, so that some targets are not current: the team's previous year, and one
 *   product's previous quarter.
 *
 * Amounts follow the deals, not the day: the year is the won value of the board's last 12
 * months (every won deal; at least $100,000) × 1.05–1.25, rounded to $10,000 (last year's:
 * × 0.85–1.0); a product or region gets a quarter of its own won value × 0.9–1.3, rounded to
 * $1,000 (at least $1,000; a count at least 1). The day only picks the periods, and so which
 * quarter's amount the reps share. Every random draw comes from the board's PRNG, after the
 * deals' (which are therefore the same as without targets).
 */
function generateTargets(deals, reps, rnd, today) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const between = (lo, hi) => lo + rnd() * (hi - lo);
  const roundTo = (cents, step) => Math.max(step, Math.round(cents / step) * step);
  const distinct = (list, k) => {
    const copy = [...list];
    for (let i = 0; i < k; i += 1) {
      const j = i + Math.floor(rnd() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };
  const won = deals.filter((d) => d.status === 'won');
  const wonValue = (keep) => won.filter(keep).reduce((sum, d) => sum + d.value, 0);
  const yearWon = Math.max(wonValue(() => true), 10_000_000);

  const d = new Date(today);
  const year = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  const quarter = `${year}-Q${q}`;
  const previousQuarter = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  // When each was set: 09:00 UTC on the first day of its period (not later than today).
  const setOn = (y, month0) => Math.min(Date.UTC(y, month0, 1, 9), today + 9 * 3_600_000);
  const base = (id, period, scope, amount, updated, more = {}) => ({
    id,
    ...(more.parent ? { parent: more.parent } : {}),
    measure: more.measure ?? 'won_value',
    period,
    scope,
    amount,
    currency: 'USD',
    ...(more.split ? { split: more.split, split_by: more.split_by } : {}),
    revision: more.split ? 1 : 0,
    updated,
  });
  const targets = [];

  // The team's year, by quarter: a seasonal plan, heavier towards the year's end.
  const yearId = `bench-t-${year}`;
  const yearAmount = roundTo(yearWon * between(1.05, 1.25), 1_000_000);
  const qWeights = [22 + int(-2, 2), 24 + int(-2, 2), 25 + int(-2, 2)];
  qWeights.push(100 - qWeights.reduce((a, b) => a + b, 0));
  const yearSet = setOn(year, 0);
  targets.push(
    base(yearId, String(year), {}, yearAmount, yearSet, { split: { weights: qWeights }, split_by: 'time' }),
  );
  const qAmounts = allocate(yearAmount, qWeights);
  const sorted = [...reps].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  let repWeights = null;
  qAmounts.forEach((amount, i) => {
    const period = `${year}-Q${i + 1}`;
    const id = `${yearId}-q${i + 1}`;
    if (period !== quarter) {
      targets.push(base(id, period, {}, amount, yearSet, { parent: yearId }));
      return;
    }
    // The current quarter across the reps (in the app's split order: sorted, ignoring case).
    const raw = sorted.map((rep) => Math.max(1, Math.round(wonValue((x) => x.owner === rep) * between(0.9, 1.1))));
    repWeights = allocate(100, raw).map((w) => Math.max(w, 1));
    const qSet = setOn(year, i * 3);
    targets.push(
      base(id, period, {}, amount, qSet, { parent: yearId, split: { weights: repWeights }, split_by: 'owner' }),
    );
    allocate(amount, repWeights).forEach((share, r) => {
      const rep = sorted[r];
      targets.push(base(`${id}-${slug(rep)}`, period, { owner: rep }, share, qSet, { parent: id }));
    });
  });

  // A few products and regions for the current quarter (top-level targets of their own).
  const qSet = setOn(year, (q - 1) * 3);
  const products = distinct(PRODUCTS, 3);
  const regions = distinct(REGIONS, 2);
  for (const product of products.slice(0, 2)) {
    const amount = roundTo((wonValue((x) => x.product === product) / 4) * between(0.9, 1.3), 100_000);
    targets.push(base(`bench-t-${slug(quarter)}-${slug(product)}`, quarter, { product }, amount, qSet));
  }
  {
    const region = regions[0];
    const amount = roundTo((wonValue((x) => x.region === region) / 4) * between(0.9, 1.3), 100_000);
    targets.push(base(`bench-t-${slug(quarter)}-${slug(region)}`, quarter, { region }, amount, qSet));
  }
  {
    const region = regions[1];
    const count = Math.max(1, Math.round((won.filter((x) => x.region === region).length / 4) * between(0.9, 1.3)));
    targets.push(
      base(`bench-t-${slug(quarter)}-${slug(region)}-deals`, quarter, { region }, count, qSet, { measure: 'won_count' }),
    );
  }

  // Earlier periods: last year's team target, and a product's previous quarter.
  const lastYear = roundTo(yearWon * between(0.85, 1.0), 1_000_000);
  targets.push(base(`bench-t-${year - 1}`, String(year - 1), {}, lastYear, setOn(year - 1, 0)));
  {
    const product = products[2];
    const amount = roundTo((wonValue((x) => x.product === product) / 4) * between(0.9, 1.3), 100_000);
    const [py, pq] = previousQuarter.split('-Q').map(Number);
    targets.push(base(`bench-t-${slug(previousQuarter)}-${slug(product)}`, previousQuarter, { product }, amount, setOn(py, (pq - 1) * 3)));
  }

  const ids = new Set(targets.map((t) => t.id));
  if (ids.size !== targets.length) throw new Error('generateTargets: an id is used twice');
  return targets;
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
  const options = {};
  if (opt('--seed') !== undefined) options.seed = Number(opt('--seed'));
  if (opt('--today') !== undefined) options.today = opt('--today');
  const text = generateText(n, options);
  const out = opt('--out');
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text + '\n');
}
